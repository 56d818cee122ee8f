package jsapi_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/plugins"
)

// patcherSource is a plugin that replaces intrinsics flexrun's own
// JavaScript could use, each with a function that throws (mode "throw")
// or answers wrong (mode "wrong"). Plugins are trusted code in one realm,
// as in the browser: nothing stops it, and its patches outlive it.
const patcherSource = `export const patched = true; // a module: esbuild's __toESM would wrap a CommonJS one
const mode = MODE;
const wrong = {
	"RegExp.prototype.test": function () { return true; },
	"RegExp.prototype.exec": function () { return null; },
	"RegExp.prototype[Symbol.replace]": function () { return "?"; },
	"Function.prototype.toString": function () { return "class {}"; },
	"Function.prototype.call": function () { return undefined; },
	"Function.prototype.apply": function () { return undefined; },
	"Function.prototype.bind": function () { return function () {}; },
	"Array.prototype[Symbol.iterator]": function* () {},
	"Array.prototype.map": function () { return []; },
	"Array.prototype.forEach": function () {},
	"Array.prototype.push": function () { return 0; },
	"Array.prototype.filter": function () { return []; },
	"Array.prototype.slice": function () { return []; },
	"Array.prototype.splice": function () { return []; },
	"Array.prototype.concat": function () { return []; },
	"Array.prototype.join": function () { return "?"; },
	"Array.prototype.indexOf": function () { return -1; },
	"Array.prototype.includes": function () { return false; },
	"Array.prototype.find": function () { return undefined; },
	"Array.prototype.findIndex": function () { return -1; },
	"Array.prototype.some": function () { return false; },
	"Array.prototype.every": function () { return false; },
	"Array.prototype.reduce": function () { return undefined; },
	"Array.prototype.sort": function () { return this; },
	"Array.prototype.keys": function* () {},
	"Array.prototype.entries": function* () {},
	"Array.prototype.values": function* () {},
	"Array.isArray": function () { return false; },
	"Array.from": function () { return []; },
	"Array.of": function () { return []; },
	"Object.keys": function () { return []; },
	"Object.values": function () { return []; },
	"Object.entries": function () { return []; },
	"Object.assign": function (o) { return o; },
	"Object.freeze": function (o) { return o; },
	"Object.create": function () { return {}; },
	"Object.defineProperties": function (o) { return o; },
	"Object.getOwnPropertyNames": function () { return []; },
	"Object.getOwnPropertyDescriptor": function () { return undefined; },
	"Object.getPrototypeOf": function () { return null; },
	"Object.setPrototypeOf": function (o) { return o; },
	"Object.fromEntries": function () { return {}; },
	"Object.is": function () { return false; },
	"Object.prototype.hasOwnProperty": function () { return false; },
	"Object.prototype.toString": function () { return "[object Wrong]"; },
	"JSON.stringify": function () { return "{}"; },
	"JSON.parse": function () { return {}; },
	"Promise.prototype.then": function () { return this; },
	"Promise.prototype.catch": function () { return this; },
	"Promise.prototype.finally": function () { return this; },
	"Promise.resolve": function () { return new Promise(() => {}); },
	"Promise.reject": function () { return new Promise(() => {}); },
	"Promise.all": function () { return new Promise(() => {}); },
	"Promise.allSettled": function () { return new Promise(() => {}); },
	"Promise.race": function () { return new Promise(() => {}); },
	"Map.prototype.get": function () { return undefined; },
	"Map.prototype.set": function () { return this; },
	"Map.prototype.has": function () { return false; },
	"Map.prototype.delete": function () { return false; },
	"Map.prototype.forEach": function () {},
	"Map.prototype[Symbol.iterator]": function* () {},
	"Map.prototype.keys": function* () {},
	"Map.prototype.values": function* () {},
	"Map.prototype.entries": function* () {},
	"Set.prototype.add": function () { return this; },
	"Set.prototype.has": function () { return false; },
	"Set.prototype.delete": function () { return false; },
	"Set.prototype.forEach": function () {},
	"Set.prototype[Symbol.iterator]": function* () {},
	"Set.prototype.values": function* () {},
	"String.prototype.split": function () { return []; },
	"String.prototype.replace": function () { return "?"; },
	"String.prototype.replaceAll": function () { return "?"; },
	"String.prototype.slice": function () { return "?"; },
	"String.prototype.substring": function () { return "?"; },
	"String.prototype.startsWith": function () { return false; },
	"String.prototype.endsWith": function () { return false; },
	"String.prototype.includes": function () { return false; },
	"String.prototype.indexOf": function () { return -1; },
	"String.prototype.trim": function () { return "?"; },
	"String.prototype.toLowerCase": function () { return "?"; },
	"String.prototype.toUpperCase": function () { return "?"; },
	"String.prototype.padStart": function () { return "?"; },
	"String.prototype.repeat": function () { return "?"; },
	"String.prototype.charAt": function () { return "?"; },
	"String.prototype.match": function () { return null; },
	"String.prototype[Symbol.iterator]": function* () {},
	"Symbol.for": function () { return Symbol(); },
	"Reflect.apply": function () { return undefined; },
	"Reflect.construct": function () { return {}; },
	"Reflect.ownKeys": function () { return []; },
	"Reflect.get": function () { return undefined; },
	"Reflect.set": function () { return false; },
	"Reflect.defineProperty": function () { return false; },
	"Reflect.has": function () { return false; },
	"Math.max": function () { return NaN; },
	"Math.min": function () { return NaN; },
	"Math.floor": function () { return NaN; },
	"Math.round": function () { return NaN; },
	"Date.now": function () { return NaN; },
	"Number.isInteger": function () { return false; },
	"Number.isFinite": function () { return false; },
	"Error.captureStackTrace": function () {},
	// Globals a plugin may assign for everyone (a Promise library).
	"globalThis.Date": function () { return {}; },
	"globalThis.Error": function () { return {}; },
	"globalThis.TypeError": function () { return {}; },
	"globalThis.Map": function () { return {}; },
	"globalThis.Set": function () { return {}; },
	"globalThis.WeakMap": function () { return {}; },
	"globalThis.WeakSet": function () { return {}; },
	"globalThis.Promise": function () { return {}; },
	"globalThis.queueMicrotask": function () {},
};
// Not patched: Object.defineProperty, which esbuild's __export in every
// bundle (the plugin's own code) reads when the bundle runs.
// Resolved before patching anything: the lookups below use intrinsics.
// From the real global object: what the plugin's own window (globalThis
// here) writes, its unload would undo.
const realGlobal = Function("return this")(), OriginalError = Error;
const targets = [];
for (const path of Object.keys(wrong)) {
	const m = /^(.*?)(?:\.(\w+)|\[Symbol\.(\w+)\])$/.exec(path);
	const owner = m[1].split(".").reduce((o, k) => o[k], realGlobal);
	const key = m[2] !== undefined ? m[2] : Symbol[m[3]];
	if (owner === undefined || !(key in owner)) continue; // not in this goja
	targets.push([owner, key, path, wrong[path]]);
}
const define = Reflect.defineProperty;
for (let i = 0; i < targets.length; i++) {
	const t = targets[i], path = t[2];
	const fn = mode === "throw" ? function () { throw new OriginalError("patched " + path); } : t[3];
	define(t[0], t[1], { value: fn, writable: true, configurable: true });
}
`

