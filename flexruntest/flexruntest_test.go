package flexruntest_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
)

func TestRunScriptCollectsOutputPerRun(t *testing.T) {
	e := flexruntest.New(t, flexruntest.Options{})
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
	e := flexruntest.New(t, flexruntest.Options{})
	res := e.RunScript(`Promise.reject(new Error("nobody catches this"));`)
	var u *engine.UncaughtError
	if !errors.As(res.Err, &u) || u.Kind != "unhandled rejection" {
		t.Fatalf("want an unhandled rejection, got %v", res.Err)
	}
}

// A Result prints as a test failure wants it: the JavaScript stack, then
// the output, each stream under its name.
func TestResultString(t *testing.T) {
	e := flexruntest.New(t, flexruntest.Options{})
	res := e.RunScript(`console.log("before"); throw new TypeError("bad");`)
	have := res.String()
	if !strings.HasPrefix(have, "TypeError: bad\n    at ") || !strings.HasSuffix(have, "\nstdout:\nbefore\n") {
		t.Errorf("String() = %q", have)
	}
	if have := (flexruntest.Result{Stderr: "oops\n"}).String(); have != "ok\nstderr:\noops\n" {
		t.Errorf("String() = %q", have)
	}
}
