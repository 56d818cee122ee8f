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
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/internal/golden"
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

	e := flexruntest.New(t, flexruntest.Options{WorldFile: path("world.json"), Timeout: 60 * time.Second})
	if len(e.LoadPlugins(path("plugins"))) == 0 {
		t.Fatalf("%s holds no plugin", path("plugins"))
	}
	res := e.RunFile(path("scenario.js"))
	if res.Err != nil {
		t.Fatalf("scenario.js failed: %s", res)
	}
	stdout, stderr, state := res.Stdout, e.Stderr(), e.WorldState()

	golden.Check(t, path("scenario.stdout"), stdout)
	golden.Check(t, path("world-out.json"), state)
	if _, err := os.Stat(path("scenario.stderr")); err == nil {
		golden.Check(t, path("scenario.stderr"), stderr)
	} else if s := stderr; s != "" {
		t.Errorf("stderr is not empty (add a scenario.stderr golden if it should not be):\n%s", s)
	}
}
