package console_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"testing"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/jsapi/console"
)

// The tables below hold JavaScript expressions and the exact text Node 20
// prints for them: util.inspect(value) for inspectCases and
// util.format(...args) for formatCases (whose scripts evaluate to the
// argument array). Errors carry an explicit stack so that the text does not
// depend on file names; TestInspectGojaErrors covers goja's own stacks.

func TestInspect(t *testing.T) {
	t.Parallel()
	for _, tc := range inspectCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rt := goja.New()
			v, err := rt.RunString(tc.script)
			if err != nil {
				t.Fatalf("script %s: %v", tc.script, err)
			}
			if have := console.Inspect(rt, v); have != tc.want {
				t.Errorf("Inspect(%s)\nhave:\n%s\nwant:\n%s", tc.script, have, tc.want)
			}
		})
	}
}

func TestFormat(t *testing.T) {
	t.Parallel()
	for _, tc := range formatCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rt := goja.New()
			v, err := rt.RunString(tc.script)
			if err != nil {
				t.Fatalf("script %s: %v", tc.script, err)
			}
			var args []goja.Value
			arr := v.(*goja.Object)
			for i := 0; i < int(arr.Get("length").ToInteger()); i++ {
				args = append(args, arr.Get(strconv.Itoa(i)))
			}
			if have := console.Format(rt, args); have != tc.want {
				t.Errorf("Format(%s)\nhave:\n%s\nwant:\n%s", tc.script, have, tc.want)
			}
		})
	}
}

func ExampleInspect() {
	rt := goja.New()
	v, _ := rt.RunString(`({id: 7, tags: ['a', 'b'], nested: {deep: {deeper: {deepest: 1}}}, when: new Date(0)})`)
	fmt.Println(console.Inspect(rt, v))
	// Output:
	// {
	//   id: 7,
	//   tags: [ 'a', 'b' ],
	//   nested: { deep: { deeper: [Object] } },
	//   when: 1970-01-01T00:00:00.000Z
	// }
}

func ExampleFormat() {
	rt := goja.New()
	fmt.Println(console.Format(rt, []goja.Value{rt.ToValue("%s has %d items:"), rt.ToValue("cart"), rt.ToValue(2), rt.NewArray("x", "y")}))
	// Output: cart has 2 items: [ 'x', 'y' ]
}

func ExampleNew() {
	rt := goja.New()
	_ = rt.Set("console", console.New(rt, os.Stdout, io.Discard))
	_, _ = rt.RunString(`
		console.group('task');
		console.log({sid: 'WT1', attributes: {channel: 'voice'}});
		console.count('accepted');
		console.groupEnd();
		console.error('not shown: stderr is discarded');
	`)
	// Output:
	// task
	//   { sid: 'WT1', attributes: { channel: 'voice' } }
	//   accepted: 1
}

// TestInspectGojaErrors covers errors with goja's own stacks, whose frames
// must come out in Node's layout. (Messages are goja's, which can differ
// from V8's.)
func TestInspectGojaErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, script, want string }{
		{
			name:   "thrown from function",
			script: "function boom() { return new Error('boom') }\nboom()",
			want:   "Error: boom\n    at boom (plugin.js:1:26)\n    at plugin.js:2:5",
		},
		{
			name:   "nested with props",
			script: "const e = new TypeError('bad input'); e.code = 'E_BAD';\n({err: e})",
			want:   "{\n  err: TypeError: bad input\n      at plugin.js:1:11 {\n    code: 'E_BAD'\n  }\n}",
		},
		{
			name:   "subclass",
			script: "class MyError extends Error {}\nnew MyError('sub')",
			want:   "MyError: sub\n    at plugin.js:2:1",
		},
		{
			name:   "engine error",
			script: "let caught; try { null.x } catch (e) { caught = e }\ncaught",
			want:   "TypeError: Cannot read property 'x' of undefined\n    at plugin.js:1:24",
		},
		{
			name:   "cause",
			script: "new Error('outer', {cause: new Error('inner')})",
			want:   "Error: outer\n    at plugin.js:1:1 {\n  [cause]: Error: inner\n      at plugin.js:1:28\n}",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rt := goja.New()
			v, err := rt.RunScript("plugin.js", tc.script)
			if err != nil {
				t.Fatal(err)
			}
			if have := console.Inspect(rt, v); have != tc.want {
				t.Errorf("have:\n%s\nwant:\n%s", have, tc.want)
			}
		})
	}
}

// TestInspectHostile checks that values which throw, recurse or are
// revoked still print, where Node would throw or overflow its stack.
func TestInspectHostile(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, script, want string }{
		{"custom inspect throws", "({[Symbol.for('nodejs.util.inspect.custom')]() { throw new Error('x') }})",
			"{\n  [Symbol(nodejs.util.inspect.custom)]: [Function: [nodejs.util.inspect.custom]]\n}"},
		{"custom inspect never ends", "const f = function () { return {[Symbol.for('nodejs.util.inspect.custom')]: f} }; f()",
			"[Object: Inspection interrupted prematurely. Maximum call stack size exceeded.]"},
		{"toStringTag getter throws", "({get [Symbol.toStringTag]() { throw new Error('x') }})",
			"{ [Symbol(Symbol.toStringTag)]: [Getter] }"},
		{"getPrototypeOf trap throws", "Object.create(new Proxy({}, {getPrototypeOf() { throw new Error('x') }}))",
			"Object <{}> {}"},
		{"revoked proxy nested", "const r = Proxy.revocable({}, {}); r.revoke(); [r.proxy]", "[ <Revoked Proxy> ]"},
		{"error name getter throws", "const e = new Error('m'); e.stack = 'Error: m\\n    at f (a.js:1:1)'; Object.defineProperty(e, 'name', {get() { throw new Error('x') }}); e",
			"Error: m\n    at f (a.js:1:1)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rt := goja.New()
			v, err := rt.RunString(tc.script)
			if err != nil {
				t.Fatal(err)
			}
			if have := console.Inspect(rt, v); have != tc.want {
				t.Errorf("have:\n%s\nwant:\n%s", have, tc.want)
			}
		})
	}
	t.Run("format with throwing conversions", func(t *testing.T) {
		t.Parallel()
		rt := goja.New()
		v, err := rt.RunString("[{toString() { throw new Error('s') }}, {valueOf() { throw new Error('v') }}]")
		if err != nil {
			t.Fatal(err)
		}
		arr := v.(*goja.Object)
		have := console.Format(rt, []goja.Value{rt.ToValue("%s %d"), arr.Get("0"), arr.Get("1")})
		if want := "{ toString: [Function: toString] } NaN"; have != want {
			t.Errorf("have %q, want %q", have, want)
		}
	})
}

