package plugins_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/plugins"
)

// Each plugin generation has a window (self, globalThis) of its own: a
// view of the page's global object whose flex, Twilio and timers are the
// plugin's. Everything else is the page's, and what a plugin added to it
// goes when the plugin is unloaded.

// windowFixture is an engine with the plugins of files (paths under
// plugins/) loaded in order.
type windowFixture struct {
	t     *testing.T
	e     *flexruntest.Engine
	l     *plugins.Loader
	found []plugins.Plugin
}

func newWindowFixture(t *testing.T, opts flexruntest.Options, files map[string]string) *windowFixture {
	t.Helper()
	root := writeLoadTree(t, files)
	found, err := plugins.Discover(filepath.Join(root, "plugins"))
	require.NoError(t, err)
	f := &windowFixture{t: t, e: flexruntest.New(t, opts), found: found}
	f.l = plugins.NewLoader(f.e.Engine, f.e.Host, plugins.LoaderOptions{})
	_, errs := f.l.LoadAll(context.Background(), found)
	require.Empty(t, errs)
	return f
}

// plugin is the loaded plugin whose file is named base.
func (f *windowFixture) plugin(base string) plugins.Plugin {
	f.t.Helper()
	for _, p := range f.found {
		if filepath.Base(p.Name) == base {
			return p
		}
	}
	f.t.Fatalf("no plugin %s", base)
	return plugins.Plugin{}
}

func (f *windowFixture) unload(base string) {
	f.t.Helper()
	require.True(f.t, f.l.Unload(f.plugin(base).Name), "Unload(%s)", base)
}

// script runs src as the CLI script and returns what it printed.
func (f *windowFixture) script(src string) string {
	f.t.Helper()
	r := f.e.RunScript(src)
	require.NoError(f.t, r.Err, "script stderr: %s", r.Stderr)
	return r.Stdout
}

// globals is what the script sees of the global keys names: each one's
// value as JSON, or "absent" when the global object has no such property.
func (f *windowFixture) globals(names ...string) map[string]string {
	f.t.Helper()
	quoted, err := json.Marshal(names)
	require.NoError(f.t, err)
	out := f.script(`
const seen: Record<string, string> = {};
for (const k of ` + string(quoted) + `) {
  seen[k] = Object.prototype.hasOwnProperty.call(globalThis, k) ? JSON.stringify((globalThis as any)[k]) ?? typeof (globalThis as any)[k] : "absent";
}
console.log(JSON.stringify(seen));
`)
	var seen map[string]string
	require.NoError(f.t, json.Unmarshal([]byte(out), &seen), out)
	return seen
}

// TestWindowIsThePluginsOwn: window === self === globalThis inside a
// plugin, and that object is neither the page's global object nor another
// plugin's; it answers flex, Twilio and the timers with the plugin's own
// and reads and writes everything else through to the page's.
func TestWindowIsThePluginsOwn(t *testing.T) {
	t.Parallel()
	probe := `
const real = Function("return this")();
const seen = {
  same: window === globalThis && self === globalThis && window.window === window && window.self === window && window.globalThis === window,
  notPage: window !== real && typeof window === "object",
  flex: window.flex === flex && window.Twilio === Twilio && Twilio.Flex === flex && flex !== real.flex && Twilio !== real.Twilio,
  timers: window.setTimeout === setTimeout && self.setInterval === setInterval && globalThis.clearTimeout === clearTimeout &&
    window.clearInterval === clearInterval && setTimeout !== real.setTimeout,
  page: window.console === console && window.JSON === JSON && window.undefined === undefined && Number.isNaN(window.NaN) &&
    window.fetch === real.fetch && window.localStorage === real.localStorage,
  has: "flex" in window && "fetch" in window && !("noSuchGlobal" in window) && Object.keys(window).includes("console"),
};
window.fromPlugin = 1;
real.fromPage = 2;
seen.throughWindow = real.fromPlugin === 1 && fromPlugin === 1 && window.fromPage === 2 && "fromPage" in self;
// The own names are the plugin's bindings.
window.flex = "replaced";
seen.ownBinding = window.flex === "replaced" && real.flex !== "replaced" && typeof flex === "object";
window.flex = flex;
seen.deleteOwn = (() => { try { delete window.Twilio; return "deleted"; } catch (e) { return e.name; } })();
seen.defineOwn = (() => { try { Object.defineProperty(window, "flex", { value: 1 }); return "defined"; } catch (e) { return e.name; } })();
seen.readOnly = (() => { try { window.NaN = 1; return "assigned"; } catch (e) { return e.name; } })();
`
	f := newWindowFixture(t, flexruntest.Options{}, map[string]string{
		"plugins/a.js": probe + `window.aWindow = window;
flex.Actions.registerAction("ProbeA", () => seen);`,
		"plugins/b.js": probe + `flex.Actions.registerAction("ProbeB", () => ({ ...seen, otherPlugin: window !== real.aWindow }));`,
	})
	want := map[string]any{
		"same": true, "notPage": true, "flex": true, "timers": true, "page": true, "has": true,
		"throughWindow": true, "ownBinding": true,
		"deleteOwn": "TypeError", "defineOwn": "TypeError", "readOnly": "TypeError",
	}
	for _, action := range []string{"ProbeA", "ProbeB"} {
		have, err := f.e.Invoke(context.Background(), action, nil)
		require.NoError(t, err)
		w := want
		if action == "ProbeB" {
			w = map[string]any{"otherPlugin": true}
			for k, v := range want {
				w[k] = v
			}
		}
		assert.Equal(t, canonicalJSON(t, w), canonicalJSON(t, have), action)
	}

	// The script's window is the page's global object.
	assert.Equal(t, "true true true\n", f.script(`
const real = Function("return this")();
console.log(window === real, globalThis === real && self === real, flex === real.flex && window.Twilio.Flex === flex);`))
}

