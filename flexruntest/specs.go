package flexruntest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flexrun/flexrun/internal/golden"
)

// SpecOptions configure RunSpecs. The zero value works.
type SpecOptions struct {
	// NewEngine starts the engine one spec runs in. Default: New(t,
	// Options{}).
	NewEngine func(t *testing.T, spec string) *Engine
	// Belongs reports whether a file in the directory that is neither a
	// spec nor a golden belongs to a spec (a world file, a helper module
	// the specs import); any other file is an error. Default: none does.
	Belongs func(path string) bool
}

// specExts are the scripts RunSpecs runs.
var specExts = map[string]bool{".js": true, ".ts": true, ".tsx": true, ".jsx": true, ".mjs": true}

// RunSpecs runs every script under dir as a subtest named by its path
// there (`go test -run 'TestSpecs/timers.js'` runs one), each in a fresh
// engine. A spec asserts (a throw fails it) and prints nothing, unless
// goldens next to it say what it prints: SPEC.stdout and SPEC.stderr
// (spec file name plus the stream's), rewritten with UPDATE_GOLDEN=1. A
// golden without its spec, and a file that is neither, fail the test.
func RunSpecs(t *testing.T, dir string, opts SpecOptions) {
	t.Helper()
	if opts.NewEngine == nil {
		opts.NewEngine = func(t *testing.T, _ string) *Engine { return New(t, Options{}) }
	}
	var specs []string
	specSet := map[string]bool{}
	var goldens, strays []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil || d.IsDir():
			return err
		case specExts[filepath.Ext(path)]:
			specs = append(specs, path)
			specSet[path] = true
		case strings.HasSuffix(path, ".stdout") || strings.HasSuffix(path, ".stderr"):
			goldens = append(goldens, path)
		case opts.Belongs == nil || !opts.Belongs(path):
			strays = append(strays, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(specs) == 0 {
		t.Fatalf("no specs in %s", dir)
	}
	for _, g := range goldens {
		if !specSet[strings.TrimSuffix(strings.TrimSuffix(g, ".stdout"), ".stderr")] {
			t.Errorf("%s: a golden with no spec", g)
		}
	}
	for _, s := range strays {
		t.Errorf("%s: not a spec (%s), a golden (.stdout, .stderr) or a file of one", s, "js, ts, tsx, jsx, mjs")
	}
	for _, path := range specs {
		name, _ := filepath.Rel(dir, path)
		t.Run(filepath.ToSlash(name), func(t *testing.T) {
			t.Parallel()
			res := opts.NewEngine(t, path).RunFile(path)
			if res.Err != nil {
				t.Fatalf("%s failed:\n%s", path, res)
			}
			checkOutput(t, path+".stdout", res.Stdout)
			checkOutput(t, path+".stderr", res.Stderr)
		})
	}
}

// checkOutput compares out with the golden at path; no golden means no
// output (and updating removes a golden that is no longer printed).
func checkOutput(t *testing.T, path, out string) {
	t.Helper()
	_, err := os.Stat(path)
	exists := err == nil
	switch {
	case golden.Updating() && out == "":
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
	case golden.Updating() || exists:
		golden.Check(t, path, out)
	case out != "":
		t.Errorf("%s printed (a spec prints nothing, or has a %s golden):\n%s", strings.TrimSuffix(path, filepath.Ext(path)), filepath.Ext(path), out)
	}
}
