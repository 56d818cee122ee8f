package plugins_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/jsapi/world"
	"github.com/flexrun/flexrun/plugins"
)

var loadFixtures = filepath.Join("testdata", "load")

// TestLoadStartContract loads each plugin of testdata/load/contract alone
// and invokes the "Probe" action it registers. Its entry file says what to
// expect:
//
//	// want: <JSON of what Probe resolves with>
//	// counts: <JSON of Generation.Counts>
//
// Every registration must carry the plugin's owner, {Name, 1}.
func TestLoadStartContract(t *testing.T) {
	t.Parallel()
	found, err := plugins.Discover(filepath.Join(loadFixtures, "contract"))
	if err != nil {
		t.Fatal(err)
	}
	if len(found) == 0 {
		t.Fatal("no contract cases")
	}
	for _, p := range found {
		t.Run(filepath.Base(p.Name), func(t *testing.T) {
			t.Parallel()
			want := fixtureHeader(t, p.Entry, "want")
			wantCounts := fixtureHeader(t, p.Entry, "counts")
			e := flexruntest.New(t, flexruntest.Options{})
			ctx := context.Background()
			g, err := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{}).Load(ctx, p)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if g.Plugin != p {
				t.Errorf("Generation.Plugin = %+v, want %+v", g.Plugin, p)
			}
			if wantOwner := (engine.Owner{Name: p.Name, Generation: 1}); g.Owner != wantOwner {
				t.Errorf("Generation.Owner = %v, want %v", g.Owner, wantOwner)
			}
			have, err := e.Invoke(ctx, "Probe", nil)
			if err != nil {
				t.Fatalf("Invoke(Probe): %v", err)
			}
			if h, w := canonicalJSON(t, have), canonicalJSON(t, want); h != w {
				t.Errorf("Probe resolved with\nhave %s\nwant %s", h, w)
			}
			if h, w := canonicalJSON(t, g.Counts), canonicalJSON(t, wantCounts); h != w {
				t.Errorf("Generation.Counts\nhave %s\nwant %s", h, w)
			}
			for _, r := range registrations(t, e) {
				if r.Owner != g.Owner {
					t.Errorf("registration %s %s has owner %v, want %v", r.Kind, r.Name, r.Owner, g.Owner)
				}
			}
			if s := e.Stderr(); s != "" {
				t.Errorf("stderr: %s", s)
			}
		})
	}
}

