package plugins_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/plugins"
)

// fakeSource is a ChangeSource driven by the test.
type fakeSource struct {
	ch   chan plugins.Change
	once sync.Once
}

func (f *fakeSource) Changes() <-chan plugins.Change { return f.ch }
func (f *fakeSource) Close() error {
	f.once.Do(func() { close(f.ch) })
	return nil
}

// watchFixture is a plugin directory in a temp dir, watched through a fake
// change source, inside a synctest bubble: debounces take no real time.
type watchFixture struct {
	t      *testing.T
	dir    string
	e      *flexruntest.Engine
	src    *fakeSource
	w      *plugins.Watcher
	events chan plugins.Event
}

// watchTest runs body in a synctest bubble with a fixture whose directory
// holds files (relative path → source), loaded.
func watchTest(t *testing.T, files map[string]string, body func(f *watchFixture)) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		// esbuild leaves a goroutine asleep for 250ms after each build; the
		// bubble may only end when it has exited. Registered first, so it
		// runs last.
		t.Cleanup(func() { time.Sleep(time.Second) })
		f := &watchFixture{t: t, dir: t.TempDir(), src: &fakeSource{ch: make(chan plugins.Change)}, events: make(chan plugins.Event, 100)}
		for rel, src := range files {
			f.put(rel, src)
		}
		f.e = flexruntest.New(t, flexruntest.Options{})
		l := plugins.NewLoader(f.e.Engine, f.e.Host, plugins.LoaderOptions{})
		f.w = plugins.NewWatcher(l, []string{f.dir}, f.src, plugins.WatchOptions{OnEvent: func(ev plugins.Event) { f.events <- ev }})
		f.w.Load(context.Background())
		ctx, cancel := context.WithCancel(context.Background())
		stopped := make(chan error, 1)
		go func() { stopped <- f.w.Run(ctx) }()
		t.Cleanup(func() {
			cancel()
			assert.ErrorIs(t, <-stopped, context.Canceled)
		})
		body(f)
	})
}

func (f *watchFixture) path(rel string) string { return filepath.Join(f.dir, rel) }

// put writes a file without telling the watcher.
func (f *watchFixture) put(rel, src string) {
	require.NoError(f.t, os.MkdirAll(filepath.Dir(f.path(rel)), 0o755))
	require.NoError(f.t, os.WriteFile(f.path(rel), []byte(src), 0o644))
}

// save writes a file and reports the write, as an editor's save does.
func (f *watchFixture) save(rel, src string) {
	f.put(rel, src)
	f.src.ch <- plugins.Change{Path: f.path(rel), Op: plugins.Write}
}

func (f *watchFixture) remove(rel string) {
	require.NoError(f.t, os.Remove(f.path(rel)))
	f.src.ch <- plugins.Change{Path: f.path(rel), Op: plugins.Remove}
}

// next returns the next event; a watcher that never reports deadlocks the
// bubble, which fails the test.
func (f *watchFixture) next() plugins.Event {
	f.t.Helper()
	return <-f.events
}

// loaded returns the events of the initial load.
func (f *watchFixture) loaded() []plugins.Event {
	synctest.Wait()
	return f.collect()
}

// drain lets a second of virtual time pass (debounces fire, reloads run)
// and returns the events reported meanwhile.
func (f *watchFixture) drain() []plugins.Event {
	time.Sleep(time.Second)
	synctest.Wait()
	return f.collect()
}

func (f *watchFixture) collect() []plugins.Event {
	var evs []plugins.Event
	for {
		select {
		case ev := <-f.events:
			evs = append(evs, ev)
		default:
			return evs
		}
	}
}

// settled skips to the outcome of the next reload.
func (f *watchFixture) settled() plugins.Event {
	f.t.Helper()
	for {
		switch ev := f.next().(type) {
		case plugins.ReloadSucceeded, plugins.ReloadFailed:
			return ev
		}
	}
}

