package engine_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flexrun/flexrun/flexruntest"
)

// TestConformance runs every case recorded from the real Flex UI 1.34.6
// Actions code (testdata/conformance) and compares stdout byte for byte.
func TestConformance(t *testing.T) {
	cases, err := filepath.Glob("../testdata/conformance/*.js")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no conformance cases: %v", err)
	}
	for _, path := range cases {
		name := strings.TrimSuffix(filepath.Base(path), ".js")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want, err := os.ReadFile(strings.TrimSuffix(path, ".js") + ".expected")
			if err != nil {
				t.Fatal(err)
			}
			e := flexruntest.New(t, flexruntest.Options{})
			res := e.RunFile(path)
			if res.Err != nil {
				t.Fatalf("run failed: %v\nstderr:\n%s", res.Err, res.Stderr)
			}
			if res.Stdout != string(want) {
				t.Errorf("stdout differs from the real Flex output\n--- want\n%s--- got\n%s", want, res.Stdout)
			}
		})
	}
}
