package web_test

import (
	"testing"

	"github.com/flexrun/flexrun/flexruntest"
)

// The JS behaviour specs of the globals this package added after the ones
// in jsapi/testdata/spec: events, window, document, Audio, location,
// navigator, URLSearchParams serialization. Each runs as a script in its
// own engine, asserts with jsapi/testdata/assert.js and prints nothing;
// `go test ./jsapi/web -run TestSpecs/audio.js` runs one.
const specDir = "testdata/spec"

func TestSpecs(t *testing.T) {
	t.Parallel()
	flexruntest.RunSpecs(t, specDir, flexruntest.SpecOptions{})
}
