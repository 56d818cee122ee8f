package web_test

import (
	"io/fs"
	"path/filepath"
	"testing"

	"github.com/flexrun/flexrun/flexruntest"
)

// The JS behaviour specs of the globals this package added after the ones
// in jsapi/testdata/spec: events, window, document, Audio, location,
// navigator, URLSearchParams serialization. Each runs as a script in its
// own engine, asserts with jsapi/testdata/assert.js and prints nothing;
// `go test ./jsapi/web -run TestSpecs/audio.js` runs one.
const specDir = "testdata/spec"

func TestSpecs(t *testing.T) {
	t.Parallel()
	var specs []string
	err := filepath.WalkDir(specDir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			specs = append(specs, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(specs) == 0 {
		t.Fatalf("no specs in %s", specDir)
	}
	for _, path := range specs {
		name, _ := filepath.Rel(specDir, path)
		t.Run(filepath.ToSlash(name), func(t *testing.T) {
			t.Parallel()
			res := flexruntest.New(t, flexruntest.Options{}).RunFile(path)
			if res.Err != nil {
				t.Fatalf("%s failed:\n%s", path, res)
			}
			if res.Stdout != "" || res.Stderr != "" {
				t.Errorf("%s printed (a spec prints nothing):\n%s", path, res)
			}
		})
	}
}
