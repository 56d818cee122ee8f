package main

import (
	"testing"

	"github.com/flexrun/flexrun/internal/golden"
)

// TestRun runs the example and compares its output with testdata/want.stdout;
// UPDATE_GOLDEN=1 rewrites the golden.
func TestRun(t *testing.T) {
	golden.CheckProgram(t, "testdata/want.stdout", run)
}
