// Package golden compares test output with golden files. Run the tests with
// UPDATE_GOLDEN=1 to rewrite the files instead; review the diff before
// committing.
package golden

import (
	"os"
	"strings"
	"testing"
)

// Updating reports whether this run rewrites golden files.
func Updating() bool { return os.Getenv("UPDATE_GOLDEN") != "" }

// Check compares got with the file at path, or rewrites the file when
// Updating. A mismatch names the first differing line.
func Check(t testing.TB, path, got string) {
	t.Helper()
	if Updating() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	want := string(b)
	if want == got {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	i := 0
	for i < len(gl) && i < len(wl) && gl[i] == wl[i] {
		i++
	}
	t.Errorf("%s: mismatch at line %d (UPDATE_GOLDEN=1 rewrites it)\n--- got\n%s--- want\n%s", path, i+1, got, want)
}
