package world_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/internal/golden"
	"github.com/flexrun/flexrun/jsapi"
	"github.com/flexrun/flexrun/jsapi/world"
)

// The world's behaviour, written as scripts against the public surfaces
// (@twilio/flex-ui, the flexrun world API). Each spec NAME.js (or .ts)
// runs on the world of NAME.world.json when there is one (the default world
// otherwise), with the virtual clock when that file says "clock":
// "virtual". A spec asserts with jsapi's shared assert.js and prints
// nothing, unless it has a NAME.stdout golden (UPDATE_GOLDEN=1 rewrites
// it); what it writes to stderr must be in NAME.stderr.
const worldSpecs = "testdata/spec"

func TestWorldSpecs(t *testing.T) {
	t.Parallel()
	entries, err := os.ReadDir(worldSpecs)
	if err != nil {
		t.Fatal(err)
	}
	specs := 0
	for _, d := range entries {
		name := d.Name()
		switch ext := filepath.Ext(name); {
		case ext == ".js" || ext == ".ts" || ext == ".tsx" || ext == ".jsx":
			specs++
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				runWorldSpec(t, filepath.Join(worldSpecs, name))
			})
		case strings.HasSuffix(name, ".world.json"), ext == ".stdout", ext == ".stderr":
			base := strings.TrimSuffix(strings.TrimSuffix(name, ext), ".world")
			if m, _ := filepath.Glob(filepath.Join(worldSpecs, base+".*s*")); len(m) == 0 {
				t.Errorf("%s: no spec %s.js (.ts, .tsx, .jsx) for it", name, base)
			}
		default:
			t.Errorf("%s: not a spec, world file or golden", name)
		}
	}
	if specs == 0 {
		t.Fatal("no specs")
	}
}

func runWorldSpec(t *testing.T, path string) {
	base := strings.TrimSuffix(path, filepath.Ext(path))
	opts := flexruntest.Options{}
	if f, err := world.ReadFile(base + ".world.json"); err == nil {
		opts.JS = jsapi.Options{World: world.New(f)}
		opts.Engine.VirtualTime = f.Clock == "virtual"
	} else if !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	e := flexruntest.New(t, opts)
	res := e.RunFile(path)
	if res.Err != nil {
		msg := res.Err.Error()
		var je *engine.JSError
		if errors.As(res.Err, &je) && je.Stack != "" {
			msg = je.Stack
		}
		t.Fatalf("%s failed:\n%s\nstdout:\n%s\nstderr:\n%s", path, msg, res.Stdout, res.Stderr)
	}
	checkOutput(t, base+".stdout", res.Stdout)
	checkOutput(t, base+".stderr", res.Stderr)
}

// checkOutput compares out with the golden at path; no golden means no output.
func checkOutput(t *testing.T, path, out string) {
	t.Helper()
	if !exists(path) && !golden.Updating() {
		if out != "" {
			t.Errorf("%s: printed (a spec prints nothing, or has this golden):\n%s", path, out)
		}
		return
	}
	if out == "" && golden.Updating() {
		os.Remove(path)
		return
	}
	golden.Check(t, path, out)
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
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
