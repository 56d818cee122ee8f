package engine_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
)

// An Invoke whose own loop job overruns the time budget before the
// invocation has started (here: importing a large payload) still returns,
// with an error, before its context ends.
func TestInvokeInterruptedWhileStartingReturns(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{Engine: engine.Options{JobBudget: 5 * time.Millisecond}})
	if r := e.RunScript(`flex.Actions.registerAction("Echo", () => 1);`); r.Err != nil {
		t.Fatal(r)
	}
	big := make([]any, 900_000) // under the payload limits, slow to import
	for i := range big {
		big[i] = i
	}
	for _, name := range []string{"Echo", "Nope"} {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		_, err := e.Invoke(ctx, name, map[string]any{"big": big})
		cancel()
		if errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Invoke %s was lost: the budget interrupted its own loop job before it started", name)
		}
		var ae *engine.ActionError
		if !errors.As(err, &ae) || ae.Action != name {
			t.Fatalf("Invoke %s: %v, want an *ActionError", name, err)
		}
	}
}
