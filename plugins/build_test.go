package plugins_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/golden"
	"github.com/flexrun/flexrun/plugins"
)

// flexHost is the host object the tests hand out for host modules, keyed by
// specifier.
const flexHost = `({
	"@twilio/flex-ui": { Actions: { name: "Actions" }, Manager: { name: "Manager" } },
	"@twilio/flex-ui/sub": { sub: true },
	"react": {
		createElement: (type, props, ...children) => ({ type, props, children }),
		Fragment: "Fragment",
	},
})`

func TestBuildTypeScript(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{"plugin.ts": `
import type { Actions } from "@twilio/flex-ui";

export enum Channel { Voice = "voice", Chat = "chat" }

class Greeter {
  constructor(private readonly name: string, public count = 0) {}
  async greet(): Promise<string> {
    await new Promise<void>((resolve) => resolve());
    return "hello " + this.name;
  }
}

type Handler = (a: typeof Actions) => void;
const unused: Handler | undefined = undefined;

export const greeting = await new Greeter("flex").greet();
export const channel: Channel = Channel.Chat;
`})
	b := build(t, filepath.Join(dir, "plugin.ts"))
	r := load(t, b, flexHost)
	r.check(t, `ns.greeting === "hello flex"`)
	r.check(t, `ns.channel === "chat" && ns.Channel.Voice === "voice"`)
	if len(r.required) != 0 {
		t.Errorf("import type required host modules %q", r.required)
	}
}

func TestBuildHostImports(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"plugin.ts": `
import { Actions } from "@twilio/flex-ui";
import * as Flex from "@twilio/flex-ui";
import FlexDefault from "@twilio/flex-ui";
import React from "react";
import { sub } from "@twilio/flex-ui/sub";
import { fromCJS } from "./legacy.cjs";

export const seen = { Actions, Flex, FlexDefault, React, sub, fromCJS };
`,
		"legacy.cjs": `exports.fromCJS = require("@twilio/flex-ui");`,
	})
	r := load(t, build(t, filepath.Join(dir, "plugin.ts")), flexHost)
	r.check(t, `ns.seen.Actions === host["@twilio/flex-ui"].Actions`)
	r.check(t, `ns.seen.Flex.Actions === host["@twilio/flex-ui"].Actions`)
	r.check(t, `ns.seen.Flex.Manager === host["@twilio/flex-ui"].Manager`)
	r.check(t, `ns.seen.FlexDefault === host["@twilio/flex-ui"]`)
	r.check(t, `ns.seen.React === host.react`)
	r.check(t, `ns.seen.sub === true`)
	r.check(t, `ns.seen.fromCJS === host["@twilio/flex-ui"]`)
	want := []string{"@twilio/flex-ui", "react", "@twilio/flex-ui/sub"}
	if !reflect.DeepEqual(r.required, want) {
		t.Errorf("required %q, want %q (each once, in import order)", r.required, want)
	}
}

