package flexruntest_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
)

func TestRunScriptCollectsOutputPerRun(t *testing.T) {
	e := flexruntest.New(t, flexruntest.Options{})
	first := e.RunScript(`
		import { Actions } from "@twilio/flex-ui";
		Actions.registerAction("Hi", (p) => console.log("hi", p.name));
		console.error("to stderr");
	`)
	if first.Err != nil || first.Stdout != "" || first.Stderr != "to stderr\n" {
		t.Fatalf("first run: %+v", first)
	}
	// A second script sees the first one's registrations: one engine, one realm.
	second := e.RunScript(`await flex.Actions.invokeAction("Hi", { name: "Ada" });`)
	if second.Err != nil || second.Stdout != "hi Ada\n" {
		t.Fatalf("second run: %+v", second)
	}
	if got := e.Stdout(); got != "hi Ada\n" {
		t.Errorf("Stdout() = %q", got)
	}
	if _, err := e.Invoke(context.Background(), "Hi", map[string]any{"name": "Bo"}); err != nil {
		t.Fatal(err)
	}
}

func TestRunScriptReportsFailures(t *testing.T) {
	e := flexruntest.New(t, flexruntest.Options{})
	res := e.RunScript(`Promise.reject(new Error("nobody catches this"));`)
	var u *engine.UncaughtError
	if !errors.As(res.Err, &u) || u.Kind != "unhandled rejection" {
		t.Fatalf("want an unhandled rejection, got %v", res.Err)
	}
}

// A Result prints as a test failure wants it: the JavaScript stack, then
// the output, each stream under its name.
func TestResultString(t *testing.T) {
	e := flexruntest.New(t, flexruntest.Options{})
	res := e.RunScript(`console.log("before"); throw new TypeError("bad");`)
	have := res.String()
	if !strings.HasPrefix(have, "TypeError: bad\n    at ") || !strings.HasSuffix(have, "\nstdout:\nbefore\n") {
		t.Errorf("String() = %q", have)
	}
	if have := (flexruntest.Result{Stderr: "oops\n"}).String(); have != "ok\nstderr:\noops\n" {
		t.Errorf("String() = %q", have)
	}
}

// A run like `flexrun run --world world.json --plugins plugins script.js
// --world-out`: the world file's tasks and clock, the plugins loaded, the
// final state.
func TestWorldFileAndPlugins(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("world.json", `{"tasks": [{"sid": "WR1"}], "clock": "virtual"}`)
	write("plugins/wrap.js", `flex.Actions.addListener("afterAcceptTask", ({ sid }) =>
		setTimeout(() => flex.Actions.invokeAction("WrapupTask", { sid }), 60000));`)
	e := flexruntest.New(t, flexruntest.Options{WorldFile: filepath.Join(dir, "world.json")})
	if gens := e.LoadPlugins(filepath.Join(dir, "plugins")); len(gens) != 1 {
		t.Fatalf("loaded %d plugins, want 1", len(gens))
	}
	res := e.RunScript(`import { Actions } from "@twilio/flex-ui";
		const t0 = Date.now();
		await Actions.invokeAction("AcceptTask", { sid: "WR1" });
		setTimeout(() => console.log("after", Date.now() - t0), 60001);`)
	if res.Err != nil || res.Stdout != "after 60001\n" {
		t.Fatalf("%s", res)
	}
	if state := e.WorldState(); !strings.Contains(state, `"status": "wrapping"`) {
		t.Errorf("WorldState() = %s, want WR1 wrapping", state)
	}
}

// RunSpecs runs each script as a subtest, with its goldens, in the engine
// NewEngine makes; files that Belongs claims are left alone.
func TestRunSpecs(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"prints.js":        `console.log("hello", globalThis.marker); console.error("careful");`,
		"prints.js.stdout": "hello from NewEngine\n",
		"prints.js.stderr": "careful\n",
		"sub/quiet.ts":     `const n: number = 1; if (n !== 1) throw new Error("no");`,
		"sub/data.json":    `{}`,
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex // the specs run in parallel
	var ran []string
	flexruntest.RunSpecs(t, dir, flexruntest.SpecOptions{
		NewEngine: func(t *testing.T, spec string) *flexruntest.Engine {
			mu.Lock()
			ran = append(ran, filepath.Base(spec))
			mu.Unlock()
			e := flexruntest.New(t, flexruntest.Options{})
			if err := e.Do(context.Background(), func(v *engine.VM) error {
				return v.Runtime().Set("marker", "from NewEngine")
			}); err != nil {
				t.Fatal(err)
			}
			return e
		},
		Belongs: func(path string) bool { return strings.HasSuffix(path, ".json") },
	})
	t.Cleanup(func() {
		if len(ran) != 2 {
			t.Errorf("ran %v, want both specs", ran)
		}
	})
}
