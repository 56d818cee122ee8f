package world

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

func strPtr(s string) *string { return &s }

// httpDo does one request through a client over tr and returns the
// response and its body, read whole.
func httpDo(t *testing.T, tr http.RoundTripper, method, url, body string) (*http.Response, string) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, r)
	require.NoError(t, err)
	resp, err := (&http.Client{Transport: tr}).Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, string(b)
}

func TestHTTPTakesEntriesInOrder(t *testing.T) {
	tr := NewTransport([]HTTPResponse{
		{URL: "https://x.example/a", Body: strPtr("first")},
		{Method: "POST", URL: "https://x.example/a", Body: strPtr("post")},
		{URL: "https://x.example/a", Body: strPtr("second")},
		{URL: "https://x.example/b", Body: strPtr("never")},
	}, nil)

	_, b := httpDo(t, tr, "GET", "https://x.example/a", "")
	require.Equal(t, "first", b)
	_, b = httpDo(t, tr, "GET", "https://x.example/a", "")
	require.Equal(t, "second", b)
	_, b = httpDo(t, tr, "POST", "https://x.example/a", "x")
	require.Equal(t, "post", b)

	// All GET /a entries are used up now.
	_, err := (&http.Client{Transport: tr}).Get("https://x.example/a")
	require.Error(t, err)

	unused := tr.Unused()
	require.Len(t, unused, 1)
	require.Equal(t, "https://x.example/b", unused[0].URL)
}

func TestHTTPRepeat(t *testing.T) {
	tr := NewTransport([]HTTPResponse{
		{URL: "https://x.example/once", Body: strPtr("once")},
		{URL: "https://x.example/r", Repeat: true, JSON: json.RawMessage(`{"n":1}`)},
		{URL: "https://x.example/r", Body: strPtr("shadowed")},
		{URL: "https://x.example/idle", Repeat: true, Body: strPtr("idle")},
	}, nil)
	for range 3 {
		_, b := httpDo(t, tr, "GET", "https://x.example/r", "")
		require.JSONEq(t, `{"n":1}`, b)
	}
	// The repeat entry that answered counts as used; the shadowed entry and
	// the idle repeat entry did not.
	unused := tr.Unused()
	require.Len(t, unused, 3)
	require.Equal(t, "once", *unused[0].Body)
	require.Equal(t, "shadowed", *unused[1].Body)
	require.Equal(t, "idle", *unused[2].Body)
}

func TestHTTPURLNormalisation(t *testing.T) {
	for _, c := range []struct {
		entry, req string
		match      bool
	}{
		{"https://x.example", "https://x.example/", true},
		{"https://x.example/", "https://x.example", true},
		{"HTTPS://X.Example/p", "https://x.example/p", true},
		{"https://x.example:443/p", "https://x.example/p", true},
		{"http://x.example:80/p", "http://x.example/p", true},
		{"https://x.example:8443/p", "https://x.example/p", false},
		{"http://x.example:443/p", "http://x.example/p", false},
		{"https://x.example/p", "http://x.example/p", false},
		{"https://x.example/%7Euser", "https://x.example/~user", true},
		{"https://x.example/a%2fb", "https://x.example/a%2Fb", true},
		{"https://x.example/a%2Fb", "https://x.example/a/b", false},
		{"https://x.example/P", "https://x.example/p", false},
		{"https://x.example/p?a=1&b=2", "https://x.example/p?b=2&a=1", true},
		{"https://x.example/p?a=1&a=2", "https://x.example/p?a=2&a=1", true},
		{"https://x.example/p?q=a%20b", "https://x.example/p?q=a+b", true},
		{"https://x.example/p?a=1", "https://x.example/p?a=2", false},
		{"https://x.example/p?a=1", "https://x.example/p?a=1&b=2", false},
		{"https://x.example/p?a=1&b=2", "https://x.example/p?a=1", false},
		{"https://x.example/p", "https://x.example/p?a=1", false},
		{"https://x.example/p?a=1", "https://x.example/p", false},
		{"https://x.example/p#frag", "https://x.example/p", true},
	} {
		t.Run(c.entry+" vs "+c.req, func(t *testing.T) {
			tr := NewTransport([]HTTPResponse{{URL: c.entry, Body: strPtr("ok")}}, nil)
			resp, err := (&http.Client{Transport: tr}).Get(c.req)
			if c.match {
				require.NoError(t, err)
				resp.Body.Close()
				require.Empty(t, tr.Unused())
			} else {
				require.Error(t, err)
				require.Len(t, tr.Unused(), 1)
			}
		})
	}
}

func TestHTTPMethodMismatch(t *testing.T) {
	tr := NewTransport([]HTTPResponse{
		{Method: "POST", URL: "https://x.example/a", Body: strPtr("post")},
		{Method: "PATCH", URL: "https://x.example/a", Body: strPtr("patch")},
	}, nil)
	_, err := (&http.Client{Transport: tr}).Get("https://x.example/a")
	require.Error(t, err)
	require.Len(t, tr.Unused(), 2)

	// Methods compare case-insensitively: fetch leaves "patch" lower-case.
	_, b := httpDo(t, tr, "patch", "https://x.example/a", "")
	require.Equal(t, "patch", b)
}