// The shared packages (react, react-dom, redux, react-redux) are host
// modules, as in a Flex plugin build; where the project has its own copy,
// the bundle says where, for the host to run that copy.
func TestBuildSharedPackages(t *testing.T) {
	t.Parallel()
	src := `
import { createStore } from "redux";
import { connect } from "react-redux";
import { jsx } from "react/jsx-runtime";
export const seen = { createStore, connect, jsx };
`
	bare := writeTree(t, map[string]string{"plugin.js": src})
	b := build(t, filepath.Join(bare, "plugin.js"))
	r := load(t, b, `({
		"redux": { createStore: "host's" }, "react-redux": { connect: "host's" }, "react/jsx-runtime": { jsx: "host's" },
	})`)
	r.check(t, `ns.seen.createStore === "host's" && ns.seen.connect === "host's" && ns.seen.jsx === "host's"`)
	if b.Shared != nil {
		t.Errorf("Shared = %v without node_modules, want nil", b.Shared)
	}

	own := writeTree(t, map[string]string{
		"plugin.js":                         src,
		"node_modules/redux/package.json":   `{"name": "redux", "main": "lib/redux.js"}`,
		"node_modules/redux/lib/redux.js":   `exports.createStore = "project's";`,
		"node_modules/react-redux/index.js": `exports.connect = "project's";`,
		"node_modules/react/jsx-runtime.js": `exports.jsx = "project's";`,
	})
	b = build(t, filepath.Join(own, "plugin.js"))
	r = load(t, b, `({ "redux": {}, "react-redux": {}, "react/jsx-runtime": {} })`)
	if want := []string{"redux", "react-redux", "react/jsx-runtime"}; !reflect.DeepEqual(r.required, want) {
		t.Errorf("required %q, want %q: shared packages always come from the host", r.required, want)
	}
	real := func(rel string) string {
		p, err := filepath.EvalSymlinks(filepath.Join(own, rel))
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	want := map[string]string{
		"redux":             real("node_modules/redux/lib/redux.js"),
		"react-redux":       real("node_modules/react-redux/index.js"),
		"react/jsx-runtime": real("node_modules/react/jsx-runtime.js"),
	}
	if !reflect.DeepEqual(b.Shared, want) {
		t.Errorf("Shared = %v, want %v", b.Shared, want)
	}
	for spec, file := range b.Shared {
		sb, err := plugins.BuildShared(spec, file)
		if err != nil {
			t.Fatal(err)
		}
		r := load(t, sb, `({})`)
		r.check(t, `Object.values(ns).includes("project's")`)
	}
}

// A host object marked __esModule is an ES module seen through CommonJS: its
// default import is its "default" property.
func TestBuildHostDefaultOfESModule(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{"plugin.js": `
import Flex, { Actions } from "@twilio/flex-ui";
export const seen = { Flex, Actions };
`})
	r := load(t, build(t, filepath.Join(dir, "plugin.js")), `({
		"@twilio/flex-ui": { __esModule: true, default: { isDefault: true }, Actions: 1 },
	})`)
	r.check(t, `ns.seen.Flex === host["@twilio/flex-ui"].default && ns.seen.Actions === 1`)
}

func TestBuildTopLevelAwait(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{"plugin.ts": `
import { ready } from "@twilio/flex-ui";
export const before = "set";
export const value: number = await ready;
`})
	b := build(t, filepath.Join(dir, "plugin.ts"))
	r := start(t, b, `(() => {
		let resolve;
		const ready = new Promise((r) => { resolve = r; });
		return { "@twilio/flex-ui": { ready, resolve } };
	})()`)
	if s := r.done.State(); s != goja.PromiseStatePending {
		t.Fatalf("module promise is %v before the awaited promise settled, want pending", s)
	}
	if r.ns != nil {
		t.Fatal("__flexrun_exports was called before the module body finished")
	}
	if _, err := r.vm.RunString(`host["@twilio/flex-ui"].resolve(42)`); err != nil {
		t.Fatal(err)
	}
	if s := r.done.State(); s != goja.PromiseStateFulfilled {
		t.Fatalf("module promise is %v after the awaited promise settled: %v", s, r.done.Result())
	}
	r.check(t, `ns.value === 42 && ns.before === "set"`)
}

func TestBuildFiles(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"src/plugin.ts":                     `import { h } from "./helper"; import { x } from "../lib/x.ts"; import pad from "leftpad"; export const v = h + x + pad;`,
		"src/helper.ts":                     `export const h: string = "h";`,
		"lib/x.ts":                          `export const x = "x";`,
		"node_modules/leftpad/package.json": `{"name": "leftpad", "main": "index.js"}`,
		"node_modules/leftpad/index.js":     `module.exports = "pad";`,
		"src/unused.ts":                     `export const never = 1;`,
	})
	b := build(t, filepath.Join(dir, "src", "plugin.ts"))
	want := []string{
		filepath.Join(dir, "lib", "x.ts"),
		filepath.Join(dir, "node_modules", "leftpad", "index.js"),
		filepath.Join(dir, "src", "helper.ts"),
		filepath.Join(dir, "src", "plugin.ts"),
	}
	if !reflect.DeepEqual(b.Files, want) {
		t.Errorf("Files:\nhave %q\nwant %q", b.Files, want)
	}
	if b.Path != filepath.Join(dir, "src", "plugin.ts") {
		t.Errorf("Path = %q", b.Path)
	}
	load(t, b, flexHost).check(t, `ns.v === "hxpad"`)
}

