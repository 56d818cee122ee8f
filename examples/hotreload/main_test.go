package main

import (
	"bytes"
	"testing"

	"github.com/flexrun/flexrun/internal/golden"
)

// TestRun runs the example and compares its output with testdata/want.stdout;
// UPDATE_GOLDEN=1 rewrites the golden.
func TestRun(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if err := run(&stdout, &stderr); err != nil {
		t.Fatalf("run: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	if stderr.Len() != 0 {
		t.Errorf("run wrote to stderr:\n%s", stderr.String())
	}
	golden.Check(t, "testdata/want.stdout", stdout.String())
}
