package jsapi_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/plugins"
)

// A plugin that reaches Flex through the real global object, as libraries
// find it (Function("return this")(), indirect eval, window in code that
// is not the plugin's module), instead of its import or its own window.
const globalFlexPlugin = `const realGlobal = Function("return this")();
export default async function (flex, manager) {
	realGlobal.flex.Actions.registerAction("ViaFunctionThis", () => "init");
	(0, eval)("this").Twilio.Flex.Actions.addListener("beforeViaFunctionThis", () => {});
	new Function("return window")().flex.Actions.addListener("afterViaFunctionThis", () => {});
	setTimeout(() => {
		realGlobal.Twilio.Flex.Actions.registerAction("ViaTimer", () => "timer");
		realGlobal.flex.Actions.replaceAction("ViaFunctionThis", (p, original) => original(p));
	}, 10);
	await null;
	realGlobal.flex.Actions.registerAction("ViaAwait", () => "await");
	await new Promise((resolve) => setTimeout(resolve, 5));
	realGlobal.Twilio.Flex.Actions.addListener("beforeViaAwait", () => {});
}
`

// The real global's flex and Twilio.Flex are the running plugin's: what it
// registers through them is its own, goes when it is unloaded, and does
// not pile up when it is reloaded.
func TestGlobalFlexIsTheRunningPlugins(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "p.js")
	if err := os.WriteFile(path, []byte(globalFlexPlugin), 0o644); err != nil {
		t.Fatal(err)
	}
	e := flexruntest.New(t, flexruntest.Options{Engine: engine.Options{VirtualTime: true}})
	ctx := context.Background()
	found, err := plugins.Discover(dir)
	if err != nil {
		t.Fatal(err)
	}
	l := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{})
	// mine lists the registrations of the plugin's names, "kind name owner".
	mine := func() []string {
		t.Helper()
		if err := e.Wait(ctx); err != nil { // the timer has fired
			t.Fatalf("wait: %v\nstderr:\n%s", err, e.Stderr())
		}
		regs, err := e.Registrations(ctx, engine.Owner{})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range regs {
			if strings.Contains(r.Name, "Via") {
				out = append(out, r.Kind+" "+r.Name+" "+r.Owner.String())
			}
		}
		slices.Sort(out)
		return out
	}
	want := func(gen string) []string {
		return []string{
			"action ViaAwait " + gen,
			"action ViaFunctionThis " + gen,
			"action ViaTimer " + gen,
			"listener afterViaFunctionThis " + gen,
			"listener beforeViaAwait " + gen,
			"listener beforeViaFunctionThis " + gen,
			"replacement ViaFunctionThis " + gen,
		}
	}
	check := func(have, want []string) {
		t.Helper()
		if !slices.Equal(have, want) {
			t.Errorf("registrations:\n%s\nwant:\n%s\nstderr:\n%s", strings.Join(have, "\n"), strings.Join(want, "\n"), e.Stderr())
		}
	}

	if _, errs := l.LoadAll(ctx, found); len(errs) > 0 {
		t.Fatalf("load: %v\nstderr:\n%s", errs, e.Stderr())
	}
	name := found[0].Name
	check(mine(), want(name+"#1"))
	for i := 2; i <= 4; i++ {
		if _, err := l.Reload(ctx, found[0]); err != nil {
			t.Fatalf("reload: %v\nstderr:\n%s", err, e.Stderr())
		}
		check(mine(), want(name+"#"+string(rune('0'+i))))
	}
	if !l.Unload(name) {
		t.Fatal("not loaded")
	}
	check(mine(), nil)

	// The script's code (and Go's) still gets the script's flex.
	res := e.RunScript(`const g = Function("return this")();
if (g.flex !== flex || g.Twilio.Flex !== flex || g.flex.Actions !== flex.Actions) throw new Error("not the script's flex");
g.flex.Actions.registerAction("ViaScript", () => 1);`)
	if res.Err != nil {
		t.Fatal(res)
	}
	check(mine(), []string{"action ViaScript script"})
}
