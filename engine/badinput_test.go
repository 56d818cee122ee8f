package engine_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/plugins"
)

// Bad input through the JS API: each gives a clear error and leaves the
// engine serving.
func TestBadInputFromScripts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		script     string
		wantStdout string
		wantStderr []string // substrings of the engine's log
	}{{
		name:       "unknown action",
		script:     `try { await flex.Actions.invokeAction("Nope"); } catch (e) { console.log(e.message, "|", e.content.description); }`,
		wantStdout: "Action does not exist | Action Nope does not exist!\n",
	}, {
		name:       "non-function listener",
		script:     `try { flex.Actions.addListener("beforeX", 42); } catch (e) { console.log(e.name, e.message); }`,
		wantStdout: `TypeError The "listener" argument must be of type function. Received type number (42)` + "\n",
	}, {
		name: "non-string action names",
		script: `
			try { flex.Actions.registerAction(42, () => {}); } catch (e) { console.log(e.name + ": " + e.message); }
			await flex.Actions.invokeAction({}).catch((e) => console.log(e.name + ": " + e.message));`,
		wantStdout: "TypeError: Actions.registerAction: the action name must be a string, received number 42\n" +
			"TypeError: Actions.invokeAction: the action name must be a string, received an object\n",
	}, {
		name:       "non-function body",
		script:     `try { flex.Actions.registerAction("Y", "nope"); } catch (e) { console.log(e.name + ": " + e.message); }`,
		wantStdout: "TypeError: registerAction: the action body must be a function, received type string ('nope')\n",
	}, {
		name: "throwing and rejecting listeners are logged, the invocation goes on",
		script: `
			const A = flex.Actions;
			A.registerAction("Z", () => "z");
			A.addListener("beforeZ", () => { throw new Error("sync boom"); });
			A.addListener("afterZ", () => Promise.reject(new Error("async boom")));
			A.addListener("afterZ", () => Promise.reject());
			console.log(await A.invokeAction("Z", {}));`,
		wantStdout: "z\n",
		wantStderr: []string{
			"beforeZ listener of script failed: Error: sync boom\n    at ",
			"afterZ listener of script failed: Error: async boom",
			"afterZ listener of script failed: undefined",
		},
	}, {
		name: "action that throws or rejects with undefined",
		script: `
			const A = flex.Actions;
			A.registerAction("T", () => { throw new RangeError("r"); });
			A.registerAction("U", () => Promise.reject(undefined));
			await A.invokeAction("T").catch((e) => console.log(e.message, e.content.description));
			await A.invokeAction("U").catch((e) => console.log(e.name, e.message));
			console.log(JSON.stringify(A.findPendingActions(["T", "U"])));`,
		wantStdout: "r Error in action T body: r\n" +
			"TypeError Cannot read properties of undefined (reading 'message')\n{}\n",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e := flexruntest.New(t, flexruntest.Options{})
			res := e.RunScript(tt.script)
			require.NoError(t, res.Err, res.Stderr)
			assert.Equal(t, tt.wantStdout, res.Stdout)
			for _, s := range tt.wantStderr {
				assert.Contains(t, res.Stderr, s)
			}
		})
	}
}

func TestUncaughtErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		script   string
		kind     string
		contains []string
	}{
		{"unhandled rejection", "async function f() {\n  throw new TypeError(\"bad thing\");\n}\nf();\n",
			"unhandled rejection", []string{"TypeError: bad thing", "at f (", ".ts:2:9)"}},
		{"top-level throw", "const x = 1;\nthrow new Error(\"top \" + x);\n",
			"error", []string{"Error: top 1", ".ts:2:7"}},
		{"timer callback throws", "setTimeout(() => {\n  null.x;\n}, 1);\n",
			"error", []string{"TypeError", ".ts:2:"}},
		{"infinite recursion", "function f(n: number): number { return f(n + 1) + 1; }\nf(0);\n",
			"stack overflow", []string{"RangeError: Maximum call stack size exceeded"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e := flexruntest.New(t, flexruntest.Options{})
			res := e.RunScript(tt.script)
			var u *engine.UncaughtError
			require.ErrorAs(t, res.Err, &u)
			assert.Equal(t, tt.kind, u.Kind)
			text := u.Error()
			var js *engine.JSError
			if errors.As(u, &js) {
				text += "\n" + js.Stack
			}
			for _, s := range tt.contains {
				assert.Contains(t, text, s)
			}
			// The engine keeps serving.
			assert.NoError(t, e.RunScript(`console.log("alive")`).Err)
		})
	}
}

