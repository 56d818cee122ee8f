package engine_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
)

func TestGoActionInvokedFromJS(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{})
	require.NoError(t, e.RegisterAction(ctx, "Lookup", func(ctx context.Context, p engine.Payload) (any, error) {
		return map[string]any{"found": p["id"], "tags": []any{"a", "b"}}, nil
	}))
	res := e.RunScript(`
		import { Actions } from "@twilio/flex-ui";
		Actions.addListener("beforeLookup", (p) => { p.id = p.id * 2; });
		const r = await Actions.invokeAction("Lookup", { id: 21 });
		console.log(JSON.stringify(r));
	`)
	require.NoError(t, res.Err, res.Stderr)
	assert.Equal(t, `{"found":42,"tags":["a","b"]}`+"\n", res.Stdout)
}

func TestInvokeFromGoRunsJSPipeline(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{})
	res := e.RunScript(`
		flex.Actions.registerAction("Greet", (p) => "hello " + p.name);
		flex.Actions.replaceAction("Greet", (p, original) => original(p).toUpperCase());
		flex.Actions.addListener("afterGreet", (p) => console.log("after", p.name));
	`)
	require.NoError(t, res.Err)
	var events []string
	remove, err := e.AddListener(ctx, "beforeGreet", func(ctx context.Context, ev engine.ListenerEvent) error {
		events = append(events, ev.Event+":"+ev.Payload["name"].(string))
		return nil
	})
	require.NoError(t, err)
	got, err := e.Invoke(context.Background(), "Greet", map[string]any{"name": "ada"})
	require.NoError(t, err)
	assert.Equal(t, "HELLO ADA", got)
	assert.Equal(t, []string{"beforeGreet:ada"}, events)
	assert.Equal(t, "after ada\n", e.Stdout())

	require.NoError(t, remove(ctx))
	_, err = e.Invoke(context.Background(), "Greet", map[string]any{"name": "bo"})
	require.NoError(t, err)
	assert.Len(t, events, 1, "removed listener must not run")
}

func TestGoListenerAborts(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{})
	ran := false
	require.NoError(t, e.RegisterAction(ctx, "Accept", func(context.Context, engine.Payload) (any, error) {
		ran = true
		return nil, nil
	}))
	_, err := e.AddListener(ctx, "beforeAccept", func(ctx context.Context, ev engine.ListenerEvent) error {
		if ev.Payload["sid"] == "WR-blocked" {
			ev.Abort()
		}
		return nil
	})
	require.NoError(t, err)
	_, err = e.Invoke(context.Background(), "Accept", map[string]any{"sid": "WR-blocked"})
	var js *engine.JSError
	require.ErrorAs(t, err, &js)
	assert.Equal(t, "Action Accept cancelled by before event", js.Message)
	assert.False(t, ran)
	_, err = e.Invoke(context.Background(), "Accept", map[string]any{"sid": "WR-ok"})
	require.NoError(t, err)
	assert.True(t, ran)
}

func TestInvokeErrors(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{})

	_, err := e.Invoke(context.Background(), "Ghost", nil)
	assert.ErrorIs(t, err, engine.ErrUnknownAction)
	var ae *engine.ActionError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, "Ghost", ae.Action)
	var js *engine.JSError
	require.ErrorAs(t, err, &js)
	assert.Equal(t, "Action Ghost does not exist!", js.Description)

	require.NoError(t, e.RegisterAction(ctx, "Fails", func(context.Context, engine.Payload) (any, error) {
		return nil, errors.New("backend down")
	}))
	_, err = e.Invoke(context.Background(), "Fails", nil)
	require.ErrorAs(t, err, &js)
	assert.Equal(t, "backend down", js.Message)
	assert.Equal(t, "Error in action Fails body: backend down", js.Description)

	require.NoError(t, e.RegisterAction(ctx, "Panics", func(context.Context, engine.Payload) (any, error) {
		panic("nil map somewhere")
	}))
	_, err = e.Invoke(context.Background(), "Panics", nil)
	require.ErrorAs(t, err, &js)
	assert.Contains(t, js.Message, "nil map somewhere")

	// The engine still serves after a panicking handler.
	require.NoError(t, e.RegisterAction(ctx, "Ok", func(context.Context, engine.Payload) (any, error) { return "ok", nil }))
	got, err := e.Invoke(context.Background(), "Ok", nil)
	require.NoError(t, err)
	assert.Equal(t, "ok", got)
}

