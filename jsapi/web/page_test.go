package web_test

import (
	"slices"
	"testing"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/jsapi/web"
)

// newPageEngine starts an engine with only this package's globals and
// returns the Page Install made.
func newPageEngine(t *testing.T, opts web.Options) (*engine.Engine, *web.Page) {
	t.Helper()
	var page *web.Page
	e, err := engine.New(engine.Options{Setup: func(v *engine.VM) error {
		page = web.Install(v, opts)
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e, page
}

// run runs src on the loop as owner and fails the test if it throws.
func run(t *testing.T, e *engine.Engine, owner engine.Owner, src string) {
	t.Helper()
	err := e.Do(t.Context(), func(v *engine.VM) error {
		var err error
		v.RunAs(owner, func() { _, err = v.Runtime().RunString(src) })
		return err
	})
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	if err := e.Wait(t.Context()); err != nil {
		t.Fatalf("%s: wait: %v", src, err)
	}
}

// Navigations and plays are told to the hooks, with absolute URLs; the
// page stays at Options.PageURL.
func TestPageHooks(t *testing.T) {
	t.Parallel()
	var navigated, played []string
	e, _ := newPageEngine(t, web.Options{
		PageURL:    "https://flex.example.com/desk/",
		OnNavigate: func(url string) { navigated = append(navigated, url) },
		OnAudio:    func(src string) { played = append(played, src) },
	})
	run(t, e, engine.ScriptOwner, `
		location.assign("teams");
		location.replace("https://example.com/x");
		location.href = "/queues";
		globalThis.location = "?a=1";
		location.search = "b=2";
		location.reload();
		location.hash = "h"; // within the page
		const ring = new Audio("ring.mp3");
		ring.play();
		ring.play(); // already playing
		ring.pause();
		ring.play();
		new Audio().play();
		globalThis.href = location.href;
	`)
	wantNav := []string{
		"https://flex.example.com/desk/teams",
		"https://example.com/x",
		"https://flex.example.com/queues",
		"https://flex.example.com/desk/?a=1",
		"https://flex.example.com/desk/?b=2",
	}
	if !slices.Equal(navigated, wantNav) {
		t.Errorf("OnNavigate\nhave %q\nwant %q", navigated, wantNav)
	}
	wantPlay := []string{"https://flex.example.com/desk/ring.mp3", "https://flex.example.com/desk/ring.mp3", ""}
	if !slices.Equal(played, wantPlay) {
		t.Errorf("OnAudio\nhave %q\nwant %q", played, wantPlay)
	}
	e.Do(t.Context(), func(v *engine.VM) error {
		if have := v.Runtime().Get("href").String(); have != "https://flex.example.com/desk/#h" {
			t.Errorf("location.href = %q, want the page with the new hash", have)
		}
		return nil
	})
}

// Page.Forget takes out what one owner added to window, document and the
// elements in the tree, and leaves everyone else's.
func TestPageForget(t *testing.T) {
	t.Parallel()
	e, page := newPageEngine(t, web.Options{})
	a, b := engine.Owner{Name: "a.js", Generation: 1}, engine.Owner{Name: "b.js", Generation: 1}
	run(t, e, engine.ScriptOwner, `globalThis.log = []; const p = document.createElement("div"); p.id = "panel"; document.body.appendChild(p);`)
	for _, o := range []engine.Owner{a, b} {
		run(t, e, o, `
			globalThis.addEventListener("x", () => log.push("window `+o.Name+`"));
			document.addEventListener("x", () => log.push("document `+o.Name+`"));
			document.getElementById("panel").addEventListener("x", () => log.push("panel `+o.Name+`"));
		`)
	}
	e.Do(t.Context(), func(v *engine.VM) error {
		page.Forget(a)
		return nil
	})
	run(t, e, engine.ScriptOwner, `
		for (const t of [globalThis, document, document.getElementById("panel")]) t.dispatchEvent(new Event("x"));
		globalThis.result = log.join(", ");
	`)
	e.Do(t.Context(), func(v *engine.VM) error {
		if have, want := v.Runtime().Get("result").String(), "window b.js, document b.js, panel b.js"; have != want {
			t.Errorf("after Forget(a)\nhave %s\nwant %s", have, want)
		}
		return nil
	})
}