func (f *watchFixture) invoke(name string, payload any) (any, error) {
	return f.e.Invoke(context.Background(), name, payload)
}

// result invokes an action that must succeed and returns its result.
func (f *watchFixture) result(name string, payload any) any {
	f.t.Helper()
	got, err := f.invoke(name, payload)
	require.NoError(f.t, err)
	return got
}

func (f *watchFixture) greet() string {
	f.t.Helper()
	return f.result("Greet", map[string]any{"name": "Ada"}).(string)
}

const greeterV2 = `import { Actions } from "@twilio/flex-ui";
Actions.registerAction("Greet", (p) => "hi " + p.name);
`

func TestWatchEditReloads(t *testing.T) {
	watchTest(t, map[string]string{"greeter.ts": greeterV1}, func(f *watchFixture) {
		loaded := f.loaded()
		require.Len(t, loaded, 2)
		assert.Equal(t, plugins.ReloadStarted{Plugin: loaded[0].(plugins.ReloadStarted).Plugin}, loaded[0])
		first := loaded[1].(plugins.ReloadSucceeded)
		assert.Equal(t, 1, first.Generation)
		assert.Equal(t, 0, first.Previous)
		assert.Equal(t, map[string]int{"action": 1, "listener": 1}, first.Registrations)
		assert.Equal(t, "hello ADA", f.greet())

		f.save("greeter.ts", greeterV2)
		started := f.next().(plugins.ReloadStarted)
		assert.Equal(t, []string{f.path("greeter.ts")}, started.Changed)
		done := f.next().(plugins.ReloadSucceeded)
		assert.Equal(t, 2, done.Generation)
		assert.Equal(t, 1, done.Previous)
		assert.Equal(t, map[string]int{"action": 1}, done.Registrations)
		assert.Equal(t, "hi Ada", f.greet(), "the old generation's listener is gone")
	})
}

func TestWatchCompileErrorKeepsOldGeneration(t *testing.T) {
	watchTest(t, map[string]string{"greeter.ts": greeterV1}, func(f *watchFixture) {
		f.loaded()
		f.save("greeter.ts", "import { Actions } from \"@twilio/flex-ui\";\nActions.registerAction(\"Greet\", (p) => \"hi \" + );\n")
		failed := f.settled().(plugins.ReloadFailed)
		assert.Equal(t, 1, failed.Serving)
		var ce *plugins.CompileError
		require.ErrorAs(t, failed.Err, &ce)
		assert.Equal(t, f.path("greeter.ts"), ce.Diagnostics[0].File)
		assert.Equal(t, 2, ce.Diagnostics[0].Line)
		assert.Equal(t, 48, ce.Diagnostics[0].Column)
		assert.Contains(t, ce.Render(f.dir), "greeter.ts:2:48")
		assert.Equal(t, "hello ADA", f.greet(), "the old generation keeps serving")

		f.save("greeter.ts", greeterV2)
		done := f.settled().(plugins.ReloadSucceeded)
		assert.Equal(t, 2, done.Generation, "a compile error never started a generation")
		assert.Equal(t, "hi Ada", f.greet())
	})
}

func TestWatchInitThrowRestoresLastGood(t *testing.T) {
	watchTest(t, map[string]string{"greeter.ts": greeterV1}, func(f *watchFixture) {
		f.loaded()
		f.save("greeter.ts", `import { Actions } from "@twilio/flex-ui";
Actions.registerAction("Greet", () => "broken");
Actions.addListener("afterGreet", () => console.log("broken listener"));
export default class { init() { throw new Error("init fails"); } }
`)
		failed := f.settled().(plugins.ReloadFailed)
		var le *plugins.LoadError
		require.ErrorAs(t, failed.Err, &le)
		assert.Equal(t, plugins.PhaseStart, le.Phase)
		assert.ErrorContains(t, failed.Err, "init fails")
		assert.Equal(t, 1, failed.Serving, "generation 2 failed, staged; 1 never stopped")
		assert.Equal(t, "hello ADA", f.greet())
		assert.NotContains(t, f.e.Stdout(), "broken listener")
	})
}