func TestBuildCodeShape(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{"plugin.js": `export const a = 1;`})
	code := build(t, filepath.Join(dir, "plugin.js")).Code
	lines := strings.Split(strings.TrimRight(code, "\n"), "\n")
	if lines[0] != "(async function (__flexrun_require, __flexrun_exports, flex, Twilio, setTimeout, setInterval, clearTimeout, clearInterval, window, self, globalThis) {" {
		t.Errorf("first line = %q", lines[0])
	}
	n := len(lines)
	if lines[n-1] != "})" || !strings.HasPrefix(lines[n-2], "//# sourceMappingURL=data:application/json;base64,") {
		t.Errorf("last lines = %q", lines[n-2:])
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "import ") || strings.HasPrefix(l, "export ") {
			t.Errorf("module statement left in the bundle: %q", l)
		}
	}
}

func TestBuildLowersWhatGojaRejects(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{"plugin.ts": `
async function* gen(): AsyncGenerator<number> {
  yield 1;
  await null;
  yield* [2, 3];
}
const got: number[] = [];
for await (const x of gen()) got.push(x);

class Counter {
  static created = 0;
  #count = 0;
  label = "c";
  static { Counter.created = -1; }
  #bump(): number { return ++this.#count; }
  inc(): number { return this.#bump(); }
  static has(o: object): boolean { return #count in o; }
}
const c = new Counter();
c.inc();

const o: any = { a: { b: 2 } };
let z: number | undefined;
z ??= 7;
let w = 0;
w ||= 8;
const spread = { ...o.a, c: 3 };
const { b, ...rest } = spread;
let caught = "";
try { throw 1; } catch { caught = "yes"; }

export const result = {
  got, count: c.inc(), label: c.label, has: Counter.has(c), created: Counter.created,
  chain: o?.a?.b, missing: o.q?.r ?? "none", call: o.f?.(), z, w, rest, caught,
  meta: typeof import.meta,
};
`})
	r := load(t, build(t, filepath.Join(dir, "plugin.ts")), flexHost)
	r.check(t, `JSON.stringify(ns.result) === JSON.stringify({
		got: [1, 2, 3], count: 2, label: "c", has: true, created: -1,
		chain: 2, missing: "none", z: 7, w: 8, rest: { c: 3 }, caught: "yes", meta: "object",
	})`)
}

// Class fields are lowered to constructor assignments: goja's own field
// initializers read a wrong value when an arrow field uses this in a class
// declared inside a function that received arguments (the shape of many
// Flex plugins' state singletons). TestGojaClassFieldBug says whether goja
// still needs it.
func TestBuildLowersClassFields(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{"plugin.ts": `
function make(a: number, b: number) {
  const shared = { y: a + b };
  class State {
    static count = 1;
    static #secret = 2;
    m = shared;
    #n = 3;
    self = () => this;
    get n() { return this.#n; }
    #twice() { return this.#n * 2; }
    twice() { return this.#twice(); }
    static secret() { return State.#secret; }
    static has(o: object) { return #n in o; }
  }
  const s = new State();
  return [s.m.y, s.self() === s, s.n, s.twice(), State.count, State.secret(), State.has(s)];
}
export const result = make(1, 2);
`})
	r := load(t, build(t, filepath.Join(dir, "plugin.ts")), flexHost)
	r.check(t, `JSON.stringify(ns.result) === JSON.stringify([3, true, 3, 6, 1, 2, true])`)
}

// TestGojaClassFieldBug pins the goja bug that TestBuildLowersClassFields
// works around: when it fails, goja runs class fields right and the
// lowering (build.go, "class-field") can go.
func TestGojaClassFieldBug(t *testing.T) {
	t.Parallel()
	_, err := goja.New().RunString(`function g(a, b, c) { const x = { y: 1 }; class C { m = x; f = () => this }; return new C().m.y } g(1, 2, 3)`)
	if err == nil || !strings.Contains(err.Error(), "Value is not an Object") {
		t.Fatalf("goja's class fields: err = %v, want \"Value is not an Object\"", err)
	}
}

