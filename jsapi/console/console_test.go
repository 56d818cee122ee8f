package console

import (
	"bytes"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// newTestConsole installs a console writing to buffers in a fresh runtime.
// Its clock starts at a fixed instant and moves only when the script calls
// advance(ms).
func newTestConsole(t *testing.T) (rt *goja.Runtime, stdout, stderr *bytes.Buffer) {
	t.Helper()
	rt = goja.New()
	stdout, stderr = new(bytes.Buffer), new(bytes.Buffer)
	clock := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := rt.Set("console", newConsole(rt, stdout, stderr, func() time.Time { return clock })); err != nil {
		t.Fatal(err)
	}
	advance := func(call goja.FunctionCall) goja.Value {
		clock = clock.Add(time.Duration(call.Argument(0).ToFloat() * float64(time.Millisecond)))
		return goja.Undefined()
	}
	if err := rt.Set("advance", advance); err != nil {
		t.Fatal(err)
	}
	return rt, stdout, stderr
}

func runConsole(t *testing.T, script string) (stdout, stderr string) {
	t.Helper()
	rt, out, errOut := newTestConsole(t)
	if _, err := rt.RunScript("console_test.js", script); err != nil {
		t.Fatalf("script %s: %v", script, err)
	}
	return out.String(), errOut.String()
}

// TestConsole compares both streams with what Node 20's console prints for
// the same script (consoleCases, recorded with a Console on two streams).
func TestConsole(t *testing.T) {
	t.Parallel()
	for _, tc := range consoleCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			stdout, stderr := runConsole(t, tc.script)
			if stdout != tc.wantStdout {
				t.Errorf("stdout of %s\nhave:\n%s\nwant:\n%s", tc.script, stdout, tc.wantStdout)
			}
			if stderr != tc.wantStderr {
				t.Errorf("stderr of %s\nhave:\n%s\nwant:\n%s", tc.script, stderr, tc.wantStderr)
			}
		})
	}
}

// TestConsoleTime drives console.time with the fake clock. The durations
// use Node's formatTime layout.
func TestConsoleTime(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, script, wantStdout, wantStderr string }{
		{
			name:       "milliseconds",
			script:     "console.time('t'); advance(1.2346); console.timeLog('t', 'extra', {a: 1}); advance(10); console.timeEnd('t')",
			wantStdout: "t: 1.235ms extra { a: 1 }\nt: 11.235ms\n",
		},
		{
			name:       "default label",
			script:     "console.time(); advance(0.05); console.timeEnd()",
			wantStdout: "default: 0.05ms\n",
		},
		{
			name:       "seconds",
			script:     "console.time('s'); advance(1500); console.timeEnd('s')",
			wantStdout: "s: 1.500s\n",
		},
		{
			name:       "minutes",
			script:     "console.time('m'); advance(62345.6); console.timeEnd('m')",
			wantStdout: "m: 1:02.346 (m:ss.mmm)\n",
		},
		{
			name:       "hours",
			script:     "console.time('h'); advance(3723456); console.timeEnd('h')",
			wantStdout: "h: 1:02:03.456 (h:mm:ss.mmm)\n",
		},
		{
			name:       "whole milliseconds",
			script:     "console.time('w'); advance(12); console.timeEnd('w')",
			wantStdout: "w: 12ms\n",
		},
		{
			name:       "in group",
			script:     "console.time('g'); console.group(); advance(2); console.timeEnd('g')",
			wantStdout: "  g: 2ms\n",
		},
		{
			name:       "misuse warns on stderr",
			script:     "console.time('a'); console.time('a'); console.timeEnd('nope'); console.timeLog('nope'); console.timeEnd('a'); console.timeEnd('a')",
			wantStdout: "a: 0ms\n",
			wantStderr: "Warning: Label 'a' already exists for console.time()\n" +
				"Warning: No such label 'nope' for console.timeEnd()\n" +
				"Warning: No such label 'nope' for console.timeLog()\n" +
				"Warning: No such label 'a' for console.timeEnd()\n",
		},
		{
			name:       "count reset unknown",
			script:     "console.countReset('q')",
			wantStderr: "Warning: Count for 'q' does not exist\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			stdout, stderr := runConsole(t, tc.script)
			if stdout != tc.wantStdout || stderr != tc.wantStderr {
				t.Errorf("%s\nhave stdout %q, stderr %q\nwant stdout %q, stderr %q", tc.script, stdout, stderr, tc.wantStdout, tc.wantStderr)
			}
		})
	}
}