func TestInvokeHonoursContext(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{})
	release := make(chan struct{})
	require.NoError(t, e.RegisterAction(ctx, "Slow", func(ctx context.Context, _ engine.Payload) (any, error) {
		select {
		case <-release:
		case <-ctx.Done():
		}
		return "late", nil
	}))

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := e.Invoke(ctx, "Slow", nil)
	assert.ErrorIs(t, err, context.Canceled)

	ctx, cancel = context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	_, err = e.Invoke(ctx, "Slow", nil)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	close(release)
}

func TestCloseIsIdempotentAndFinal(t *testing.T) {
	before := runtime.NumGoroutine()
	e, err := engine.New(engine.Options{})
	require.NoError(t, err)
	block := make(chan struct{})
	require.NoError(t, e.RegisterAction(ctx, "Hang", func(ctx context.Context, _ engine.Payload) (any, error) {
		<-ctx.Done() // released by Close
		close(block)
		return nil, ctx.Err()
	}))
	go e.Invoke(context.Background(), "Hang", nil)
	time.Sleep(10 * time.Millisecond) // let the handler start; Close must still cancel it
	require.NoError(t, e.Close())
	require.NoError(t, e.Close())
	<-block

	_, err = e.Invoke(context.Background(), "Hang", nil)
	assert.ErrorIs(t, err, engine.ErrClosed)
	noop := func(context.Context, engine.Payload) (any, error) { return nil, nil }
	assert.ErrorIs(t, e.RegisterAction(ctx, "X", noop), engine.ErrClosed)
	_, err = e.AddListener(ctx, "beforeX", func(context.Context, engine.ListenerEvent) error { return nil })
	assert.ErrorIs(t, err, engine.ErrClosed)
	assert.ErrorIs(t, e.Wait(context.Background()), engine.ErrClosed)
	assert.ErrorIs(t, e.Do(context.Background(), func(*engine.VM) error { return nil }), engine.ErrClosed)

	waitGoroutines(t, before)
}

// waitGoroutines fails unless the goroutine count drops back to base.
func waitGoroutines(t *testing.T, base int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > base {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			n := runtime.Stack(buf, true)
			t.Fatalf("goroutines leaked: %d > %d\n%s", runtime.NumGoroutine(), base, strings.TrimSpace(string(buf[:n])))
		}
		time.Sleep(time.Millisecond)
	}
}

func TestUnloadOwner(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{})
	plugin := engine.Owner{Name: "plugins/a.js", Generation: 1}
	require.NoError(t, e.RegisterAction(ctx, "Base", func(context.Context, engine.Payload) (any, error) { return "base", nil }))
	err := e.Do(context.Background(), func(v *engine.VM) error {
		rt := v.Runtime()
		fn, err := rt.RunString(`async (p, original) => "replaced:" + await original(p)`)
		if err != nil {
			return err
		}
		if err := v.ReplaceAction(plugin, "Base", fn); err != nil {
			return err
		}
		l, _ := rt.RunString(`() => {}`)
		return v.AddListener(plugin, "beforeBase", l)
	})
	require.NoError(t, err)
	got, err := e.Invoke(context.Background(), "Base", nil)
	require.NoError(t, err)
	assert.Equal(t, "replaced:base", got)

	regs, err := e.Registrations(ctx, plugin)
	require.NoError(t, err)
	assert.Equal(t, []engine.Registration{
		{Kind: "replacement", Name: "Base", Owner: plugin},
		{Kind: "listener", Name: "beforeBase", Owner: plugin},
	}, regs)
	all, err := e.Registrations(ctx, engine.Owner{})
	require.NoError(t, err)
	assert.Len(t, withoutBuiltins(all), 3, "with the Go host's body")

	n, err := e.Unload(context.Background(), plugin)
	require.NoError(t, err)
	assert.Equal(t, 2, n)
	regs, err = e.Registrations(ctx, plugin)
	require.NoError(t, err)
	assert.Empty(t, regs)
	got, err = e.Invoke(context.Background(), "Base", nil)
	require.NoError(t, err)
	assert.Equal(t, "base", got, "the bare body runs again once the replacement's owner is gone")
}

