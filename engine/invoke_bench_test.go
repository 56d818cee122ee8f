package engine_test

// Invocation throughput, measured the way goja-gaps.md "Speed" did: a loop of
// sequential `await Actions.invokeAction("X", { n })` with one before
// listener, one replacement calling original(payload) and one after
// listener, against flexrun's Go pipeline and against the plain-JavaScript
// baseline in testdata/bench/naive-pipeline.js, in the same kind of engine.
//
// The loop is a JavaScript function installed by a setup script; each
// benchmark iteration calls it once with benchN from a loop job (Engine.Do)
// and waits for its promise. The whole loop runs inside that one job, so an
// iteration's wall time is the pipeline's time: no esbuild compile and no
// script start-up is inside the timed region, and inv/s is benchN times the
// iterations over the elapsed seconds.

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
)

// benchN is the number of invocations per benchmark iteration.
const benchN = 2000

// benchSetup installs action X with one listener of each kind and a
// replacement on the actions object %s, and globalThis.benchRun(count),
// which invokes X count times in sequence and describes what ran.
const benchSetup = `
const A = %s;
let before = 0, after = 0;
A.registerAction("X", (p) => (p.seen ? p.n * 2 : -1e9));
A.replaceAction("X", (payload, original) => original(payload));
A.addListener("beforeX", (p, abort) => { before++; p.seen = true; });
A.addListener("afterX", (p) => { after++; });
globalThis.benchRun = async (count) => {
	before = 0;
	after = 0;
	let sum = 0;
	for (let n = 0; n < count; n++) sum += await A.invokeAction("X", { n });
	return "sum=" + sum + " before=" + before + " after=" + after;
};
`

// benchWant is what benchRun(n) returns when every phase ran every time.
func benchWant(n int) string {
	return fmt.Sprintf("sum=%d before=%d after=%d", n*(n-1), n, n)
}

// loopPipeline is an engine set up to run benchRun against one pipeline.
type loopPipeline struct{ e *flexruntest.Engine }

// newFlexrunPipeline runs the loop against flexrun's flex.Actions.
func newFlexrunPipeline(tb testing.TB) *loopPipeline {
	tb.Helper()
	return newLoopPipeline(tb, fmt.Sprintf(benchSetup, "flex.Actions"))
}

// newNaivePipeline runs the loop against createNaiveActions(), evaluated in
// the same kind of engine and compiled by the same build as a plugin.
func newNaivePipeline(tb testing.TB) *loopPipeline {
	tb.Helper()
	naive, err := os.ReadFile("testdata/bench/naive-pipeline.js")
	require.NoError(tb, err)
	return newLoopPipeline(tb, string(naive)+fmt.Sprintf(benchSetup, "createNaiveActions()"))
}

func newLoopPipeline(tb testing.TB, setup string) *loopPipeline {
	tb.Helper()
	e := flexruntest.New(tb, flexruntest.Options{})
	res := e.RunScript(setup)
	require.NoError(tb, res.Err, res.Stderr)
	return &loopPipeline{e: e}
}

// run calls benchRun(n) in one loop job and returns its result.
func (p *loopPipeline) run(tb testing.TB, n int) string {
	tb.Helper()
	type result struct {
		out string
		err error
	}
	ch := make(chan result, 1)
	err := p.e.Do(context.Background(), func(v *engine.VM) error {
		rt := v.Runtime()
		run, ok := goja.AssertFunction(rt.Get("benchRun"))
		if !ok {
			return fmt.Errorf("benchRun is not installed")
		}
		ret, err := run(goja.Undefined(), rt.ToValue(n))
		if err != nil {
			return err
		}
		v.Then(ret, func(val goja.Value) {
			ch <- result{out: val.String()}
		}, func(reason goja.Value) {
			ch <- result{err: fmt.Errorf("benchRun rejected: %v", reason)}
		})
		return nil
	})
	require.NoError(tb, err)
	select {
	case r := <-ch:
		require.NoError(tb, r.err, p.e.Stderr())
		return r.out
	case <-time.After(time.Minute):
		tb.Fatalf("benchRun(%d) did not settle", n)
		return ""
	}
}

// allocMeter reports heap allocations per invocation over a benchmark loop.
type allocMeter struct{ start runtime.MemStats }

func (m *allocMeter) begin() { runtime.ReadMemStats(&m.start) }

