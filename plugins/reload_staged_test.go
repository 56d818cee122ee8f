package plugins_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/plugins"
)

// While a reload's start waits (here on a Go action), other callers get
// the old generation and its listeners hear nothing of theirs; the
// starting generation's own invocations see it as active. After the
// switch, everyone gets the new one.
func TestReloadStagesTheNewGenerationUntilItStarted(t *testing.T) {
	t.Parallel()
	f := newReloadFixture(t, `import { Actions } from "@twilio/flex-ui";
Actions.registerAction("A", (p) => "v1 for " + p.who);
`)
	entered, gate := make(chan struct{}), make(chan struct{})
	require.NoError(t, f.e.RegisterAction(context.Background(), "Gate", func(ctx context.Context, _ engine.Payload) (any, error) {
		close(entered)
		<-gate
		return nil, nil
	}))
	f.write(`import { Actions } from "@twilio/flex-ui";
export default async function () {
  Actions.registerAction("A", (p) => "v2 for " + p.who);
  Actions.addListener("beforeA", (p) => { console.log("v2 heard " + p.who); });
  console.log("own: " + await Actions.invokeAction("A", { who: "init" }));
  await Actions.invokeAction("Gate");
}
`)
	reloaded := make(chan error, 1)
	go func() {
		_, err := f.l.Reload(context.Background(), f.plugin)
		reloaded <- err
	}()
	<-entered
	invoke := func() any {
		have, err := f.e.Invoke(context.Background(), "A", map[string]any{"who": "go"})
		require.NoError(t, err)
		return have
	}
	assert.Equal(t, "v1 for go", invoke(), "the old generation serves while the new one starts")
	assert.Equal(t, "v2 heard init\nown: v2 for init\n", f.e.Stdout())
	close(gate)
	require.NoError(t, <-reloaded)
	assert.Equal(t, "v2 for go", invoke())
	assert.Equal(t, "v2 heard init\nown: v2 for init\nv2 heard go\n", f.e.Stdout())
}

// A failed reload gives the place back: the next good one still takes the
// old generation's place, behind a replacement registered after it.
func TestFailedReloadKeepsThePlace(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	put := func(name, src string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
	put("a.js", `flex.Actions.registerAction("X", () => "body"); flex.Actions.replaceAction("X", () => "a1");`)
	put("c.js", `flex.Actions.replaceAction("X", () => "c");`)
	e := flexruntest.New(t, flexruntest.Options{})
	found, err := plugins.Discover(dir)
	require.NoError(t, err)
	l := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{})
	_, errs := l.LoadAll(context.Background(), found)
	require.Empty(t, errs)
	x := func() any {
		have, err := e.Invoke(context.Background(), "X", nil)
		require.NoError(t, err)
		return have
	}
	require.Equal(t, "c", x())
	put("a.js", `flex.Actions.replaceAction("X", () => "a2"); throw new Error("a fails");`)
	_, err = l.Reload(context.Background(), found[0])
	require.Error(t, err)
	assert.Equal(t, "c", x())
	put("a.js", `flex.Actions.registerAction("X", () => "body"); flex.Actions.replaceAction("X", () => "a3");`)
	_, err = l.Reload(context.Background(), found[0])
	require.NoError(t, err)
	assert.Equal(t, "c", x(), "a's replacement stays behind c's, as after a fresh start")
}

// No wait of the Loader on the engine is unbounded (issue 10, item 6): a
// loop stuck before a reload, or stuck by a Go action during the new
// generation's start, fails the reload after LoopTimeout / InitTimeout,
// and the old generation serves once the loop is free. Unload does not
// wait for the loop at all.
func TestLoaderWaitsAreBounded(t *testing.T) {
	opts := plugins.LoaderOptions{InitTimeout: 100 * time.Millisecond, LoopTimeout: 100 * time.Millisecond}
	bubble := func(t *testing.T, body func(t *testing.T, f *reloadFixture)) {
		t.Parallel()
		synctest.Test(t, func(t *testing.T) {
			t.Cleanup(func() { time.Sleep(time.Second) }) // esbuild's sleeping goroutine (watchTest)
			body(t, newReloadFixtureWith(t, greeterV1, opts))
		})
	}
	ctx := context.Background() // never done: the Loader's own bounds must end the waits
	t.Run("loop stuck before the reload", func(t *testing.T) {
		bubble(t, func(t *testing.T, f *reloadFixture) {
			release := make(chan struct{})
			f.e.Post(func(*engine.VM) { <-release })
			f.write(greeterV2)
			_, err := f.l.Reload(ctx, f.plugin)
			require.ErrorIs(t, err, plugins.ErrLoopTimeout)
			close(release)
			assert.Equal(t, "hello ADA", f.greet(), "the called-off start never ran")
			_, err = f.l.Reload(ctx, f.plugin)
			require.NoError(t, err)
			assert.Equal(t, "hi Ada", f.greet())
		})
	})
	t.Run("loop stuck by a Go action during the start", func(t *testing.T) {
		bubble(t, func(t *testing.T, f *reloadFixture) {
			release := make(chan struct{})
			require.NoError(t, f.e.RegisterAction(ctx, "Block", func(hctx context.Context, _ engine.Payload) (any, error) {
				f.e.Do(hctx, func(*engine.VM) error { <-release; return nil })
				<-hctx.Done() // never returns before Close
				return nil, hctx.Err()
			}))
			f.write(`import { Actions } from "@twilio/flex-ui";
Actions.registerAction("Greet", () => "blocked");
export default async function () { await Actions.invokeAction("Block"); }
`)
			_, err := f.l.Reload(ctx, f.plugin)
			var le *plugins.LoadError
			require.ErrorAs(t, err, &le)
			assert.Equal(t, plugins.PhaseTimedOut, le.Phase)
			close(release)
			assert.Equal(t, "hello ADA", f.greet())
			assert.Equal(t, 1, f.l.Live(f.plugin.Name).Owner.Generation)
		})
	})
	t.Run("unload while the loop is stuck", func(t *testing.T) {
		bubble(t, func(t *testing.T, f *reloadFixture) {
			release := make(chan struct{})
			f.e.Post(func(*engine.VM) { <-release })
			assert.True(t, f.l.Unload(f.plugin.Name))
			close(release)
			_, err := f.e.Invoke(ctx, "Greet", nil)
			assert.ErrorIs(t, err, engine.ErrUnknownAction)
		})
	})
}