func TestUnsettledTopLevelAwait(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{})
	res := e.RunScript("console.log('before');\nawait new Promise(() => {});\nconsole.log('never');\n")
	assert.ErrorIs(t, res.Err, plugins.ErrUnsettled)
	assert.Equal(t, "before\n", res.Stdout)
}

func TestSyntaxError(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{})
	res := e.RunScript("const x = 1;\nconst y = ;\n")
	var ce *plugins.CompileError
	require.ErrorAs(t, res.Err, &ce)
	require.Len(t, ce.Diagnostics, 1)
	d := ce.Diagnostics[0]
	assert.Equal(t, 2, d.Line)
	assert.Equal(t, 11, d.Column)
	assert.Contains(t, d.Message, `Unexpected ";"`)
}

// A listener that never returns is interrupted after the job budget; the
// invocation rejects naming the action and the phase, and the engine serves on.
func TestRunawayListenerIsInterrupted(t *testing.T) {
	t.Parallel()
	var uncaught []*engine.UncaughtError
	e := flexruntest.New(t, flexruntest.Options{Engine: engine.Options{
		JobBudget:  50 * time.Millisecond,
		OnUncaught: func(u *engine.UncaughtError) { uncaught = append(uncaught, u) },
	}})
	res := e.RunScript(`
		flex.Actions.registerAction("Spin", () => "never");
		flex.Actions.addListener("beforeSpin", () => { while (true) {} });
		flex.Actions.registerAction("Fine", () => "fine");
	`)
	require.NoError(t, res.Err)

	_, err := e.Invoke(context.Background(), "Spin", map[string]any{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "action Spin (before, owner script)")
	assert.Contains(t, err.Error(), "job time budget of 50ms")

	got, err := e.Invoke(context.Background(), "Fine", nil)
	require.NoError(t, err)
	assert.Equal(t, "fine", got)
	// Spin is not left pending: a second invocation is interrupted again, not refused.
	_, err = e.Invoke(context.Background(), "Spin", map[string]any{})
	assert.Contains(t, err.Error(), "job time budget")
	require.NoError(t, e.Do(context.Background(), func(*engine.VM) error { return nil }))
	assert.Len(t, uncaught, 2)
}

func TestRunawayTopLevel(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{Engine: engine.Options{JobBudget: 50 * time.Millisecond}})
	res := e.RunScript("let i = 0;\nwhile (true) { i++; }\n")
	var u *engine.UncaughtError
	require.ErrorAs(t, res.Err, &u)
	assert.Equal(t, "interrupted", u.Kind)
	assert.Contains(t, u.Error(), "job time budget of 50ms")
	assert.NoError(t, e.RunScript(`console.log("alive")`).Err)
}

// goja loses track of its stacks when an interrupt unwinds through an async
// function (see gojafix.go); the engine must keep running promise jobs.
func TestEngineServesAfterInterruptInAsyncCode(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{Engine: engine.Options{JobBudget: 50 * time.Millisecond}})
	for _, script := range []string{
		"(async function () { await null; while (true) {} })();",
		"(async function () { while (true) {} })();",
		"async function deep(n: number): Promise<number> { return 1 + await deep(n + 1); }\ndeep(0);",
	} {
		res := e.RunScript(script)
		var u *engine.UncaughtError
		require.ErrorAs(t, res.Err, &u, script)
		res = e.RunScript(`
			await null;
			await new Promise((r) => setTimeout(r, 1));
			console.log(await flex.Actions.invokeAction("Echo", { v: 1 }).catch((e) => e.message));
		`)
		require.NoError(t, res.Err, "after %q", script)
		assert.Equal(t, "Action does not exist\n", res.Stdout)
	}
}
