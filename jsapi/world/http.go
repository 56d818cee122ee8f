package world

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	neturl "net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Fetch is one request fetch made, as the world records it.
type Fetch struct {
	Method  string            `json:"method"`
	URL     string            `json:"url"`
	Headers map[string]string `json:"headers"` // lower-case names, values joined with ", "
	Body    string            `json:"body"`
}

// Transport answers HTTP requests from a list of canned responses, in order.
//
// A request takes the first unused entry whose method and URL match; an
// entry with Repeat answers every match and is never used up. URLs match
// after normalisation (scheme and host lower-case, default ports dropped,
// an empty path equal to "/", percent-encoding of unreserved characters
// decoded, the fragment ignored); the queries must hold the same key/value
// pairs, in any order. Methods match case-insensitively, "" meaning GET.
//
// Every request that reaches RoundTrip with a live context is recorded
// (see Fetches), matched or not. A Transport is safe for concurrent use.
type Transport struct {
	fallback http.RoundTripper

	mu      sync.Mutex
	entries []*cannedEntry
	fetches []Fetch
}

// cannedEntry is one HTTPResponse with its parsed URL and use count.
type cannedEntry struct {
	resp HTTPResponse
	url  *matchURL // nil when resp.URL does not parse; then it matches by exact string
	used int
}

// NewTransport returns a Transport answering from responses. With a nil
// fallback it is hermetic: a request no entry answers fails. Otherwise such
// requests go to fallback (typically the real network).
func NewTransport(responses []HTTPResponse, fallback http.RoundTripper) *Transport {
	t := &Transport{fallback: fallback}
	for _, r := range responses {
		e := &cannedEntry{resp: r}
		if u, err := neturl.Parse(r.URL); err == nil {
			e.url = normaliseURL(u)
		}
		t.entries = append(t.entries, e)
	}
	return t
}

// RoundTrip implements http.RoundTripper.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		body = b
	}
	if err := req.Context().Err(); err != nil {
		return nil, err
	}

	reqURL := normaliseURL(req.URL)
	t.mu.Lock()
	t.fetches = append(t.fetches, Fetch{
		Method:  methodOrGet(req.Method),
		URL:     req.URL.String(),
		Headers: flattenHeader(req.Header),
		Body:    string(body),
	})
	var match *cannedEntry
	for _, e := range t.entries {
		if (e.resp.Repeat || e.used == 0) && e.matches(req, reqURL) {
			match = e
			e.used++
			break
		}
	}
	t.mu.Unlock()

	if match != nil {
		return cannedResponse(req, match.resp)
	}
	if t.fallback == nil {
		return nil, fmt.Errorf("no canned response for %s %s (the world's http list has no unused entry for it)",
			methodOrGet(req.Method), req.URL.String())
	}
	out := req.Clone(req.Context())
	if req.Body != nil && req.Body != http.NoBody {
		out.Body = io.NopCloser(bytes.NewReader(body))
		out.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
		out.ContentLength = int64(len(body))
	}
	return t.fallback.RoundTrip(out)
}

// Fetches returns the requests made so far, in request order.
func (t *Transport) Fetches() []Fetch {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]Fetch, len(t.fetches))
	for i, f := range t.fetches {
		f.Headers = maps.Clone(f.Headers)
		out[i] = f
	}
	return out
}

// Unused returns the entries that never answered a request, in list order.
func (t *Transport) Unused() []HTTPResponse {
	t.mu.Lock()
	defer t.mu.Unlock()
	var out []HTTPResponse
	for _, e := range t.entries {
		if e.used == 0 {
			out = append(out, e.resp)
		}
	}
	return out
}

func (e *cannedEntry) matches(req *http.Request, u *matchURL) bool {
	if !strings.EqualFold(methodOrGet(e.resp.Method), methodOrGet(req.Method)) {
		return false
	}
	if e.url == nil {
		return e.resp.URL == req.URL.String()
	}
	return e.url.equal(u)
}