func TestWatchDeleteUnloadsAndNewFileLoads(t *testing.T) {
	watchTest(t, map[string]string{"greeter.ts": greeterV1}, func(f *watchFixture) {
		f.loaded()
		f.remove("greeter.ts")
		unloaded := f.next().(plugins.PluginUnloaded)
		assert.Equal(t, 1, unloaded.Generation)
		_, err := f.invoke("Greet", nil)
		assert.ErrorIs(t, err, engine.ErrUnknownAction)
		regs, err := f.e.Registrations(context.Background(), engine.Owner{})
		require.NoError(t, err)
		regs = withoutBuiltins(regs)
		assert.Empty(t, regs)

		f.save("other.ts", greeterV2)
		assert.Equal(t, f.path("other.ts"), f.next().(plugins.ReloadStarted).Plugin.Entry)
		done := f.next().(plugins.ReloadSucceeded)
		assert.Equal(t, 0, done.Previous)
		assert.Equal(t, "hi Ada", f.greet())
	})
}

// Three plugins replace one action (Flex 1.x: the newest runs, its original
// is the bare body). Deleting a shadowed one changes nothing; deleting the
// active one brings back the newest left; with none left the bare body runs.
func TestWatchReplacementLayersFallBack(t *testing.T) {
	layer := func(tag string) string {
		return `import { Actions } from "@twilio/flex-ui";
Actions.replaceAction("Greet", (p, original) => "` + tag + `(" + original(p) + ")");
`
	}
	watchTest(t, map[string]string{"0base.ts": greeterV2, "a.ts": layer("a"), "b.ts": layer("b"), "c.ts": layer("c")}, func(f *watchFixture) {
		f.loaded()
		assert.Equal(t, "c(hi Ada)", f.greet())
		f.remove("b.ts")
		f.next()
		assert.Equal(t, "c(hi Ada)", f.greet(), "b was shadowed")
		f.remove("c.ts")
		f.next()
		assert.Equal(t, "a(hi Ada)", f.greet())
		f.remove("a.ts")
		f.next()
		assert.Equal(t, "hi Ada", f.greet())
	})
}

// An invocation in flight across a reload delivers its result once; the
// phases that start after the swap use the new generation's listeners.
func TestWatchInvocationInFlightAcrossReload(t *testing.T) {
	const v1 = `import { Actions } from "@twilio/flex-ui";
Actions.registerAction("Slow", async (p) => { await Actions.invokeAction("Gate"); return "v1 body"; });
Actions.addListener("afterSlow", () => console.log("after v1"));
`
	const v2 = `import { Actions } from "@twilio/flex-ui";
Actions.registerAction("Slow", () => "v2 body");
Actions.addListener("afterSlow", () => console.log("after v2"));
`
	watchTest(t, map[string]string{"slow.ts": v1}, func(f *watchFixture) {
		f.loaded()
		entered := make(chan struct{})
		release := make(chan struct{})
		require.NoError(t, f.e.RegisterAction(context.Background(), "Gate", func(ctx context.Context, p engine.Payload) (any, error) {
			close(entered)
			<-release
			return nil, nil
		}))
		type outcome struct {
			v   any
			err error
		}
		results := make(chan outcome, 2)
		go func() {
			v, err := f.invoke("Slow", nil)
			results <- outcome{v, err}
		}()
		<-entered // the v1 body is suspended
		f.save("slow.ts", v2)
		assert.Equal(t, 2, f.settled().(plugins.ReloadSucceeded).Generation)
		close(release)
		got := <-results
		require.NoError(t, got.err)
		assert.Equal(t, "v1 body", got.v, "the old body that was running finishes")
		synctest.Wait()
		assert.Empty(t, results, "one result")
		assert.Equal(t, "after v2\n", f.e.Stdout(), "the after phase started after the swap")
	})
}

