package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
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
	golden(t, "testdata/want.stdout", stdout.String())
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
