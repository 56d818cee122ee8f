// Package docs_test loads the plugins in ./plugins (the snippets of the Flex
// UI 1.x "Actions framework" docs page, one a file), runs scenario.js and
// compares its output with golden files; UPDATE_GOLDEN=1 rewrites them.
package docs_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/internal/golden"
	"github.com/flexrun/flexrun/jsapi"
	"github.com/flexrun/flexrun/plugins"
)

// backendURL is what 09-custom-action-fetch.js fetches, as the docs write it.
const backendURL = "https://my.server.backend.com/test"

func TestScenario(t *testing.T) {
	for _, tc := range []struct {
		name    string
		golden  string
		backend bool              // serve backendURL and tell the scenario so
		confirm func(string) bool // jsapi.Options.Confirm; nil answers OK
	}{
		// Exactly what the README's command prints: no backend, confirm() says OK.
		{name: "cli", golden: "scenario.stdout"},
		{name: "backend", golden: "scenario.backend.stdout", backend: true,
			confirm: func(string) bool { return true }},
		// What `flexrun run --confirm no` prints: 07-confirm-before-accept.js aborts AcceptTask.
		{name: "confirm-no", golden: "scenario.confirm-no.stdout", backend: true,
			confirm: func(string) bool { return false }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var requests atomic.Int32
			client := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
				t.Errorf("unexpected request %s %s: this run has no backend", r.Method, r.URL)
				return nil, errors.New("no network in this test")
			})}
			if tc.backend {
				client = serveBackend(t, &requests)
			}

			stdout, stderr, err := runScenario(t, tc.backend, jsapi.Options{Confirm: tc.confirm, HTTPClient: client})
			if err != nil {
				t.Fatalf("scenario.js failed: %v\nstdout:\n%s\nstderr:\n%s", err, stdout, stderr)
			}
			if stderr != "" {
				t.Errorf("stderr is not empty:\n%s", stderr)
			}
			golden.Check(t, tc.golden, stdout)
			want := int32(0)
			if tc.backend {
				want = 1 // MyAction, once, from afterCompleteTask
			}
			if got := requests.Load(); got != want {
				t.Errorf("backend got %d requests, want %d", got, want)
			}
		})
	}
}

// runScenario does what `flexrun run --plugins plugins scenario.js` does,
// with opts' Confirm and HTTPClient. flexruntest.New has no way to pass
// jsapi.Options, hence the engine is built here.
func runScenario(t *testing.T, backend bool, opts jsapi.Options) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut flexruntest.Buffer
	opts.Stdout, opts.Stderr = &out, &errOut
	e, h, err := jsapi.New(opts, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	found, err := plugins.Discover("plugins")
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 10 {
		t.Errorf("found %d plugins, want 10: %v", len(found), found)
	}
	if _, errs := plugins.NewLoader(e, h, plugins.LoaderOptions{}).LoadAll(ctx, found); len(errs) > 0 {
		t.Fatalf("loading the plugins: %v\nstderr:\n%s", errors.Join(errs...), errOut.String())
	}
	if backend {
		// scenario.js invokes CompleteTask (and so MyAction's fetch) only
		// when told there is a backend.
		err := e.Do(ctx, func(v *engine.VM) error { return v.Runtime().Set("docsBackend", true) })
		if err != nil {
			t.Fatal(err)
		}
	}
	err = plugins.RunScript(ctx, e, h, "scenario.js")
	return out.String(), errOut.String(), err
}

// serveBackend starts a server for backendURL and returns a client that
// sends every request to it, whatever its URL: the docs' snippet keeps its
// own URL.
func serveBackend(t *testing.T, requests *atomic.Int32) *http.Client {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		if got := "https://" + r.Host + r.URL.Path; got != backendURL || r.Method != http.MethodGet {
			t.Errorf("backend got %s %s, want GET %s", r.Method, got, backendURL)
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintln(w, `{"ok":true}`)
	}))
	t.Cleanup(srv.Close)
	base := srv.Client().Transport
	return &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		out := r.Clone(r.Context())
		out.URL.Scheme, out.URL.Host = "http", srv.Listener.Addr().String()
		out.Host = r.URL.Host
		resp, err := base.RoundTrip(out)
		if resp != nil {
			resp.Request = r
		}
		return resp, err
	})}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
