package web_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/jsapi"
)

// fetch against a loopback httptest server. The JS cases live in
// testdata/fetch (one behaviour per file, asserting with the specs' one
// assert.js, jsapi/testdata/assert.js); each runs in its own engine
// against its own server, whose URL is the global BASE, with CLOSED the
// URL of a server that is no longer there.
// The Go tests below cover what a script cannot see: that the engine stays
// busy while a request is in flight and that an abort reaches the server.

const fetchSpecDir = "testdata/fetch"

// fetchServer serves the routes the fetch cases use.
type fetchServer struct {
	*httptest.Server
	slowStarted chan struct{} // closed when /slow has its request
	slowDone    chan struct{} // closed when /slow saw its request cancelled
	held        chan struct{} // closed when /hold has its request
	proceed     chan struct{} // closed by the test to let /hold answer
	release     chan struct{} // closed at cleanup: every blocked handler returns
	once        sync.Map      // route -> *sync.Once
}

func newFetchServer(t *testing.T) *fetchServer {
	t.Helper()
	s := &fetchServer{
		slowStarted: make(chan struct{}), slowDone: make(chan struct{}),
		held: make(chan struct{}), proceed: make(chan struct{}), release: make(chan struct{}),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"tasks":[{"sid":"WT1","status":"pending"}],"count":1,"name":"é"}`)
	})
	mux.HandleFunc("/text", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "hello, flexrun")
	})
	mux.HandleFunc("/bad-json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, "{oops")
	})
	mux.HandleFunc("/teapot", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusTeapot)
	})
	mux.HandleFunc("/no-content", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/text", http.StatusFound)
	})
	mux.HandleFunc("/cookies", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Set-Cookie", "a=1")
		w.Header().Add("Set-Cookie", "b=2")
		w.Header().Add("X-Multi", "one")
		w.Header().Add("X-Multi", "two")
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write(make([]byte, 4096))
	})
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		headers := map[string]string{}
		for k, v := range r.Header {
			headers[strings.ToLower(k)] = strings.Join(v, ", ")
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{
			"method": r.Method, "path": r.URL.RequestURI(), "headers": headers, "body": string(body),
		})
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		s.closeOnce("slowStarted", s.slowStarted)
		select {
		case <-r.Context().Done():
			s.closeOnce("slowDone", s.slowDone)
		case <-s.release:
		}
	})
	mux.HandleFunc("/wait-slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-s.slowStarted:
			io.WriteString(w, "slow has started")
		case <-s.release:
		}
	})
	mux.HandleFunc("/hold", func(w http.ResponseWriter, r *http.Request) {
		s.closeOnce("held", s.held)
		select {
		case <-s.proceed:
			io.WriteString(w, "finally")
		case <-s.release:
		}
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	t.Cleanup(func() { close(s.release) }) // runs first: unblocks handlers before Close waits for them
	return s
}

func (s *fetchServer) closeOnce(name string, ch chan struct{}) {
	o, _ := s.once.LoadOrStore(name, new(sync.Once))
	o.(*sync.Once).Do(func() { close(ch) })
}

// closedURL is the URL of a server that has stopped listening.
func closedURL(t *testing.T) string {
	t.Helper()
	s := httptest.NewServer(http.NotFoundHandler())
	s.Close()
	return s.URL
}

// newFetchEngine starts an engine whose scripts see BASE and CLOSED.
func newFetchEngine(t *testing.T, s *fetchServer, opts jsapi.Options) *flexruntest.Engine {
	t.Helper()
	if opts.HTTPClient == nil {
		opts.HTTPClient = s.Client()
	}
	e := flexruntest.New(t, flexruntest.Options{JS: opts})
	closed := closedURL(t)
	err := e.Do(t.Context(), func(v *engine.VM) error {
		v.Runtime().Set("BASE", s.URL)
		v.Runtime().Set("CLOSED", closed)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestFetchSpecs(t *testing.T) {
	t.Parallel()
	flexruntest.RunSpecs(t, fetchSpecDir, flexruntest.SpecOptions{
		NewEngine: func(t *testing.T, _ string) *flexruntest.Engine {
			return newFetchEngine(t, newFetchServer(t), jsapi.Options{})
		},
	})
}

// The engine is not idle while a fetch is in flight: RunScript returns only
// after the response arrived and the script printed it.
func TestFetchKeepsEngineBusy(t *testing.T) {
	t.Parallel()
	s := newFetchServer(t)
	e := newFetchEngine(t, s, jsapi.Options{})
	done := make(chan flexruntest.Result, 1)
	go func() {
		done <- e.RunScript(`
			const res = await fetch(BASE + "/hold");
			console.log(res.status, await res.text());
		`)
	}()
	select {
	case <-s.held:
	case res := <-done:
		t.Fatalf("script ended before the server had the request: %+v", res)
	}
	select {
	case res := <-done:
		t.Fatalf("script ended while the request was in flight: %+v", res)
	default:
	}
	close(s.proceed)
	res := <-done
	if res.Err != nil {
		t.Fatalf("script: %s", res)
	}
	if want := "200 finally\n"; res.Stdout != want {
		t.Errorf("stdout = %q, want %q", res.Stdout, want)
	}
}

// An abort rejects the fetch with an AbortError and cancels the request:
// the server sees its request context end.
func TestFetchAbortCancelsRequest(t *testing.T) {
	t.Parallel()
	s := newFetchServer(t)
	e := newFetchEngine(t, s, jsapi.Options{})
	res := e.RunScript(`
		const controller = new AbortController();
		const pending = fetch(BASE + "/slow", { signal: controller.signal });
		await fetch(BASE + "/wait-slow"); // the server has the slow request now
		controller.abort();
		const err = await pending.catch((e) => e);
		console.log(err instanceof DOMException, err.name, err.message);
	`)
	if res.Err != nil {
		t.Fatalf("script: %s", res)
	}
	if want := "true AbortError This operation was aborted\n"; res.Stdout != want {
		t.Errorf("stdout = %q, want %q", res.Stdout, want)
	}
	select {
	case <-s.slowDone:
	case <-time.After(10 * time.Second):
		t.Fatal("the server never saw the aborted request cancelled")
	}
}

func TestFetchBodyLimit(t *testing.T) {
	t.Parallel()
	s := newFetchServer(t)
	e := newFetchEngine(t, s, jsapi.Options{FetchMaxBody: 1024})
	res := e.RunScript(`
		const err = await fetch(BASE + "/big").catch((e) => e);
		console.log(err.constructor.name, err.message);
		console.log((await fetch(BASE + "/text")).status);
	`)
	if res.Err != nil {
		t.Fatalf("script: %s", res)
	}
	want := fmt.Sprintf("TypeError fetch: the response body of %s/big exceeds flexrun's limit of 1024 bytes (jsapi.Options.FetchMaxBody)\n200\n", s.URL)
	if res.Stdout != want {
		t.Errorf("stdout = %q, want %q", res.Stdout, want)
	}
}

// HTTPClient is the client fetch uses: here one whose transport answers
// without a network.
func TestFetchHTTPClient(t *testing.T) {
	t.Parallel()
	var seen []string
	client := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		seen = append(seen, r.Method+" "+r.URL.String())
		return &http.Response{
			StatusCode: http.StatusOK, Status: "200 Fine", Header: http.Header{"X-Canned": {"yes"}},
			Body: io.NopCloser(strings.NewReader(`{"canned":true}`)), Request: r,
		}, nil
	})}
	e := flexruntest.New(t, flexruntest.Options{JS: jsapi.Options{HTTPClient: client}})
	res := e.RunScript(`
		const r = await fetch("https://flex.example.com/v1/Tasks?x=1#frag", { method: "post", body: "{}" });
		console.log(r.status, r.statusText, r.headers.get("x-canned"), JSON.stringify(await r.json()), r.url);
	`)
	if res.Err != nil {
		t.Fatalf("script: %s", res)
	}
	if want := "200 Fine yes {\"canned\":true} https://flex.example.com/v1/Tasks?x=1\n"; res.Stdout != want {
		t.Errorf("stdout = %q, want %q", res.Stdout, want)
	}
	if want := []string{"POST https://flex.example.com/v1/Tasks?x=1#frag"}; strings.Join(seen, "|") != strings.Join(want, "|") {
		t.Errorf("requests = %q, want %q", seen, want)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
