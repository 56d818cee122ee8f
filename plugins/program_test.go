package plugins_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/plugins"
)

// TestGojaCompileErrorAtSource: code esbuild accepts and goja does not
// compile is a *CompileError at the plugin's own line and column, with its
// code frame (it was goja's "Line 37:5" of the bundle, not a compile error).
func TestGojaCompileErrorAtSource(t *testing.T) {
	t.Parallel()
	root := writeLoadTree(t, map[string]string{
		"plugins/dyn.ts": "const name: string = \"./x.js\";\nexport const later = () =>\n  import(name);\n",
	})
	found, err := plugins.Discover(filepath.Join(root, "plugins"))
	if err != nil {
		t.Fatal(err)
	}
	err = plugins.Check(found[0])
	var ce *plugins.CompileError
	if !errors.As(err, &ce) {
		t.Fatalf("Check = %v, want a *CompileError", err)
	}
	want := "plugins/dyn.ts:3:3: error: Unexpected reserved word\n" +
		"    3 |   import(name);\n" +
		"      |   ^\n" +
		"note: esbuild accepts this code, but goja, the JavaScript engine flexrun runs plugins on, does not\n"
	if got := ce.Render(root); got != want {
		t.Errorf("Check:\n%s\nwant:\n%s", got, want)
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestOddFileNames: a file name that is not a plain URL path keeps its real
// name in stack frames and compile errors (source map sources are URLs: a
// "%" must not be unescaped, a tab must not break the source map, a
// backslash is not a "/").
func TestOddFileNames(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"per%20cent.js", `back\slash.js`, "tab\there.js", "sp ace.js"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			root := writeLoadTree(t, map[string]string{
				"plugins/" + name:          "import { lib } from " + jsString("./lib/"+name) + ";\nlib();\n",
				"plugins/lib/" + name:      "export function lib() {\n  throw new Error(\"boom\");\n}\n",
				"plugins/bad/index.js":     "import " + jsString("../lib/"+name) + ";\nimport " + jsString("./"+name) + ";\n",
				"plugins/bad/" + name:      "const m = \"x\";\nimport(m);\n",
				"plugins/lib/unused.js":    "",
				"plugins/lib/package.json": "{}",
			})
			if _, err := os.Stat(filepath.Join(root, "plugins", name)); err != nil {
				t.Skipf("no such file names here: %v", err)
			}
			found, err := plugins.Discover(filepath.Join(root, "plugins"))
			if err != nil {
				t.Fatal(err)
			}
			e := flexruntest.New(t, flexruntest.Options{})
			l := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{})
			byName := map[string]plugins.Plugin{}
			for _, p := range found {
				byName[filepath.Base(p.Name)] = p
			}

			_, err = l.Load(context.Background(), byName[name])
			var js *engine.JSError
			if !errors.As(err, &js) {
				t.Fatalf("Load(%q) = %v, want the plugin's throw", name, err)
			}
			frame := "(" + filepath.Join(root, "plugins", "lib", name) + ":2:9)"
			if !strings.Contains(js.Stack, frame) {
				t.Errorf("stack does not name %s:\n%s", frame, js.Stack)
			}

			_, err = l.Load(context.Background(), byName["bad"])
			var ce *plugins.CompileError
			if !errors.As(err, &ce) {
				t.Fatalf("Load(bad) = %v, want a *CompileError", err)
			}
			want := filepath.Join("plugins", "bad", name) + ":2:1: error: Unexpected reserved word\n    2 | import(m);\n      | ^\n"
			if got := ce.Render(root); !strings.HasPrefix(got, want) {
				t.Errorf("compile error:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
