package web_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/plugins"
)

// window's events as plugins use them: each plugin has a window of its own
// (jsapi/window.go), a view of the page's global object, and
// window.addEventListener and window.dispatchEvent through it reach the
// page's one EventTarget, shared with the other plugins and the script. A
// listener that throws is reported as uncaught, owned by the plugin that
// added it, and the listeners after it still run.
func TestWindowEventsAcrossPlugins(t *testing.T) {
	t.Parallel()
	dir := writePlugins(t, map[string]string{
		"a.js": `
export default class CrmPlugin {
  init(flex, manager) {
    window.addEventListener("crm:open", (ev) => console.log("a got", ev.detail.sid, ev instanceof CustomEvent));
    addEventListener("crm:open", () => { throw new Error("a's listener broke"); });
    window.addEventListener("b:ready", (ev) => console.log("a saw", ev.type, ev.isTrusted));
  }
}`,
		"b.js": `
export default function init(flex, manager) {
  window.addEventListener("crm:open", () => console.log("b got it"));
  window.dispatchEvent(new Event("b:ready"));
}`,
	})
	found, err := plugins.Discover(dir)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var reports []*engine.UncaughtError
	e := flexruntest.New(t, flexruntest.Options{Engine: engine.Options{OnUncaught: func(u *engine.UncaughtError) {
		mu.Lock()
		defer mu.Unlock()
		reports = append(reports, u)
	}}})
	l := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{})
	if _, errs := l.LoadAll(context.Background(), found); len(errs) > 0 {
		t.Fatalf("load: %v", errs)
	}
	if have, want := e.Stdout(), "a saw b:ready false\n"; have != want {
		t.Errorf("while loading, stdout\nhave %q\nwant %q", have, want)
	}

	res := e.RunScript(`console.log(window.dispatchEvent(new CustomEvent("crm:open", { detail: { sid: "WT1" }, cancelable: true })));`)
	if have, want := res.Stdout, "a got WT1 true\nb got it\ntrue\n"; have != want {
		t.Errorf("stdout\nhave %q\nwant %q", have, want)
	}
	var u *engine.UncaughtError
	if !errors.As(res.Err, &u) || !strings.Contains(u.Error(), "a's listener broke") {
		t.Fatalf("RunScript: %v, want the uncaught error of a's listener", res.Err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(reports) != 1 || filepath.Base(reports[0].Owner.Name) != "a.js" {
		t.Errorf("reports: %v, want one, owned by a.js", reports)
	}
}

// writePlugins writes files into a new plugin directory and returns it.
func writePlugins(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "plugins")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