func (m *allocMeter) report(b *testing.B, invocations int) {
	var end runtime.MemStats
	runtime.ReadMemStats(&end)
	n := float64(invocations)
	b.ReportMetric(float64(end.Mallocs-m.start.Mallocs)/n, "allocs/inv")
	b.ReportMetric(float64(end.TotalAlloc-m.start.TotalAlloc)/n, "B/inv")
}

// benchLoop times p.run(benchN) per iteration and reports the rate.
func benchLoop(b *testing.B, p *loopPipeline) {
	want := benchWant(benchN)
	var m allocMeter
	m.begin()
	iters := 0
	for b.Loop() {
		if have := p.run(b, benchN); have != want {
			b.Fatalf("benchRun: have %q, want %q", have, want)
		}
		iters++
	}
	invocations := iters * benchN
	m.report(b, invocations)
	b.ReportMetric(float64(invocations)/b.Elapsed().Seconds(), "inv/s")
	b.ReportMetric(0, "ns/op")
}

func BenchmarkInvokePipeline(b *testing.B) {
	benchLoop(b, newFlexrunPipeline(b))
}

func BenchmarkNaivePipeline(b *testing.B) {
	benchLoop(b, newNaivePipeline(b))
}

// BenchmarkInvokeVsNaive runs both pipelines in every iteration, alternating
// which goes first, so that both see the same machine state; x-naive is the
// figure to quote.
func BenchmarkInvokeVsNaive(b *testing.B) {
	flexrun, naive := newFlexrunPipeline(b), newNaivePipeline(b)
	want := benchWant(benchN)
	var flexrunTime, naiveTime time.Duration
	timed := func(p *loopPipeline, total *time.Duration) {
		start := time.Now()
		have := p.run(b, benchN)
		*total += time.Since(start)
		if have != want {
			b.Fatalf("benchRun: have %q, want %q", have, want)
		}
	}
	iters := 0
	for b.Loop() {
		if iters%2 == 0 {
			timed(flexrun, &flexrunTime)
			timed(naive, &naiveTime)
		} else {
			timed(naive, &naiveTime)
			timed(flexrun, &flexrunTime)
		}
		iters++
	}
	invocations := float64(iters * benchN)
	flexrunRate := invocations / flexrunTime.Seconds()
	naiveRate := invocations / naiveTime.Seconds()
	b.ReportMetric(flexrunRate, "flexrun-inv/s")
	b.ReportMetric(naiveRate, "naive-inv/s")
	b.ReportMetric(flexrunRate/naiveRate, "x-naive")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkInvokeFromGo measures Engine.Invoke round trips from one
// goroutine into the same JavaScript pipeline: each one posts a loop job and
// waits for the promise on a channel.
func BenchmarkInvokeFromGo(b *testing.B) {
	p := newFlexrunPipeline(b)
	ctx := context.Background()
	var m allocMeter
	m.begin()
	iters := 0
	for b.Loop() {
		var last any
		for n := range benchN {
			res, err := p.e.Invoke(ctx, "X", map[string]any{"n": n})
			if err != nil {
				b.Fatal(err)
			}
			last = res
		}
		if have, want := fmt.Sprint(last), fmt.Sprint(2*(benchN-1)); have != want {
			b.Fatalf("Invoke: have %s, want %s", have, want)
		}
		iters++
	}
	invocations := iters * benchN
	m.report(b, invocations)
	b.ReportMetric(float64(invocations)/b.Elapsed().Seconds(), "inv/s")
	b.ReportMetric(0, "ns/op")
}

// TestBenchPipelinesAgree guards the benchmarks: both pipelines must run
// every phase of every invocation and give the same result, and Invoke
// from Go must reach the same pipeline.
func TestBenchPipelinesAgree(t *testing.T) {
	t.Parallel()
	const n = 25
	flexrun, naive := newFlexrunPipeline(t), newNaivePipeline(t)
	have := flexrun.run(t, n)
	assert.Equal(t, benchWant(n), have)
	assert.Equal(t, have, naive.run(t, n), "naive pipeline disagrees")
	// A second run in the same engine must start from a clean count.
	assert.Equal(t, benchWant(n), flexrun.run(t, n))

	got, err := flexrun.e.Invoke(context.Background(), "X", map[string]any{"n": 21})
	require.NoError(t, err)
	assert.EqualValues(t, 42, got)
}
