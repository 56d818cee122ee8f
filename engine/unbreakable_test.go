package engine_test

// Plugin code that used to crash the process, brick the engine or lose an
// invocation (issue 10). Each case must leave the engine serving.

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
)

// alive asserts that the engine still runs scripts, promise jobs, timers and
// invocations.
func alive(t *testing.T, e *flexruntest.Engine) {
	t.Helper()
	for i := 0; i < 1000 && e.Wait(context.Background()) != nil; i++ { // reports of what went before
	}
	res := e.RunScript(`
		flex.Actions.registerAction("Sanity", (p) => p.n + 1);
		await null;
		await new Promise((r) => setTimeout(r, 1));
		console.log("sanity", await flex.Actions.invokeAction("Sanity", { n: 1 }));
	`)
	require.NoError(t, res.Err, res.Stderr)
	require.Equal(t, "sanity 2\n", res.Stdout)
	got, err := e.Invoke(context.Background(), "Sanity", map[string]any{"n": 41})
	require.NoError(t, err)
	require.Equal(t, int64(42), got)
}

// Unhandled rejections whose reason cannot be read are reported, not a
// crash of the process.
func TestUnreadableRejectionReasons(t *testing.T) {
	t.Parallel()
	for name, script := range map[string]string{
		"throwing getter": `Promise.reject({ get a() { throw new Error("x"); } });`,
		"revoked proxy":   `const r = Proxy.revocable({}, {}); r.revoke(); Promise.reject(r.proxy);`,
		"throwing trap":   `Promise.reject(new Proxy({}, { ownKeys() { throw new Error("trap"); }, get() { throw new Error("trap"); } }));`,
		"polluted prototype": `Object.defineProperty(Object.prototype, "content", { get() { throw new Error("polluted"); }, configurable: true });
			Promise.reject(new Error("e"));`,
		"toString throws": `Promise.reject({ toString() { throw new Error("no"); } });`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			e := flexruntest.New(t, flexruntest.Options{})
			res := e.RunScript(script)
			var u *engine.UncaughtError
			require.ErrorAs(t, res.Err, &u)
			assert.Equal(t, "unhandled rejection", u.Kind)
			alive(t, e)
		})
	}
}

// Values that cannot cross to Go give an error naming where, never a fatal
// allocation or a lost result.
func TestResultsThatCannotBeExported(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{})
	res := e.RunScript(`
		const A = flex.Actions;
		A.registerAction("Huge", () => { const a = []; a.length = 2 ** 32 - 1; return a; });
		A.registerAction("Big", () => { const a = []; a.length = 1e8; return { items: a }; });
		A.registerAction("Deep", () => { let o = {}; const root = o; for (let i = 0; i < 1000; i++) { o = o.next = {}; } return root; });
		A.registerAction("Getter", () => ({ list: [1, { get bad() { throw new Error("getter"); } }] }));
		A.registerAction("Revoked", () => { const r = Proxy.revocable({}, {}); r.revoke(); return { p: r.proxy }; });
		A.registerAction("RejectRevoked", () => { const r = Proxy.revocable({}, {}); r.revoke(); return Promise.reject(r.proxy); });
		A.registerAction("Cycle", () => { const o = { name: "o" }; o.self = o; return o; });
	`)
	require.NoError(t, res.Err, res.Stderr)
	ctx := context.Background()
	for name, want := range map[string]string{
		"Huge":    "result: array of 4294967295 elements: more than 1048576 values",
		"Big":     "result.items: array of 100000000 elements",
		"Deep":    "nested more than 64 levels deep",
		"Getter":  `result.list[1].bad: reading it threw Error: getter`,
		"Revoked": "result.p: reading it threw TypeError",
	} {
		_, err := e.Invoke(ctx, name, nil)
		require.Error(t, err, name)
		assert.Contains(t, err.Error(), want, name)
		var ve *engine.ValueError
		assert.ErrorAs(t, err, &ve, name)
	}
	_, err := e.Invoke(ctx, "RejectRevoked", nil)
	var ae *engine.ActionError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, engine.PhaseBody, ae.Phase)
	got, err := e.Invoke(ctx, "Cycle", nil)
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"name": "o", "self": nil}, got) // JavaScript cycles are cut
	alive(t, e)
}

