package flexruntest_test

// The plugins of the torture test (torture_test.go), generated. Each plugin
// i registers action A<i>; what its body and its before / after listeners
// do is chosen per invocation by the payload (mode, before, after), so the
// Go side decides the mix and knows what to expect. Every body that
// completes returns {id, by}, the payload's id echoed, so a result that
// reaches the wrong Invoke shows.

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
)

const torturePlugins = 50

// tortureModes are what a body or a listener may be told to do. The ones
// ending in "After" do it after an await.
var tortureModes = []string{
	"ok", "ok", "ok", "ok",
	"throw", "throwValue", "throwAfter", "reject", "rejectValue",
	"timer", "timer",
	"loop", "loopAfter",
	"recurse", "recurseAfter",
	"reenter", "self", "go", "replace",
}

// tortureListenerModes adds abort (before listeners only read it).
var tortureListenerModes = append([]string{"", "", "", "", "", "abort"}, tortureModes...)

const torturePluginSource = `import { Actions } from "@twilio/flex-ui";

const me = "A%d";
const peer = "A%d";
const rec = () => rec() + 1;
let replaced = 0;

const echo = (p) => ({ id: p.id, by: me });

// run does what m says, synchronously where it can (a sync throw, a loop,
// a recursion), otherwise after an await.
function run(p, m) {
	switch (m) {
	case "throw": throw new Error(me + " throws");
	case "throwValue": throw (p.n %% 2 ? 42 : { not: "an Error" });
	case "loop": for (;;) {}
	case "recurse": return rec();
	case "replace":
		if (replaced++ < 20) Actions.replaceAction(me, (q, original) => original(q));
		return echo(p);
	case undefined: case "": case "ok": case "abort": return echo(p);
	}
	return later(p, m);
}

async function later(p, m) {
	switch (m) {
	case "throwAfter": await null; throw new RangeError(me + " throws after an await");
	case "reject": return Promise.reject(new TypeError(me + " rejects"));
	case "rejectValue": return Promise.reject(p.n %% 2 ? "a string" : undefined);
	case "timer": await new Promise((r) => setTimeout(r, p.ms)); break;
	case "loopAfter": await null; for (;;) {}
	case "recurseAfter": await new Promise((r) => setTimeout(r, p.ms)); rec(); break;
	case "reenter": await Actions.invokeAction(peer, { id: p.id + "/" + me, mode: "ok" }); break;
	case "self": await Actions.invokeAction(me, p).catch(() => {}); break; // refused: pending
	case "go": await Actions.invokeAction(p.goName, { id: p.id + "/go", ms: p.ms }); break;
	}
	return echo(p);
}

Actions.registerAction(me, (p) => run(p, p.mode));
Actions.addListener("before" + me, (p, abort) => {
	if (p.before === "abort") return abort();
	return run(p, p.before === "self" ? "reenter" : p.before);
});
Actions.addListener("after" + me, (p) => run(p, p.after === "self" ? "reenter" : p.after));
`

// writeTorturePlugins writes the generated plugins into dir.
func writeTorturePlugins(t *testing.T, dir string) {
	t.Helper()
	for i := range torturePlugins {
		src := fmt.Sprintf(torturePluginSource, i, (i+1)%torturePlugins)
		path := filepath.Join(dir, fmt.Sprintf("p%02d.js", i))
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// The versions of the plugin the test rewrites and reloads; each good
// version registers R, the action whose invocations must never find it
// missing.
var tortureReloadVersions = []struct {
	kind string // "good", "broken" (compile error), "failing" (start fails)
	src  string
}{
	{"good", `import { Actions } from "@twilio/flex-ui";
Actions.registerAction("R", async (p) => { await null; return { id: p.id, by: "R" }; });
Actions.addListener("beforeR", () => {});
// version %d
`},
	{"good", `import { Actions } from "@twilio/flex-ui";
Actions.registerAction("R", (p) => ({ id: p.id, by: "R" }));
// version %d
`},
	{"broken", `import { Actions } from "@twilio/flex-ui";
Actions.registerAction("R", (p) => { return {; });
// version %d
`},
	{"failing", `import { Actions } from "@twilio/flex-ui";
Actions.registerAction("R", (p) => ({ id: p.id, by: "R" }));
throw new Error("top level fails, version %d");
`},
	{"failing", `import { FlexPlugin } from "@twilio/flex-plugin";
export default class Fails extends FlexPlugin {
	constructor() { super("Fails"); }
	async init(flex) {
		flex.Actions.registerAction("R", (p) => ({ id: p.id, by: "R" }));
		await new Promise((r) => setTimeout(r, 1));
		throw new Error("init fails, version %d");
	}
}
`},
}

// writeReloadVersion rewrites the reloaded plugin with a random version and
// returns its kind; with no rng, the first (good) version.
func writeReloadVersion(t *testing.T, path string, rng *rand.Rand, n int) string {
	v := tortureReloadVersions[0]
	if rng != nil {
		v = tortureReloadVersions[rng.Intn(len(tortureReloadVersions))]
	}
	if err := os.WriteFile(path, []byte(fmt.Sprintf(v.src, n)), 0o644); err != nil {
		t.Error(err)
	}
	return v.kind
}
