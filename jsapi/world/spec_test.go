package world_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flexrun/flexrun/flexruntest"
)

// The world's behaviour, written as scripts against the public surfaces
// (@twilio/flex-ui, the flexrun world API). Each spec NAME.js (or .ts,
// .tsx) runs on the world of NAME.world.json when there is one (the
// default world otherwise), with the virtual clock when that file says
// "clock": "virtual". A spec asserts with jsapi's shared assert.js and
// prints nothing, unless goldens say what: NAME.js.stdout, NAME.js.stderr
// (UPDATE_GOLDEN=1 rewrites them).
const worldSpecs = "testdata/spec"

func TestWorldSpecs(t *testing.T) {
	t.Parallel()
	flexruntest.RunSpecs(t, worldSpecs, flexruntest.SpecOptions{
		NewEngine: func(t *testing.T, spec string) *flexruntest.Engine {
			worldFile := strings.TrimSuffix(spec, filepath.Ext(spec)) + ".world.json"
			if _, err := os.Stat(worldFile); err != nil {
				return flexruntest.New(t, flexruntest.Options{})
			}
			return flexruntest.New(t, flexruntest.Options{WorldFile: worldFile})
		},
		Belongs: func(path string) bool {
			if !strings.HasSuffix(path, ".world.json") {
				return false
			}
			m, _ := filepath.Glob(strings.TrimSuffix(path, ".world.json") + ".*s*")
			return len(m) > 1 // the spec besides this file
		},
	})
}

// TestREADMEExample runs the example of README.md's "The headless Flex
// world" section, so that the first thing a reader tries works.
func TestREADMEExample(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, "## The headless Flex world")
	start := strings.Index(s[i:], "```ts\n")
	if i < 0 || start < 0 {
		t.Fatal("README.md has no ```ts example under \"## The headless Flex world\"")
	}
	code := s[i+start+len("```ts\n"):]
	code = code[:strings.Index(code, "```")]
	res := flexruntest.New(t, flexruntest.Options{}).RunScript(code)
	if res.Err != nil || res.Stderr != "" {
		t.Fatalf("README example failed: %v\nstderr:\n%s", res.Err, res.Stderr)
	}
	if want := "accepted https://music.example.com/vip.mp3\n"; res.Stdout != want {
		t.Errorf("README example printed %q, want %q (as its comment says)", res.Stdout, want)
	}
}