func TestWatchUnloadedTimersNeverFire(t *testing.T) {
	const ticker = `let n = 0;
setInterval(() => console.log("tick", ++n), 100);
setTimeout(() => console.log("late timeout"), 1000);
`
	watchTest(t, map[string]string{"ticker.ts": ticker}, func(f *watchFixture) {
		f.loaded()
		time.Sleep(250 * time.Millisecond)
		synctest.Wait()
		assert.Equal(t, "tick 1\ntick 2\n", f.e.Stdout())
		f.remove("ticker.ts")
		f.next() // unloaded, after the debounce
		atUnload := f.e.Stdout()
		time.Sleep(5 * time.Second)
		synctest.Wait()
		assert.Equal(t, atUnload, f.e.Stdout(), "nothing of the unloaded generation runs")
		assert.NotContains(t, atUnload, "late timeout")
	})
}

// A change to a helper reloads exactly the plugins whose bundle read it.
func TestWatchHelperChangeReloadsImporters(t *testing.T) {
	importer := func(action string) string {
		return `import { Actions } from "@twilio/flex-ui";
import { shout } from "./lib/shout";
Actions.registerAction("` + action + `", () => shout("` + action + `"));
`
	}
	watchTest(t, map[string]string{
		"a.ts":          importer("A"),
		"b.ts":          importer("B"),
		"c.ts":          greeterV2,
		"lib/shout.ts":  `export const shout = (s: string) => s.toUpperCase();`,
		"lib/README.md": "not a plugin",
	}, func(f *watchFixture) {
		f.loaded()
		f.save("lib/shout.ts", `export const shout = (s: string) => s + "!";`)
		f.save("lib/README.md", "still not a plugin")
		var reloaded []string
		for _, ev := range f.drain() {
			if s, ok := ev.(plugins.ReloadSucceeded); ok {
				reloaded = append(reloaded, filepath.Base(s.Plugin.Entry))
			}
		}
		assert.Equal(t, []string{"a.ts", "b.ts"}, reloaded, "in sorted order, and only the importers")
		assert.Equal(t, "B!", f.result("B", nil))
	})
}

func TestWatchBurstOfSavesIsOneReload(t *testing.T) {
	watchTest(t, map[string]string{"greeter.ts": greeterV1}, func(f *watchFixture) {
		f.loaded()
		for i := 0; i < 20; i++ {
			f.save("greeter.ts", greeterV2)
			f.src.ch <- plugins.Change{Path: f.path("greeter.ts"), Op: plugins.Chmod}
			time.Sleep(10 * time.Millisecond)
		}
		evs := f.drain()
		require.Len(t, evs, 2, "%v", evs)
		assert.Equal(t, 2, evs[1].(plugins.ReloadSucceeded).Generation)
	})
}

func TestWatchIgnoresChmod(t *testing.T) {
	watchTest(t, map[string]string{"greeter.ts": greeterV1}, func(f *watchFixture) {
		f.loaded()
		f.src.ch <- plugins.Change{Path: f.path("greeter.ts"), Op: plugins.Chmod}
		time.Sleep(time.Second)
		assert.Empty(t, f.drain())
	})
}

// Editors save by renaming a temp file over the target, or by deleting and
// re-creating it: each is one reload of the target.
func TestWatchEditorSavePatterns(t *testing.T) {
	watchTest(t, map[string]string{"greeter.ts": greeterV1}, func(f *watchFixture) {
		f.loaded()
		f.put(".greeter.ts.swp", greeterV2)
		f.src.ch <- plugins.Change{Path: f.path(".greeter.ts.swp"), Op: plugins.Create}
		require.NoError(t, os.Rename(f.path(".greeter.ts.swp"), f.path("greeter.ts")))
		f.src.ch <- plugins.Change{Path: f.path(".greeter.ts.swp"), Op: plugins.Rename}
		f.src.ch <- plugins.Change{Path: f.path("greeter.ts"), Op: plugins.Create}
		evs := f.drain()
		require.Len(t, evs, 2, "%v", evs)
		assert.Equal(t, 2, evs[1].(plugins.ReloadSucceeded).Generation)
		assert.Equal(t, "hi Ada", f.greet())

		f.remove("greeter.ts")
		f.save("greeter.ts", greeterV1)
		evs = f.drain()
		require.Len(t, evs, 2, "delete then create within the debounce is a reload, not an unload: %v", evs)
		assert.Equal(t, 3, evs[1].(plugins.ReloadSucceeded).Generation)
		assert.Equal(t, "hello ADA", f.greet())
	})
}

