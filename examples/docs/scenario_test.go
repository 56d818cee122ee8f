// Package docs_test loads the plugins in ./plugins (the snippets of the Flex
// UI 1.x "Actions framework" docs page, one a file) on the world of
// world.json, runs scenario.js and compares its output with
// scenario.stdout; UPDATE_GOLDEN=1 rewrites it.
package docs_test

import (
	"testing"

	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/internal/golden"
)

// TestScenario does what the README's command does:
//
//	flexrun run --world world.json --plugins plugins scenario.js
//
// The world answers the docs' backend URL (09-custom-action-fetch.js) and
// every confirm(), so the run is hermetic.
func TestScenario(t *testing.T) {
	e := flexruntest.New(t, flexruntest.Options{WorldFile: "world.json"})
	if n := len(e.LoadPlugins("plugins")); n != 10 {
		t.Errorf("loaded %d plugins, want 10", n)
	}
	res := e.RunFile("scenario.js")
	if res.Err != nil {
		t.Fatalf("scenario.js failed: %s", res)
	}
	if res.Stderr != "" {
		t.Errorf("stderr is not empty:\n%s", res.Stderr)
	}
	golden.Check(t, "scenario.stdout", res.Stdout)
}
