package jsapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/jsapi"
)

// Timer order and the loop's idle rule, under synctest's virtual clock: the
// loop's timers fire exactly at their deadlines and a Wait that needs an
// hour of timers takes no real time. Scripts are plain JavaScript run with
// RunScript (no esbuild, which may start goroutines outside the bubble) and
// record what happened in the global array `trace`.

// newTimerEngine starts an engine with the JavaScript surface and an empty
// trace; it is closed when the bubble ends. Call inside synctest.Test.
func newTimerEngine(t *testing.T) *engine.Engine {
	t.Helper()
	e, _, err := jsapi.New(jsapi.Options{}, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := e.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	run(t, e, "globalThis.trace = [];")
	return e
}

// run runs src on the loop and fails the test if it throws.
func run(t *testing.T, e *engine.Engine, src string) {
	t.Helper()
	err := e.Do(t.Context(), func(v *engine.VM) error {
		_, err := v.Runtime().RunScript("timers_test.js", src)
		return err
	})
	if err != nil {
		t.Fatalf("run %q: %v", src, err)
	}
}

// wait waits for the engine to be idle and fails the test on an error.
func wait(t *testing.T, e *engine.Engine) {
	t.Helper()
	if err := e.Wait(t.Context()); err != nil {
		t.Fatalf("wait: %v", err)
	}
}

// trace returns the global array `trace` as strings.
func trace(t *testing.T, e *engine.Engine) []string {
	t.Helper()
	var s string
	err := e.Do(t.Context(), func(v *engine.VM) error {
		val, err := v.Runtime().RunString("JSON.stringify(trace.map(String))")
		if err == nil {
			s = val.String()
		}
		return err
	})
	if err != nil {
		t.Fatalf("read trace: %v", err)
	}
	var out []string
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		t.Fatalf("trace %s: %v", s, err)
	}
	return out
}

func checkTrace(t *testing.T, e *engine.Engine, want ...string) {
	t.Helper()
	if have := trace(t, e); !slices.Equal(have, want) {
		t.Errorf("trace\nhave: %q\nwant: %q", have, want)
	}
}

func TestTimersEqualDelaysFireInOrder(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		e := newTimerEngine(t)
		run(t, e, `for (let i = 0; i < 300; i++) setTimeout(() => trace.push(i), 5);`)
		wait(t, e)
		want := make([]string, 300)
		for i := range want {
			want[i] = fmt.Sprint(i)
		}
		checkTrace(t, e, want...)
	})
}

func TestTimersFireByDeadlineThenOrder(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		e := newTimerEngine(t)
		run(t, e, `
			const at = (name) => () => trace.push(name + "@" + performance.now());
			setTimeout(at("a5"), 5);
			setTimeout(at("b1"), 1);
			setTimeout(at("c3"), 3);
			setTimeout(at("d1"), 1);
			setTimeout(at("e5"), 5);
			setTimeout(at("f0"), 0);
			setTimeout(at("g2"), 2);
			// Set at 0 ms for 10 ms, and at 5 ms for 5 ms: the same deadline,
			// so the one set first fires first.
			setTimeout(at("h10"), 10);
			setTimeout(() => setTimeout(at("i5+5"), 5), 5);
		`)
		wait(t, e)
		checkTrace(t, e, "b1@1", "d1@1", "f0@1", "g2@2", "c3@3", "a5@5", "e5@5", "h10@10", "i5+5@10")
	})
}

func TestTimersZeroDelayIsOneMillisecond(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		e := newTimerEngine(t)
		run(t, e, `
			setTimeout(() => trace.push("g 1ms"), 1);
			setTimeout(() => trace.push("f 0ms"), 0);
			setTimeout(() => trace.push("h 0ms"));
			setTimeout(() => trace.push("i 1ms"), 1);
		`)
		wait(t, e)
		checkTrace(t, e, "g 1ms", "f 0ms", "h 0ms", "i 1ms")
	})
}

func TestTimersDrainMicrotasksAfterEachCallback(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		e := newTimerEngine(t)
		run(t, e, `
			setTimeout(() => {
				Promise.resolve().then(() => trace.push("t1 micro"));
				queueMicrotask(() => trace.push("t1 queued"));
				trace.push("t1");
			}, 1);
			setTimeout(() => trace.push("t2"), 1);
		`)
		wait(t, e)
		checkTrace(t, e, "t1", "t1 micro", "t1 queued", "t2")
	})
}

func TestSetIntervalFiresUntilCleared(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		e := newTimerEngine(t)
		run(t, e, `
			let n = 0;
			const id = setInterval((tag) => {
				trace.push(tag + ++n + "@" + performance.now());
				if (n === 4) clearInterval(id);
			}, 10, "tick");
			setTimeout(() => trace.push("timeout@" + performance.now()), 25);
		`)
		wait(t, e)
		checkTrace(t, e, "tick1@10", "tick2@20", "timeout@25", "tick3@30", "tick4@40")
	})
}

