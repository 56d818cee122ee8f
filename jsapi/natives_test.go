package jsapi

// What the guards of natives.go cost on normal inputs: each benchmark runs
// a guarded built-in and goja's original, kept under another name in the
// same runtime, in alternating order, and reports the ratio
// ("x-unwrapped"). It is an internal test because only here can the
// original be reached. What the guards do is specified in
// testdata/spec/native-bounds.mjs, against Node's output.

import (
	"fmt"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// benchNatives is a runtime with the guards installed and the originals
// kept as JSON.rawStringify and Array.prototype.rawJoin, plus the inputs.
const benchNatives = `
var obj = {
	id: "WT0123456789abcdef0123456789abcdef", name: "Ada Lovelace", queue: "Everyone",
	attributes: { channel: "voice", from: "+15550100", to: "+15550199", language: "en-US", skills: ["billing", "support", "sales"] },
	history: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ n, at: "2026-12-02T20:13:44.000Z", ok: n % 2 === 0, note: "step " + n })),
	flags: { vip: false, callback: true, priority: 3 },
};
var list = Array.from({ length: 100 }, (_, i) => "item" + i);
function run(f, n) { var out; for (var i = 0; i < n; i++) out = f(); return out; }
var wrappedStringify = () => JSON.stringify(obj), rawStringify = () => JSON.rawStringify(obj);
var wrappedJoin = () => list.join(), rawJoin = () => list.rawJoin();
`

func newBenchNatives(tb testing.TB) *goja.Runtime {
	tb.Helper()
	rt := goja.New()
	json := rt.Get("JSON").(*goja.Object)
	arrayProto := rt.Get("Array").(*goja.Object).Get("prototype").(*goja.Object)
	raw := map[*goja.Object][2]string{json: {"stringify", "rawStringify"}, arrayProto: {"join", "rawJoin"}}
	for o, names := range raw {
		if err := o.Set(names[1], o.Get(names[0])); err != nil {
			tb.Fatal(err)
		}
	}
	installNativeBounds(rt)
	if _, err := rt.RunString(benchNatives); err != nil {
		tb.Fatal(err)
	}
	return rt
}

// call runs run(fn, n) in rt and returns its value.
func call(tb testing.TB, rt *goja.Runtime, fn string, n int) goja.Value {
	tb.Helper()
	v, err := rt.RunString(fmt.Sprintf("run(%s, %d)", fn, n))
	if err != nil {
		tb.Fatal(err)
	}
	return v
}

// TestBenchNativesSame guards the benchmark: both sides compute the same,
// and the wrapped side is the guard.
func TestBenchNativesSame(t *testing.T) {
	t.Parallel()
	rt := newBenchNatives(t)
	for _, pair := range [][2]string{{"wrappedStringify", "rawStringify"}, {"wrappedJoin", "rawJoin"}} {
		have, want := call(t, rt, pair[0], 1).String(), call(t, rt, pair[1], 1).String()
		if have != want || len(want) < 500 {
			t.Errorf("%s = %q, %s = %q", pair[0], have, pair[1], want)
		}
	}
	if rt.Get("JSON").(*goja.Object).Get("stringify").SameAs(rt.Get("JSON").(*goja.Object).Get("rawStringify")) {
		t.Error("JSON.stringify is not wrapped")
	}
}

// BenchmarkNativeBounds reports ns per call of each built-in, guarded and
// not, and their ratio; ns/op (a batch of both) is suppressed.
func BenchmarkNativeBounds(b *testing.B) {
	for _, bench := range []struct{ name, wrapped, raw string }{
		{"JSON.stringify-1KB", "wrappedStringify", "rawStringify"},
		{"join-100", "wrappedJoin", "rawJoin"},
	} {
		b.Run(bench.name, func(b *testing.B) {
			rt := newBenchNatives(b)
			const n = 200
			var wrapped, raw time.Duration
			i := 0
			for b.Loop() {
				first, second, df, ds := bench.wrapped, bench.raw, &wrapped, &raw
				if i%2 == 1 {
					first, second, df, ds = bench.raw, bench.wrapped, &raw, &wrapped
				}
				i++
				t0 := time.Now()
				call(b, rt, first, n)
				t1 := time.Now()
				call(b, rt, second, n)
				*df += t1.Sub(t0)
				*ds += time.Since(t1)
			}
			calls := float64(i * n)
			b.ReportMetric(0, "ns/op")
			b.ReportMetric(float64(wrapped.Nanoseconds())/calls, "ns/wrapped")
			b.ReportMetric(float64(raw.Nanoseconds())/calls, "ns/unwrapped")
			b.ReportMetric(float64(wrapped)/float64(raw), "x-unwrapped")
		})
	}
}