// TestLoadOwnership: whichever way a plugin reaches Actions (the import,
// the global flex, Twilio.Flex), what it registers carries its owner, and
// Unload of that owner takes out exactly that.
func TestLoadOwnership(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(loadFixtures, "owners")
	found, err := plugins.Discover(dir)
	if err != nil {
		t.Fatal(err)
	}
	e := flexruntest.New(t, flexruntest.Options{})
	ctx := context.Background()
	gens, errs := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{}).LoadAll(ctx, found)
	for _, err := range errs {
		t.Fatalf("LoadAll: %v", err)
	}
	global := engine.Owner{Name: filepath.Join(dir, "global-flex.js"), Generation: 1}
	imported := engine.Owner{Name: filepath.Join(dir, "imported.ts"), Generation: 1}
	twilio := engine.Owner{Name: filepath.Join(dir, "twilio-flex"), Generation: 1}
	if have, want := ownersOf(gens), []engine.Owner{global, imported, twilio}; fmt.Sprint(have) != fmt.Sprint(want) {
		t.Fatalf("generations %v, want %v", have, want)
	}
	wantCounts := map[engine.Owner]map[string]int{
		global:   {"action": 1, "replacement": 2, "listener": 1},
		imported: {"action": 1, "replacement": 1, "listener": 2},
		twilio:   {"action": 1, "replacement": 1, "listener": 2},
	}
	for _, g := range gens {
		if h, w := canonicalJSON(t, g.Counts), canonicalJSON(t, wantCounts[g.Owner]); h != w {
			t.Errorf("%v: Counts %s, want %s", g.Owner, h, w)
		}
	}

	all := []engine.Registration{
		{Kind: "action", Name: "GlobalFlex", Owner: global},
		{Kind: "replacement", Name: "GlobalFlex", Owner: global},
		{Kind: "action", Name: "Imported", Owner: imported},
		{Kind: "replacement", Name: "Imported", Owner: global},
		{Kind: "replacement", Name: "Imported", Owner: imported},
		{Kind: "action", Name: "TwilioFlex", Owner: twilio},
		{Kind: "replacement", Name: "TwilioFlex", Owner: twilio},
		{Kind: "listener", Name: "afterGlobalFlex", Owner: global},
		{Kind: "listener", Name: "afterImported", Owner: imported},
		{Kind: "listener", Name: "beforeImported", Owner: imported},
		{Kind: "listener", Name: "beforeImported", Owner: twilio},
		{Kind: "listener", Name: "beforeTwilioFlex", Owner: twilio},
	}
	checkRegistrations(t, "after LoadAll", registrations(t, e), all)
	checkInvoke(t, e, "GlobalFlex", "replaced global body")
	checkInvoke(t, e, "Imported", "imported replacement") // imported.ts loads after global-flex.js
	checkInvoke(t, e, "TwilioFlex", "twilio replacement")

	// Unload one owner at a time: exactly its registrations go.
	steps := []struct {
		unload engine.Owner
		wantN  int
		invoke map[string]string // action -> result; "" means "does not exist"
	}{
		{imported, 4, map[string]string{"Imported": "", "GlobalFlex": "replaced global body"}},
		{twilio, 4, map[string]string{"TwilioFlex": "", "GlobalFlex": "replaced global body"}},
		{global, 4, map[string]string{"GlobalFlex": ""}},
	}
	left := all
	for _, s := range steps {
		n, err := e.Unload(ctx, s.unload)
		if err != nil {
			t.Fatal(err)
		}
		if n != s.wantN {
			t.Errorf("Unload(%v) = %d, want %d", s.unload, n, s.wantN)
		}
		left = without(left, s.unload)
		checkRegistrations(t, "after Unload("+s.unload.String()+")", registrations(t, e), left)
		for name, want := range s.invoke {
			checkInvoke(t, e, name, want)
		}
	}
}

// TestLoadOwnershipWindowGlobal: a plugin that reaches Flex through its
// window (window.Twilio.Flex, window.flex, globalThis.flex, self.Twilio.Flex)
// registers under its own owner, as through the import, and Unload of the
// plugin leaves none of it behind.
func TestLoadOwnershipWindowGlobal(t *testing.T) {
	t.Parallel()
	root := writeLoadTree(t, map[string]string{
		"plugins/window.js": `
window.Twilio.Flex.Actions.registerAction("ViaWindow", () => "window");
globalThis.flex.Actions.addListener("beforeViaWindow", () => {});
window.flex.Actions.replaceAction("ViaWindow", (p, original) => original(p));
self.Twilio.Flex.Actions.addListener("afterViaWindow", () => {});
export default async function () {
  await null; // a later job, not the bundle's: the window is still the plugin's
  globalThis.Twilio.Flex.Actions.addListener("afterViaWindow", () => {});
}
`,
	})
	found, err := plugins.Discover(filepath.Join(root, "plugins"))
	if err != nil {
		t.Fatal(err)
	}
	e := flexruntest.New(t, flexruntest.Options{})
	ctx := context.Background()
	l := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{})
	g, err := l.Load(ctx, found[0])
	if err != nil {
		t.Fatal(err)
	}
	checkRegistrations(t, "after Load", registrations(t, e), []engine.Registration{
		{Kind: "action", Name: "ViaWindow", Owner: g.Owner},
		{Kind: "replacement", Name: "ViaWindow", Owner: g.Owner},
		{Kind: "listener", Name: "afterViaWindow", Owner: g.Owner},
		{Kind: "listener", Name: "afterViaWindow", Owner: g.Owner},
		{Kind: "listener", Name: "beforeViaWindow", Owner: g.Owner},
	})
	checkInvoke(t, e, "ViaWindow", "window")
	if !l.Unload(found[0].Name) {
		t.Fatal("Unload: the plugin was not running")
	}
	checkRegistrations(t, "after Unload", registrations(t, e), nil)
	checkInvoke(t, e, "ViaWindow", "")
}