// Assets load as the Flex plugin builder (create-react-app's loaders)
// loads them: images as data: URLs, an SVG also as a ReactComponent.
func TestBuildAssets(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"plugin.js": `import logo, { ReactComponent as Logo } from "./logo.svg";
import pic from "./pic.png";
export const seen = { logo, el: Logo({ width: 2 }), pic };`,
		"logo.svg": `<svg xmlns="http://www.w3.org/2000/svg"/>`,
		"pic.png":  "\x89PNG",
	})
	r := load(t, build(t, filepath.Join(dir, "plugin.js")), flexHost)
	r.check(t, `ns.seen.logo === "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4="`)
	r.check(t, `ns.seen.el.type === "svg" && ns.seen.el.props.width === 2 && ns.seen.el.props["data-src"] === ns.seen.logo`)
	r.check(t, `ns.seen.pic.startsWith("data:image/png;base64,")`)
}

// A Node.js built-in resolves to the browser version webpack 4 bundled for
// it, when the project has that installed.
func TestBuildNodePolyfills(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"plugin.js": `import https from "https"; import { EventEmitter } from "node:events";
export const seen = [https.name, typeof EventEmitter];`,
		"node_modules/https-browserify/index.js": `exports.name = "https-browserify";`,
		"node_modules/events/index.js":           `exports.EventEmitter = function EventEmitter() {};`,
	})
	r := load(t, build(t, filepath.Join(dir, "plugin.js")), flexHost)
	r.check(t, `ns.seen[0] === "https-browserify" && ns.seen[1] === "function"`)
}

func TestBuildJSX(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"plugin.tsx": `
import React from "react";
import { Label } from "./label.jsx";
import { Legacy } from "./legacy.js";
export const el = <div className="x"><Label text="hi" /><Legacy /></div>;
`,
		"label.jsx": `import React from "react"; export const Label = ({ text }) => <><b>{text}</b></>;`,
		"legacy.js": `import React from "react"; export function Legacy() { return <i />; }`,
	})
	r := load(t, build(t, filepath.Join(dir, "plugin.tsx")), flexHost)
	r.check(t, `ns.el.type === "div" && ns.el.props.className === "x"`)
	r.check(t, `typeof ns.el.children[0].type === "function" && ns.el.children[0].props.text === "hi"`)
	r.check(t, `ns.el.children[0].type({ text: "hi" }).type === "Fragment"`)
}

func TestBuildModuleKinds(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"plugin.cjs": `const { helper } = require("./helper.mjs"); const Flex = require("@twilio/flex-ui"); module.exports = { name: helper(), flex: Flex };`,
		"helper.mjs": `import Flex from "@twilio/flex-ui"; export const helper = () => "mjs:" + typeof Flex.Actions;`,
	})
	r := load(t, build(t, filepath.Join(dir, "plugin.cjs")), flexHost)
	r.check(t, `ns.default.name === "mjs:object" && ns.default.flex === host["@twilio/flex-ui"]`)
}

func TestBuildUnknownBareImport(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{"plugin.ts": "import { a } from \"./ok\";\n\nimport { chunk } from \"lodash-es\";\nexport const v = chunk(a);\n", "ok.ts": "export const a = [1];\n"})
	d := compileErrors(t, filepath.Join(dir, "plugin.ts"), 1)[0]
	want := plugins.Diagnostic{File: filepath.Join(dir, "plugin.ts"), Line: 3, Column: 23, LineText: `import { chunk } from "lodash-es";`}
	if d.File != want.File || d.Line != want.Line || d.Column != want.Column || d.LineText != want.LineText {
		t.Errorf("have %+v\nwant position %+v", d, want)
	}
	if !strings.Contains(d.Message, `"lodash-es"`) {
		t.Errorf("message %q does not name the module", d.Message)
	}
	if len(d.Notes) != 1 || !strings.Contains(d.Notes[0], "@twilio/flex-ui") {
		t.Errorf("notes %q, want one naming the host modules", d.Notes)
	}
}