// TestConsoleTrace checks the Node layout of console.trace; the frames are
// goja's, rewritten by engine.NodeStack.
func TestConsoleTrace(t *testing.T) {
	t.Parallel()
	script := "function inner() { console.trace('at %s', 'inner') }\n" +
		"inner();\n" +
		"console.group('g');\n" +
		"console.trace();\n"
	stdout, stderr := runConsole(t, script)
	want := "Trace: at inner\n" +
		"    at inner (console_test.js:1:33)\n" +
		"    at console_test.js:2:6\n" +
		"  Trace\n" +
		"      at console_test.js:4:14\n"
	if stdout != "g\n" || stderr != want {
		t.Errorf("have stdout %q, stderr:\n%s\nwant stderr:\n%s", stdout, stderr, want)
	}
}

// TestConsoleTableProperties checks the TypeError for a bad properties
// argument.
func TestConsoleTableProperties(t *testing.T) {
	t.Parallel()
	rt, _, _ := newTestConsole(t)
	_, err := rt.RunString("console.table([{a: 1}], 'a')")
	want := `TypeError: The "properties" argument must be an instance of Array. Received 'a'`
	if err == nil || !bytes.HasPrefix([]byte(err.Error()), []byte(want)) {
		t.Errorf("have error %v, want %s", err, want)
	}
}