// TestInspectInterrupt checks that Runtime.Interrupt stops a custom inspect
// function that never returns: the script fails with the interrupt instead
// of the console swallowing it.
func TestInspectInterrupt(t *testing.T) {
	t.Parallel()
	rt := goja.New()
	var stdout bytes.Buffer
	if err := rt.Set("console", console.New(rt, &stdout, io.Discard)); err != nil {
		t.Fatal(err)
	}
	if err := rt.Set("stop", func() { rt.Interrupt("stop") }); err != nil {
		t.Fatal(err)
	}
	_, err := rt.RunString("console.log({[Symbol.for('nodejs.util.inspect.custom')]() { stop(); for (;;) {} }}); throw new Error('not interrupted')")
	var ie *goja.InterruptedError
	if !errors.As(err, &ie) {
		t.Fatalf("have error %v, want *goja.InterruptedError", err)
	}
	if stdout.Len() != 0 {
		t.Errorf("console.log printed %q after the interrupt", stdout.String())
	}
}

var inspectCases = []struct{ name, script, want string }{
	{"string", "'abc'", "'abc'"},
	{"string single quote", "\"it's\"", "\"it's\""},
	{"string both quotes", "`it's \"x\"`", "`it's \"x\"`"},
	{"string all quotes", "'it\\'s \"x\" `y`'", "'it\\'s \"x\" `y`'"},
	{"string escapes", "'a\\nb\\tc\\\\d\\x01\\x7f\\u0085'", "'a\\nb\\tc\\\\d\\x01\\x7F\\x85'"},
	{"string lone surrogate", "'a\\ud800b'", "'a\\ud800b'"},
	{"string emoji", "'😀 ok'", "'😀 ok'"},
	{"empty string", "''", "''"},
	{"number", "42", "42"},
	{"float", "3.14", "3.14"},
	{"negative zero", "-0", "-0"},
	{"NaN", "NaN", "NaN"},
	{"Infinity", "-Infinity", "-Infinity"},
	{"big number", "1e21", "1e+21"},
	{"small number", "1e-7", "1e-7"},
	{"bigint", "123n", "123n"},
	{"boolean", "true", "true"},
	{"undefined", "undefined", "undefined"},
	{"null", "null", "null"},
	{"symbol", "Symbol('x')", "Symbol(x)"},
	{"symbol no description", "Symbol()", "Symbol()"},
	{"well-known symbol", "Symbol.iterator", "Symbol(Symbol.iterator)"},
	{"empty array", "[]", "[]"},
	{"array", "[1, 2, 3]", "[ 1, 2, 3 ]"},
	{"array mixed", "[1, 'a', null, undefined, true, {a: 1}]", "[ 1, 'a', null, undefined, true, { a: 1 } ]"},
	{"array holes", "[1, , 3]", "[ 1, <1 empty item>, 3 ]"},
	{"array many holes", "[, , , 1, , ]", "[ <3 empty items>, 1, <1 empty item> ]"},
	{"array only holes", "new Array(5)", "[ <5 empty items> ]"},
	{"array extra key", "Object.assign([1, 2], {foo: 'bar'})", "[ 1, 2, foo: 'bar' ]"},
	{"array symbol key", "Object.assign([1], {[Symbol('s')]: 2})", "[ 1, [Symbol(s)]: 2 ]"},
	{"array 30 numbers", "Array.from({length: 30}, (_, i) => i + 1)", "[\n   1,  2,  3,  4,  5,  6,  7,  8,  9,\n  10, 11, 12, 13, 14, 15, 16, 17, 18,\n  19, 20, 21, 22, 23, 24, 25, 26, 27,\n  28, 29, 30\n]"},
	{"array 7 numbers", "[1, 2, 3, 4, 5, 6, 7]", "[\n  1, 2, 3, 4,\n  5, 6, 7\n]"},
	{"array 120 numbers", "Array.from({length: 120}, (_, i) => i)", "[\n   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,\n  12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,\n  24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,\n  36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,\n  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,\n  60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,\n  72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83,\n  84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,\n  96, 97, 98, 99,\n  ... 20 more items\n]"},
	{"array 101 strings", "Array.from({length: 101}, (_, i) => 'x' + i)", "[\n  'x0',  'x1',  'x2',  'x3',  'x4',  'x5',  'x6',  'x7',\n  'x8',  'x9',  'x10', 'x11', 'x12', 'x13', 'x14', 'x15',\n  'x16', 'x17', 'x18', 'x19', 'x20', 'x21', 'x22', 'x23',\n  'x24', 'x25', 'x26', 'x27', 'x28', 'x29', 'x30', 'x31',\n  'x32', 'x33', 'x34', 'x35', 'x36', 'x37', 'x38', 'x39',\n  'x40', 'x41', 'x42', 'x43', 'x44', 'x45', 'x46', 'x47',\n  'x48', 'x49', 'x50', 'x51', 'x52', 'x53', 'x54', 'x55',\n  'x56', 'x57', 'x58', 'x59', 'x60', 'x61', 'x62', 'x63',\n  'x64', 'x65', 'x66', 'x67', 'x68', 'x69', 'x70', 'x71',\n  'x72', 'x73', 'x74', 'x75', 'x76', 'x77', 'x78', 'x79',\n  'x80', 'x81', 'x82', 'x83', 'x84', 'x85', 'x86', 'x87',\n  'x88', 'x89', 'x90', 'x91', 'x92', 'x93', 'x94', 'x95',\n  'x96', 'x97', 'x98', 'x99',\n  ... 1 more item\n]"},
	{"array of words", "['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape', 'honeydew', 'kiwi', 'lemon', 'mango', 'nectarine', 'orange', 'papaya', 'quince']", "[\n  'apple',      'banana',\n  'cherry',     'date',\n  'elderberry', 'fig',\n  'grape',      'honeydew',\n  'kiwi',       'lemon',\n  'mango',      'nectarine',\n  'orange',     'papaya',\n  'quince'\n]"},
	{"array mixed lengths", "[1, 22, 333, 4444, 55555, 666666, 7777777, 88888888, 999999999, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]", "[\n        1,       22,       333,\n     4444,    55555,    666666,\n  7777777, 88888888, 999999999,\n        1,        2,         3,\n        4,        5,         6,\n        7,        8,         9,\n       10,       11,        12,\n       13,       14,        15,\n       16\n]"},
	{"array of objects", "[{a: 1, b: 2}, {a: 3, b: 4}, {a: 5, b: 6}, {a: 7, b: 8}, {a: 9, b: 10}, {a: 11, b: 12}, {a: 13, b: 14}]", "[\n  { a: 1, b: 2 },\n  { a: 3, b: 4 },\n  { a: 5, b: 6 },\n  { a: 7, b: 8 },\n  { a: 9, b: 10 },\n  { a: 11, b: 12 },\n  { a: 13, b: 14 }\n]"},
	{"array negative numbers", "[-1, -22, 3, 0, -0, 5.5, 100, 7, -8, 9]", "[\n   -1, -22, 3,  0, -0,\n  5.5, 100, 7, -8,  9\n]"},
	{"array bigints", "[1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n]", "[\n  1n, 2n, 3n, 4n,\n  5n, 6n, 7n, 8n\n]"},
	{"nested arrays", "[[1, [2, [3, [4]]]]]", "[ [ 1, [ 2, [Array] ] ] ]"},
	{"empty object", "({})", "{}"},
	{"object", "({a: 1, b: 'two', c: [3]})", "{ a: 1, b: 'two', c: [ 3 ] }"},
	{"object quoted keys", "({'b-c': 2, 'with space': 3, _ok: 4, $d: 5, '1a': 6, 'it\\'s': 7})", "{ 'b-c': 2, 'with space': 3, _ok: 4, '$d': 5, '1a': 6, \"it's\": 7 }"},
	{"object numeric keys", "({1: 'a', 10: 'b', 2: 'c'})", "{ '1': 'a', '2': 'c', '10': 'b' }"},
	{"object __proto__ key", "JSON.parse('{\"__proto__\": 1}')", "{ ['__proto__']: 1 }"},
	{"nested object", "({a: {b: {c: {d: 1}}}})", "{ a: { b: { c: [Object] } } }"},
	{"nested at depth", "({a: {b: {c: {}}}})", "{ a: { b: { c: {} } } }"},
	{"nested array at depth", "({a: {b: {c: [1]}}})", "{ a: { b: { c: [Array] } } }"},
	{"nested empty array at depth", "({a: {b: {c: []}}})", "{ a: { b: { c: [] } } }"},
	{"long object", "({alpha: 'aaaaaaaaaa', beta: 'bbbbbbbbbb', gamma: 'cccccccccc', delta: 'dddddddddd', epsilon: 'eeeeeeeeee'})", "{\n  alpha: 'aaaaaaaaaa',\n  beta: 'bbbbbbbbbb',\n  gamma: 'cccccccccc',\n  delta: 'dddddddddd',\n  epsilon: 'eeeeeeeeee'\n}"},
	{"object 4 levels mixed", "({user: {name: 'Ann', roles: ['admin', 'dev'], meta: {created: 1, tags: {a: 1}}}, ok: true})", "{\n  user: {\n    name: 'Ann',\n    roles: [ 'admin', 'dev' ],\n    meta: { created: 1, tags: [Object] }\n  },\n  ok: true\n}"},
	{"many keys", "Object.fromEntries(Array.from({length: 30}, (_, i) => ['k' + i, i]))", "{\n  k0: 0,\n  k1: 1,\n  k2: 2,\n  k3: 3,\n  k4: 4,\n  k5: 5,\n  k6: 6,\n  k7: 7,\n  k8: 8,\n  k9: 9,\n  k10: 10,\n  k11: 11,\n  k12: 12,\n  k13: 13,\n  k14: 14,\n  k15: 15,\n  k16: 16,\n  k17: 17,\n  k18: 18,\n  k19: 19,\n  k20: 20,\n  k21: 21,\n  k22: 22,\n  k23: 23,\n  k24: 24,\n  k25: 25,\n  k26: 26,\n  k27: 27,\n  k28: 28,\n  k29: 29\n}"},
	{"long string value", "({text: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt'})", "{\n  text: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt'\n}"},
	{"multiline string value", "({text: 'first line of text\\nsecond line of text\\nthird line which is long enough to need a split'})", "{\n  text: 'first line of text\\n' +\n    'second line of text\\n' +\n    'third line which is long enough to need a split'\n}"},
	{"multiline short string", "({text: 'a\\nb'})", "{ text: 'a\\nb' }"},
	{"top-level long multiline string", "'line one is here\\nline two is here and it is pretty long, longer than eighty characters total'", "'line one is here\\n' +\n  'line two is here and it is pretty long, longer than eighty characters total'"},
	{"circular object", "(() => { const o = {name: 'o'}; o.self = o; return o })()", "<ref *1> { name: 'o', self: [Circular *1] }"},
	{"circular nested", "(() => { const a = {b: {}}; a.b.a = a; a.b.self = a.b; return a })()", "<ref *1> { b: <ref *2> { a: [Circular *1], self: [Circular *2] } }"},
	{"circular array", "(() => { const a = [1]; a.push(a); return a })()", "<ref *1> [ 1, [Circular *1] ]"},
	{"circular two refs", "(() => { const a = {}; const b = {a}; a.b = b; return [a, b] })()", "[\n  <ref *1> { b: { a: [Circular *1] } },\n  <ref *2> { a: <ref *1> { b: [Circular *2] } }\n]"},
	{"class instance", "(() => { class Foo { constructor() { this.x = 1 } } return new Foo() })()", "Foo { x: 1 }"},
	{"empty class instance", "(() => { class Foo {} return new Foo() })()", "Foo {}"},
	{"subclass instance", "(() => { class A {} class B extends A { constructor() { super(); this.y = 2 } } return new B() })()", "B { y: 2 }"},
	{"null prototype", "Object.create(null)", "[Object: null prototype] {}"},
	{"null prototype with keys", "Object.assign(Object.create(null), {a: 1})", "[Object: null prototype] { a: 1 }"},
	{"anonymous prototype", "Object.create({})", "{}"},
	{"object with toStringTag", "({[Symbol.toStringTag]: 'Tagged', a: 1})", "{ a: 1, [Symbol(Symbol.toStringTag)]: 'Tagged' }"},
	{"class with toStringTag getter", "(() => { class T { get [Symbol.toStringTag]() { return 'Tee' } } return new T() })()", "T [Tee] {}"},
	{"function", "(function foo() {})", "[Function: foo]"},
	{"anonymous function", "(function () {})", "[Function (anonymous)]"},
	{"arrow function", "(() => {})", "[Function (anonymous)]"},
	{"named arrow", "(() => { const bar = () => 1; return bar })()", "[Function: bar]"},
	{"async function", "(async function af() {})", "[AsyncFunction: af]"},
	{"async arrow", "(async () => {})", "[AsyncFunction (anonymous)]"},
	{"generator function", "(function* gen() {})", "[GeneratorFunction: gen]"},
	{"class", "(class Foo {})", "[class Foo]"},
	{"anonymous class", "(class {})", "[class (anonymous)]"},
	{"subclass", "(() => { class A {} return class B extends A {} })()", "[class B extends A]"},
	{"class with static", "(() => { class S { static x = 1 } return S })()", "[class S] { x: 1 }"},
	{"function with props", "Object.assign(function f() {}, {a: 1})", "[Function: f] { a: 1 }"},
	{"bound function", "(function foo() {}).bind(null)", "[Function: bound foo]"},
	{"method", "({ m() {} }).m", "[Function: m]"},
	{"builtin function", "Math.max", "[Function: max]"},
	{"object with functions", "({f() {}, g: () => 1, h: function named() {}})", "{ f: [Function: f], g: [Function: g], h: [Function: named] }"},
	{"map", "new Map([['a', 1], ['b', 2]])", "Map(2) { 'a' => 1, 'b' => 2 }"},
	{"empty map", "new Map()", "Map(0) {}"},
	{"map object keys", "new Map([[{k: 1}, [1, 2]], [null, undefined]])", "Map(2) { { k: 1 } => [ 1, 2 ], null => undefined }"},
	{"nested map", "({m: new Map([['x', new Map([['y', new Map([['z', 1]])]])]])})", "{ m: Map(1) { 'x' => Map(1) { 'y' => [Map] } } }"},
	{"set", "new Set([1, 'two', [3]])", "Set(3) { 1, 'two', [ 3 ] }"},
	{"empty set", "new Set()", "Set(0) {}"},
	{"set with props", "Object.assign(new Set([1]), {extra: true})", "Set(1) { 1, extra: true }"},
	{"map subclass", "(() => { class MyMap extends Map {} return new MyMap([[1, 2]]) })()", "MyMap(1) [Map] { 1 => 2 }"},
	{"weakmap", "new WeakMap()", "WeakMap { <items unknown> }"},
	{"weakset", "new WeakSet()", "WeakSet { <items unknown> }"},
	{"date", "new Date(0)", "1970-01-01T00:00:00.000Z"},
	{"invalid date", "new Date(NaN)", "Invalid Date"},
	{"date with props", "Object.assign(new Date(86400000), {note: 'x'})", "1970-01-02T00:00:00.000Z { note: 'x' }"},
	{"regexp", "/ab+c/gi", "/ab+c/gi"},
	{"regexp with props", "Object.assign(/x/, {y: 1})", "/x/ { y: 1 }"},
	{"resolved promise", "Promise.resolve(1)", "Promise { 1 }"},
	{"resolved promise object", "Promise.resolve({a: [1, 2]})", "Promise { { a: [ 1, 2 ] } }"},
	{"pending promise", "new Promise(() => {})", "Promise { <pending> }"},
	{"boxed number", "new Number(3)", "[Number: 3]"},
	{"boxed negative zero", "new Number(-0)", "[Number: -0]"},
	{"boxed string", "new String('abc')", "[String: 'abc']"},
	{"boxed boolean", "new Boolean(false)", "[Boolean: false]"},
	{"boxed bigint", "Object(5n)", "[BigInt: 5n]"},
	{"boxed symbol", "Object(Symbol('s'))", "[Symbol: Symbol(s)]"},
	{"boxed string with props", "Object.assign(new String('ab'), {x: 1})", "[String: 'ab'] { x: 1 }"},
	{"uint8array", "new Uint8Array([1, 2, 3])", "Uint8Array(3) [ 1, 2, 3 ]"},
	{"empty typed array", "new Float64Array(0)", "Float64Array(0) []"},
	{"float32array", "new Float32Array([1.5, -0, 2])", "Float32Array(3) [ 1.5, -0, 2 ]"},
	{"bigint64array", "new BigInt64Array([1n, -2n])", "BigInt64Array(2) [ 1n, -2n ]"},
	{"long typed array", "new Int16Array(120)", "Int16Array(120) [\n  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n  0, 0, 0, 0,\n  ... 20 more items\n]"},
	{"arraybuffer", "new Uint8Array([1, 2, 255]).buffer", "ArrayBuffer { [Uint8Contents]: <01 02 ff>, byteLength: 3 }"},
	{"dataview", "new DataView(new ArrayBuffer(2))", "DataView {\n  byteLength: 2,\n  byteOffset: 0,\n  buffer: ArrayBuffer { [Uint8Contents]: <00 00>, byteLength: 2 }\n}"},
	{"symbol keys", "({[Symbol('a')]: 1, b: 2})", "{ b: 2, [Symbol(a)]: 1 }"},
	{"non-enumerable hidden", "Object.defineProperty({a: 1}, 'hidden', {value: 2, enumerable: false})", "{ a: 1 }"},
	{"getter", "({get g() { return 1 }})", "{ g: [Getter] }"},
	{"getter setter", "({get gs() { return 1 }, set gs(v) {}})", "{ gs: [Getter/Setter] }"},
	{"setter", "({set s(v) {}})", "{ s: [Setter] }"},
	{"throwing getter", "({get bad() { throw new Error('no') }})", "{ bad: [Getter] }"},
	{"undefined value", "({u: undefined, n: null})", "{ u: undefined, n: null }"},
	{"arguments", "(function () { return arguments })(1, 'a')", "[Arguments] { '0': 1, '1': 'a' }"},
	{"proxy", "new Proxy({a: 1}, {})", "{ a: 1 }"},
	{"proxy with traps", "new Proxy({a: 1}, {get() { throw new Error('trap') }, ownKeys() { throw new Error('trap') }})", "{ a: 1 }"},
	{"proxy of array", "new Proxy([1, 2], {})", "[ 1, 2 ]"},
	{"revoked proxy", "(() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy })()", "<Revoked Proxy>"},
	{"proxy of function", "new Proxy(function pf() {}, {})", "[Function: pf]"},
	{"custom inspect string", "({[Symbol.for('nodejs.util.inspect.custom')]() { return 'CUSTOM' }})", "CUSTOM"},
	{"custom inspect object", "({inner: {[Symbol.for('nodejs.util.inspect.custom')]() { return {replaced: true} }}})", "{ inner: { replaced: true } }"},
	{"custom inspect depth", "({a: {[Symbol.for('nodejs.util.inspect.custom')](depth, opts) { return 'depth=' + depth + ' ' + typeof opts.stylize }}})", "{ a: depth=1 function }"},
	{"custom inspect uses inspect", "({a: {[Symbol.for('nodejs.util.inspect.custom')](depth, opts, inspect) { return 'X<' + inspect({q: [1]}, opts) + '>' }}})", "{ a: X<{ q: [ 1 ] }> }"},
	{"custom inspect multiline", "({a: {[Symbol.for('nodejs.util.inspect.custom')]() { return 'l1\\nl2' }}})", "{\n  a: l1\n  l2\n}"},
	{"error without stack", "(() => { const e = new Error('msg'); delete e.stack; e.stack = undefined; return e })()", "[Error: msg] { stack: undefined }"},
	{"error with fake stack", "(() => { const e = new Error('boom'); e.stack = 'Error: boom\\n    at f (/app/plugin.js:10:5)\\n    at /app/plugin.js:20:1'; return e })()", "Error: boom\n    at f (/app/plugin.js:10:5)\n    at /app/plugin.js:20:1"},
	{"error with props", "(() => { const e = new Error('x'); e.stack = 'Error: x\\n    at f (file.js:1:2)'; e.code = 'E1'; return e })()", "Error: x\n    at f (file.js:1:2) {\n  code: 'E1'\n}"},
	{"nested error", "(() => { const e = new Error('inner'); e.stack = 'Error: inner\\n    at g (file.js:3:4)'; return {err: e} })()", "{\n  err: Error: inner\n      at g (file.js:3:4)\n}"},
	{"error in array", "(() => { const e = new TypeError('bad'); e.stack = 'TypeError: bad\\n    at h (file.js:5:6)'; return [e] })()", "[\n  TypeError: bad\n      at h (file.js:5:6)\n]"},
	{"error subclass", "(() => { class MyError extends Error {} const e = new MyError('sub'); e.stack = 'Error: sub\\n    at k (file.js:7:8)'; return e })()", "MyError: sub\n    at k (file.js:7:8)"},
	{"error subclass with name", "(() => { class ValidationError extends Error { constructor(m) { super(m); this.name = 'ValidationError' } } const e = new ValidationError('v'); e.stack = 'ValidationError: v\\n    at k (file.js:7:8)'; return e })()", "ValidationError: v\n    at k (file.js:7:8)"},
	{"error name changed", "(() => { const e = new Error('m'); e.stack = 'Error: m\\n    at z (file.js:1:1)'; e.name = 'Custom'; return e })()", "Error: m\n    at z (file.js:1:1) {\n  name: 'Custom'\n}"},
	{"error stack no frames", "(() => { const e = new RangeError('r'); e.stack = 'RangeError: r'; return e })()", "[RangeError: r]"},
	{"error with cause", "(() => { const c = new Error('c'); c.stack = 'Error: c\\n    at a (f.js:1:1)'; const e = new Error('e', {cause: c}); e.stack = 'Error: e\\n    at b (f.js:2:2)'; return e })()", "Error: e\n    at b (f.js:2:2) {\n  [cause]: Error: c\n      at a (f.js:1:1)\n}"},
	{"error message not in stack", "(() => { const e = new Error('orig'); e.stack = 'Error: other\\n    at q (f.js:1:1)'; e.message = 'changed'; return e })()", "Error: other\n    at q (f.js:1:1)"},
	{"error null prototype", "(() => { const e = new Error('np'); e.stack = 'Error: np\\n    at n (f.js:1:1)'; Object.setPrototypeOf(e, null); return e })()", "[Error: null prototype]: np\n    at n (f.js:1:1)"},
	{"object with error and key", "(() => { const e = new Error('x'); e.stack = 'Error: x\\n    at f (file.js:1:2)'; e.status = 404; return {error: e, ok: false} })()", "{\n  error: Error: x\n      at f (file.js:1:2) {\n    status: 404\n  },\n  ok: false\n}"},
	{"global Math", "Math", "Object [Math] {}"},
	{"JSON", "JSON", "Object [JSON] {}"},
	{"object with map and set", "({m: new Map([[1, {a: 1}]]), s: new Set([[1, 2]])})", "{ m: Map(1) { 1 => { a: 1 } }, s: Set(1) { [ 1, 2 ] } }"},
	{"deep array in object", "({data: [[1, 2, [3, 4, [5]]]]})", "{ data: [ [ 1, 2, [Array] ] ] }"},
	{"array of 26 short strings", "'abcdefghijklmnopqrstuvwxyz'.split('')", "[\n  'a', 'b', 'c', 'd', 'e', 'f',\n  'g', 'h', 'i', 'j', 'k', 'l',\n  'm', 'n', 'o', 'p', 'q', 'r',\n  's', 't', 'u', 'v', 'w', 'x',\n  'y', 'z'\n]"},
	{"array of arrays", "[[1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12], [13, 14]]", "[\n  [ 1, 2 ],\n  [ 3, 4 ],\n  [ 5, 6 ],\n  [ 7, 8 ],\n  [ 9, 10 ],\n  [ 11, 12 ],\n  [ 13, 14 ]\n]"},
	{"payload", "({task: {sid: 'WT0123456789abcdef0123456789abcdef', attributes: {name: 'Customer', channel: 'voice', from: '+15551234567'}, queueName: 'Everyone'}, reason: 'accepted'})", "{\n  task: {\n    sid: 'WT0123456789abcdef0123456789abcdef',\n    attributes: { name: 'Customer', channel: 'voice', from: '+15551234567' },\n    queueName: 'Everyone'\n  },\n  reason: 'accepted'\n}"},
	{"wide chars array", "['日本', '中文字', '한국어', 'abc', 'de', 'f', 'ghij']", "[\n  '日本',   '中文字',\n  '한국어', 'abc',\n  'de',     'f',\n  'ghij'\n]"},
	{"unicode keys", "({'ключ': 1, 'é': 2, 日本: 3})", "{ 'ключ': 1, 'é': 2, '日本': 3 }"},
	{"string key escape", "({'a\\nb': 1})", "{ 'a\\nb': 1 }"},
	{"symbol key escape", "({[Symbol('a\\nb')]: 1})", "{ [Symbol(a\\nb)]: 1 }"},
	{"object with undefined in array", "[undefined, null, NaN, -0, 0]", "[ undefined, null, NaN, -0, 0 ]"},
	{"sparse large", "(() => { const a = []; a[5] = 1; a[200] = 2; return a })()", "[ <5 empty items>, 1, <194 empty items>, 2 ]"},
	{"array length 101 holes", "(() => { const a = new Array(150); a[0] = 1; a[120] = 2; return a })()", "[ 1, <119 empty items>, 2, <29 empty items> ]"},
	{"array 6 long strings", "['aaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbb', 'cccccccccccccccccccc', 'dddddddddddddddddddd', 'eeeeeeeeeeeeeeeeeeee', 'ffffffffffffffffffff']", "[\n  'aaaaaaaaaaaaaaaaaaaa',\n  'bbbbbbbbbbbbbbbbbbbb',\n  'cccccccccccccccccccc',\n  'dddddddddddddddddddd',\n  'eeeeeeeeeeeeeeeeeeee',\n  'ffffffffffffffffffff'\n]"},
	{"array 7 long strings", "['aaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbb', 'cccccccccccccccccccc', 'dddddddddddddddddddd', 'eeeeeeeeeeeeeeeeeeee', 'ffffffffffffffffffff', 'gggggggggggggggggggg']", "[\n  'aaaaaaaaaaaaaaaaaaaa',\n  'bbbbbbbbbbbbbbbbbbbb',\n  'cccccccccccccccccccc',\n  'dddddddddddddddddddd',\n  'eeeeeeeeeeeeeeeeeeee',\n  'ffffffffffffffffffff',\n  'gggggggggggggggggggg'\n]"},
	{"iterator", "[1, 2].values()", "Object [Array Iterator] {}"},
	{"generator object", "(function* () { yield 1 })()", "Object [Generator] {}"},
	{"object in array at depth", "[[[[{a: 1}]]]]", "[ [ [ [Array] ] ] ]"},
	{"class instance nested", "(() => { class P { constructor() { this.q = {r: {s: {t: 1}}} } } return new P() })()", "P { q: { r: { s: [Object] } } }"},
	{"map at depth", "({a: {b: {c: new Map([[1, 2]])}}})", "{ a: { b: { c: [Map] } } }"},
	{"set at depth", "({a: {b: {c: new Set([1])}}})", "{ a: { b: { c: [Set] } } }"},
	{"regexp at depth", "({a: {b: {c: /re/}}})", "{ a: { b: { c: /re/ } } }"},
	{"date at depth", "({a: {b: {c: new Date(0)}}})", "{ a: { b: { c: 1970-01-01T00:00:00.000Z } } }"},
	{"function at depth", "({a: {b: {c: function deep() {}}}})", "{ a: { b: { c: [Function: deep] } } }"},
	{"class instance at depth", "(() => { class K { constructor() { this.v = 1 } } return {a: {b: {c: new K()}}} })()", "{ a: { b: { c: [K] } } }"},
	{"null proto at depth", "({a: {b: {c: Object.assign(Object.create(null), {x: 1})}}})", "{ a: { b: { c: [Object: null prototype] } } }"},
	{"typed array at depth", "({a: {b: {c: new Uint8Array(2)}}})", "{ a: { b: { c: [Uint8Array] } } }"},
	{"promise at depth", "({a: {b: {c: Promise.resolve(2)}}})", "{ a: { b: { c: [Promise] } } }"},
	{"error at depth", "(() => { const e = new Error('d'); e.stack = 'Error: d\\n    at x (f.js:1:1)'; return {a: {b: {c: e}}} })()", "{\n  a: {\n    b: {\n      c: Error: d\n          at x (f.js:1:1)\n    }\n  }\n}"},
	{"prototype accessor", "(() => { class A { get v() { return 1 } } const a = new A(); a.own = 2; return a })()", "A { own: 2 }"},
	{"constructor property", "({constructor: 'x', a: 1})", "{ constructor: 'x', a: 1 }"},
	{"instance with toStringTag", "(() => { class Foo { get [Symbol.toStringTag]() { return 'bar' } } return new Foo() })()", "Foo [bar] {}"},
	{"array subclass", "(() => { class MyArr extends Array {} return MyArr.from([1, 2]) })()", "MyArr(2) [ 1, 2 ]"},
	{"null proto array", "Object.setPrototypeOf([1, 2], null)", "[Array(2): null prototype] [ 1, 2 ]"},
	{"null proto map", "Object.setPrototypeOf(new Map([[1, 2]]), null)", "[Map(1): null prototype] { 1 => 2 }"},
	{"array index getter", "Object.defineProperty([1, 2], 0, {get() { return 5 }, enumerable: true})", "[ [Getter], 2 ]"},
	{"empty arguments", "(function () { return arguments })()", "[Arguments] {}"},
	{"rejected promise", "(() => { const p = Promise.reject(3); p.catch(() => {}); return p })()", "Promise { <rejected> 3 }"},
	{"rejected promise error", "(() => { const e = new Error('rej'); e.stack = 'Error: rej\\n    at r (f.js:1:1)'; const p = Promise.reject(e); p.catch(() => {}); return p })()", "Promise {\n  <rejected> Error: rej\n      at r (f.js:1:1)\n}"},
	{"promise of promise", "Promise.resolve(Promise.resolve(1))", "Promise { 1 }"},
	{"set of numbers", "new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])", "Set(10) { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }"},
	{"map long entries", "new Map([['first-key-is-long', {value: 'some value here'}], ['second-key-is-long', {value: 'another value'}]])", "Map(2) {\n  'first-key-is-long' => { value: 'some value here' },\n  'second-key-is-long' => { value: 'another value' }\n}"},
	{"grouped with objects", "[1, 2, 3, {a: 1}, 5, 6, 7, 8]", "[ 1, 2, 3, { a: 1 }, 5, 6, 7, 8 ]"},
	{"grouped negative", "[-100, 2, -3, 44, 5, -66, 7, 888, -9, 10, 11, -12]", "[\n  -100,   2, -3,  44,\n     5, -66,  7, 888,\n    -9,  10, 11, -12\n]"},
	{"grouped 100+ with more", "Array.from({length: 150}, (_, i) => i * 3)", "[\n    0,   3,   6,   9,  12,  15,  18,  21,  24,  27,  30,  33,\n   36,  39,  42,  45,  48,  51,  54,  57,  60,  63,  66,  69,\n   72,  75,  78,  81,  84,  87,  90,  93,  96,  99, 102, 105,\n  108, 111, 114, 117, 120, 123, 126, 129, 132, 135, 138, 141,\n  144, 147, 150, 153, 156, 159, 162, 165, 168, 171, 174, 177,\n  180, 183, 186, 189, 192, 195, 198, 201, 204, 207, 210, 213,\n  216, 219, 222, 225, 228, 231, 234, 237, 240, 243, 246, 249,\n  252, 255, 258, 261, 264, 267, 270, 273, 276, 279, 282, 285,\n  288, 291, 294, 297,\n  ... 50 more items\n]"},
	{"grouped strings mixed", "['a', 'bb', 'ccc', 'dddd', 'eeeee', 'ffffff', 'g', 'hh', 'iii', 'jjjj']", "[\n  'a',     'bb',\n  'ccc',   'dddd',\n  'eeeee', 'ffffff',\n  'g',     'hh',\n  'iii',   'jjjj'\n]"},
	{"array with long string", "['short', 'a very long string that goes beyond the usual width of a terminal line for sure']", "[\n  'short',\n  'a very long string that goes beyond the usual width of a terminal line for sure'\n]"},
	{"long string in array split", "['first line of the string\\nsecond line of the string that is quite long\\nthird']", "[\n  'first line of the string\\n' +\n    'second line of the string that is quite long\\n' +\n    'third'\n]"},
	{"dollar brace quotes", "'it\\'s \"${x}\"'", "'it\\'s \"${x}\"'"},
	{"backtick fallback", "'it\\'s \"q\"'", "`it's \"q\"`"},
	{"object many short arrays", "({a: [1, 2, 3], b: [4, 5, 6], c: [7, 8, 9], d: [10, 11, 12], e: [13, 14, 15]})", "{\n  a: [ 1, 2, 3 ],\n  b: [ 4, 5, 6 ],\n  c: [ 7, 8, 9 ],\n  d: [ 10, 11, 12 ],\n  e: [ 13, 14, 15 ]\n}"},
	{"nested objects break", "({level1: {level2: {level3: 'value3', other: 'another value'}, sibling: 'sibling value here'}})", "{\n  level1: {\n    level2: { level3: 'value3', other: 'another value' },\n    sibling: 'sibling value here'\n  }\n}"},
	{"compact 3 rule", "({a: {b: {c: 1}}, d: 2})", "{ a: { b: { c: 1 } }, d: 2 }"},
	{"4 nested single line", "[{a: [{b: 1}]}]", "[ { a: [ [Object] ] } ]"},
	{"weakmap with props", "Object.assign(new WeakMap(), {x: 1})", "WeakMap { <items unknown>, x: 1 }"},
	{"frozen", "Object.freeze({a: 1})", "{ a: 1 }"},
	{"function non-string name", "(() => { const f = function () {}; Object.defineProperty(f, 'name', {value: 42}); return f })()", "[Function: 42]"},
	{"class extends null", "(class N extends null {})", "[class N]"},
	{"object with class value", "({K: class K {}, f: function () {}})", "{ K: [class K], f: [Function: f] }"},
	{"boxed string with index-like", "new String('')", "[String: '']"},
	{"array with negative zero float", "[0.1, -0, 1e21, 1e-7]", "[ 0.1, -0, 1e+21, 1e-7 ]"},
	{"object with symbol description escapes", "({[Symbol(\"it's\")]: 1})", "{ [Symbol(it\\'s)]: 1 }"},
	{"key needing double quotes", "({\"it's\": 1})", "{ \"it's\": 1 }"},
	{"deep circular in map", "(() => { const m = new Map(); m.set('self', m); return m })()", "<ref *1> Map(1) { 'self' => [Circular *1] }"},
	{"circular in set", "(() => { const s = new Set(); s.add(s); return s })()", "<ref *1> Set(1) { [Circular *1] }"},
	{"array buffer empty", "new ArrayBuffer(0)", "ArrayBuffer { [Uint8Contents]: <>, byteLength: 0 }"},
	{"array buffer 101", "new ArrayBuffer(101)", "ArrayBuffer {\n  [Uint8Contents]: <00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ... 1 more byte>,\n  byteLength: 101\n}"},
	{"uint8 clamped", "new Uint8ClampedArray([1, 300])", "Uint8ClampedArray(2) [ 1, 255 ]"},
	{"object with array buffer", "({buf: new Uint16Array([1, 2]).buffer})", "{ buf: ArrayBuffer { [Uint8Contents]: <01 00 02 00>, byteLength: 4 } }"},
	{"nested proxy", "new Proxy(new Proxy({z: 1}, {}), {})", "{ z: 1 }"},
	{"string object prop", "({s: new String('x')})", "{ s: [String: 'x'] }"},
	{"getter throwing on class", "(() => { class G { get x() { throw new Error('x') } } return new G() })()", "G {}"},
	{"object with numeric-like keys", "({'01': 1, '-1': 2, '1.5': 3, 4294967295: 4})", "{ '01': 1, '-1': 2, '1.5': 3, '4294967295': 4 }"},
}

