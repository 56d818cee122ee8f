// Package docs_test runs scenario.js, the snippets of the Flex UI 1.x
// "Actions framework" docs page, and compares its output with
// scenario.stdout; UPDATE_GOLDEN=1 rewrites the golden.
package docs_test

import (
	"os"
	"strings"
	"testing"

	"github.com/flexrun/flexrun/engine/enginetest"
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
	golden(t, "scenario.stdout", res.Stdout)
}

// golden compares have with the file want; UPDATE_GOLDEN=1 rewrites it.
func golden(t *testing.T, want, have string) {
	t.Helper()
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(want, []byte(have), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(want)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if string(b) == have {
		return
	}
	hl, wl := strings.Split(have, "\n"), strings.Split(string(b), "\n")
	i := 0
	for i < len(hl) && i < len(wl) && hl[i] == wl[i] {
		i++
	}
	t.Errorf("%s: mismatch at line %d (UPDATE_GOLDEN=1 rewrites it)\nhave:\n%s\nwant:\n%s", want, i+1, have, b)
}