func TestBuildTwoSyntaxErrors(t *testing.T) {
	t.Parallel()
	entry, err := filepath.Abs(filepath.Join("testdata", "build", "errors", "two-errors", "plugin.ts"))
	if err != nil {
		t.Fatal(err)
	}
	ds := compileErrors(t, entry, 2)
	type pos struct {
		file      string
		line, col int
	}
	var have []pos
	for _, d := range ds {
		have = append(have, pos{filepath.Base(d.File), d.Line, d.Column})
	}
	want := []pos{{"a.ts", 2, 9}, {"b.ts", 1, 20}}
	if !reflect.DeepEqual(have, want) {
		t.Errorf("positions:\nhave %v\nwant %v", have, want)
	}
}

func TestBuildMissingEntry(t *testing.T) {
	t.Parallel()
	_, err := plugins.Build(filepath.Join(t.TempDir(), "nope.ts"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("err = %v, want one wrapping fs.ErrNotExist", err)
	}
	var ce *plugins.CompileError
	if errors.As(err, &ce) {
		t.Errorf("err is a *CompileError: %v", err)
	}
}

// Stack frames and their positions name the original .ts files: goja applies
// the inline source map.
func TestBuildStackNamesOriginalFile(t *testing.T) {
	t.Parallel()
	dir, err := filepath.Abs(filepath.Join("testdata", "build", "stack"))
	if err != nil {
		t.Fatal(err)
	}
	plugin, helper := filepath.Join(dir, "plugin.ts"), filepath.Join(dir, "helper.ts")
	r := load(t, build(t, plugin), flexHost)

	tests := []struct {
		call string
		want []string // frames, innermost first
	}{
		{"ns.boom()", []string{
			"at boom (" + pos(t, plugin, `new Error("boom")`),
		}},
		{"ns.viaHelper()", []string{
			"at helper (" + pos(t, helper, `new TypeError(`),
			"at viaHelper (" + pos(t, plugin, `helper(Mode.Loud)`),
		}},
	}
	for _, tt := range tests {
		stack := r.throws(t, tt.call)
		at := 0
		for _, frame := range tt.want {
			i := strings.Index(stack[at:], frame)
			if i < 0 {
				t.Errorf("%s: stack lacks %q (in order):\n%s", tt.call, frame, stack)
				break
			}
			at += i + len(frame)
		}
	}

	// A throw in the module body rejects the module's promise.
	top := filepath.Join(dir, "toplevel.ts")
	tr := start(t, build(t, top), flexHost)
	if tr.done.State() != goja.PromiseStateRejected {
		t.Fatalf("top-level throw: module promise is %v, want rejected", tr.done.State())
	}
	stack := tr.done.Result().ToObject(tr.vm).Get("stack").String()
	if want := pos(t, top, `new RangeError(`); !strings.Contains(stack, want) {
		t.Errorf("top-level throw: stack lacks %q:\n%s", want, stack)
	}
}

func TestBuildErrorsGolden(t *testing.T) {
	t.Parallel()
	root, err := filepath.Abs(filepath.Join("testdata", "build", "errors"))
	if err != nil {
		t.Fatal(err)
	}
	cases, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if !c.IsDir() {
			t.Errorf("%s: stray file, want one directory per case", c.Name())
			continue
		}
		t.Run(c.Name(), func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(root, c.Name())
			entries, _ := filepath.Glob(filepath.Join(dir, "plugin.*"))
			if len(entries) != 1 {
				t.Fatalf("want exactly one plugin.* entry, found %q (a golden without a case?)", entries)
			}
			_, err := plugins.Build(entries[0])
			var ce *plugins.CompileError
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v, want a *CompileError", err)
			}
			golden.Check(t, filepath.Join(dir, "want.golden"), ce.Render(root))
		})
	}
}