// A cyclic Go payload is refused with an error, not a fatal stack overflow.
func TestCyclicGoPayload(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{})
	require.NoError(t, e.RunScript(`flex.Actions.registerAction("Echo", (p) => p);`).Err)
	m := map[string]any{"a": 1}
	m["self"] = m
	_, err := e.Invoke(context.Background(), "Echo", m)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "payload.self.self")
	assert.Contains(t, err.Error(), "(a cycle?)")
	s := []any{1}
	s[0] = map[string]any{"list": s}
	_, err = e.Invoke(context.Background(), "Echo", map[string]any{"s": s})
	assert.ErrorContains(t, err, "a cycle?")
	alive(t, e)
}

// An interrupt after an await, in a body or a listener, settles the
// invocation with an ActionError naming action, phase and owner, and takes
// its pending entry away.
func TestInterruptAfterAwaitSettlesTheInvocation(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, setup string
		phase       engine.Phase
	}{
		{"body", `flex.Actions.registerAction("Spin", async () => { await null; while (true) {} });`, engine.PhaseBody},
		{"before listener", `flex.Actions.registerAction("Spin", () => 1);
			flex.Actions.addListener("beforeSpin", async () => { await new Promise((r) => setTimeout(r, 1)); while (true) {} });`, engine.PhaseBefore},
		{"after listener", `flex.Actions.registerAction("Spin", () => 1);
			flex.Actions.addListener("afterSpin", async () => { await null; await null; while (true) {} });`, engine.PhaseAfter},
		{"replacement, stack overflow", `flex.Actions.registerAction("Spin", () => 1);
			flex.Actions.replaceAction("Spin", async (p, original) => { await original(p); const f = () => f() + 1; f(); });`, engine.PhaseBody},
		{"promise callback in a body", `flex.Actions.registerAction("Spin", () => Promise.resolve().then(() => { for (;;) {} }));`, engine.PhaseBody},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var reports []*engine.UncaughtError
			e := flexruntest.New(t, flexruntest.Options{Engine: engine.Options{
				JobBudget:  100 * time.Millisecond, // room for alive's script on a loaded machine
				OnUncaught: func(u *engine.UncaughtError) { reports = append(reports, u) },
			}})
			require.NoError(t, e.RunScript(tt.setup).Err)
			for range 2 { // the second is not refused "Action is pending"
				_, err := e.Invoke(context.Background(), "Spin", map[string]any{"k": 1})
				var ae *engine.ActionError
				require.ErrorAs(t, err, &ae)
				assert.Equal(t, "Spin", ae.Action)
				assert.Equal(t, tt.phase, ae.Phase)
				assert.Equal(t, engine.ScriptOwner, ae.Owner)
				assert.NotContains(t, err.Error(), "pending")
			}
			res := e.RunScript(`console.log(JSON.stringify(flex.Actions.findPendingActions(["Spin"])));`)
			assert.Equal(t, "{}\n", res.Stdout)
			require.NoError(t, e.Do(context.Background(), func(*engine.VM) error { return nil }))
			require.NotEmpty(t, reports)
			assert.Contains(t, reports[0].Error(), "action Spin ("+string(tt.phase))
			alive(t, e)
		})
	}
}

// An interrupt in one microtask does not lose the others queued with it:
// the invocations they settle still settle.
func TestInterruptKeepsOtherMicrotasks(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{Engine: engine.Options{JobBudget: 50 * time.Millisecond}})
	res := e.RunScript(`
		const A = flex.Actions;
		A.registerAction("Spin", async () => { await null; for (;;) {} });
		A.registerAction("Fine", async (p) => { await null; await null; return p.n; });
		const results = await Promise.allSettled([
			A.invokeAction("Fine", { n: 1 }),
			A.invokeAction("Spin", {}),
			A.invokeAction("Fine", { n: 2 }),
		]);
		console.log(results.map((r) => r.status + ":" + (r.value ?? r.reason.message.split(", at")[0])).join(" | "));
	`)
	var u *engine.UncaughtError
	require.ErrorAs(t, res.Err, &u)
	assert.Equal(t, "interrupted", u.Kind)
	assert.Equal(t, "fulfilled:1 | rejected:action Spin (implementation, owner script): still running after the job time budget of 50ms | fulfilled:2\n", res.Stdout)
	alive(t, e)
}

