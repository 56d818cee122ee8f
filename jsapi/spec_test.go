package jsapi_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flexrun/flexrun/flexruntest"
)

// specDir holds the JS behaviour specs: one script per behaviour area, run
// as a plugin script would be (esbuild, TS, ESM, top-level await). A spec
// asserts with ../assert.js and prints nothing; one whose output is the
// point (console formatting) has its expected stdout next to it in
// <name>.stdout, rewritten with UPDATE_GOLDEN=1.
const specDir = "testdata/spec"

// TestSpecs runs every spec in specDir as a subtest named by its path
// there, so `go test ./jsapi -run TestSpecs/timers.js` runs one.
func TestSpecs(t *testing.T) {
	t.Parallel()
	specs, goldens := specFiles(t)
	for _, g := range goldens {
		if _, ok := specs[strings.TrimSuffix(g, ".stdout")]; !ok {
			t.Errorf("%s: golden file with no spec", filepath.Join(specDir, g))
		}
	}
	for name := range specs {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			runSpec(t, name)
		})
	}
}

// specFiles returns the specs (.js, .ts) and goldens (.stdout) under
// specDir, as paths relative to it with forward slashes.
func specFiles(t *testing.T) (specs map[string]bool, goldens []string) {
	t.Helper()
	specs = map[string]bool{}
	err := filepath.WalkDir(specDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(specDir, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch filepath.Ext(rel) {
		case ".js", ".ts", ".tsx", ".jsx":
			specs[rel] = true
		case ".stdout":
			goldens = append(goldens, rel)
		default:
			t.Errorf("%s: not a spec (.js, .ts) or a golden (.stdout)", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(specs) == 0 {
		t.Fatalf("no specs in %s", specDir)
	}
	return specs, goldens
}

func runSpec(t *testing.T, name string) {
	path := filepath.Join(specDir, filepath.FromSlash(name))
	e := flexruntest.New(t, flexruntest.Options{})
	res := e.RunFile(path)
	if res.Err != nil {
		t.Fatalf("%s failed:\n%s", path, res)
	}
	if res.Stderr != "" {
		t.Errorf("%s wrote to stderr:\n%s", path, res.Stderr)
	}
	golden := path + ".stdout"
	if os.Getenv("UPDATE_GOLDEN") != "" {
		updateGolden(t, golden, res.Stdout)
		return
	}
	want, err := os.ReadFile(golden)
	if errors.Is(err, fs.ErrNotExist) {
		if res.Stdout != "" {
			t.Errorf("%s printed (a spec prints nothing, or has a %s golden):\n%s", path, filepath.Base(golden), res.Stdout)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if res.Stdout != string(want) {
		t.Errorf("%s stdout\nhave:\n%s\nwant (%s):\n%s", path, res.Stdout, golden, want)
	}
}

// updateGolden writes the golden of a spec that printed and removes the
// golden of one that did not.
func updateGolden(t *testing.T, golden, stdout string) {
	t.Helper()
	if stdout == "" {
		if err := os.Remove(golden); err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
		return
	}
	if err := os.WriteFile(golden, []byte(stdout), 0o644); err != nil {
		t.Fatal(err)
	}
}