func TestHostModule(t *testing.T) {
	t.Parallel()
	tests := map[string]bool{
		"@twilio/flex-ui":           true,
		"@twilio/flex-ui/x/y":       true,
		"@twilio/flex-ui-core":      true,
		"@twilio/flex-plugin":       true,
		"react":                     true,
		"react/jsx-runtime":         true,
		"react-dom":                 true,
		"react-dom/client":          true,
		"react-redux":               true,
		"redux":                     true,
		"flex-plugin":               true,
		"flexrun":                   true,
		"redux-thunk":               false,
		"@twilio/flex-ui-extension": false,
		"./react":                   false,
		"lodash":                    false,
	}
	for spec, want := range tests {
		if have := plugins.HostModule(spec); have != want {
			t.Errorf("HostModule(%q) = %v, want %v", spec, have, want)
		}
	}
	for _, m := range plugins.HostModules() {
		if !plugins.HostModule(m) {
			t.Errorf("HostModule(%q) = false for a name HostModules lists", m)
		}
	}
}

func TestDiagnosticRender(t *testing.T) {
	t.Parallel()
	cwd := filepath.FromSlash("/work/proj")
	tests := []struct {
		name string
		have plugins.Diagnostic
		want string
	}{
		{"relative", plugins.Diagnostic{
			File: filepath.FromSlash("/work/proj/src/plugin.ts"), Line: 12, Column: 7,
			Message: "Unexpected \"}\"", LineText: "  a = }", Notes: []string{"first", "second"},
		}, "src/plugin.ts:12:7: error: Unexpected \"}\"\n" +
			"   12 |   a = }\n" +
			"      |       ^\n" +
			"note: first\nnote: second\n"},
		{"outside cwd", plugins.Diagnostic{
			File: filepath.FromSlash("/elsewhere/x.js"), Line: 1, Column: 1, Message: "m", LineText: "x",
		}, filepath.FromSlash("/elsewhere/x.js") + ":1:1: error: m\n    1 | x\n      | ^\n"},
		{"tabs and multi-byte", plugins.Diagnostic{
			File: filepath.FromSlash("/work/proj/a.js"), Line: 123456, Column: 10, Message: "m", LineText: "\té = 1 +;",
		}, "a.js:123456:10: error: m\n123456 | \té = 1 +;\n       | \t       ^\n"},
		{"no file", plugins.Diagnostic{Message: "boom", Notes: []string{"why"}}, "error: boom\nnote: why\n"},
	}
	for _, tt := range tests {
		if have := tt.have.Render(cwd); have != tt.want {
			t.Errorf("%s:\nhave:\n%s\nwant:\n%s", tt.name, have, tt.want)
		}
	}
}

func TestCompileErrorKeepsEveryDiagnostic(t *testing.T) {
	t.Parallel()
	e := &plugins.CompileError{Diagnostics: []plugins.Diagnostic{{Message: "one"}, {Message: "two"}}}
	if have, want := e.Error(), "error: one\n\nerror: two"; have != want {
		t.Errorf("Error() = %q, want %q", have, want)
	}
}

func ExampleBuild() {
	dir, _ := os.MkdirTemp("", "flexrun-example")
	defer os.RemoveAll(dir)
	entry := filepath.Join(dir, "plugin.ts")
	_ = os.WriteFile(entry, []byte(`import { Actions } from "@twilio/flex-ui";
export const name: string = typeof Actions;
`), 0o644)

	b, err := plugins.Build(entry)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.SplitN(b.Code, "\n", 2)[0])
	for _, f := range b.Files {
		fmt.Println(filepath.Base(f))
	}
	// Output:
	// (async function (__flexrun_require, __flexrun_exports, flex, Twilio, setTimeout, setInterval, clearTimeout, clearInterval, window, self, globalThis) {
	// plugin.ts
}

// writeTree writes files (slash-separated relative path -> contents) into a
// new temporary directory and returns its real path.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func build(t *testing.T, path string) *plugins.Bundle {
	t.Helper()
	b, err := plugins.Build(path)
	if err != nil {
		t.Fatalf("Build(%s):\n%v", path, err)
	}
	return b
}

// compileErrors builds path, which must fail with n diagnostics.
func compileErrors(t *testing.T, path string, n int) []plugins.Diagnostic {
	t.Helper()
	_, err := plugins.Build(path)
	var ce *plugins.CompileError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want a *CompileError", err)
	}
	if len(ce.Diagnostics) != n {
		t.Fatalf("%d diagnostics, want %d:\n%v", len(ce.Diagnostics), n, err)
	}
	return ce.Diagnostics
}

