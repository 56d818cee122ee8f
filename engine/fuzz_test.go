package engine_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
)

// FuzzInvoke: any action name and payload, through Engine.Invoke and
// through flex.Actions.invokeAction: no panic, an unknown name gives
// ErrUnknownAction, a known one its result or an *ActionError.
func FuzzInvoke(f *testing.F) {
	for _, s := range [][2]string{{"Echo", `{"a":1}`}, {"Nope", `{}`}, {"", `null`}, {"Echo", `[1,[2,[3]]]`}, {"Throw", `"x"`},
		{"Echo", `{"__proto__":{"then":1}}`}, {"constructor", `{}`}, {"__proto__", `1`}, {"toString", `true`},
		{"Echo\u2028", `1e400`}, {"Échö", `{"":{"":{"":[]}}}`}, {"Echo", `not json`}, {"Echo", `{"then":{"then":null}}`}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, name, payload string) {
		e := flexruntest.New(t, flexruntest.Options{Engine: engine.Options{JobBudget: time.Second}})
		res := e.RunScript(`
			flex.Actions.registerAction("Echo", (p) => p);
			flex.Actions.registerAction("Throw", () => { throw new Error("thrown"); });`)
		if res.Err != nil {
			t.Fatal(res)
		}
		known := name == "Echo" || name == "Throw"
		var p any
		if json.Unmarshal([]byte(payload), &p) != nil {
			p = payload
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		_, err := e.Invoke(ctx, name, p)
		var ae *engine.ActionError
		switch {
		case err == nil && !known:
			t.Fatalf("Invoke(%q) succeeded", name)
		case err != nil && !errors.As(err, &ae):
			t.Fatalf("Invoke(%q): %T %v, want an *ActionError", name, err, err)
		case err != nil && ae.Action != name:
			t.Fatalf("Invoke(%q): the error names %q", name, ae.Action)
		case err != nil && !known && !errors.Is(err, engine.ErrUnknownAction):
			t.Fatalf("Invoke(%q): %v, want ErrUnknownAction", name, err)
		case err != nil && name == "Echo" && errors.Is(err, engine.ErrUnknownAction):
			t.Fatalf("Invoke(Echo): %v", err)
		}
		// The same through JavaScript: name and payload as JSON literals.
		jsName, _ := json.Marshal(name)
		jsPayload, _ := json.Marshal(payload)
		res = e.RunScript(`
			let p; try { p = JSON.parse(` + string(jsPayload) + `); } catch { p = ` + string(jsPayload) + `; }
			try {
				await flex.Actions.invokeAction(` + string(jsName) + `, p);
				console.log("ok");
			} catch (e) {
				console.log(e?.message === "Action does not exist" ? "unknown" : "failed");
			}`)
		if res.Err != nil {
			t.Fatalf("script: %v", res)
		}
		got := strings.TrimSpace(res.Stdout)
		switch {
		case !known && got != "unknown":
			t.Fatalf("invokeAction(%q) from JavaScript: %s", name, res)
		case name == "Echo" && got != "ok":
			t.Fatalf("invokeAction(Echo) from JavaScript: %s", res)
		}
	})
}