// ctx is the context of calls whose cancellation a test does not exercise.
var ctx = context.Background()

type customer struct {
	Name  string   `json:"name"`
	Tags  []string `json:"tags,omitempty"`
	Quota int      `json:"quota"`
}

var errNotFound = errors.New("not found")

// Go values cross as plain data (json tags apply) and Go errors keep their
// identity through the round trip into JavaScript and back.
func TestGoValuesAndErrorsRoundTrip(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{})
	require.NoError(t, e.RegisterAction(ctx, "Find", func(_ context.Context, p engine.Payload) (any, error) {
		if p["id"] == "c1" {
			return customer{Name: "Ada", Tags: []string{"vip"}, Quota: 3}, nil
		}
		return nil, fmt.Errorf("customer %v: %w", p["id"], errNotFound)
	}))
	res := e.RunScript(`
		const c = await flex.Actions.invokeAction("Find", { id: "c1" });
		console.log(JSON.stringify(c), c instanceof Object, Array.isArray(c.tags));
	`)
	require.NoError(t, res.Err, res.Stderr)
	assert.Equal(t, `{"name":"Ada","quota":3,"tags":["vip"]}`+" true true\n", res.Stdout)

	_, err := e.Invoke(ctx, "Find", map[string]any{"id": "c2"})
	assert.ErrorIs(t, err, errNotFound)
	assert.EqualError(t, err, `action Find (implementation, owner go): Error: customer c2: not found`)
}

// Registrations gives each action's owner chain in order: the body, then the
// replacements as they were registered, the last of which runs; and each
// event's listeners in call order.
func TestRegistrationsOrder(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{})
	a := engine.Owner{Name: "plugins/a.ts", Generation: 1}
	b := engine.Owner{Name: "plugins/b.ts", Generation: 2}
	err := e.Do(ctx, func(v *engine.VM) error {
		var errs []error
		fn := func(src string) goja.Value {
			val, err := v.Runtime().RunString(src)
			errs = append(errs, err)
			return val
		}
		steps := []error{
			v.RegisterAction(a, "Greet", fn(`() => "body"`), nil),
			v.ReplaceAction(b, "Greet", fn(`() => "b"`)),
			v.ReplaceAction(engine.ScriptOwner, "Greet", fn(`() => "script"`)),
			v.ReplaceAction(a, "Greet", fn(`() => "a"`)),
			v.AddListener(b, "beforeGreet", fn(`() => {}`)),
			v.AddListener(a, "beforeGreet", fn(`() => {}`)),
			v.AddListener(engine.ScriptOwner, "afterGreet", fn(`() => {}`)),
			v.AddListener(b, "beforeGreet", fn(`() => {}`)),
		}
		return errors.Join(append(errs, steps...)...)
	})
	require.NoError(t, err)
	regs, err := e.Registrations(ctx, engine.Owner{})
	require.NoError(t, err)
	regs = withoutBuiltins(regs)
	assert.Equal(t, []engine.Registration{
		{Kind: "action", Name: "Greet", Owner: a},
		{Kind: "replacement", Name: "Greet", Owner: b},
		{Kind: "replacement", Name: "Greet", Owner: engine.ScriptOwner},
		{Kind: "replacement", Name: "Greet", Owner: a},
		{Kind: "listener", Name: "afterGreet", Owner: engine.ScriptOwner},
		{Kind: "listener", Name: "beforeGreet", Owner: b},
		{Kind: "listener", Name: "beforeGreet", Owner: a},
		{Kind: "listener", Name: "beforeGreet", Owner: b},
	}, regs)
	got, err := e.Invoke(ctx, "Greet", nil)
	require.NoError(t, err)
	assert.Equal(t, "a", got, "the last replacement listed runs")
}