// TestLoadUnloadFallsBack: three plugins replace one action; only the newest
// replacement runs (Flex 1.x). Unloading a shadowed layer changes nothing
// visible; unloading the newest brings back the one below.
func TestLoadUnloadFallsBack(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(loadFixtures, "layers")
	found, err := plugins.Discover(dir)
	if err != nil {
		t.Fatal(err)
	}
	e := flexruntest.New(t, flexruntest.Options{})
	ctx := context.Background()
	gens, errs := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{}).LoadAll(ctx, found)
	if len(errs) > 0 || len(gens) != 4 {
		t.Fatalf("LoadAll: %d generations, errors %v", len(gens), errs)
	}
	owner := func(file string) engine.Owner {
		return engine.Owner{Name: filepath.Join(dir, file), Generation: 1}
	}
	checkInvoke(t, e, "Greet", "third(base)")
	steps := []struct {
		name   string
		unload string
		wantN  int
		want   string // "" means "does not exist"
	}{
		{"shadowed layer", "b-first.ts", 1, "third(base)"},
		{"newest layer", "d-third.ts", 1, "second(base)"},
		{"last layer", "c-second.ts", 1, "base"},
		{"already unloaded", "d-third.ts", 0, "base"},
		{"body", "a-base.ts", 1, ""},
	}
	for _, s := range steps {
		n, err := e.Unload(ctx, owner(s.unload))
		if err != nil {
			t.Fatal(err)
		}
		if n != s.wantN {
			t.Errorf("%s: Unload(%s) = %d, want %d", s.name, s.unload, n, s.wantN)
		}
		checkInvoke(t, e, "Greet", s.want)
	}
	if regs := registrations(t, e); len(regs) != 0 {
		t.Errorf("registrations left: %v", regs)
	}
}

// TestLoadSameActionLaterWins: two plugins register one action; the later in
// sorted order wins, as in Flex, and both listeners run. The earlier body is
// kept behind it, and comes back when the later one's plugin goes.
func TestLoadSameActionLaterWins(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(loadFixtures, "same-action")
	found, err := plugins.Discover(dir)
	if err != nil {
		t.Fatal(err)
	}
	e := flexruntest.New(t, flexruntest.Options{})
	ctx := context.Background()
	gens, errs := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{}).LoadAll(ctx, found)
	if len(errs) > 0 || len(gens) != 2 {
		t.Fatalf("LoadAll: %d generations, errors %v", len(gens), errs)
	}
	a, b := gens[0].Owner, gens[1].Owner
	checkRegistrations(t, "after LoadAll", registrations(t, e), []engine.Registration{
		{Kind: "action", Name: "Same", Owner: a},
		{Kind: "action", Name: "Same", Owner: b},
		{Kind: "listener", Name: "beforeSame", Owner: a},
		{Kind: "listener", Name: "beforeSame", Owner: b},
	})
	r := e.RunScript(`
import { Actions } from "@twilio/flex-ui";
const payload: any = {};
console.log(await Actions.invokeAction("Same", payload), payload.seen);
`)
	if r.Err != nil || r.Stdout != "b ab\n" {
		t.Errorf("invoke Same: stdout %q, err %v; want %q", r.Stdout, r.Err, "b ab\n")
	}
	// a's body was replaced by b's (rule 24): unloading a leaves b's.
	if _, err := e.Unload(ctx, a); err != nil {
		t.Fatal(err)
	}
	checkInvoke(t, e, "Same", "b")
	checkRegistrations(t, "after Unload(a)", registrations(t, e), []engine.Registration{
		{Kind: "action", Name: "Same", Owner: b},
		{Kind: "listener", Name: "beforeSame", Owner: b},
	})
}

