package plugins_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flexrun/flexrun/plugins"
)

// TestCodeFrameShowsNoRawBytes: a code frame shows a line's control
// characters and non-UTF-8 bytes escaped, with the caret still under the
// error, so that a source line cannot drive the terminal.
func TestCodeFrameShowsNoRawBytes(t *testing.T) {
	t.Parallel()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	src := "// fine\nconst s = \"\x1b[2J\xff\"; const a b = 1;\n"
	if err := os.WriteFile(filepath.Join(dir, "x.js"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = plugins.Build(filepath.Join(dir, "x.js"))
	var ce *plugins.CompileError
	if !errors.As(err, &ce) {
		t.Fatalf("Build = %v, want a *CompileError", err)
	}
	got := ce.Render(dir)
	want := "x.js:2:28: error: Expected \";\" but found \"b\"\n" +
		"    2 | const s = \"\\x1b[2J\\xff\"; const a b = 1;\n" +
		"      | " + strings.Repeat(" ", 33) + "^\n"
	if !strings.HasPrefix(got, want) {
		t.Errorf("Render:\n%s\nwant:\n%s", got, want)
	}
}