// An interval nobody clears keeps the engine busy: Wait only returns on
// its context.
func TestSetIntervalKeepsEngineBusy(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		e := newTimerEngine(t)
		run(t, e, `globalThis.iv = setInterval(() => trace.push("tick"), 100);`)
		ctx, cancel := context.WithTimeout(t.Context(), time.Second+50*time.Millisecond)
		defer cancel()
		if err := e.Wait(ctx); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Wait with an interval set: %v, want context.DeadlineExceeded", err)
		}
		if n := len(trace(t, e)); n != 10 {
			t.Errorf("interval fired %d times in 1.05 s of 100 ms ticks, want 10", n)
		}
		run(t, e, `clearInterval(iv);`)
		wait(t, e)
	})
}

// Wait returns only once the last timer fired, however far away it is.
func TestWaitWaitsForTimers(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		e := newTimerEngine(t)
		start := time.Now()
		run(t, e, `setTimeout(() => trace.push("an hour later@" + performance.now() / 3600e3 + "h"), 3600e3);`)
		wait(t, e)
		checkTrace(t, e, "an hour later@1h")
		if d := time.Since(start); d != time.Hour {
			t.Errorf("Wait returned after %v of virtual time, want 1h", d)
		}
	})
}

// A cleared timer no longer keeps the engine busy.
func TestWaitIgnoresClearedTimers(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		e := newTimerEngine(t)
		start := time.Now()
		run(t, e, `
			clearTimeout(setTimeout(() => trace.push("cleared"), 3600e3));
			const id = setTimeout(() => trace.push("self-cleared"), 5);
			setTimeout(() => clearTimeout(id), 1);
		`)
		wait(t, e)
		checkTrace(t, e)
		if d := time.Since(start); d != time.Millisecond {
			t.Errorf("Wait returned after %v of virtual time, want 1ms", d)
		}
	})
}

// A timer set by a timer callback counts before the loop next looks for
// idleness (goja-gaps.md: the idle check must count every timer).
func TestTimerSetInsideTimerKeepsEngineBusy(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		e := newTimerEngine(t)
		run(t, e, `
			let depth = 0;
			function next() {
				trace.push("depth " + depth + "@" + performance.now());
				if (++depth < 5) setTimeout(next, 10);
			}
			setTimeout(next, 10);
			// The same through a promise continuation inside a timer.
			setTimeout(async () => {
				await null;
				setTimeout(() => trace.push("after await@" + performance.now()), 100);
			}, 1);
		`)
		wait(t, e)
		checkTrace(t, e, "depth 0@10", "depth 1@20", "depth 2@30", "depth 3@40", "depth 4@50", "after await@101")
	})
}

// A throwing callback makes Wait return an *engine.UncaughtError; the
// timers after it still run when the engine is waited on again.
func TestThrowingTimerIsUncaught(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		e := newTimerEngine(t)
		run(t, e, `
			setTimeout(() => trace.push("before"), 1);
			setTimeout(() => { throw new TypeError("boom"); }, 2);
			setTimeout(() => trace.push("after"), 3);
			let n = 0;
			const iv = setInterval(() => {
				trace.push("interval " + ++n);
				if (n === 2) clearInterval(iv);
				if (n === 1) throw new RangeError("interval boom");
			}, 4);
		`)
		checkUncaught(t, e.Wait(t.Context()), "TypeError", "boom")
		checkTrace(t, e, "before") // virtual time stands still until we wait again
		checkUncaught(t, e.Wait(t.Context()), "RangeError", "interval boom")
		wait(t, e)
		checkTrace(t, e, "before", "after", "interval 1", "interval 2")
	})
}

// An error thrown while nobody waits is kept for the next Wait.
func TestThrowingTimerIsKeptForWait(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		e := newTimerEngine(t)
		run(t, e, `
			setTimeout(() => { throw new Error("nobody waits"); }, 1);
			setTimeout(() => trace.push("later"), 1);
		`)
		// Block until the loop has passed 10 ms: both timers fired and
		// nobody was waiting.
		passed := make(chan struct{})
		e.Post(func(v *engine.VM) { v.SetTimer(engine.HostOwner, 10*time.Millisecond, false, func() { close(passed) }) })
		<-passed
		checkTrace(t, e, "later")
		checkUncaught(t, e.Wait(t.Context()), "Error", "nobody waits")
		wait(t, e)
	})
}

func checkUncaught(t *testing.T, err error, name, message string) {
	t.Helper()
	var ue *engine.UncaughtError
	if !errors.As(err, &ue) {
		t.Fatalf("Wait: %v (%T), want an *engine.UncaughtError", err, err)
	}
	var je *engine.JSError
	if ue.Kind != "error" || !errors.As(ue, &je) || je.Name != name || je.Message != message {
		t.Fatalf("Wait: %s %v (%T), want error %s: %s", ue.Kind, ue.Err, ue.Err, name, message)
	}
	if !strings.Contains(je.Stack, "at ") {
		t.Errorf("uncaught %s has no stack: %q", name, je.Stack)
	}
}