// A generation whose start timed out cannot come back: what its init
// registers once it resumes (a Go action it awaited settles late) is
// refused and logged, and the old generation keeps serving alone.
func TestTimedOutGenerationCannotRegisterLater(t *testing.T) {
	t.Parallel()
	f := newReloadFixtureWith(t, greeterV1, plugins.LoaderOptions{InitTimeout: 50 * time.Millisecond})
	gate := make(chan struct{})
	require.NoError(t, f.e.RegisterAction(context.Background(), "Slow", func(context.Context, engine.Payload) (any, error) {
		<-gate
		return nil, nil
	}))
	f.write(`import { Actions } from "@twilio/flex-ui";
export default async function () {
  await Actions.invokeAction("Slow");
  try {
    Actions.registerAction("Greet", () => "zombie");
  } finally {
    Actions.addListener("afterGreet", () => console.log("zombie listener"));
  }
}
`)
	_, err := f.l.Reload(context.Background(), f.plugin)
	var le *plugins.LoadError
	require.ErrorAs(t, err, &le)
	require.Equal(t, plugins.PhaseTimedOut, le.Phase)
	close(gate)
	waitCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	require.NoError(t, f.e.Wait(waitCtx))
	assert.Equal(t, "hello ADA", f.greet())
	assert.NotContains(t, f.e.Stdout(), "zombie")
	regs, err := f.e.Registrations(context.Background(), engine.Owner{Name: f.plugin.Name, Generation: 2})
	require.NoError(t, err)
	assert.Empty(t, regs)
	assert.Contains(t, f.e.Stderr(), "flexrun: Actions.registerAction: plugin "+f.plugin.Name+"#2 was unloaded")
	assert.Contains(t, f.e.Stderr(), "flexrun: Actions.addListener: plugin "+f.plugin.Name+"#2 was unloaded")
}

// Code of another plugin that reaches Actions through the global flex
// while a generation is staged (a body serving a Go caller) is that
// plugin's, not the starting one's: it sees the old generation too.
func TestGlobalFlexDuringAStagedStartIsTheCallersOwn(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	put := func(name, src string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
	put("a.js", `flex.Actions.registerAction("A", () => flex.Actions.invokeAction("B"));`)
	put("b.js", `flex.Actions.registerAction("B", () => "b1");`)
	e := flexruntest.New(t, flexruntest.Options{})
	found, err := plugins.Discover(dir)
	require.NoError(t, err)
	l := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{})
	_, errs := l.LoadAll(context.Background(), found)
	require.Empty(t, errs)
	entered, gate := make(chan struct{}), make(chan struct{})
	require.NoError(t, e.RegisterAction(context.Background(), "Gate", func(context.Context, engine.Payload) (any, error) {
		close(entered)
		<-gate
		return nil, nil
	}))
	put("b.js", `export default async function () {
  flex.Actions.registerAction("B", () => "b2, whose start fails");
  await flex.Actions.invokeAction("Gate");
  throw new Error("b fails");
}`)
	reloaded := make(chan error, 1)
	go func() {
		_, err := l.Reload(context.Background(), found[1])
		reloaded <- err
	}()
	<-entered
	have, err := e.Invoke(context.Background(), "A", nil)
	require.NoError(t, err)
	assert.Equal(t, "b1", have)
	close(gate)
	require.Error(t, <-reloaded)
	have, err = e.Invoke(context.Background(), "A", nil)
	require.NoError(t, err)
	assert.Equal(t, "b1", have)
}
