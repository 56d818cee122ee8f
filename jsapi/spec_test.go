package jsapi_test

import (
	"testing"

	"github.com/flexrun/flexrun/flexruntest"
)

// specDir holds the JS behaviour specs: one script per behaviour area, run
// as a plugin script would be (esbuild, TS, ESM, top-level await). A spec
// asserts with ../assert.js and prints nothing; one whose output is the
// point (console formatting) has its expected stdout next to it in
// <name>.stdout, rewritten with UPDATE_GOLDEN=1.
const specDir = "testdata/spec"

// TestSpecs runs every spec in specDir as a subtest named by its path
// there, so `go test ./jsapi -run TestSpecs/timers.js` runs one.
func TestSpecs(t *testing.T) {
	t.Parallel()
	flexruntest.RunSpecs(t, specDir, flexruntest.SpecOptions{})
}
