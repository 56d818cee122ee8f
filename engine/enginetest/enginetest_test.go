package enginetest_test

import (
	"context"
	"errors"
	"testing"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/engine/enginetest"
)

func TestRunScriptCollectsOutputPerRun(t *testing.T) {
	e := enginetest.New(t, enginetest.Options{})
	first := e.RunScript(`
		import { Actions } from "@twilio/flex-ui";
		Actions.registerAction("Hi", (p) => console.log("hi", p.name));
		console.error("to stderr");
	`)
	if first.Err != nil || first.Stdout != "" || first.Stderr != "to stderr\n" {
		t.Fatalf("first run: %+v", first)
	}
	// A second script sees the first one's registrations: one engine, one realm.
	second := e.RunScript(`await flex.Actions.invokeAction("Hi", { name: "Ada" });`)
	if second.Err != nil || second.Stdout != "hi Ada\n" {
		t.Fatalf("second run: %+v", second)
	}
	if got := e.Stdout(); got != "hi Ada\n" {
		t.Errorf("Stdout() = %q", got)
	}
	if _, err := e.Invoke(context.Background(), "Hi", map[string]any{"name": "Bo"}); err != nil {
		t.Fatal(err)
	}
}

func TestRunScriptReportsFailures(t *testing.T) {
	e := enginetest.New(t, enginetest.Options{})
	res := e.RunScript(`Promise.reject(new Error("nobody catches this"));`)
	var u *engine.UncaughtError
	if !errors.As(res.Err, &u) || u.Kind != "unhandled rejection" {
		t.Fatalf("want an unhandled rejection, got %v", res.Err)
	}
}