// TestLoadBadInput loads testdata/load/bad, where most plugins fail in a
// different way. Each failure is reported with the plugin, phase and cause,
// leaves nothing registered, and the others load and work.
func TestLoadBadInput(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(loadFixtures, "bad")
	found, err := plugins.Discover(dir)
	if err != nil {
		t.Fatal(err)
	}
	e := flexruntest.New(t, flexruntest.Options{})
	ctx := context.Background()
	// h-init-never-settles.ts waits out InitTimeout; the others settle in
	// milliseconds, the margin is for slow, loaded CI machines.
	gens, errs := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{InitTimeout: time.Second}).LoadAll(ctx, found)

	file := func(name string) string { return filepath.Join(dir, name) }
	loaded := []string{file("a-good.ts"), file("c-type-error.ts"), file("z-good.ts")}
	var have []string
	for _, g := range gens {
		have = append(have, g.Plugin.Name)
	}
	if strings.Join(have, "\n") != strings.Join(loaded, "\n") {
		t.Errorf("loaded\n%s\nwant\n%s", strings.Join(have, "\n"), strings.Join(loaded, "\n"))
	}

	type check func(t *testing.T, le *plugins.LoadError)
	compileAt := func(entry, marker, wantMsg string) check {
		return func(t *testing.T, le *plugins.LoadError) {
			var ce *plugins.CompileError
			if !errors.As(le, &ce) {
				t.Fatalf("cause %T, want *plugins.CompileError", le.Err)
			}
			if len(ce.Diagnostics) != 1 {
				t.Fatalf("%d diagnostics, want 1: %v", len(ce.Diagnostics), ce)
			}
			d := ce.Diagnostics[0]
			line, col := markerPos(t, absPath(t, file(entry)), marker)
			if d.File != absPath(t, file(entry)) || d.Line != line || (col > 0 && d.Column != col) {
				t.Errorf("diagnostic at %s:%d:%d, want %s:%d:%d", d.File, d.Line, d.Column, absPath(t, file(entry)), line, col)
			}
			if !strings.Contains(d.Message, wantMsg) {
				t.Errorf("diagnostic message %q does not contain %q", d.Message, wantMsg)
			}
		}
	}
	jsErrorAt := func(entry, wantName, wantMsg string) check {
		return func(t *testing.T, le *plugins.LoadError) {
			var je *engine.JSError
			if !errors.As(le, &je) {
				t.Fatalf("cause %T (%v), want *engine.JSError", le.Err, le.Err)
			}
			if je.Name != wantName || je.Message != wantMsg {
				t.Errorf("JSError %s: %s, want %s: %s", je.Name, je.Message, wantName, wantMsg)
			}
			line, _ := markerPos(t, absPath(t, file(entry)), "// <-")
			at := fmt.Sprintf("%s:%d:", absPath(t, file(entry)), line)
			if !strings.Contains(je.Stack, at) {
				t.Errorf("stack does not name %s:\n%s", at, je.Stack)
			}
		}
	}
	wantErrs := []struct {
		plugin string
		phase  string
		wantIn []string // substrings of Error()
		check  check
	}{
		{
			plugin: "b-syntax-error.ts", phase: plugins.PhaseCompile,
			wantIn: []string{"b-syntax-error.ts:4:9", `Expected ";" but found "b"`},
			check:  compileAt("b-syntax-error.ts", "b = 1", `Expected ";" but found "b"`),
		},
		{
			plugin: "d-missing-relative-import.ts", phase: plugins.PhaseCompile,
			wantIn: []string{"d-missing-relative-import.ts:2:", `Could not resolve "./helpers/does-not-exist"`},
			check:  compileAt("d-missing-relative-import.ts", `"./helpers/does-not-exist"`, `Could not resolve "./helpers/does-not-exist"`),
		},
		{
			plugin: "e-unknown-bare-import.ts", phase: plugins.PhaseCompile,
			wantIn: []string{"e-unknown-bare-import.ts:2:", `Could not resolve "@acme/flexrun-not-installed"`},
			check:  compileAt("e-unknown-bare-import.ts", `"@acme/flexrun-not-installed"`, `Could not resolve "@acme/flexrun-not-installed"`),
		},
		{
			plugin: "f-init-throws.ts", phase: plugins.PhaseStart,
			wantIn: []string{"Error: init failed on purpose"},
			check:  jsErrorAt("f-init-throws.ts", "Error", "init failed on purpose"),
		},
		{
			plugin: "g-init-rejects.ts", phase: plugins.PhaseStart,
			wantIn: []string{"TypeError: init rejected on purpose"},
			check:  jsErrorAt("g-init-rejects.ts", "TypeError", "init rejected on purpose"),
		},
		{
			plugin: "h-init-never-settles.ts", phase: plugins.PhaseTimedOut,
			wantIn: []string{"did not settle within 1s"},
			check: func(t *testing.T, le *plugins.LoadError) {
				if !errors.Is(le, plugins.ErrStartTimeout) {
					t.Errorf("errors.Is(err, ErrStartTimeout) = false")
				}
			},
		},
		{
			plugin: "i-top-level-throws.js", phase: plugins.PhaseStart,
			wantIn: []string{"TypeError"},
			check: func(t *testing.T, le *plugins.LoadError) {
				var je *engine.JSError
				if !errors.As(le, &je) {
					t.Fatalf("cause %T (%v), want *engine.JSError", le.Err, le.Err)
				}
				line, _ := markerPos(t, absPath(t, file("i-top-level-throws.js")), "// <-")
				if at := fmt.Sprintf("i-top-level-throws.js:%d:", line); je.Name != "TypeError" || !strings.Contains(je.Stack, at) {
					t.Errorf("JSError %s: %s, stack does not name %s:\n%s", je.Name, je.Message, at, je.Stack)
				}
			},
		},
	}
	if len(errs) != len(wantErrs) {
		t.Errorf("%d errors, want %d:", len(errs), len(wantErrs))
		for _, err := range errs {
			t.Logf("  %v", err)
		}
	}
	for i, w := range wantErrs {
		t.Run(w.plugin, func(t *testing.T) {
			if i >= len(errs) {
				t.Fatal("no error")
			}
			err := errs[i]
			t.Logf("%v", err)
			var le *plugins.LoadError
			if !errors.As(err, &le) {
				t.Fatalf("error %T, want *plugins.LoadError: %v", err, err)
			}
			if le.Plugin != file(w.plugin) || le.Phase != w.phase {
				t.Errorf("LoadError{Plugin: %q, Phase: %q}, want {%q, %q}", le.Plugin, le.Phase, file(w.plugin), w.phase)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "plugin "+file(w.plugin)+": "+w.phase+": ") {
				t.Errorf("error %q does not start with the plugin and phase", msg)
			}
			for _, s := range w.wantIn {
				if !strings.Contains(msg, s) {
					t.Errorf("error does not contain %q:\n%s", s, msg)
				}
			}
			w.check(t, le)
		})
	}

	// Nothing of a failed plugin is left, not even what it registered
	// before failing or its interval; the others work.
	owners := map[engine.Owner]bool{}
	for _, g := range gens {
		owners[g.Owner] = true
	}
	for _, r := range registrations(t, e) {
		if !owners[r.Owner] {
			t.Errorf("registration %s %s of failed plugin %v left behind", r.Kind, r.Name, r.Owner)
		}
	}
	checkInvoke(t, e, "GoodA", "a works")
	checkInvoke(t, e, "GoodZ", "z works")
	checkInvoke(t, e, "TypeError", "s")
	for _, name := range []string{"SyntaxError", "InitThrows", "InitRejects", "NeverSettles", "TopLevelThrows"} {
		checkInvoke(t, e, name, "")
	}
	if r := e.RunScript(`console.log("script runs")`); r.Err != nil || r.Stdout != "script runs\n" {
		t.Errorf("script after the plugins: stdout %q, err %v", r.Stdout, r.Err)
	}
}