// A Wait that gives up (its context is done) leaves the next report to the
// next Wait instead of swallowing it.
func TestWaitThatGivesUpLeavesTheReport(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{})
	// A pending timer keeps the engine busy: Wait can only return a report.
	require.NoError(t, e.Do(ctx, func(v *engine.VM) error {
		v.SetTimer(engine.ScriptOwner, time.Hour, false, func() {})
		return nil
	}))
	gaveUp, cancel := context.WithCancel(ctx)
	cancel()
	assert.ErrorIs(t, e.Wait(gaveUp), context.Canceled)
	require.NoError(t, e.Do(ctx, func(v *engine.VM) error {
		v.ReportUncaught(engine.ScriptOwner, errors.New("reported after the wait gave up"))
		return nil
	}))
	waitCtx, stop := context.WithTimeout(ctx, 10*time.Second)
	defer stop()
	var u *engine.UncaughtError
	require.ErrorAs(t, e.Wait(waitCtx), &u)
	assert.EqualError(t, u.Err, "reported after the wait gave up")
}

// Reports nobody waits for are kept for later Waits, the oldest first, and
// only so many: an engine with a timer failing forever does not grow.
func TestUncaughtBacklogIsBounded(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{})
	require.NoError(t, e.Do(ctx, func(v *engine.VM) error {
		for i := range 1000 {
			v.ReportUncaught(engine.ScriptOwner, fmt.Errorf("report %d", i))
		}
		return nil
	}))
	var got []string
	for {
		var u *engine.UncaughtError
		if !errors.As(e.Wait(ctx), &u) {
			break
		}
		got = append(got, u.Err.Error())
	}
	require.NotEmpty(t, got)
	assert.Equal(t, "report 0", got[0])
	assert.Less(t, len(got), 1000)
}

// TestGoFunctionsCarryJSNames: the functions the Go API hands to
// JavaScript are named for what they were registered as, not after Go
// symbols: a Go action body (a replacement's original) after the action, a
// Go listener (as newListener listeners see it) after its event.
func TestGoFunctionsCarryJSNames(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{})
	require.NoError(t, e.RegisterAction(ctx, "Lookup", func(context.Context, engine.Payload) (any, error) {
		return "found", nil
	}))
	res := e.RunScript(`
		flex.Actions.addListener("newListener", (event, fn) => {
			if (event === "afterLookup") console.log("listener", fn.name);
		});
		flex.Actions.replaceAction("Lookup", (p, original) => {
			console.log("original", original.name);
			return original(p);
		});
	`)
	require.NoError(t, res.Err, res.Stderr)
	_, err := e.AddListener(ctx, "afterLookup", func(context.Context, engine.ListenerEvent) error { return nil })
	require.NoError(t, err)
	got, err := e.Invoke(context.Background(), "Lookup", map[string]any{})
	require.NoError(t, err)
	assert.Equal(t, "found", got)
	assert.Equal(t, "listener afterLookup\noriginal Lookup\n", e.Stdout())
}

// withoutBuiltins drops the registrations of the headless Flex world's
// built-in actions (owner "flex"), which every engine made by flexruntest has.
func withoutBuiltins(regs []engine.Registration) []engine.Registration {
	var out []engine.Registration
	for _, r := range regs {
		if r.Owner.Name != "flex" {
			out = append(out, r)
		}
	}
	return out
}