// cannedResponse builds the response entry r gives to req.
func cannedResponse(req *http.Request, r HTTPResponse) (*http.Response, error) {
	status := r.Status
	if status == 0 {
		status = http.StatusOK
	}
	if status < 100 || status > 999 {
		return nil, fmt.Errorf("canned response for %s %s has invalid status %d", methodOrGet(r.Method), r.URL, status)
	}
	header := make(http.Header, len(r.Headers)+1)
	for k, v := range r.Headers {
		header.Set(k, v)
	}
	var body []byte
	switch {
	case r.JSON != nil:
		var b bytes.Buffer
		if err := json.Compact(&b, r.JSON); err != nil {
			return nil, fmt.Errorf("canned response for %s %s: json: %w", methodOrGet(r.Method), r.URL, err)
		}
		body = b.Bytes()
		if header.Get("Content-Type") == "" {
			header.Set("Content-Type", "application/json")
		}
	case r.Body != nil:
		body = []byte(*r.Body)
		if header.Get("Content-Type") == "" {
			header.Set("Content-Type", "text/plain; charset=utf-8")
		}
	}
	resp := &http.Response{
		Status:        strconv.Itoa(status) + " " + http.StatusText(status),
		StatusCode:    status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        header,
		ContentLength: int64(len(body)),
		Request:       req,
	}
	if req.Method == http.MethodHead || len(body) == 0 {
		resp.Body = http.NoBody
	} else {
		resp.Body = io.NopCloser(bytes.NewReader(body))
	}
	return resp, nil
}

// matchURL is a URL reduced to what matching compares.
type matchURL struct {
	scheme, host, path string
	query              []string // sorted "key=value" pairs, both unescaped
	rawQuery           string   // used when the query does not parse
	queryOK            bool
}

func normaliseURL(u *neturl.URL) *matchURL {
	m := &matchURL{scheme: strings.ToLower(u.Scheme), host: strings.ToLower(u.Host)}
	m.host = strings.TrimSuffix(m.host, ":") // an empty port is the default one
	switch m.scheme {
	case "http", "ws":
		m.host = strings.TrimSuffix(m.host, ":80")
	case "https", "wss":
		m.host = strings.TrimSuffix(m.host, ":443")
	}
	m.path = normalisePath(u.EscapedPath())
	if m.path == "" {
		m.path = "/"
	}
	q, err := neturl.ParseQuery(u.RawQuery)
	m.queryOK = err == nil
	m.rawQuery = u.RawQuery
	if m.queryOK {
		for k, vs := range q {
			for _, v := range vs {
				m.query = append(m.query, k+"="+v)
			}
		}
		sort.Strings(m.query)
	}
	return m
}

func (m *matchURL) equal(o *matchURL) bool {
	if m.scheme != o.scheme || m.host != o.host || m.path != o.path {
		return false
	}
	if m.queryOK && o.queryOK {
		return slices.Equal(m.query, o.query)
	}
	return m.rawQuery == o.rawQuery
}

// normalisePath decodes percent-escapes of unreserved characters and
// upper-cases the hex of the others (RFC 3986 section 6.2.2).
func normalisePath(p string) string {
	if !strings.Contains(p, "%") {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == '%' && i+2 < len(p) && isHex(p[i+1]) && isHex(p[i+2]) {
			c := unhex(p[i+1])<<4 | unhex(p[i+2])
			if isUnreserved(c) {
				b.WriteByte(c)
			} else {
				b.WriteByte('%')
				b.WriteString(strings.ToUpper(p[i+1 : i+3]))
			}
			i += 2
			continue
		}
		b.WriteByte(p[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	default:
		return c - 'a' + 10
	}
}

func isUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

func methodOrGet(m string) string {
	if m == "" {
		return http.MethodGet
	}
	return m
}

// flattenHeader is h as fetch's Headers shows it: lower-case names, each
// name's values joined with ", ".
func flattenHeader(h http.Header) map[string]string {
	out := make(map[string]string, len(h))
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		name := strings.ToLower(k)
		v := strings.Join(h[k], ", ")
		if prev, ok := out[name]; ok {
			v = prev + ", " + v
		}
		out[name] = v
	}
	return out
}