func TestHTTPHermeticError(t *testing.T) {
	tr := NewTransport(nil, nil)
	req, err := http.NewRequest("DELETE", "https://x.example/y?z=1", nil)
	require.NoError(t, err)
	_, err = tr.RoundTrip(req)
	require.EqualError(t, err, "no canned response for DELETE https://x.example/y?z=1 (the world's http list has no unused entry for it)")

	// Through a client, as fetch sees it.
	_, err = (&http.Client{Transport: tr}).Get("https://x.example/y")
	require.ErrorContains(t, err, "no canned response for GET https://x.example/y (the world's http list has no unused entry for it)")

	// Unmatched requests are still recorded.
	require.Len(t, tr.Fetches(), 2)
}

func TestHTTPResponseShape(t *testing.T) {
	tr := NewTransport([]HTTPResponse{
		{URL: "https://x.example/json", JSON: json.RawMessage(`[1,"two"]`)},
		{URL: "https://x.example/text", Status: 404, Body: strPtr("missing"), Headers: map[string]string{"x-trace": "t1"}},
		{URL: "https://x.example/typed", JSON: json.RawMessage(`{}`), Headers: map[string]string{"content-type": "application/vnd.api+json"}},
		{URL: "https://x.example/empty", Status: 204},
		{URL: "https://x.example/odd", Status: 599},
		{Method: "HEAD", URL: "https://x.example/head", Body: strPtr("abc")},
	}, nil)

	resp, b := httpDo(t, tr, "GET", "https://x.example/json", "")
	require.Equal(t, 200, resp.StatusCode)
	require.Equal(t, "200 OK", resp.Status)
	require.Equal(t, "HTTP/1.1", resp.Proto)
	require.Equal(t, 1, resp.ProtoMajor)
	require.Equal(t, 1, resp.ProtoMinor)
	require.Equal(t, "application/json", resp.Header.Get("Content-Type"))
	require.Equal(t, `[1,"two"]`, b)
	require.Equal(t, int64(len(b)), resp.ContentLength)
	require.NotNil(t, resp.Request)
	require.Equal(t, "https://x.example/json", resp.Request.URL.String())

	resp, b = httpDo(t, tr, "GET", "https://x.example/text", "")
	require.Equal(t, 404, resp.StatusCode)
	require.Equal(t, "404 Not Found", resp.Status)
	require.Equal(t, "text/plain; charset=utf-8", resp.Header.Get("Content-Type"))
	require.Equal(t, "t1", resp.Header.Get("X-Trace"))
	require.Equal(t, "missing", b)

	resp, b = httpDo(t, tr, "GET", "https://x.example/typed", "")
	require.Equal(t, "application/vnd.api+json", resp.Header.Get("Content-Type"))
	require.Equal(t, "{}", b)

	resp, b = httpDo(t, tr, "GET", "https://x.example/empty", "")
	require.Equal(t, 204, resp.StatusCode)
	require.Empty(t, resp.Header.Get("Content-Type"))
	require.Empty(t, b)
	require.Equal(t, int64(0), resp.ContentLength)

	resp, _ = httpDo(t, tr, "GET", "https://x.example/odd", "")
	require.Equal(t, 599, resp.StatusCode)

	resp, b = httpDo(t, tr, "HEAD", "https://x.example/head", "")
	require.Equal(t, 200, resp.StatusCode)
	require.Empty(t, b)

	require.Empty(t, tr.Unused())
}

func TestHTTPCannedRedirect(t *testing.T) {
	tr := NewTransport([]HTTPResponse{
		{URL: "https://x.example/old", Status: 302, Headers: map[string]string{"Location": "/new"}},
		{URL: "https://x.example/new", Body: strPtr("moved")},
	}, nil)
	resp, b := httpDo(t, tr, "GET", "https://x.example/old", "")
	require.Equal(t, "moved", b)
	require.Equal(t, "https://x.example/new", resp.Request.URL.String())
	require.Len(t, tr.Fetches(), 2)
}

func TestHTTPRecordsFetches(t *testing.T) {
	tr := NewTransport([]HTTPResponse{
		{Method: "POST", URL: "https://x.example/api", JSON: json.RawMessage(`true`)},
		{URL: "https://x.example/q?a=1", Body: strPtr("")},
	}, nil)

	req, err := http.NewRequest("POST", "https://x.example/api", strings.NewReader(`{"hi":1}`))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Add("X-Multi", "a")
	req.Header.Add("X-Multi", "b")
	resp, err := (&http.Client{Transport: tr}).Do(req)
	require.NoError(t, err)
	resp.Body.Close()

	_, _ = httpDo(t, tr, "", "https://x.example/q?a=1", "")

	fetches := tr.Fetches()
	require.Equal(t, []Fetch{
		{
			Method:  "POST",
			URL:     "https://x.example/api",
			Headers: map[string]string{"content-type": "application/json", "x-multi": "a, b"},
			Body:    `{"hi":1}`,
		},
		{Method: "GET", URL: "https://x.example/q?a=1", Headers: map[string]string{}},
	}, fetches)

	// Fetches is a copy.
	fetches[0].Headers["content-type"] = "changed"
	fetches[1].URL = "changed"
	again := tr.Fetches()
	require.Equal(t, "application/json", again[0].Headers["content-type"])
	require.Equal(t, "https://x.example/q?a=1", again[1].URL)
}