// TestWindowGlobalsUnload: what a plugin wrote to its window goes with it.
// A key it added is deleted and a key it overwrote or deleted gets back
// the value before, unless another plugin, or the script, wrote the key
// since; then the newer value stays.
func TestWindowGlobalsUnload(t *testing.T) {
	t.Parallel()
	f := newWindowFixture(t, flexruntest.Options{}, map[string]string{
		"plugins/a.js": `
window.onlyA = "a";
window.shared = "a";
window.alert = (m) => console.log("a's alert:", m);
Object.defineProperty(window, "definedA", { value: "a", configurable: true, enumerable: true });
export default async function () {
  await null;
  globalThis.later = "a"; // from a later job: still a's
  self.scriptWrites = "a";
}`,
		"plugins/b.js": `
window.shared = "b";
window.onlyB = "b";
delete window.prompt;`,
	})
	names := []string{"onlyA", "shared", "definedA", "later", "scriptWrites", "onlyB"}
	assert.Equal(t, map[string]string{
		"onlyA": `"a"`, "shared": `"b"`, "definedA": `"a"`, "later": `"a"`, "scriptWrites": `"a"`, "onlyB": `"b"`,
	}, f.globals(names...))
	assert.Equal(t, "a's alert: hi\nundefined\n", f.script(`alert("hi"); console.log(typeof prompt === "function" || undefined);`))
	f.script(`window.scriptWrites = "script";`) // the page's window: unseen, noticed at unload

	f.unload("a.js")
	assert.Equal(t, map[string]string{
		"onlyA": "absent", "shared": `"b"`, "definedA": "absent", "later": "absent", "scriptWrites": `"script"`, "onlyB": `"b"`,
	}, f.globals(names...))
	assert.Equal(t, "[alert] hi\n", f.script(`alert("hi");`), "the builtin alert is back")

	f.unload("b.js")
	assert.Equal(t, map[string]string{
		"onlyA": "absent", "shared": "absent", "definedA": "absent", "later": "absent", "scriptWrites": `"script"`, "onlyB": "absent",
	}, f.globals(names...))
	assert.Equal(t, "[prompt] name?\nAda\n", f.script(`console.log(prompt("name?", "Ada"));`), "the builtin prompt is back")
}

// TestWindowGlobalsUnloadNewestFirst: unloading the plugin that wrote a
// key last brings back the value of the one that wrote it before, as
// unloading the newest replacement of an action brings back the one below.
func TestWindowGlobalsUnloadNewestFirst(t *testing.T) {
	t.Parallel()
	f := newWindowFixture(t, flexruntest.Options{}, map[string]string{
		"plugins/a.js": `window.shared = "a"; window.confirm = () => "a's confirm";`,
		"plugins/b.js": `window.shared = "b"; window.confirm = () => "b's confirm";`,
		"plugins/c.js": `window.shared = "c";`,
	})
	confirm := func() string { return f.script(`console.log(confirm("ok?"));`) }
	assert.Equal(t, map[string]string{"shared": `"c"`}, f.globals("shared"))
	assert.Equal(t, "b's confirm\n", confirm())

	f.unload("b.js") // shadowed for shared, newest for confirm
	assert.Equal(t, map[string]string{"shared": `"c"`}, f.globals("shared"))
	assert.Equal(t, "a's confirm\n", confirm())

	f.unload("c.js")
	assert.Equal(t, map[string]string{"shared": `"a"`}, f.globals("shared"))

	f.unload("a.js")
	assert.Equal(t, map[string]string{"shared": "absent"}, f.globals("shared"))
	assert.Equal(t, "[confirm] ok?\ntrue\n", confirm())
}

