// Package patterns_test runs every pattern directory of examples/patterns
// the way the CLI does,
//
//	flexrun run --world world.json --world-out OUT --plugins plugins scenario.js
//
// and compares what it prints with scenario.stdout and the world's final
// state with world-out.json; UPDATE_GOLDEN=1 rewrites both. Stderr must stay
// empty unless the pattern has a scenario.stderr golden.
package patterns_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/internal/golden"
	"github.com/flexrun/flexrun/jsapi"
	"github.com/flexrun/flexrun/jsapi/world"
	"github.com/flexrun/flexrun/plugins"
)

// minPatterns is how many patterns the directory must hold at least.
const minPatterns = 8

// required are the files every pattern directory has.
var required = []string{"plugins", "world.json", "scenario.js", "scenario.stdout", "world-out.json"}

func TestPatterns(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, ent := range entries {
		if ent.IsDir() && ent.Name()[0] != '.' && ent.Name() != "testdata" {
			dirs = append(dirs, ent.Name())
		}
	}
	if len(dirs) < minPatterns {
		t.Fatalf("found %d patterns (%v), want at least %d", len(dirs), dirs, minPatterns)
	}
	for _, dir := range dirs {
		t.Run(dir, func(t *testing.T) {
			t.Parallel()
			runPattern(t, dir)
		})
	}
}

// runPattern does what cmd/flexrun's run does for one pattern directory and
// checks its goldens.
func runPattern(t *testing.T, dir string) {
	path := func(name string) string { return filepath.Join(dir, name) }
	for _, name := range required {
		if golden.Updating() && (name == "scenario.stdout" || name == "world-out.json") {
			continue // about to be written
		}
		if _, err := os.Stat(path(name)); err != nil {
			t.Fatalf("the pattern lacks %s: %v", name, err)
		}
	}

	f, err := world.ReadFile(path("world.json"))
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr flexruntest.Buffer
	e, h, err := jsapi.New(
		jsapi.Options{Stdout: &stdout, Stderr: &stderr, World: world.New(f)},
		// As the CLI: the engine's reports (listener failures) on stderr,
		// uncaught errors reported once, by RunScript.
		engine.Options{Log: &stderr, OnUncaught: func(*engine.UncaughtError) {}, VirtualTime: f.Clock == "virtual"},
	)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	found, err := plugins.Discover(path("plugins"))
	if err != nil {
		t.Fatal(err)
	}
	if len(found) == 0 {
		t.Fatalf("%s holds no plugin", path("plugins"))
	}
	if _, errs := plugins.NewLoader(e, h, plugins.LoaderOptions{}).LoadAll(ctx, found); len(errs) > 0 {
		t.Fatalf("loading the plugins: %v\nstderr:\n%s", errors.Join(errs...), stderr.String())
	}
	if err := plugins.RunScript(ctx, e, h, path("scenario.js")); err != nil {
		t.Fatalf("scenario.js failed: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	var state []byte
	if err := e.Do(ctx, func(*engine.VM) (err error) {
		state, err = h.World().State()
		return err
	}); err != nil {
		t.Fatal(err)
	}

	golden.Check(t, path("scenario.stdout"), stdout.String())
	golden.Check(t, path("world-out.json"), string(state))
	if _, err := os.Stat(path("scenario.stderr")); err == nil {
		golden.Check(t, path("scenario.stderr"), stderr.String())
	} else if s := stderr.String(); s != "" {
		t.Errorf("stderr is not empty (add a scenario.stderr golden if it should not be):\n%s", s)
	}
}