func TestHTTPFallback(t *testing.T) {
	var (
		mu   sync.Mutex
		seen []string
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		seen = append(seen, r.Method+" "+r.URL.RequestURI()+" "+string(b))
		mu.Unlock()
		w.Header().Set("X-Real", "yes")
		fmt.Fprint(w, "real:", r.URL.Path)
	}))
	defer srv.Close()

	tr := NewTransport([]HTTPResponse{
		{URL: srv.URL + "/canned", Body: strPtr("canned")},
	}, srv.Client().Transport)

	_, b := httpDo(t, tr, "GET", srv.URL+"/canned", "")
	require.Equal(t, "canned", b)
	resp, b := httpDo(t, tr, "GET", srv.URL+"/canned", "") // used up: goes to the server
	require.Equal(t, "real:/canned", b)
	require.Equal(t, "yes", resp.Header.Get("X-Real"))
	_, b = httpDo(t, tr, "PUT", srv.URL+"/other?x=1", "payload")
	require.Equal(t, "real:/other", b)

	mu.Lock()
	require.Equal(t, []string{"GET /canned ", "PUT /other?x=1 payload"}, seen)
	mu.Unlock()

	fetches := tr.Fetches()
	require.Len(t, fetches, 3)
	require.Equal(t, "PUT", fetches[2].Method)
	require.Equal(t, srv.URL+"/other?x=1", fetches[2].URL)
	require.Equal(t, "payload", fetches[2].Body)
	require.Empty(t, tr.Unused())
}

func TestHTTPConcurrent(t *testing.T) {
	const n = 50
	var entries []HTTPResponse
	for i := range n {
		entries = append(entries, HTTPResponse{Method: "POST", URL: "https://x.example/n", JSON: json.RawMessage(strconv.Itoa(i))})
	}
	entries = append(entries, HTTPResponse{URL: "https://x.example/r", Repeat: true, Body: strPtr("r")})
	tr := NewTransport(entries, nil)
	client := &http.Client{Transport: tr}

	var wg sync.WaitGroup
	got := make([]string, n)
	errs := make([]error, 2*n)
	for i := range n {
		wg.Go(func() {
			resp, err := client.Post("https://x.example/n", "text/plain", strings.NewReader(fmt.Sprint(i)))
			if err != nil {
				errs[i] = err
				return
			}
			defer resp.Body.Close()
			b, err := io.ReadAll(resp.Body)
			errs[i] = err
			got[i] = string(b)
		})
		wg.Go(func() {
			resp, err := client.Get("https://x.example/r")
			if err == nil {
				resp.Body.Close()
			}
			errs[n+i] = err
		})
		go tr.Unused()
		go tr.Fetches()
	}
	wg.Wait()
	for _, err := range errs {
		require.NoError(t, err)
	}

	// Each numbered entry answered exactly one request.
	answered := map[string]bool{}
	for _, b := range got {
		require.False(t, answered[b], "entry %s answered twice", b)
		answered[b] = true
	}
	require.Len(t, answered, n)
	require.Empty(t, tr.Unused())
	require.Len(t, tr.Fetches(), 2*n)
}

func TestHTTPCanceledContext(t *testing.T) {
	tr := NewTransport([]HTTPResponse{{URL: "https://x.example/a", Body: strPtr("a")}}, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", "https://x.example/a", nil)
	require.NoError(t, err)

	_, err = tr.RoundTrip(req)
	require.ErrorIs(t, err, context.Canceled)
	_, err = (&http.Client{Transport: tr}).Do(req)
	require.ErrorIs(t, err, context.Canceled)

	// The entry is not used up and nothing is recorded.
	require.Len(t, tr.Unused(), 1)
	require.Empty(t, tr.Fetches())
	_, b := httpDo(t, tr, "GET", "https://x.example/a", "")
	require.Equal(t, "a", b)
}

func TestHTTPInvalidStatus(t *testing.T) {
	tr := NewTransport([]HTTPResponse{{URL: "https://x.example/a", Status: 42}}, nil)
	_, err := (&http.Client{Transport: tr}).Get("https://x.example/a")
	require.ErrorContains(t, err, "invalid status 42")
}

// A canned JSON body keeps the key order of the world file.
func TestHTTPJSONKeepsKeyOrder(t *testing.T) {
	f, err := ParseFile("world.json", []byte(`{"http": [{"url": "https://x.example/o", "json": {"z": 1, "a": {"y": 2, "b": 3}}}]}`))
	require.NoError(t, err)
	_, body := httpDo(t, NewTransport(f.HTTP, nil), "GET", "https://x.example/o", "")
	require.Equal(t, `{"z":1,"a":{"y":2,"b":3}}`, body)
}
