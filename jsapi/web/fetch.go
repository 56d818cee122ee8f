package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	neturl "net/url"
	"strconv"
	"strings"
	"syscall"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/internal/jsargs"
	"github.com/flexrun/flexrun/internal/jsfunc"
)

// fetch over net/http, shaped like Node 20's (undici).
//
// The request is built on the loop; the HTTP exchange, including reading
// the whole body, runs on its own goroutine under a reservation
// (engine.VM.Reserve), so the engine is not idle while a fetch is in
// flight and the result is settled on the loop exactly once. An abort
// rejects at once with the signal's reason and cancels the request's
// context; the goroutine's late settle then finds the promise settled.
//
// A fetch in flight when the engine closes is cancelled through the
// engine's context (engine.VM.Context), and Close waits for its goroutine
// (engine.VM.Go); its settle is then dropped by the closed engine.

const defaultFetchMaxBody = 32 << 20 // Options.FetchMaxBody

// fetchRequest is one fetch as built on the loop. The goroutine reads only
// its plain Go fields (method, url, body, hasBody, redirect).
type fetchRequest struct {
	method   string
	url      string
	header   *headerList
	body     []byte
	hasBody  bool
	bodyType string // the content type the body implies
	redirect string // "follow", "error" or "manual"
	signal   *fetchSignal
}

// fetchResult is a response read whole.
type fetchResult struct {
	status     int
	statusText string
	url        string
	redirected bool
	header     http.Header
	body       []byte
	hasBody    bool
}

var (
	errUnexpectedRedirect = errors.New("unexpected redirect")
	errTooManyRedirects   = errors.New("redirect count exceeded")
)

// bodyTooLargeError is a response body over Options.FetchMaxBody.
type bodyTooLargeError struct {
	url   string
	limit int64
}

func (e *bodyTooLargeError) Error() string {
	return fmt.Sprintf("response body of %s exceeds %d bytes", e.url, e.limit)
}

// installFetch defines Headers, Response and fetch, which performs its
// requests with client and reads at most maxBody bytes of a body.
func (w *web) installFetch(client *http.Client, maxBody int64) {
	w.installHeaders()
	w.installResponse()
	rt := w.rt
	rt.GlobalObject().Set("fetch", jsfunc.New(rt, "fetch", 1, func(c goja.FunctionCall) goja.Value {
		p, resolve, reject := rt.NewPromise()
		var req *fetchRequest
		// As in browsers, a bad argument rejects; it does not throw.
		if ex := rt.Try(func() { req = w.newFetchRequest(c) }); ex != nil {
			reject(ex.Value())
		} else {
			w.startFetch(req, client, maxBody, resolve, reject)
		}
		return rt.ToValue(p)
	}))
}

// newFetchRequest reads fetch(input, init). It throws what fetch rejects with.
func (w *web) newFetchRequest(c goja.FunctionCall) *fetchRequest {
	rt := w.rt
	w.requireArgs(c, "fetch", 1)
	req := &fetchRequest{method: "GET", header: &headerList{}, redirect: "follow"}
	input := c.Argument(0)
	raw := ""
	if u, ok := slotOf[*urlObject](w, input); ok {
		raw = u.rec.href()
	} else if o, ok := input.(*goja.Object); ok {
		if u := o.Get("url"); u != nil && goja.IsString(u) { // a Request or look-alike
			raw = u.String()
			w.applyInit(req, o)
		}
	}
	if raw == "" {
		raw = domString(rt, input)
	}
	if init, ok := c.Argument(1).(*goja.Object); ok {
		w.applyInit(req, init)
	} else if !jsargs.IsNullish(c.Argument(1)) {
		panic(rt.NewTypeError("fetch: init must be an object, received " + jsargs.Describe(c.Argument(1))))
	}

	rec, ok := parseURLRecord(raw, nil, w.toASCII)
	if !ok {
		panic(w.newTypeError("Failed to parse URL from "+raw, w.invalidURL(raw)))
	}
	if rec.username != "" || rec.password != "" {
		panic(rt.NewTypeError("Request cannot be constructed from a URL that includes credentials: " + raw))
	}
	if rec.scheme != "http" && rec.scheme != "https" {
		panic(w.newTypeError("fetch failed", w.newError("unknown scheme: flexrun's fetch supports http: and https: URLs, not "+rec.scheme+":")))
	}
	req.url = rec.href()
	if req.hasBody && (req.method == "GET" || req.method == "HEAD") {
		panic(rt.NewTypeError("Request with GET/HEAD method cannot have body."))
	}
	if _, ok := req.header.get("content-type"); !ok && req.hasBody && req.bodyType != "" {
		req.header.append("content-type", req.bodyType)
	}
	return req
}