// pluginB is an ordinary plugin: it starts as a class, registers an action
// and a listener, logs and sets a timer. Its own code uses none of the
// patched intrinsics (and it imports nothing: esbuild's __toESM, which is
// the bundle's code, iterates arrays): only flexrun's contract is protected.
const pluginB = `export default class B {
	async init(flex, manager) {
		flex.Actions.registerAction("BAction", (p) => { console.log("BAction", p); return "B done"; });
		flex.Actions.addListener("afterSetActivity", (p) => console.log("B after SetActivity", p.activityName));
		console.log("B init", { n: 1, list: [1, "two"] });
		console.log("B clone", structuredClone(manager.store.getState().flex.worker.activities));
		manager.workerClient.on("activityUpdated", (w) => console.log("B heard", w.activity.name));
		manager.store.addReducer("b", (s = {}) => s);
		manager.store.subscribe(() => {});
		const el = React.createElement("b", { id: 1, key: "b" }, "x", React.createElement("i"));
		console.log("B element", el.props.id, React.Children.count(el.props.children));
		flex.TaskCanvasTabs.Content.add(el);
		const u = new URL("https://example.com/?a=1"), params = u.searchParams;
		u.search = "?b=2";
		console.log("B url", params.get("a"), params.get("b"), u.href);
		flex.Notifications.registerNotification({ id: "b", content: "B says {{what}}" });
		flex.Notifications.showNotification("b", { what: "hi" });
		const task = flex.TaskHelper.getTaskByTaskSid("WR1");
		console.log("B task", task.sid, flex.TaskHelper.isCallTask(task), manager.workerClient.reservations.size);
		flex.Actions.addListener("beforeBAction", (p, abort) => { p.seen = true; });
		flex.Actions.replaceAction("BAction", (p, original) => original(p));
		setTimeout(() => console.log("B timer"), 5);
		await flex.Actions.invokeAction("SetActivity", { activityName: "Break" });
		console.log("B init done", manager.workerClient.activity.name);
	}
}
`