// TestLoadInitTimeoutNextLoads: a plugin whose init never settles times out
// and the next plugin still loads, in order.
func TestLoadInitTimeoutNextLoads(t *testing.T) {
	t.Parallel()
	root := writeLoadTree(t, map[string]string{
		"plugins/a-hangs.ts": `
import { Actions } from "@twilio/flex-ui";
export default class Hangs {
  init() {
    Actions.registerAction("Hangs", () => "never");
    return new Promise(() => {});
  }
}`,
		"plugins/b-next.ts": `
import { Actions } from "@twilio/flex-ui";
export default async () => { Actions.registerAction("Next", () => "next"); };`,
	})
	found, err := plugins.Discover(filepath.Join(root, "plugins"))
	if err != nil {
		t.Fatal(err)
	}
	e := flexruntest.New(t, flexruntest.Options{})
	gens, errs := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{InitTimeout: 200 * time.Millisecond}).LoadAll(context.Background(), found)
	if len(errs) != 1 || len(gens) != 1 {
		t.Fatalf("generations %v, errors %v; want 1 and 1", ownersOf(gens), errs)
	}
	var le *plugins.LoadError
	if !errors.As(errs[0], &le) || le.Phase != plugins.PhaseTimedOut || le.Plugin != found[0].Name {
		t.Errorf("error %v, want a LoadError of %s in phase %q", errs[0], found[0].Name, plugins.PhaseTimedOut)
	}
	checkInvoke(t, e, "Hangs", "")
	checkInvoke(t, e, "Next", "next")
}