// A plugin that failed to build is retried on the next change, even of a
// file its failed build never read (the import it was missing).
func TestWatchRetriesFailedPlugin(t *testing.T) {
	watchTest(t, map[string]string{"a.ts": `import { x } from "./lib/x"; console.log(x);`}, func(f *watchFixture) {
		failed := f.loaded()
		require.Len(t, failed, 2)
		assert.IsType(t, plugins.ReloadFailed{}, failed[1])
		f.save("lib/x.ts", `export const x = "found";`)
		assert.Equal(t, 1, f.settled().(plugins.ReloadSucceeded).Generation)
		assert.Equal(t, "found\n", f.e.Stdout())
	})
}

func TestWatchMalformedPackageJSONKeepsPlugins(t *testing.T) {
	watchTest(t, map[string]string{"greeter.ts": greeterV1, "pkg/package.json": `{"main": "main.ts"}`, "pkg/main.ts": greeterV2}, func(f *watchFixture) {
		f.loaded()
		f.save("pkg/package.json", `{"main": `)
		evs := f.drain()
		require.Len(t, evs, 2, "%v", evs)
		assert.IsType(t, plugins.ReloadStarted{}, evs[0])
		failed := evs[1].(plugins.ReloadFailed)
		assert.ErrorContains(t, failed.Err, "package.json:1:9: error: malformed JSON")
		assert.Equal(t, 1, failed.Serving, "pkg's last good generation keeps serving")
		assert.Equal(t, "hi ADA", f.greet(), "both plugins still loaded: pkg's body, greeter's listener")
	})
}

func TestWatchReloadAll(t *testing.T) {
	watchTest(t, map[string]string{"a.ts": greeterV1, "b.ts": `console.log("b ran")`}, func(f *watchFixture) {
		f.loaded()
		require.NoError(t, f.w.ReloadAll(context.Background()))
		var gens []int
		for _, ev := range f.drain() {
			if s, ok := ev.(plugins.ReloadSucceeded); ok {
				gens = append(gens, s.Generation)
			}
		}
		assert.Equal(t, []int{2, 2}, gens)
		assert.Equal(t, "b ran\nb ran\n", f.e.Stdout())
	})
}

func TestWatchStopsWhenSourceCloses(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		e := flexruntest.New(t, flexruntest.Options{})
		src := &fakeSource{ch: make(chan plugins.Change)}
		w := plugins.NewWatcher(plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{}), []string{t.TempDir()}, src, plugins.WatchOptions{})
		stopped := make(chan error)
		go func() { stopped <- w.Run(context.Background()) }()
		src.Close()
		assert.NoError(t, <-stopped)
		assert.ErrorIs(t, w.ReloadAll(context.Background()), plugins.ErrWatcherStopped)
	})
}

// A failed plugin is not retried for changes that cannot be sources: an
// editor's swap and backup files, dot files.
func TestWatchFailedPluginIgnoresEditorFiles(t *testing.T) {
	watchTest(t, map[string]string{"a.ts": `import { x } from "./lib/x"; console.log(x);`}, func(f *watchFixture) {
		f.loaded()
		f.save("a.ts.swp", "swap")
		f.save("a.ts~", "backup")
		f.save(".a.ts.tmp", "temp")
		assert.Empty(t, f.drain())
	})
}

