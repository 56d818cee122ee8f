package plugins

import (
	"context"
	"errors"
	"fmt"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/jsapi"
)

// ErrUnsettled is returned by RunScript when the engine went idle while the
// script's top-level await was still waiting: nothing can settle it any more.
var ErrUnsettled = errors.New("unsettled top-level await: the script waits for a promise nothing will settle")

// RunScript builds the script at path (JS or TS, ES module, top-level await
// allowed), runs it as engine.ScriptOwner and waits until the engine has no
// work left, like node. It returns a *CompileError when the script does not
// build, an *engine.UncaughtError when it throws or leaves a rejection
// unhandled, and ErrUnsettled when its top level never finishes.
func RunScript(ctx context.Context, e *engine.Engine, h *jsapi.Host, path string) error {
	b, err := Build(path)
	if err != nil {
		return err
	}
	prog, err := b.Compile()
	if err != nil {
		return err // a *CompileError at the script's line, as esbuild's
	}
	if err := share(ctx, e.Do, h, b.Shared); err != nil {
		return err
	}
	var done *goja.Promise
	err = e.Do(ctx, func(v *engine.VM) error {
		ev, err := h.Run(v, engine.ScriptOwner, prog)
		if err != nil {
			v.ReportUncaught(engine.ScriptOwner, err)
			return nil
		}
		done = ev.Done
		// A throw in the module body is an uncaught error, not a rejection.
		v.Then(v.Runtime().ToValue(done), func(goja.Value) {}, func(reason goja.Value) {
			v.ReportUncaught(engine.ScriptOwner, v.Thrown(reason))
		})
		return nil
	})
	if err != nil && !errors.Is(err, engine.ErrAborted) {
		return err
	}
	if err := e.Wait(ctx); err != nil {
		return err
	}
	var state goja.PromiseState
	if err := e.Do(ctx, func(*engine.VM) error {
		if done != nil {
			state = done.State()
		} else {
			state = goja.PromiseStateFulfilled
		}
		return nil
	}); err != nil {
		return err
	}
	if state == goja.PromiseStatePending {
		return fmt.Errorf("%s: %w", path, ErrUnsettled)
	}
	return nil
}