// Every Invoke of many concurrent ones returns, whatever the others do.
func TestInvokeAlwaysReturns(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{Engine: engine.Options{JobBudget: 20 * time.Millisecond}})
	require.NoError(t, e.RunScript(`
		const A = flex.Actions;
		A.registerAction("Mixed", async (p) => {
			await null;
			if (p.i % 7 === 3) for (;;) {}
			if (p.i % 5 === 1) throw new Error("no " + p.i);
			return p.i;
		});
	`).Err)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	errs := make(chan error, 60)
	for i := range 60 {
		go func() {
			_, err := e.Invoke(ctx, "Mixed", map[string]any{"i": i})
			errs <- err
		}()
	}
	var budget, thrown, ok int
	for range 60 {
		err := <-errs
		if errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("lost")
			continue
		}
		var ae *engine.ActionError
		switch {
		case err == nil:
			ok++
		case errors.As(err, &ae) && strings.Contains(err.Error(), "job time budget"):
			budget++
		case errors.As(err, &ae) && ae.Phase == engine.PhaseBody:
			thrown++
		default:
			t.Errorf("unexpected error %v", err)
		}
	}
	assert.Equal(t, 60, ok+budget+thrown)
	assert.Equal(t, 9, budget)
	alive(t, e)
}

// *ActionError carries the phase and owner of what failed.
func TestActionErrorCarriesPhaseAndOwner(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{})
	require.NoError(t, e.RunScript(`
		const A = flex.Actions;
		A.registerAction("Body", () => { throw new Error("b"); });
		A.registerAction("Aborted", () => 1);
		A.addListener("beforeAborted", (p, abort) => abort());
		A.registerAction("Pending", () => new Promise(() => {}));
		A.registerAction("Thenable", () => 1);
		A.addListener("afterThenable", () => ({ then(_, reject) { reject(new Error("t")); } }));
		A.invokeAction("Pending", { id: 1 });
	`).Err)
	ctx := context.Background()
	for _, tt := range []struct {
		action string
		phase  engine.Phase
		owner  engine.Owner
	}{
		{"Body", engine.PhaseBody, engine.ScriptOwner},
		{"Aborted", engine.PhaseBefore, engine.ScriptOwner},
		{"Pending", engine.PhaseBegin, engine.Owner{}},
		{"Missing", engine.PhaseBegin, engine.Owner{}},
		{"Thenable", engine.PhaseAfter, engine.ScriptOwner},
	} {
		_, err := e.Invoke(ctx, tt.action, map[string]any{"id": 1})
		var ae *engine.ActionError
		require.ErrorAs(t, err, &ae, tt.action)
		assert.Equal(t, tt.phase, ae.Phase, tt.action)
		assert.Equal(t, tt.owner, ae.Owner, tt.action)
	}
}

// Hostile arguments to the JavaScript API are refused without copying them
// (Export of an array of length 2**32-1 used to be a fatal allocation).
func TestHugeArraysAsArguments(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{})
	res := e.RunScript(`
		const a = []; a.length = 2 ** 32 - 1;
		const tryIt = (f) => { try { f(); } catch (e) { console.log(e.message); } };
		tryIt(() => flex.Actions.registerAction(a, () => 1));
		console.log(await flex.Actions.invokeAction(a).catch((e) => e.message));
		tryIt(() => flex.Actions.registerAction("X", a));
		tryIt(() => new TextDecoder().decode(a));
		tryIt(() => new TextEncoder().encodeInto("x", a));
		tryIt(() => localStorage.getItem.call(a, "x"));
		console.log(a);
		console.table([{ x: 1 }], a);
	`)
	require.NoError(t, res.Err, res.Stderr)
	assert.Equal(t, `Actions.registerAction: the action name must be a string, received an object
Actions.invokeAction: the action name must be a string, received an object
registerAction: the action body must be a function, received an instance of Array
TextDecoder.decode: the input must be an ArrayBuffer or an ArrayBufferView
TextEncoder.encodeInto: the destination must be a Uint8Array
Illegal invocation
[ <4294967295 empty items> ]
┌─────────┬───────────┐
│ (index) │ undefined │
├─────────┼───────────┤
│ 0       │           │
└─────────┴───────────┘
`, res.Stdout)
	alive(t, e)
}

// Close is heard while the loop always has work: an interval whose
// callback outlasts its period (here: runs away, and is interrupted every
// time) used to keep the loop from ever reaching Close.
func TestCloseWhileAnIntervalRunsAway(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{Engine: engine.Options{JobBudget: 20 * time.Millisecond}})
	res := e.RunScript(`setInterval(() => { for (;;) {} }, 1);`)
	var u *engine.UncaughtError
	require.ErrorAs(t, res.Err, &u) // the first interrupt
	closed := make(chan struct{})
	go func() {
		e.Close()
		close(closed)
	}()
	select {
	case <-closed:
	case <-time.After(20 * time.Second): // a hang, not a speed limit
		t.Fatal("Close did not return while an interval ran away")
	}
}
