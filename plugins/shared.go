package plugins

// Shared packages: Flex gives every plugin the same react, react-dom, redux
// and react-redux. A plugin project has its own copies installed (they are
// its dependencies), and a plugin built with Flex's tooling leaves them out
// of its bundle; flexrun does the same and runs the project's copy once
// per engine, so that every plugin sees one React, as in Flex.

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/jsapi"
)

// BuildShared bundles the project's copy of a shared package, found at file
// for the import specifier spec (see Bundle.Shared), as a module whose
// exports are what require(spec) gives: module.exports of a CommonJS
// package, the namespace of an ES module. Host modules it imports (react,
// for react-dom) stay the host's, so they are shared too.
func BuildShared(spec, file string) (*Bundle, error) {
	quoted, _ := json.Marshal(file)
	b, err := bundle(file, fmt.Sprintf("%s(require(%s));\n", exportsHook, quoted))
	if err != nil {
		return nil, fmt.Errorf("shared package %s (%s): %w", spec, file, err)
	}
	return b, nil
}

// share gives the host the project's copies of the shared packages a
// bundle imports, built and compiled off the loop, unless the host already
// has one for that name: the first copy found serves every plugin. do
// runs a job on the loop (engine.Engine.Do, or the Loader's bounded one).
func share(ctx context.Context, do func(context.Context, func(*engine.VM) error) error, h *jsapi.Host, shared map[string]string) error {
	for _, spec := range slices.Sorted(maps.Keys(shared)) {
		var wanted bool
		if err := do(ctx, func(*engine.VM) error { wanted = h.WantsPackage(spec); return nil }); err != nil {
			return err
		}
		if !wanted {
			continue
		}
		b, err := BuildShared(spec, shared[spec])
		if err != nil {
			return err
		}
		prog, err := b.Compile()
		if err != nil {
			return fmt.Errorf("shared package %s (%s): %w", spec, b.Path, err)
		}
		if err := do(ctx, func(*engine.VM) error { h.ProvidePackage(spec, prog); return nil }); err != nil {
			return err
		}
		if err := share(ctx, do, h, b.Shared); err != nil { // react-dom's react
			return err
		}
	}
	return nil
}