// The cases below were recorded from Node 20 with
// new Console({stdout, stderr}) on two in-memory streams.
var consoleCases = []struct{ name, script, wantStdout, wantStderr string }{
	{"streams", "console.log('out', 1); console.info('info'); console.debug('debug'); console.warn('warn', {a: 1}); console.error(new Map([[1, 2]])); console.dirxml('x')", "out 1\ninfo\ndebug\nx\n", "warn { a: 1 }\nMap(1) { 1 => 2 }\n"},
	{"group indentation", "console.log('top'); console.group('G1'); console.log('a\\nb'); console.error('err'); console.group(); console.warn({x: {y: 1}}); console.groupEnd(); console.groupCollapsed('G2', 2); console.info('deep'); console.groupEnd(); console.groupEnd(); console.groupEnd(); console.log('back')", "top\nG1\n  a\n  b\n  G2 2\n    deep\nback\n", "  err\n    { x: { y: 1 } }\n"},
	{"group multiline object", "console.group('obj'); console.log({alpha: 'aaaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbbbbb', gamma: 'ccccccccccccccccccccc', delta: 1}); console.groupEnd()", "obj\n  {\n    alpha: 'aaaaaaaaaaaaaaa',\n    beta: 'bbbbbbbbbbbbbbbbbbb',\n    gamma: 'ccccccccccccccccccccc',\n    delta: 1\n  }\n", ""},
	{"count", "console.count(); console.count(); console.count('x'); console.count(undefined); console.countReset(); console.count(); console.count(null); console.count(42)", "default: 1\ndefault: 2\nx: 1\ndefault: 3\ndefault: 1\nnull: 1\n42: 1\n", ""},
	{"count in group", "console.group(); console.count('g'); console.groupEnd()", "  g: 1\n", ""},
	{"assert", "console.assert(true, 'no'); console.assert(false); console.assert(0, 'msg %d', 5); console.assert('', {a: 1}); console.assert(null, 'two', 'parts')", "", "Assertion failed\nAssertion failed: msg 5\nAssertion failed: [object Object]\nAssertion failed: two parts\n"},
	{"dir", "console.dir({a: {b: {c: {d: 1}}}}); console.dir({a: {b: 1}}, {depth: 0}); console.dir('str'); console.dir({[Symbol.for('nodejs.util.inspect.custom')]() { return 'custom' }, k: 1})", "{ a: { b: { c: [Object] } } }\n{ a: [Object] }\n'str'\n{\n  k: 1,\n  [Symbol(nodejs.util.inspect.custom)]: [Function: [nodejs.util.inspect.custom]]\n}\n", ""},
	{"table array of objects", "console.table([{a: 1, b: 'Y'}, {a: 22, c: {x: 1, y: 2, z: 3}}])", "┌─────────┬────┬─────┬──────────┐\n│ (index) │ a  │ b   │ c        │\n├─────────┼────┼─────┼──────────┤\n│ 0       │ 1  │ 'Y' │          │\n│ 1       │ 22 │     │ [Object] │\n└─────────┴────┴─────┴──────────┘\n", ""},
	{"table map", "console.table(new Map([['k', {a: 1}]]))", "┌───────────────────┬─────┬──────────┐\n│ (iteration index) │ Key │ Values   │\n├───────────────────┼─────┼──────────┤\n│ 0                 │ 'k' │ { a: 1 } │\n└───────────────────┴─────┴──────────┘\n", ""},
	{"table set", "console.table(new Set([1, 'x']))", "┌───────────────────┬────────┐\n│ (iteration index) │ Values │\n├───────────────────┼────────┤\n│ 0                 │ 1      │\n│ 1                 │ 'x'    │\n└───────────────────┴────────┘\n", ""},
	{"table mixed", "console.table([1, [1, 2, 3, 4, 5], {a: {b: 1}}])", "┌─────────┬───┬───┬───┬───┬───┬──────────┬────────┐\n│ (index) │ 0 │ 1 │ 2 │ 3 │ 4 │ a        │ Values │\n├─────────┼───┼───┼───┼───┼───┼──────────┼────────┤\n│ 0       │   │   │   │   │   │          │ 1      │\n│ 1       │ 1 │ 2 │ 3 │ 4 │ 5 │          │        │\n│ 2       │   │   │   │   │   │ { b: 1 } │        │\n└─────────┴───┴───┴───┴───┴───┴──────────┴────────┘\n", ""},
	{"table properties", "console.table({x: {'1': 1, b: 2, '0': 3}}, ['b', '0'])", "┌─────────┬───┬───┐\n│ (index) │ 0 │ b │\n├─────────┼───┼───┤\n│ x       │ 3 │ 2 │\n└─────────┴───┴───┘\n", ""},
	{"table primitive", "console.table('str'); console.table(5)", "str\n5\n", ""},
	{"table empty", "console.table([])", "┌─────────┐\n│ (index) │\n├─────────┤\n└─────────┘\n", ""},
	{"table nested arrays", "console.table([[1, 2], [3]])", "┌─────────┬───┬───┐\n│ (index) │ 0 │ 1 │\n├─────────┼───┼───┤\n│ 0       │ 1 │ 2 │\n│ 1       │ 3 │   │\n└─────────┴───┴───┘\n", ""},
	{"table unicode", "console.table([{name: '日本', v: 'é'}])", "┌─────────┬────────┬─────┐\n│ (index) │ name   │ v   │\n├─────────┼────────┼─────┤\n│ 0       │ '日本' │ 'é' │\n└─────────┴────────┴─────┘\n", ""},
	{"table in group", "console.group('T'); console.table([{a: 1}]); console.groupEnd()", "T\n  ┌─────────┬───┐\n  │ (index) │ a │\n  ├─────────┼───┤\n  │ 0       │ 1 │\n  └─────────┴───┘\n", ""},
	{"detached methods", "const {log, error} = console; log('detached'); error('detached err')", "detached\n", "detached err\n"},
	{"format through log", "console.log('%s is %d years', 'Bob', 42, {extra: true}); console.log('%c styled', 'color: red'); console.log('%o', [1])", "Bob is 42 years { extra: true }\n styled\n[ 1, [length]: 1 ]\n", ""},
	{"strings raw at top level", "console.log('a\\'b', \"c\", ['d'])", "a'b c [ 'd' ]\n", ""},
	{"no arguments", "console.log(); console.error()", "\n", "\n"},
}
