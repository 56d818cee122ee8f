package world_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/flexrun/flexrun/jsapi/world"
)

// FuzzWorldFile: any bytes as a world file give a *FileError or a File
// that a world can be made of; never a panic.
func FuzzWorldFile(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "file", "*.json"))
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{``, `{}`, `[]`, `null`, `{"worker":{}}`, `{"tasks":[{"sid":"WT1"},{"sid":"WT1"}]}`,
		`{"http":[{"method":"get","url":"x","json":{"a":[1,2]}}]}`, `{"clock":"virtual"} {}`, `{"a":1e999}`, "\xff\xfe"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := world.ParseFile("world.json", data)
		if err != nil {
			var fe *world.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error is %T, not *FileError: %v", err, err)
			}
			if file != nil {
				t.Fatalf("both a file and an error: %v", err)
			}
			return
		}
		world.New(file.WithDefaults())
	})
}