// TestLoadRunaway: a plugin that never yields is cut off by the engine's job
// budget and reported as that; the engine goes on serving the other plugins
// and the script, and the plugin's failure is not reported a second time as
// the script's.
func TestLoadRunaway(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
	}{
		{
			name: "top level",
			src: `import { Actions } from "@twilio/flex-ui";
Actions.registerAction("Runaway", () => "never");
let spins = 0;
while (true) { spins++; } // <- runs away
`,
		},
		{
			// The loop runs in a promise job, drained at the end of the
			// loader's job.
			name: "init after an await",
			src: `import { Actions } from "@twilio/flex-ui";
export default async function () {
  Actions.registerAction("Runaway", () => "never");
  await null;
  let spins = 0;
  while (true) { spins++; } // <- runs away
}
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			root := writeLoadTree(t, map[string]string{
				"plugins/a-runaway.ts": tt.src,
				"plugins/b-good.ts": `import { Actions } from "@twilio/flex-ui";
Actions.registerAction("Good", () => "good");`,
			})
			found, err := plugins.Discover(filepath.Join(root, "plugins"))
			if err != nil {
				t.Fatal(err)
			}
			e := flexruntest.New(t, flexruntest.Options{
				Engine:  engine.Options{JobBudget: 100 * time.Millisecond},
				Timeout: 5 * time.Second,
			})
			gens, errs := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{InitTimeout: 500 * time.Millisecond}).LoadAll(context.Background(), found)
			for _, err := range errs {
				t.Logf("load error: %v", err)
			}
			// Bugs found are collected and reported together, after the
			// checks that pass.
			var bugs []string
			if len(errs) == 0 {
				t.Fatal("the runaway plugin loaded")
			}
			var le *plugins.LoadError
			if !errors.As(errs[0], &le) || le.Plugin != found[0].Name {
				t.Fatalf("first error %v, want a LoadError of %s", errs[0], found[0].Name)
			}
			if len(gens) != 1 || gens[0].Plugin.Name != found[1].Name {
				// Seen before engine/gojafix.go: goja left a frame on its call
				// stack and never ran a promise job again.
				t.Fatalf("the plugin after the runaway one did not load: generations %v, errors %v", ownersOf(gens), errs)
			}
			checkInvoke(t, e, "Good", "good")
			checkInvoke(t, e, "Runaway", "")
			switch {
			case le.Phase == plugins.PhaseTimedOut:
				bugs = append(bugs, fmt.Sprintf("the runaway plugin is reported as %q after InitTimeout, not as interrupted: %v", le.Phase, le))
			case le.Phase != plugins.PhaseStart || !strings.Contains(le.Error(), "job time budget"):
				t.Errorf("error %v, want phase %q saying the job ran out of time", le, plugins.PhaseStart)
			default:
				line, _ := markerPos(t, found[0].Entry, "// <-")
				if at := fmt.Sprintf("a-runaway.ts:%d:", line); !strings.Contains(le.Error(), at) {
					bugs = append(bugs, fmt.Sprintf("the interrupt position is not the loop's line, %s: %v", at, le))
				}
			}
			if r := e.RunScript(`console.log("still serving")`); r.Err != nil || r.Stdout != "still serving\n" {
				bugs = append(bugs, fmt.Sprintf("the script after the runaway plugin failed: stdout %q, err %v", r.Stdout, r.Err))
			}
			if len(bugs) > 0 {
				t.Error(strings.Join(bugs, "\n"))
			}
		})
	}
}

// TestLoadImportsReact: react is one of plugins.HostModules, and almost
// every Flex plugin imports it (the plugin template's SamplePlugin.js does).
func TestLoadImportsReact(t *testing.T) {
	t.Parallel()
	root := writeLoadTree(t, map[string]string{
		"plugins/sample.tsx": `import React from "react";
import { FlexPlugin } from "@twilio/flex-plugin";

export default class SamplePlugin extends FlexPlugin {
  constructor() {
    super("SamplePlugin");
  }
  init(flex: any) {
    flex.Actions.registerAction("Probe", () => typeof React);
  }
}
`,
	})
	found, err := plugins.Discover(filepath.Join(root, "plugins"))
	if err != nil {
		t.Fatal(err)
	}
	e := flexruntest.New(t, flexruntest.Options{})
	if _, err := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{}).Load(context.Background(), found[0]); err != nil {
		t.Fatal(err)
	}
	checkInvoke(t, e, "Probe", "object")
}

// TestLoadNotUTF8: a .js file that is not UTF-8 (it starts with FF FE, a
// UTF-16 byte order mark) must give a compile error naming the file, never
// a panic; the other plugins load.
func TestLoadNotUTF8(t *testing.T) {
	t.Parallel()
	root := writeLoadTree(t, map[string]string{
		"plugins/a-good.js":   `flex.Actions.registerAction("Good", () => "good");`,
		"plugins/b-utf16.js":  "\xff\xfe" + string([]byte{'f', 0, 'l', 0, 'e', 0, 'x', 0, ';', 0, '\n', 0}),
		"plugins/c-latin1.js": "flex.Actions.registerAction(\"Latin1\", () => \"caf\xe9\");\n",
	})
	found, err := plugins.Discover(filepath.Join(root, "plugins"))
	if err != nil {
		t.Fatal(err)
	}
	e := flexruntest.New(t, flexruntest.Options{})
	gens, errs := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{}).LoadAll(context.Background(), found)
	for _, err := range errs {
		t.Logf("%v", err)
	}
	if len(gens) == 0 || gens[0].Plugin.Name != found[0].Name {
		t.Fatalf("a-good.js did not load: %v", errs)
	}
	checkInvoke(t, e, "Good", "good")

	// b-utf16.js: refused before esbuild reads it (which would make FF FE
	// two U+FFFD and quote the raw bytes): an error for the whole file.
	var le *plugins.LoadError
	var ce *plugins.CompileError
	if len(errs) == 0 || !errors.As(errs[0], &le) || le.Plugin != found[1].Name || le.Phase != plugins.PhaseCompile || !errors.As(le, &ce) {
		t.Fatalf("b-utf16.js: errors %v, want a compile error of %s first", errs, found[1].Name)
	}
	if d := ce.Diagnostics[0]; d.File != found[1].Entry || d.Line != 0 || !strings.Contains(d.Message, "not UTF-8 text (UTF-16 byte order mark)") {
		t.Errorf("b-utf16.js: diagnostic %q at %s:%d, want one about the UTF-16 byte order mark for all of %s", d.Message, d.File, d.Line, found[1].Entry)
	}

	// c-latin1.js: an invalid byte inside a string literal is replaced by
	// U+FFFD and the plugin loads.
	if len(errs) != 1 || len(gens) != 2 {
		t.Fatalf("generations %v, errors %v; want a-good.js and c-latin1.js loaded", ownersOf(gens), errs)
	}
	checkInvoke(t, e, "Latin1", "caf\uFFFD")
}

// TestLoadGenerationsCount: loading the same plugin again makes generation
// 2, whose registrations carry the new owner; Unload of generation 1 then
// leaves generation 2's alone.
func TestLoadGenerationsCount(t *testing.T) {
	t.Parallel()
	root := writeLoadTree(t, map[string]string{
		"plugins/p.ts": `import { Actions } from "@twilio/flex-ui";
Actions.addListener("beforeX", () => {});`,
	})
	found, err := plugins.Discover(filepath.Join(root, "plugins"))
	if err != nil {
		t.Fatal(err)
	}
	e := flexruntest.New(t, flexruntest.Options{})
	ctx := context.Background()
	l := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{})
	g1, err := l.Load(ctx, found[0])
	if err != nil {
		t.Fatal(err)
	}
	g2, err := l.Load(ctx, found[0])
	if err != nil {
		t.Fatal(err)
	}
	if g1.Owner.Generation != 1 || g2.Owner.Generation != 2 || g1.Owner.Name != found[0].Name || g2.Owner.Name != found[0].Name {
		t.Errorf("owners %v, %v; want %s#1, %s#2", g1.Owner, g2.Owner, found[0].Name, found[0].Name)
	}
	if g1.Counts["listener"] != 1 || g2.Counts["listener"] != 1 {
		t.Errorf("counts %v, %v; want one listener each", g1.Counts, g2.Counts)
	}
	if _, err := e.Unload(ctx, g1.Owner); err != nil {
		t.Fatal(err)
	}
	checkRegistrations(t, "after Unload(#1)", registrations(t, e), []engine.Registration{
		{Kind: "listener", Name: "beforeX", Owner: g2.Owner},
	})
}

// registrations lists the engine's registry.
func registrations(t *testing.T, e *flexruntest.Engine) []engine.Registration {
	t.Helper()
	var regs []engine.Registration
	if err := e.Do(context.Background(), func(v *engine.VM) error {
		regs = withoutBuiltins(v.Registrations())
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return regs
}

// withoutBuiltins drops the registrations of the world's built-in actions.
func withoutBuiltins(regs []engine.Registration) []engine.Registration {
	var out []engine.Registration
	for _, r := range regs {
		if r.Owner != world.Owner {
			out = append(out, r)
		}
	}
	return out
}

func checkRegistrations(t *testing.T, when string, have, want []engine.Registration) {
	t.Helper()
	line := func(r engine.Registration) string { return r.Kind + " " + r.Name + " " + r.Owner.String() }
	var hs, ws []string
	for _, r := range have {
		hs = append(hs, line(r))
	}
	for _, r := range want {
		ws = append(ws, line(r))
	}
	if h, w := strings.Join(hs, "\n"), strings.Join(ws, "\n"); h != w {
		t.Errorf("%s: registrations\nhave:\n%s\nwant:\n%s", when, h, w)
	}
}

// checkInvoke invokes name with no payload; want "" means the action must
// not exist. The wait is bounded so that a stuck engine fails the test
// instead of hanging it.
func checkInvoke(t *testing.T, e *flexruntest.Engine, name, want string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	have, err := e.Invoke(ctx, name, nil)
	if want == "" {
		if !errors.Is(err, engine.ErrUnknownAction) {
			t.Errorf("Invoke(%s) = %v, %v; want the action not to exist", name, have, err)
		}
		return
	}
	if err != nil || have != want {
		t.Errorf("Invoke(%s) = %#v, %v; want %q", name, have, err, want)
	}
}

func without(regs []engine.Registration, owner engine.Owner) []engine.Registration {
	var out []engine.Registration
	for _, r := range regs {
		if r.Owner != owner {
			out = append(out, r)
		}
	}
	return out
}

func ownersOf(gens []*plugins.Generation) []engine.Owner {
	var out []engine.Owner
	for _, g := range gens {
		out = append(out, g.Owner)
	}
	return out
}

// fixtureHeader is the JSON after "// key: " in the file at path.
func fixtureHeader(t *testing.T, path, key string) any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "// "+key+": "); ok {
			var v any
			if err := json.Unmarshal([]byte(rest), &v); err != nil {
				t.Fatalf("%s: %s: %v", path, key, err)
			}
			return v
		}
	}
	t.Fatalf("%s: no %q line", path, "// "+key+": ")
	return nil
}

// canonicalJSON marshals v with sorted keys, so values exported from
// JavaScript compare with values parsed from JSON.
func canonicalJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var back any
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	b, err = json.Marshal(back)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// markerPos is the 1-based line and column (in bytes) of the first
// occurrence of marker in the file at path.
func markerPos(t *testing.T, path, marker string) (line, col int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(b), "\n") {
		if c := strings.Index(l, marker); c >= 0 {
			return i + 1, c + 1
		}
	}
	t.Fatalf("%s: no %q", path, marker)
	return 0, 0
}
