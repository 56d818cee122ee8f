package plugins_test

// Fuzz targets of package plugins (issue 10). Each input gets a fresh
// engine; the property is "no panic, no hang, a typed error, and the engine
// serves afterwards".

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/plugins"
)

const fuzzBudget = 50 * time.Millisecond

// loadFuzzPlugin writes src as a plugin file and loads it into a fresh
// engine: nil, or a *plugins.LoadError.
func loadFuzzPlugin(t *testing.T, name string, src []byte) (*flexruntest.Engine, error) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
		t.Fatal(err)
	}
	found, err := plugins.Discover(dir)
	if err != nil || len(found) != 1 {
		t.Fatalf("discover: %v %v", found, err)
	}
	e := flexruntest.New(t, flexruntest.Options{Engine: engine.Options{JobBudget: fuzzBudget}})
	l := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{InitTimeout: 2 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, err = l.Load(ctx, found[0])
	if err != nil {
		var le *plugins.LoadError
		if !errors.As(err, &le) {
			t.Fatalf("load: %T %v, want *plugins.LoadError", err, err)
		}
		if le.Phase == plugins.PhaseCompile {
			var ce *plugins.CompileError
			if !errors.As(err, &ce) {
				t.Fatalf("compile phase: %T %v, want a *plugins.CompileError", le.Err, err)
			}
		}
	}
	return e, err
}

// serves asserts that the engine still runs a Go action invoked from Go.
func serves(t *testing.T, e *flexruntest.Engine) {
	t.Helper()
	if err := servesErr(e); err != nil {
		t.Fatal(err)
	}
}

func servesErr(e *flexruntest.Engine) error {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := e.RegisterAction(ctx, "FuzzSanity", func(_ context.Context, p engine.Payload) (any, error) {
		return map[string]any{"n": p["n"]}, nil
	}); err != nil {
		return fmt.Errorf("register the sanity action: %w", err)
	}
	var got any
	var err error
	for range 5 { // a job of its own may overrun the budget on a loaded machine
		if got, err = e.Invoke(ctx, "FuzzSanity", map[string]any{"n": 1}); err == nil || !strings.Contains(err.Error(), "job time budget") {
			break
		}
	}
	if err != nil {
		return fmt.Errorf("the engine no longer serves: %w", err)
	}
	if m, _ := got.(map[string]any); m == nil || m["n"] != int64(1) {
		return fmt.Errorf("the engine no longer serves: got %#v", got)
	}
	return nil
}

// FuzzPluginSource: any bytes as a plugin file load or fail with a
// *LoadError (a *CompileError when they do not compile), and the engine
// serves afterwards.
func FuzzPluginSource(f *testing.F) {
	for _, pattern := range []string{"testdata/load/*/*.ts", "testdata/load/*/*.js"} {
		files, _ := filepath.Glob(pattern)
		for _, p := range files {
			b, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
	for _, s := range []string{"", "export default 1", "throw 1", "for(;;){}", "await null", "export default class { init() { return new Promise(() => {}); } }",
		"import x from './nope'", "\x00\xff", "const f = () => f(); f();", "`${", "/*"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		e, _ := loadFuzzPlugin(t, "plugin.ts", src)
		serves(t, e)
	})
}