var formatCases = []struct{ name, script, want string }{
	{"no args", "[]", ""},
	{"single string", "['hello']", "hello"},
	{"two strings", "['hello', 'world']", "hello world"},
	{"string and number", "['n =', 5]", "n = 5"},
	{"number first", "[5, 'x']", "5 x"},
	{"object first", "[{a: 1}, 'x', 2]", "{ a: 1 } x 2"},
	{"%s string", "['%s!', 'hi']", "hi!"},
	{"%s number", "['%s', 42]", "42"},
	{"%s negative zero", "['%s', -0]", "-0"},
	{"%s bigint", "['%s', 7n]", "7n"},
	{"%s symbol", "['%s', Symbol('q')]", "Symbol(q)"},
	{"%s undefined null", "['%s %s', undefined, null]", "undefined null"},
	{"%s object", "['%s', {a: {b: 1}}]", "{ a: [Object] }"},
	{"%s array", "['%s', [1, [2, [3]]]]", "[ 1, [Array] ]"},
	{"%s object with toString", "['%s', {toString() { return 'custom' }}]", "custom"},
	{"%s class with toString", "['%s', new (class P { toString() { return 'P!' } })()]", "P!"},
	{"%s date", "['%s', new Date(0)]", "1970-01-01T00:00:00.000Z"},
	{"%s error", "['%s', (() => { const e = new Error('x'); e.stack = 'Error: x\\n    at f (a.js:1:1)'; return e })()]", "Error: x\n    at f (a.js:1:1)"},
	{"%s function", "['%s', function f() { return 1 }]", "function f() { return 1 }"},
	{"%s null proto", "['%s', Object.create(null)]", "[Object: null prototype] {}"},
	{"%d", "['%d', 42.5]", "42.5"},
	{"%d string", "['%d', '42']", "42"},
	{"%d object", "['%d', {}]", "NaN"},
	{"%d bigint", "['%d', 5n]", "5n"},
	{"%d symbol", "['%d', Symbol()]", "NaN"},
	{"%d negative zero", "['%d', -0]", "-0"},
	{"%d empty string", "['%d', '']", "0"},
	{"%i", "['%i', 42.9]", "42"},
	{"%i string", "['%i', '12px']", "12"},
	{"%i bigint", "['%i', 9n]", "9n"},
	{"%f", "['%f', '3.5abc']", "3.5"},
	{"%f object", "['%f', {}]", "NaN"},
	{"%j", "['%j', {a: [1, 'x']}]", "{\"a\":[1,\"x\"]}"},
	{"%j circular", "['%j', (() => { const o = {}; o.o = o; return o })()]", "[Circular]"},
	{"%j undefined", "['%j', undefined]", "undefined"},
	{"%j function", "['%j', function () {}]", "undefined"},
	{"%O", "['%O', {a: {b: {c: {d: 1}}}}]", "{ a: { b: { c: [Object] } } }"},
	{"%o", "['%o', {a: 1}]", "{ a: 1 }"},
	{"%o array", "['%o', [1, 2]]", "[ 1, 2, [length]: 2 ]"},
	{"%o nested", "['%o', {a: {b: {c: {d: {e: 1}}}}}]", "{\n  a: {\n    b: { c: { d: { e: 1 } } }\n  }\n}"},
	{"%c", "['%cstyled', 'color: red']", "styled"},
	{"%%", "['100%%', 1]", "100% 1"},
	{"%% alone", "['100%%']", "100%%"},
	{"%% no args", "['%s%%', 'a']", "a%"},
	{"unknown placeholder", "['%x %s', 'a']", "%x a"},
	{"missing args", "['%s and %s', 'one']", "one and %s"},
	{"extra args", "['%s', 'a', 'b', {c: 1}]", "a b { c: 1 }"},
	{"trailing percent", "['50%', 1]", "50% 1"},
	{"percent at end", "['a %s %', 'b']", "a b %"},
	{"adjacent", "['%s%s', 'a', 'b']", "ab"},
	{"string args not quoted", "['a', 'b', ['c']]", "a b [ 'c' ]"},
	{"multiple types", "[1, 'two', [3], {four: 4}, null, undefined, true, 5n, Symbol('six')]", "1 two [ 3 ] { four: 4 } null undefined true 5n Symbol(six)"},
	{"top-level string with quotes", "[\"it's\", 1]", "it's 1"},
	{"nested strings quoted", "[['a', \"b'c\"]]", "[ 'a', \"b'c\" ]"},
	{"unicode format", "['%s: %d€', 'prix', 10]", "prix: 10€"},
	{"error arg", "[(() => { const e = new Error('x'); e.stack = 'Error: x\\n    at f (a.js:1:1)'; return e })()]", "Error: x\n    at f (a.js:1:1)"},
	{"label and error", "['failed:', (() => { const e = new Error('x'); e.stack = 'Error: x\\n    at f (a.js:1:1)'; return e })()]", "failed: Error: x\n    at f (a.js:1:1)"},
	{"%o arrow function", "(() => { const foo = () => {}; return ['%o', foo] })()", "[Function: foo] { [length]: 0, [name]: 'foo' }"},
	{"%o class", "['%o', class Bar {}]", "<ref *1> [class Bar] {\n  [length]: 0,\n  [name]: 'Bar',\n  [prototype]: { [constructor]: [Circular *1] }\n}"},
	{"%o nested array", "['%o', [[1], {a: [2]}]]", "[ [ 1, [length]: 1 ], { a: [ 2, [length]: 1 ] }, [length]: 2 ]"},
	{"%o proxy", "['%o', new Proxy({a: 1}, {})]", "Proxy [ { a: 1 }, {} ]"},
	{"%o map", "['%o', new Map([[1, {a: 1}]])]", "Map(1) { 1 => { a: 1 } }"},
	{"%o typed array", "['%o', new Uint8Array(2)]", "Uint8Array(2) [\n  0,\n  0,\n  [BYTES_PER_ELEMENT]: 1,\n  [length]: 2,\n  [byteLength]: 2,\n  [byteOffset]: 0,\n  [buffer]: ArrayBuffer { byteLength: 2 }\n]"},
	{"%o class instance", "['%o', (() => { class A { constructor() { this.x = 1 } get g() { return 2 } } return new A() })()]", "A { x: 1, [g]: [Getter] }"},
	{"%o null proto", "['%o', Object.create(null)]", "[Object: null prototype] {}"},
	{"%o string", "['%o', 'str']", "'str'"},
	{"%O string", "['%O', 'str']", "'str'"},
	{"%s with nested function", "['%s', {f() {}}]", "{ f: [Function: f] }"},
	{"%s boxed", "['%s', new Number(4)]", "[Number: 4]"},
	{"%s map", "['%s', new Map([[1, {a: {b: 1}}]])]", "Map(1) { 1 => [Object] }"},
	{"%s instance without toString", "['%s', new (class Q { constructor() { this.a = {b: 1} } })()]", "Q { a: [Object] }"},
	{"%s own toPrimitive", "['%s', {[Symbol.toPrimitive]() { return 'prim' }}]", "prim"},
	{"%i negative", "['%i', -3.9]", "-3"},
	{"%f bigint", "['%f', 3n]", "3"},
	{"%d numeric string hex", "['%d', '0x10']", "16"},
	{"%j bigint", "['%j', {a: 1}]", "{\"a\":1}"},
	{"%j string", "['%j', 'x\"y']", "\"x\\\"y\""},
	{"only %", "['%', 1]", "% 1"},
	{"%s at end without arg", "['a %s']", "a %s"},
	{"number placeholders no args", "['%d %i %f %j']", "%d %i %f %j"},
	{"%% then args", "['%% %s', 'x', 'y']", "% x y"},
	{"object args", "[{a: 1}, {b: 2}]", "{ a: 1 } { b: 2 }"},
	{"array arg", "['items:', [1, 2, 3]]", "items: [ 1, 2, 3 ]"},
	{"long line args", "['the result is', {alpha: 'aaaaaaaaaa', beta: 'bbbbbbbbbb', gamma: 'cccccccccc', delta: 'dd'}]", "the result is {\n  alpha: 'aaaaaaaaaa',\n  beta: 'bbbbbbbbbb',\n  gamma: 'cccccccccc',\n  delta: 'dd'\n}"},
}
