package plugins_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/plugins"
)

// propertyEscapesPlugin tests regular expression literals with Unicode
// property escapes; propertyEscapesNode is what Node 20 prints for it
// (node -e, once), and what the plugin must print under flexrun. The
// string, the comment and the divisions must come through untouched.
const propertyEscapesPlugin = `// a comment with /\p{L}/u in it
const s = "/\\p{L}/u";
const a = 6, b = 2, c = 3;
const r = [
  JSON.stringify("123 héllo wörld".match(/\p{L}+/u)),
  JSON.stringify("Ωmega, 日本語 and 𝒳yz!".match(/\p{L}+/gu)),
  /\p{Lu}/u.test("a"), /\p{Lu}/u.test("É"), /^\p{Lu}$/u.test("𝒳"),
  /\P{L}/u.test("abc"), /\P{L}/u.test("ab1"), /^\P{L}$/u.test("😀"),
  /^[\p{N}_]+$/u.test("12_٣४"), /^[\p{N}_]+$/u.test("12a"),
  /^[^\p{N}_]+$/u.test("abc"), /^[^\p{N}_]+$/u.test("a_c"),
  /\p{Script=Greek}/u.test("abc"), /^\p{Script=Greek}+$/u.test("αβγΩ"), /\p{sc=Greek}/u.test("x"),
  /\P{Lu}/ui.test("A"), /\p{Lu}/ui.test("a"),
  /^[\P{L}x]+$/u.test("1x2"), /^[\P{L}x]+$/u.test("1y2"),
  /\p{Letter}/u.test("z"), /\p{General_Category=Decimal_Number}/u.test("7"),
  /\p{White_Space}/u.test("\u00a0"), /^\p{Any}$/u.test("😀"), /\p{ASCII}/u.test("é"),
  /\p{Alphabetic}/u.test("ª"), /\p{Uppercase}/u.test("Ⓐ"),
  /\\p\{L\}/u.test("\\p{L}"), /\p{L}/.test("p{L}"),
  a / b / c, s,
];
console.log(r.join("\n"));
`

const propertyEscapesNode = `["héllo"]
["Ωmega","日本語","and","𝒳yz"]
false
true
true
false
true
true
true
false
true
false
false
true
false
true
true
true
false
true
true
true
true
false
true
true
true
true
1
/\p{L}/u
`

// TestPropertyEscapes: regular expression literals with Unicode property
// escapes answer as in Node (goja alone answers false, or null, for all of
// them).
func TestPropertyEscapes(t *testing.T) {
	t.Parallel()
	root := writeLoadTree(t, map[string]string{"plugins/re.js": propertyEscapesPlugin})
	e := flexruntest.New(t, flexruntest.Options{})
	e.LoadPlugins(filepath.Join(root, "plugins"))
	if got := e.Stdout(); got != propertyEscapesNode {
		t.Errorf("stdout:\n%s\nwant (Node's):\n%s", got, propertyEscapesNode)
	}
}

// TestPropertyEscapeUnknown: a property flexrun cannot rewrite is a compile
// error at the literal, never a regexp that silently matches nothing.
func TestPropertyEscapeUnknown(t *testing.T) {
	t.Parallel()
	root := writeLoadTree(t, map[string]string{"plugins/emoji.ts": "const ok = /\\p{L}/u;\nexport const isEmoji = (s: string) => /\\p{Emoji}/u.test(s);\n"})
	found, err := plugins.Discover(filepath.Join(root, "plugins"))
	if err != nil {
		t.Fatal(err)
	}
	var ce *plugins.CompileError
	if err := plugins.Check(found[0]); !errors.As(err, &ce) {
		t.Fatalf("Check = %v, want a *CompileError", err)
	}
	got := ce.Render(root)
	want := "plugins/emoji.ts:2:39: error: the Unicode property escape \\p{Emoji}: \"Emoji\" is not a general category, script or binary property that flexrun knows"
	if !strings.HasPrefix(got, want) || !strings.Contains(got, "    2 | export const isEmoji") {
		t.Errorf("Check:\n%s\nwant it to start with:\n%s", got, want)
	}
}

// TestGojaPropertyEscapeBug documents why rewritePropertyEscapes exists:
// when an upgrade of goja makes this fail, property escapes work natively
// and the rewrite can go.
func TestGojaPropertyEscapeBug(t *testing.T) {
	t.Parallel()
	v, err := goja.New().RunString(`/\p{L}/u.test("a")`)
	if err != nil || v.Export() != false {
		t.Errorf(`goja: /\p{L}/u.test("a") = %v, %v; the rewrite of property escapes may be unneeded now`, v, err)
	}
}