// run is one call of a bundle function in a fresh runtime.
type run struct {
	vm       *goja.Runtime
	done     *goja.Promise // what the bundle function returned
	ns       *goja.Object  // what it passed to __flexrun_exports, or nil
	required []string      // what it passed to __flexrun_require, in order
}

// start compiles b as the engine does and calls it once. hostJS evaluates to
// an object whose properties are the host modules, by specifier; it is the
// global "host" and the module namespace is the global "ns". goja runs the
// promise jobs when the outermost call returns, so done is as far as it can
// get without the test's help.
func start(t *testing.T, b *plugins.Bundle, hostJS string) *run {
	t.Helper()
	prog, err := goja.Compile(b.Path, b.Code, false)
	if err != nil {
		t.Fatalf("goja.Compile: %v", err)
	}
	vm := goja.New()
	host, err := vm.RunString(hostJS)
	if err != nil {
		t.Fatal(err)
	}
	_ = vm.Set("host", host)
	fnv, err := vm.RunProgram(prog)
	if err != nil {
		t.Fatalf("running the bundle program: %v", err)
	}
	fn, ok := goja.AssertFunction(fnv)
	if !ok {
		t.Fatalf("the bundle program evaluates to %v, not a function", fnv)
	}
	r := &run{vm: vm}
	require := func(spec string) goja.Value {
		r.required = append(r.required, spec)
		m := host.ToObject(vm).Get(spec)
		if m == nil {
			panic(vm.NewTypeError("no host module %q", spec))
		}
		return m
	}
	exports := func(ns *goja.Object) {
		r.ns = ns
		_ = vm.Set("ns", ns)
	}
	res, err := fn(goja.Undefined(), vm.ToValue(require), vm.ToValue(exports))
	if err != nil {
		t.Fatalf("calling the bundle function: %v", err)
	}
	p, ok := res.Export().(*goja.Promise)
	if !ok {
		t.Fatalf("the bundle function returned %v, not a promise", res)
	}
	r.done = p
	return r
}

// load is start for a module that must have finished.
func load(t *testing.T, b *plugins.Bundle, hostJS string) *run {
	t.Helper()
	r := start(t, b, hostJS)
	switch r.done.State() {
	case goja.PromiseStateFulfilled:
	case goja.PromiseStateRejected:
		t.Fatalf("module rejected: %s", stackOf(r.vm, r.done.Result()))
	default:
		t.Fatal("module promise still pending")
	}
	if r.ns == nil {
		t.Fatal("__flexrun_exports was not called")
	}
	return r
}

// check asserts that the JS expression expr is true.
func (r *run) check(t *testing.T, expr string) {
	t.Helper()
	v, err := r.vm.RunString(expr)
	if err != nil {
		t.Errorf("%s: %v", expr, err)
		return
	}
	if !v.StrictEquals(r.vm.ToValue(true)) {
		ns, _ := r.vm.RunString(`JSON.stringify(ns)`)
		t.Errorf("%s: false; ns = %v", expr, ns)
	}
}

// throws runs expr, which must throw, and returns the thrown error's stack.
func (r *run) throws(t *testing.T, expr string) string {
	t.Helper()
	_, err := r.vm.RunString(expr)
	var ex *goja.Exception
	if !errors.As(err, &ex) {
		t.Fatalf("%s: err = %v, want a JS exception", expr, err)
	}
	return stackOf(r.vm, ex.Value())
}

func stackOf(vm *goja.Runtime, v goja.Value) string {
	if o, ok := v.(*goja.Object); ok {
		if s := o.Get("stack"); s != nil {
			return s.String()
		}
	}
	return v.String()
}

// pos returns "file:line:col" of the first occurrence of marker in file, the
// way goja prints it in a stack frame (1-based; goja adds "(pc)" after it).
func pos(t *testing.T, file, marker string) string {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(src), "\n") {
		if col := strings.Index(line, marker); col >= 0 {
			return fmt.Sprintf("%s:%d:%d(", file, i+1, col+1)
		}
	}
	t.Fatalf("%s: no %q", file, marker)
	return ""
}
