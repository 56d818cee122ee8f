// Package docs_test runs scenario.js, the snippets of the Flex UI 1.x
// "Actions framework" docs page, and compares its output with
// scenario.stdout; UPDATE_GOLDEN=1 rewrites the golden.
package docs_test

import (
	"testing"

	"github.com/flexrun/flexrun/engine/enginetest"
	"github.com/flexrun/flexrun/internal/golden"
)

func TestScenario(t *testing.T) {
	t.Parallel()
	e := enginetest.New(t, enginetest.Options{})
	res := e.RunFile("scenario.js")
	if res.Err != nil {
		t.Fatalf("scenario.js failed: %v\nstdout:\n%s\nstderr:\n%s", res.Err, res.Stdout, res.Stderr)
	}
	if res.Stderr != "" {
		t.Errorf("scenario.js wrote to stderr:\n%s", res.Stderr)
	}
	golden.Check(t, "scenario.stdout", res.Stdout)
}
