package plugins_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/plugins"
)

// Versions of one plugin for the reload torture test. Each registers the
// body, a before listener and a replacement of "A", with an await between
// them so that the start spans several loop jobs; the body resolves with
// its version's tag. The failing versions' tags start with "bad".
var tortureVersions = []struct{ tag, src string }{
	{"good", `
export default async function (flex) {
  flex.Actions.registerAction("A", async (p) => ({ tag: "TAG", before: p.before }));
  await new Promise((r) => setTimeout(r, 1));
  flex.Actions.addListener("beforeA", (p) => { p.before = "TAG"; });
  await null;
  flex.Actions.replaceAction("A", (p, original) => original(p));
}`},
	{"bad-syntax", `export default function (flex { flex.Actions.registerAction("A", () => ({ tag: "TAG" })) }`},
	{"bad-throws", `
export default async function (flex) {
  flex.Actions.registerAction("A", async () => ({ tag: "TAG" }));
  flex.Actions.addListener("beforeA", (p) => { p.before = "TAG"; });
  flex.Actions.replaceAction("A", (p, original) => original(p));
  await new Promise((r) => setTimeout(r, 2));
  throw new Error("init of TAG fails");
}`},
	{"bad-toplevel", `
import { Actions } from "@twilio/flex-ui";
Actions.registerAction("A", async () => ({ tag: "TAG" }));
throw new Error("top level of TAG fails");`},
	{"good", `
export default class P {
  async init(flex) {
    flex.Actions.addListener("beforeA", (p) => { p.before = "TAG"; });
    await null;
    flex.Actions.registerAction("A", (p) => Promise.resolve({ tag: "TAG", before: p.before }));
  }
}`},
	{"bad-hangs", `
export default function (flex) {
  flex.Actions.registerAction("A", async () => ({ tag: "TAG" }));
  flex.Actions.replaceAction("A", () => Promise.resolve({ tag: "TAG" }));
  return new Promise(() => {});
}`},
}

// TestReloadIsAtomicForCallers reloads one plugin through good, broken,
// throwing and never-settling versions while 8 goroutines invoke its
// action: every invocation must succeed (the old registrations or the new
// ones answer, never neither) and none may be served by a version whose
// start failed. FLEXRUN_TORTURE=60s runs it longer.
func TestReloadIsAtomicForCallers(t *testing.T) {
	t.Parallel()
	rounds, long := 8, time.Duration(0)
	if d, err := time.ParseDuration(os.Getenv("FLEXRUN_TORTURE")); err == nil {
		long = d
	}
	e := flexruntest.New(t, flexruntest.Options{})
	dir := t.TempDir()
	file := filepath.Join(dir, "p.js")
	n := 0
	version := func(i int) (plugins.Plugin, string) {
		n++
		v := tortureVersions[i%len(tortureVersions)]
		tag := fmt.Sprintf("%s-%d", v.tag, n)
		if err := os.WriteFile(file, []byte(strings.ReplaceAll(v.src, "TAG", tag)), 0o644); err != nil {
			t.Fatal(err)
		}
		found, err := plugins.Discover(dir)
		if err != nil || len(found) != 1 {
			t.Fatalf("Discover: %v %v", found, err)
		}
		return found[0], tag
	}
	ctx := context.Background()
	l := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{InitTimeout: 100 * time.Millisecond})
	p, _ := version(0)
	if _, err := l.Load(ctx, p); err != nil {
		t.Fatal(err)
	}

	var stop atomic.Bool
	var wg sync.WaitGroup
	var calls, unknown, failed atomic.Int64
	var mu sync.Mutex
	served := map[string]int{} // tag → invocations it served
	var firstErr error
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				calls.Add(1)
				res, err := e.Invoke(ctx, "A", map[string]any{})
				mu.Lock()
				switch {
				case errors.Is(err, engine.ErrUnknownAction):
					unknown.Add(1)
				case err != nil:
					failed.Add(1)
					if firstErr == nil {
						firstErr = err
					}
				default:
					m, _ := res.(map[string]any)
					tag, _ := m["tag"].(string)
					served[tag]++
					if before, _ := m["before"].(string); before != "" {
						served["before:"+before]++
					}
				}
				mu.Unlock()
			}
		}()
	}
	began := time.Now()
	failedStart := map[string]bool{} // every version whose reload failed, whatever it is
	for i := 1; i <= rounds*len(tortureVersions) || time.Since(began) < long; i++ {
		p, tag := version(i)
		_, err := l.Reload(ctx, p)
		if err != nil {
			failedStart[tag] = true
		}
		switch good := strings.HasPrefix(tag, "good"); {
		case good && errors.Is(err, plugins.ErrStartTimeout):
			t.Logf("Reload of %s timed out (a busy loop): it must not serve either", tag)
		case good != (err == nil):
			t.Errorf("Reload of %s: %v", tag, err)
		}
	}
	stop.Store(true)
	wg.Wait()

	t.Logf("%d invocations, %d unknown action (%.1f%%), %d failed, %d reloads in %s",
		calls.Load(), unknown.Load(), 100*float64(unknown.Load())/float64(calls.Load()), failed.Load(), n-1, time.Since(began).Round(time.Millisecond))
	if unknown.Load() > 0 {
		t.Errorf("%d invocations got ErrUnknownAction while the plugin was reloaded", unknown.Load())
	}
	if failed.Load() > 0 {
		t.Errorf("%d invocations failed, the first: %v", failed.Load(), firstErr)
	}
	for tag, count := range served {
		if failedStart[strings.TrimPrefix(tag, "before:")] {
			t.Errorf("%d invocations were served by %s, whose start failed", count, tag)
		}
	}
}