// Another plugin's uncaught failure, before or during a start, is that
// plugin's: it does not fail the start of this one.
func TestWatchOtherPluginsFailureDoesNotFailAStart(t *testing.T) {
	watchTest(t, map[string]string{
		"a.ts": `setInterval(() => { throw new Error("a's timer fails"); }, 1);`,
		"b.ts": greeterV2,
	}, func(f *watchFixture) {
		for _, ev := range f.loaded() {
			assert.NotEqual(t, "ReloadFailed", fmt.Sprintf("%T", ev)[len("plugins."):], "%v", ev)
		}
		time.Sleep(10 * time.Millisecond) // a's timer fails, unwatched
		// b's init waits across jobs, so its start waits on the engine.
		f.save("b.ts", greeterV1+"export default async function () { await new Promise((r) => setTimeout(r, 5)); }\n")
		assert.Equal(t, 2, f.settled().(plugins.ReloadSucceeded).Generation)
		assert.Equal(t, "hello ADA", f.greet())
	})
}

// A reload behaves as a fresh start would: the reloaded plugin's listeners
// and replacement take its old generation's place, so the order listeners
// run in and which replacement runs do not depend on which file was saved
// last. Later registrations (the Go host's, here) stay after the plugins'.
func TestWatchReloadKeepsThePluginsPlace(t *testing.T) {
	layer := func(tag string) string {
		return `import { Actions } from "@twilio/flex-ui";
Actions.addListener("beforeGreet", (p) => { p.order = (p.order ?? "") + "` + tag + ` "; });
Actions.replaceAction("Greet", async (p, original) => "` + tag + `(" + await original(p) + ")");
`
	}
	watchTest(t, map[string]string{
		"0base.ts": `import { Actions } from "@twilio/flex-ui";
Actions.registerAction("Greet", (p) => p.order + "base");
`,
		"a.ts": layer("a"), "b.ts": layer("b"), "c.ts": layer("c"),
	}, func(f *watchFixture) {
		f.loaded()
		_, err := f.e.AddListener(context.Background(), "beforeGreet", func(context.Context, engine.ListenerEvent) error { return nil })
		require.NoError(t, err)
		greet := func() any { return f.result("Greet", map[string]any{}) }
		assert.Equal(t, "c(a b c base)", greet())

		f.save("a.ts", layer("A"))
		f.settled()
		assert.Equal(t, "c(A b c base)", greet(), "a's listener runs first still; c's replacement still runs")
		f.save("c.ts", layer("C"))
		f.settled()
		assert.Equal(t, "C(A b C base)", greet())

		var owners []string
		regs, err := f.e.Registrations(context.Background(), engine.Owner{})
		require.NoError(t, err)
		regs = withoutBuiltins(regs)
		for _, r := range regs {
			if r.Name == "beforeGreet" {
				owners = append(owners, filepath.Base(r.Owner.Name))
			}
		}
		assert.Equal(t, []string{"a.ts", "b.ts", "c.ts", "go"}, owners, "the host's listener stays last")

		// A registration a plugin makes after its start (here from a
		// listener) is appended, as in Flex.
		f.save("b.ts", layer("b")+`Actions.addListener("afterGreet", () => Actions.addListener("beforeGreet", (p) => { p.order += "late "; }));
`)
		f.settled()
		assert.Equal(t, "C(A b C base)", greet())
		assert.Equal(t, "C(A b C late base)", greet())
	})
}

// Two plugins register one action: the later one's body runs. Deleting it
// brings the earlier one's body back, as a fresh start without it would.
func TestWatchShadowedBodyComesBack(t *testing.T) {
	body := func(tag string) string {
		return `import { Actions } from "@twilio/flex-ui";
Actions.registerAction("Greet", () => "` + tag + `");
`
	}
	watchTest(t, map[string]string{"a.ts": body("a"), "b.ts": body("b")}, func(f *watchFixture) {
		f.loaded()
		greet := func() any { return f.result("Greet", nil) }
		assert.Equal(t, "b", greet())
		f.save("a.ts", body("A"))
		f.settled()
		assert.Equal(t, "b", greet(), "reloading a does not put its body over b's")
		f.remove("b.ts")
		f.next()
		assert.Equal(t, "A", greet())
	})
}