// TestWindowGlobalsReload: a reload unloads the old generation's globals
// when it switches to the new one, so a global the new code no longer sets
// is gone. The window is one realm: while the new generation starts
// (staged), the old one still serves and its globals are still set, so
// the new code reads them.
func TestWindowGlobalsReload(t *testing.T) {
	t.Parallel()
	f := newReloadFixture(t, `window.v1 = 1; window.both = "v1"; flex.Actions.registerAction("Greet", () => "");`)
	wf := &windowFixture{t: t, e: f.e}
	names := []string{"v1", "v2", "both"}
	assert.Equal(t, map[string]string{"v1": "1", "v2": "absent", "both": `"v1"`}, wf.globals(names...))

	f.write(`window.v2 = 2; window.both = window.both ?? "v2"; flex.Actions.registerAction("Greet", () => "");`)
	_, err := f.l.Reload(context.Background(), f.plugin)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"v1": "absent", "v2": "2", "both": `"v1"`}, wf.globals(names...))
}

// TestWindowTimersAreOwned: window.setTimeout and its siblings are the
// plugin's timer functions, so unloading the plugin clears what it set
// through them, even from a later job.
func TestWindowTimersAreOwned(t *testing.T) {
	t.Parallel()
	f := newWindowFixture(t, flexruntest.Options{}, map[string]string{
		"plugins/ticker.js": `export default async function () {
  await Promise.resolve();
  window.setInterval(() => {}, 5);
  self.setTimeout(() => console.log("fired after unload"), 60 * 60 * 1000);
  const id = globalThis.setTimeout(() => console.log("cleared"), 1);
  window.clearTimeout(id);
}`,
	})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	assert.ErrorIs(t, f.e.Wait(ctx), context.DeadlineExceeded, "the interval keeps the engine busy")

	f.unload("ticker.js")
	idle, cancelIdle := context.WithTimeout(context.Background(), 10*time.Second) // bounded: a left timer fails, not hangs
	defer cancelIdle()
	assert.NoError(t, f.e.Wait(idle), "the plugin's timers are gone with it")
	assert.Empty(t, f.e.Stdout())
}

// TestWindowWebFunctions: the page's functions read through a plugin's
// window work when called on it (this is the window, not the global
// object): fetch, alert, confirm, queueMicrotask; and its classes and
// objects work through it too.
func TestWindowWebFunctions(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "pong "+r.URL.Path)
	}))
	t.Cleanup(srv.Close)
	base, err := json.Marshal(srv.URL)
	require.NoError(t, err)
	f := newWindowFixture(t, flexruntest.Options{}, map[string]string{
		"plugins/web.js": `const base = ` + string(base) + `;
flex.Actions.registerAction("Ping", async () => {
  const kinds = [typeof window.fetch, typeof window.alert, typeof window.confirm].join(" ");
  window.alert("from the window");
  const ok = window.confirm("sure?");
  await new Promise((resolve) => window.queueMicrotask(resolve));
  const text = await window.fetch(base + "/window").then((r) => r.text());
  const viaSelf = await self.fetch.call(self, base + "/self").then((r) => r.text());
  const classes = new window.URL("/x?q=1", base).search + " " + new globalThis.Headers({ a: "1" }).get("a");
  window.localStorage.setItem("k", "v");
  return [kinds, ok, text, viaSelf, classes, localStorage.getItem("k")].join(", ");
});`,
	})
	checkInvoke(t, f.e, "Ping", "function function function, true, pong /window, pong /self, ?q=1 1, v")
	assert.Equal(t, "[alert] from the window\n[confirm] sure?\n", f.e.Stdout())
	assert.False(t, strings.Contains(f.e.Stderr(), "Error"), f.e.Stderr())
}