const intrinsicsWorld = `{
  "tasks": [{"sid": "WR1", "taskSid": "WT1", "taskChannelUniqueName": "voice", "status": "pending", "queueName": "Support", "attributes": {"name": "Bob"}}]
}`

// Patched intrinsics do not break flexrun's own JavaScript: a plugin
// loaded after one that replaced them (unloaded since, or still loaded)
// starts, registers, logs, runs timers, and the world's built-ins work.
func TestPatchedIntrinsicsDoNotBreakLaterPlugins(t *testing.T) {
	t.Parallel()
	for _, mode := range []string{"throw", "wrong"} {
		for _, unload := range []bool{true, false} {
			name := mode
			if unload {
				name += "/unloaded"
			} else {
				name += "/loaded"
			}
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				dir := t.TempDir()
				write := func(rel, src string) string {
					path := filepath.Join(dir, rel)
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
						t.Fatal(err)
					}
					return path
				}
				worldFile := write("world.json", intrinsicsWorld)
				write("a/a.js", strings.Replace(patcherSource, "MODE", `"`+mode+`"`, 1))
				write("b/b.js", pluginB)
				e := flexruntest.New(t, flexruntest.Options{WorldFile: worldFile})
				ctx := context.Background()
				l := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{})
				load := func(sub string) string {
					t.Helper()
					found, err := plugins.Discover(filepath.Join(dir, sub))
					if err != nil {
						t.Fatal(err)
					}
					if _, errs := l.LoadAll(ctx, found); len(errs) > 0 {
						t.Fatalf("load %s: %v\nstdout:\n%s\nstderr:\n%s", sub, errs, e.Stdout(), e.Stderr())
					}
					return found[0].Name
				}
				a := load("a")
				if unload && !l.Unload(a) {
					t.Fatal("plugin a was not loaded")
				}
				b := load("b")
				res, err := e.Invoke(ctx, "BAction", map[string]any{"x": 1})
				if err != nil || res != "B done" {
					t.Fatalf("BAction: %v, %v\nstderr:\n%s", res, err, e.Stderr())
				}
				if _, err := e.Invoke(ctx, "AcceptTask", map[string]any{"sid": "WR1"}); err != nil {
					t.Fatalf("AcceptTask: %v\nstderr:\n%s", err, e.Stderr())
				}
				if _, err := e.Invoke(ctx, "SetActivity", map[string]any{"activityName": "Available"}); err != nil {
					t.Fatalf("SetActivity: %v\nstderr:\n%s", err, e.Stderr())
				}
				if err := e.Wait(ctx); err != nil {
					t.Fatalf("wait: %v\nstderr:\n%s", err, e.Stderr())
				}
				want := "B init { n: 1, list: [ 1, 'two' ] }\n" +
					"B clone Map(5) {\n" +
					"  'WA1' => { sid: 'WA1', name: 'Available', available: true },\n" +
					"  'WA2' => { sid: 'WA2', name: 'On a Task', available: true },\n" +
					"  'WA3' => { sid: 'WA3', name: 'Break', available: false },\n" +
					"  'WA4' => { sid: 'WA4', name: 'Offline', available: false },\n" +
					"  'WA5' => { sid: 'WA5', name: 'Busy', available: false }\n" +
					"}\n" +
					"B element 1 2\n" +
					"B url null 2 https://example.com/?b=2\n" +
					"B task WR1 true 1\n" +
					"B heard Break\n" +
					"B after SetActivity Break\n" +
					"B init done Break\n" +
					"BAction { x: 1, seen: true }\n" +
					"B heard Available\n" +
					"B after SetActivity Available\n"
				// The timer fires on the real clock, between any two of the
				// invocations above.
				have := strings.Replace(e.Stdout(), "B timer\n", "", 1)
				if !strings.Contains(e.Stdout(), "B timer\n") || have != want {
					t.Errorf("stdout:\n%s\nwant (and B timer somewhere):\n%s\nstderr:\n%s", e.Stdout(), want, e.Stderr())
				}
				state := e.WorldState()
				for _, s := range []string{`"status": "accepted"`, `"activity": "Available"`} {
					if !strings.Contains(state, s) {
						t.Errorf("world state lacks %s:\n%s", s, state)
					}
				}

				// B's unload takes out what it did to the world, and B loads again.
				if !l.Unload(b) {
					t.Fatal("plugin b was not loaded")
				}
				regs, err := e.Registrations(ctx, engine.Owner{})
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range regs {
					if r.Owner.Name == b {
						t.Errorf("left after the unload: %+v", r)
					}
				}
				before := e.Stdout()
				if _, err := e.Invoke(ctx, "SetActivity", map[string]any{"activityName": "Offline"}); err != nil {
					t.Fatalf("SetActivity: %v\nstderr:\n%s", err, e.Stderr())
				}
				if err := e.Wait(ctx); err != nil || e.Stdout() != before {
					t.Errorf("after B's unload: %v, printed %q", err, strings.TrimPrefix(e.Stdout(), before))
				}
				load("b")
				if res, err := e.Invoke(ctx, "BAction", map[string]any{}); err != nil || res != "B done" {
					t.Fatalf("BAction after reloading b: %v, %v\nstderr:\n%s", res, err, e.Stderr())
				}
				if stderr := e.Stderr(); stderr != "" {
					t.Errorf("stderr:\n%s", stderr)
				}
			})
		}
	}
}