// With real fsnotify: an editor's save of a helper (a temp file renamed over
// it) reloads the plugins that import it, and only them.
func TestWatchDirsHelperSaveReloadsImporters(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		"a.ts":         `import { Actions } from "@twilio/flex-ui"; import { v } from "./lib/v"; Actions.registerAction("A", () => v);`,
		"b.ts":         `import { Actions } from "@twilio/flex-ui"; Actions.registerAction("B", () => "b");`,
		"lib/v.ts":     `export const v = 1;`,
		"lib/other.md": `notes`,
	}
	for rel, src := range files {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, rel)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, rel), []byte(src), 0o644))
	}
	e := flexruntest.New(t, flexruntest.Options{})
	src, err := plugins.WatchDirs(dir)
	require.NoError(t, err)
	t.Cleanup(func() { src.Close() })
	events := make(chan plugins.Event, 100)
	w := plugins.NewWatcher(plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{}), []string{dir}, src,
		plugins.WatchOptions{OnEvent: func(ev plugins.Event) { events <- ev }})
	w.Load(context.Background())
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go w.Run(ctx)
	for range 4 { // started and succeeded, for a and b
		<-events
	}

	tmp := filepath.Join(dir, "lib", ".v.ts.swp")
	require.NoError(t, os.WriteFile(tmp, []byte(`export const v = 2;`), 0o644))
	require.NoError(t, os.Rename(tmp, filepath.Join(dir, "lib", "v.ts")))
	started := (<-events).(plugins.ReloadStarted)
	assert.Equal(t, "a.ts", filepath.Base(started.Plugin.Entry))
	done := (<-events).(plugins.ReloadSucceeded)
	assert.Equal(t, 2, done.Generation)
	got, err := e.Invoke(context.Background(), "A", nil)
	require.NoError(t, err)
	assert.EqualValues(t, 2, got)
	// b was not reloaded: nothing more was reported.
	require.NoError(t, w.ReloadAll(context.Background())) // a barrier: reports everything after it
	assert.Equal(t, "a.ts", filepath.Base((<-events).(plugins.ReloadStarted).Plugin.Entry), "the next events are ReloadAll's")
}

// An invocation suspended in its before phase when the swap happens runs
// the new generation's replacement and after-listeners: step 8 and step 10
// read the registry when they start.
func TestWatchInvocationSuspendedBeforeTheSwap(t *testing.T) {
	const v1 = `import { Actions } from "@twilio/flex-ui";
Actions.registerAction("Act", () => "body");
Actions.addListener("beforeAct", async () => { await Actions.invokeAction("Gate"); });
Actions.replaceAction("Act", (p, original) => "v1 " + original(p));
Actions.addListener("afterAct", () => console.log("after v1"));
`
	const v2 = `import { Actions } from "@twilio/flex-ui";
Actions.registerAction("Act", () => "body");
Actions.replaceAction("Act", (p, original) => "v2 " + original(p));
Actions.addListener("afterAct", () => console.log("after v2"));
`
	watchTest(t, map[string]string{"act.ts": v1}, func(f *watchFixture) {
		f.loaded()
		entered, release := make(chan struct{}), make(chan struct{})
		require.NoError(t, f.e.RegisterAction(context.Background(), "Gate", func(context.Context, engine.Payload) (any, error) {
			close(entered)
			<-release
			return nil, nil
		}))
		result := make(chan any, 1)
		go func() {
			v, err := f.invoke("Act", nil)
			assert.NoError(t, err)
			result <- v
		}()
		<-entered // v1's before-listener is waiting
		f.save("act.ts", v2)
		f.settled()
		close(release)
		assert.Equal(t, "v2 body", <-result)
		assert.Equal(t, "after v2\n", f.e.Stdout())
	})
}