// applyInit applies the members of a RequestInit (or of a Request-like
// input) that are present: method, headers, body, signal, redirect.
// The others (mode, credentials, cache, ...) mean nothing here.
func (w *web) applyInit(req *fetchRequest, o *goja.Object) {
	rt := w.rt
	present := func(name string) (goja.Value, bool) {
		v := o.Get(name)
		return v, v != nil && !goja.IsUndefined(v)
	}
	if m, ok := present("method"); ok {
		req.method = normalizeMethod(rt, domString(rt, m))
	}
	if h, ok := present("headers"); ok {
		req.header = &headerList{}
		w.fillHeaders(req.header, "fetch", h)
	}
	if b, ok := present("body"); ok {
		req.body, req.bodyType, req.hasBody = nil, "", false
		if !goja.IsNull(b) {
			req.body, req.bodyType = w.extractBody(b)
			req.hasBody = true
		}
	}
	if s, ok := present("signal"); ok {
		req.signal = nil
		if !goja.IsNull(s) {
			req.signal = w.fetchSignalOf(s)
		}
	}
	if r, ok := present("redirect"); ok {
		switch req.redirect = domString(rt, r); req.redirect {
		case "follow", "error", "manual":
		default:
			panic(rt.NewTypeError(fmt.Sprintf("fetch: redirect must be \"follow\", \"error\" or \"manual\", received %q", req.redirect)))
		}
	}
}

// normalizeMethod checks a method and upper-cases the standard ones (only
// those, as the Fetch standard does: "patch" stays "patch").
func normalizeMethod(rt *goja.Runtime, m string) string {
	if m == "" || strings.IndexFunc(m, func(r rune) bool { return !isTokenChar(r) }) >= 0 {
		panic(rt.NewTypeError(fmt.Sprintf("'%s' is not a valid HTTP method.", m)))
	}
	switch up := strings.ToUpper(m); up {
	case "CONNECT", "TRACE", "TRACK":
		panic(rt.NewTypeError(fmt.Sprintf("'%s' HTTP method is unsupported.", m)))
	case "DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT":
		return up
	}
	return m
}

func (w *web) newError(message string) *goja.Object {
	o, err := w.rt.New(w.rt.Get("Error"), w.rt.ToValue(message))
	if err != nil {
		panic(err)
	}
	return o
}

// startFetch runs req on its own goroutine and settles the promise on the
// loop: fulfilled with a Response, or rejected. Loop only.
func (w *web) startFetch(req *fetchRequest, client *http.Client, maxBody int64, resolve, reject func(any) error) {
	sig := req.signal
	if sig != nil {
		if aborted, reason := sig.state(); aborted {
			reject(reason)
			return
		}
	}
	ctx, cancel := context.WithCancel(w.v.Context()) // Close cancels a fetch in flight
	settled := false                                 // loop only
	stop := func() {}
	if sig != nil {
		unwatch := func() {}
		stop = func() { unwatch(); unwatch = func() {} }
		unwatch = sig.watch(func(reason goja.Value) {
			if !settled {
				settled = true
				stop()
				cancel()
				reject(reason)
			}
		})
	}
	settle := w.v.Reserve()
	header := req.header.httpHeader()
	w.v.Go(func(context.Context) { // Close waits for it
		defer cancel()
		res, err := doFetch(ctx, client, req, header, maxBody)
		settle(func(*engine.VM) {
			stop()
			if settled {
				return
			}
			settled = true
			if err != nil {
				reject(w.fetchError(err))
				return
			}
			hl := headersFromHTTP(res.header)
			hl.immutable = true
			r := &response{
				typ: "basic", status: res.status, statusText: res.statusText, url: res.url,
				redirected: res.redirected, headers: w.newHeaders(hl), body: res.body, hasBody: res.hasBody,
			}
			if sig != nil {
				r.aborted = sig.state
			}
			resolve(w.newResponse(r))
		})
	})
}

