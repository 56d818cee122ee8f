// Package docs_test loads the plugins in ./plugins (the snippets of the Flex
// UI 1.x "Actions framework" docs page, one a file) on the world of
// world.json, runs scenario.js and compares its output with
// scenario.stdout; UPDATE_GOLDEN=1 rewrites it.
package docs_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/internal/golden"
	"github.com/flexrun/flexrun/jsapi"
	"github.com/flexrun/flexrun/jsapi/world"
	"github.com/flexrun/flexrun/plugins"
)

// TestScenario does what the README's command does:
//
//	flexrun run --world world.json --plugins plugins scenario.js
//
// The world answers the docs' backend URL (09-custom-action-fetch.js) and
// every confirm(), so the run is hermetic.
func TestScenario(t *testing.T) {
	f, err := world.ReadFile("world.json")
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut flexruntest.Buffer
	e, h, err := jsapi.New(jsapi.Options{Stdout: &out, Stderr: &errOut, World: world.New(f)}, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	found, err := plugins.Discover("plugins")
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 10 {
		t.Errorf("found %d plugins, want 10: %v", len(found), found)
	}
	if _, errs := plugins.NewLoader(e, h, plugins.LoaderOptions{}).LoadAll(ctx, found); len(errs) > 0 {
		t.Fatalf("loading the plugins: %v\nstderr:\n%s", errors.Join(errs...), errOut.String())
	}
	if err := plugins.RunScript(ctx, e, h, "scenario.js"); err != nil {
		t.Fatalf("scenario.js failed: %v\nstdout:\n%s\nstderr:\n%s", err, out.String(), errOut.String())
	}
	if s := errOut.String(); s != "" {
		t.Errorf("stderr is not empty:\n%s", s)
	}
	golden.Check(t, "scenario.stdout", out.String())
}