// The world's built-in actions, one after the other as an agent's day
// goes, with a plugin that replaced intrinsics loaded: each does as it
// does without it.
func TestPatchedIntrinsicsDoNotBreakBuiltins(t *testing.T) {
	t.Parallel()
	steps := []struct {
		action  string
		payload any
	}{
		{"AcceptTask", map[string]any{"sid": "WR1"}},
		{"HoldCall", map[string]any{"sid": "WR1"}},
		{"UnholdCall", map[string]any{"sid": "WR1"}},
		{"HoldParticipant", map[string]any{"sid": "WR1", "targetSid": "CA1"}},
		{"UnholdParticipant", map[string]any{"sid": "WR1", "targetSid": "CA1"}},
		{"ToggleDTMFDialpad", map[string]any{"sid": "WR1"}},
		{"SetDTMFDialpadDigits", map[string]any{"sid": "WR1", "digits": "1"}},
		{"SendDTMFDigits", map[string]any{"sid": "WR1", "digits": "12#"}},
		{"StartExternalWarmTransfer", map[string]any{"sid": "WR1", "phoneNumber": "+1 555"}},
		{"KickParticipant", map[string]any{"sid": "WR1", "targetSid": "CA1555"}},
		{"TransferTask", map[string]any{"sid": "WR1", "targetSid": "WK2", "options": map[string]any{"mode": "WARM"}}},
		{"CancelTransfer", map[string]any{"sid": "WR1"}},
		{"ToggleMute", nil},
		{"MonitorCall", map[string]any{"sid": "WR1"}},
		{"StopMonitoringCall", map[string]any{"sid": "WR1"}},
		{"SelectTaskInSupervisor", map[string]any{"sid": "WR1"}},
		{"SelectWorkerInSupervisor", map[string]any{"workerSid": "WK2"}},
		{"SelectTask", map[string]any{"sid": "WR1"}},
		{"HangupCall", map[string]any{"sid": "WR1"}},
		{"CompleteTask", map[string]any{"sid": "WR1"}},
		{"SendMessage", map[string]any{"channelSid": "CH2", "body": "hi"}},
		{"SetInputText", map[string]any{"channelSid": "CH2", "body": "typing"}},
		{"SendTyping", map[string]any{"channelSid": "CH2"}},
		{"AttachFile", map[string]any{"channelSid": "CH2", "file": map[string]any{"name": "a.txt"}}},
		{"DetachFile", map[string]any{"channelSid": "CH2", "file": map[string]any{"name": "a.txt"}}},
		{"SendMediaMessage", map[string]any{"channelSid": "CH2", "file": map[string]any{"name": "a.png", "type": "image/png", "size": 1}}},
		{"DownloadMedia", map[string]any{"channelSid": "CH2"}},
		{"WrapupTask", map[string]any{"sid": "WR2"}},
		{"CompleteTask", map[string]any{"sid": "WR2"}},
		{"RejectTask", map[string]any{"sid": "WR3"}},
		{"StartOutboundCall", map[string]any{"destination": "+15551234"}},
		{"NavigateToView", map[string]any{"viewName": "teams"}},
		{"HistoryPush", "/x"},
		{"HistoryReplace", "/y"},
		{"HistoryGoBack", nil},
		{"HistoryGoForward", nil},
		{"HistoryGo", map[string]any{"delta": 0}},
		{"ShowDirectory", nil},
		{"HideDirectory", nil},
		{"ToggleSidebar", nil},
		{"ToggleOutboundDialer", nil},
		{"SetComponentState", map[string]any{"name": "c", "state": map[string]any{"a": 1}}},
		{"ApplyListFilters", map[string]any{"key": "k", "filters": []any{map[string]any{"a": 1}}}},
		{"RemoveListFilters", map[string]any{"key": "k"}},
		{"ReloadWindow", nil},
		{"InsightsPlayer:play", map[string]any{"segmentId": "s"}},
		{"InsightsPlayer:show", nil},
		{"InsightsPlayer:hide", nil},
		{"InsightsPlayer:initialized", nil},
		{"HistoricalReporting:view", map[string]any{"uri": "u"}},
		{"SetWorkerActivity", map[string]any{"workerSid": "WK2", "activityName": "Break"}},
		{"SetActivity", map[string]any{"activityName": "Break", "options": map[string]any{"rejectPendingReservations": true}}},
		{"Logout", nil},
	}
	world := `{
  "tasks": [
    {"sid": "WR1", "status": "pending", "taskChannelUniqueName": "voice"},
    {"sid": "WR2", "status": "accepted", "taskChannelUniqueName": "chat", "conversationSid": "CH2"},
    {"sid": "WR3", "status": "pending", "taskChannelUniqueName": "voice"}
  ],
  "conversations": [{"sid": "CH2", "messages": [{"author": "bob", "body": "hello"}]}]
}`
	// run goes through the steps, after loading a patcher in mode ("" for
	// none), and returns the world state.
	run := func(t *testing.T, mode string) string {
		dir := t.TempDir()
		worldFile := filepath.Join(dir, "world.json")
		if err := os.WriteFile(worldFile, []byte(world), 0o644); err != nil {
			t.Fatal(err)
		}
		e := flexruntest.New(t, flexruntest.Options{WorldFile: worldFile})
		ctx := context.Background()
		if mode != "" {
			if err := os.MkdirAll(filepath.Join(dir, "a"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "a", "a.js"), []byte(strings.Replace(patcherSource, "MODE", `"`+mode+`"`, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			e.LoadPlugins(filepath.Join(dir, "a"))
		}
		for _, s := range steps {
			if _, err := e.Invoke(ctx, s.action, s.payload); err != nil {
				t.Fatalf("%s: %v\nstderr:\n%s", s.action, err, e.Stderr())
			}
		}
		if err := e.Wait(ctx); err != nil {
			t.Fatalf("wait: %v\nstderr:\n%s", err, e.Stderr())
		}
		if stderr := e.Stderr(); stderr != "" {
			t.Errorf("stderr:\n%s", stderr)
		}
		return e.WorldState()
	}
	want := run(t, "")
	for _, mode := range []string{"throw", "wrong"} {
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			if have := run(t, mode); have != want {
				t.Errorf("world state:\n%s\nwant (as without the patches):\n%s", have, want)
			}
		})
	}
}