// doFetch performs the exchange and reads the whole body. Off the loop:
// it must not touch req.signal or any goja value.
func doFetch(ctx context.Context, client *http.Client, req *fetchRequest, header http.Header, maxBody int64) (*fetchResult, error) {
	var body io.Reader
	if req.hasBody {
		body = bytes.NewReader(req.body)
	}
	hreq, err := http.NewRequestWithContext(ctx, req.method, req.url, body)
	if err != nil {
		return nil, err
	}
	hreq.Header = header
	if hreq.Header.Get("Accept") == "" {
		hreq.Header.Set("Accept", "*/*")
	}
	redirected := false
	c := *client
	c.CheckRedirect = func(next *http.Request, via []*http.Request) error {
		switch req.redirect {
		case "manual":
			return http.ErrUseLastResponse // Node returns the 3xx response itself
		case "error":
			return errUnexpectedRedirect
		}
		if client.CheckRedirect != nil {
			if err := client.CheckRedirect(next, via); err != nil {
				return err
			}
		} else if len(via) >= 20 {
			return errTooManyRedirects
		}
		redirected = true
		return nil
	}
	resp, err := c.Do(hreq)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	u := *resp.Request.URL
	u.Fragment, u.RawFragment = "", ""
	res := &fetchResult{
		status:     resp.StatusCode,
		statusText: reasonPhrase(resp),
		url:        u.String(),
		redirected: redirected,
		header:     resp.Header,
		hasBody:    req.method != "HEAD" && !nullBodyStatus(resp.StatusCode),
	}
	if res.hasBody {
		res.body, err = io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
		if err != nil {
			return nil, err
		}
		if int64(len(res.body)) > maxBody {
			return nil, &bodyTooLargeError{url: res.url, limit: maxBody}
		}
	}
	return res, nil
}

// reasonPhrase is the server's status text, as Node reports it ("OK", "Not Found").
func reasonPhrase(resp *http.Response) string {
	if s, ok := strings.CutPrefix(resp.Status, strconv.Itoa(resp.StatusCode)+" "); ok {
		return s
	}
	return http.StatusText(resp.StatusCode)
}

// fetchError is what a failed exchange rejects with: Node's
// TypeError("fetch failed") whose cause is the underlying error, with
// Node's code where there is an obvious one.
func (w *web) fetchError(err error) *goja.Object {
	var tooLarge *bodyTooLargeError
	if errors.As(err, &tooLarge) {
		// Named as users set it: through jsapi, which passes it on.
		return w.newTypeError(fmt.Sprintf("fetch: the response body of %s exceeds flexrun's limit of %d bytes (jsapi.Options.FetchMaxBody)", tooLarge.url, tooLarge.limit), nil)
	}
	msg := err.Error()
	var ue *neturl.Error
	if errors.As(err, &ue) && errors.Is(ue.Err, errUnexpectedRedirect) {
		msg = errUnexpectedRedirect.Error()
	}
	cause := w.newError(msg)
	var dns *net.DNSError
	var ne net.Error
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		cause.Set("code", "ECONNREFUSED")
	case errors.Is(err, syscall.ECONNRESET):
		cause.Set("code", "ECONNRESET")
	case errors.As(err, &dns) && dns.IsNotFound:
		cause.Set("code", "ENOTFOUND")
	case errors.As(err, &ne) && ne.Timeout():
		cause.Set("code", "ETIMEDOUT")
	}
	return w.newTypeError("fetch failed", cause)
}
