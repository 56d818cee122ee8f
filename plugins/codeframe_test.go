package plugins_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/plugins"
)

func TestStackCodeFrame(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(rel, src string) string {
		path := filepath.Join(dir, rel)
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(src), 0o644))
		return path
	}
	plugin := write("plugin.js", "function f(opts) {\n  const { a } = opts;\n}\r\n\tx.y;\r\n")
	spaced := write("my (copy)/plugin.js", "one\ntwo();\n")
	lib := write("node_modules/lib/index.js", "exports.f = (o) => o.x.y;\n")
	wide := write("wide.js", `const s = "é😀"; s.q();`+"\n")
	binary := write("binary.js", "\xff\xfe\n")
	long := write("long.js", strings.Repeat("x", 600)+"\n")
	big := write("big.js", strings.Repeat("//\n", 3<<20))
	secret := write("secret.txt", "password\n")

	tests := []struct {
		name string
		have []string
		want string
	}{
		{"named frame", []string{"TypeError: Value is not object coercible\n    at f (" + plugin + ":2:17)\n    at " + plugin + ":9:1"},
			plugin + ":2:17\n    2 |   const { a } = opts;\n      |                 ^\n"},
		{"bare frame, CR dropped, tab kept", []string{"E\n    at " + plugin + ":4:2"},
			plugin + ":4:2\n    4 | \tx.y;\n      | \t^\n"},
		{"path with blanks and parentheses", []string{"E\n    at g (" + spaced + ":2:1)"},
			spaced + ":2:1\n    2 | two();\n      | ^\n"},
		{"bare path with blanks and parentheses", []string{"E\n    at " + spaced + ":2:4"},
			spaced + ":2:4\n    2 | two();\n      |    ^\n"},
		{"columns count UTF-16 code units", []string{"E\n    at " + wide + ":1:18"},
			wide + ":1:18\n    1 | const s = \"é😀\"; s.q();\n      |                 ^\n"},
		{"flexrun's own frames and natives are skipped", []string{"E\n    at invokeAction (native)\n    at flexrun:entry:1:1\n    at <eval>:1:1\n    at REPL1:1:1\n    at " + plugin + ":2:3"},
			plugin + ":2:3\n    2 |   const { a } = opts;\n      |   ^\n"},
		{"node_modules gives way to user code", []string{"E\n    at f (" + lib + ":1:22)\n    at " + plugin + ":2:3"},
			plugin + ":2:3\n    2 |   const { a } = opts;\n      |   ^\n"},
		{"node_modules when nothing else", []string{"E\n    at f (" + lib + ":1:22)\n    at invokeAction (native)"},
			lib + ":1:22\n    1 | exports.f = (o) => o.x.y;\n      |                      ^\n"},
		{"first stack with a user frame wins", []string{"", "E\n    at invokeAction (native)", "E\n    at " + plugin + ":1:1"},
			plugin + ":1:1\n    1 | function f(opts) {\n      | ^\n"},
		{"column past the end puts the caret after the line", []string{"E\n    at " + plugin + ":1:99"},
			plugin + ":1:99\n    1 | function f(opts) {\n      |                   ^\n"},

		{"no stack", nil, ""},
		{"message only", []string{"Error: boom"}, ""},
		{"relative path", []string{"E\n    at plugin.js:1:1"}, ""},
		{"missing file", []string{"E\n    at " + filepath.Join(dir, "gone.js") + ":1:1"}, ""},
		{"directory", []string{"E\n    at " + dir + ":1:1"}, ""},
		{"line past the end", []string{"E\n    at " + plugin + ":99:1"}, ""},
		{"line 0", []string{"E\n    at " + plugin + ":0:1"}, ""},
		{"not a number", []string{"E\n    at " + plugin + ":x:1"}, ""},
		{"not UTF-8", []string{"E\n    at " + binary + ":1:1"}, ""},
		{"minified line", []string{"E\n    at " + long + ":1:1"}, ""},
		{"file too big", []string{"E\n    at " + big + ":1:1"}, ""},
		{"not a source file (a stack code set)", []string{"E\n    at " + secret + ":1:1"}, ""},
		{"not indented: not a frame", []string{"at " + plugin + ":1:1"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, plugins.StackCodeFrame(tt.have...))
		})
	}
}
