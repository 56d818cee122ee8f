package engine_test

import (
	"context"
	"testing"

	"github.com/dop251/goja"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/flexruntest"
)

// Awaiting a value whose constructor cannot be read gives the awaiting code
// the error, as V8 does, and the engine serves on (it used to hang every
// invocation after it).
func TestAwaitOfUnreadableValues(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{})
	res := e.RunScript(`
		const log = (...a) => console.log(...a);
		const revoked = () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; };
		async function tryAwait(what, x) {
			try { const v = await x; log(what, "resolved", v === x ? "to itself" : v); }
			catch (e) { log(what, "threw", e.name + ": " + e.message); }
		}
		await tryAwait("revoked proxy", revoked());
		await tryAwait("then trap throws", new Proxy({}, { get(t, k) { if (k === "then") throw new Error("trap"); } }));
		await tryAwait("constructor accessor", { get constructor() { throw new Error("not read by V8"); } });
		const p = Promise.resolve(7);
		Object.defineProperty(p, "constructor", { get() { throw new Error("promise constructor"); } });
		await tryAwait("promise with a throwing constructor", p);
		Object.defineProperty(Object.prototype, "constructor", { get() { throw new Error("polluted"); }, configurable: true });
		await tryAwait("polluted prototype", {});
		delete Object.prototype.constructor;
		// In a pipeline: a body resolving to a revoked Proxy rejects the invocation.
		flex.Actions.registerAction("Draft", async () => revoked());
		flex.Actions.registerAction("Thenable", () => ({ get then() { throw new Error("then getter"); } }));
		await flex.Actions.invokeAction("Draft").catch((e) => log("Draft rejected:", e.message));
		await flex.Actions.invokeAction("Thenable").catch((e) => log("Thenable rejected:", e.message));
		await tryAwait("after all that", 1);
	`)
	require.NoError(t, res.Err, res.Stderr)
	assert.Equal(t, `revoked proxy threw TypeError: Proxy already revoked
then trap throws threw Error: trap
constructor accessor resolved to itself
promise with a throwing constructor threw Error: promise constructor
polluted prototype resolved to itself
Draft rejected: Proxy already revoked
Thenable rejected: then getter
after all that resolved to itself
`, res.Stdout)
	alive(t, e)
	_, err := e.Invoke(context.Background(), "Draft", nil)
	assert.ErrorContains(t, err, "Proxy already revoked")
}

// The goja bug awaitguard.go works around: goja's await reads the
// constructor of any object (V8 reads it of promises only), inside its
// async runner. When this fails, a goja upgrade changed it: check whether
// the guard is still needed.
func TestGojaAwaitReadsConstructor(t *testing.T) {
	t.Parallel()
	rt := goja.New()
	v, err := rt.RunString(`
		const reads = [];
		(async () => { await { get constructor() { reads.push("read"); return Object; } }; })();
		reads;
	`)
	require.NoError(t, err)
	assert.Equal(t, []any{"read"}, v.Export(), "goja no longer reads constructor of a non-promise in await")
}
