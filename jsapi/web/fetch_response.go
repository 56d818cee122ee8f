package web

import (
	"fmt"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsargs"
)

// Response: what fetch resolves to, and a constructor for tests and mocks.
// The body is held whole (fetch reads it before it resolves), so text(),
// json() and arrayBuffer() settle in the same turn of the loop. There is
// no body stream: `body`, blob() and formData() are left out.

type response struct {
	typ        string // "basic" from fetch, "default" from the constructor, "error"
	status     int
	statusText string
	url        string
	redirected bool
	headers    *goja.Object
	body       []byte
	hasBody    bool // false: a null body (bodyUsed stays false)
	used       bool
	// aborted reports the signal of the fetch that made it: a body read
	// after an abort rejects with its reason, as the stream would error.
	aborted func() (bool, goja.Value)
}

// nullBodyStatus are the statuses whose response cannot have a body.
func nullBodyStatus(s int) bool { return s == 101 || s == 103 || s == 204 || s == 205 || s == 304 }

func (w *web) installResponse() {
	rt := w.rt
	ctor, proto := w.class("Response", 0, func(c goja.ConstructorCall) *goja.Object {
		r := &response{typ: "default"}
		w.initResponse(r, "Response constructor", c.Argument(0), c.Argument(1), "")
		w.setSlot(c.This, r)
		return nil
	})
	w.responseProto = proto
	w.method(ctor, "error", 0, func(goja.FunctionCall) goja.Value {
		return w.newResponse(&response{typ: "error", headers: w.newHeaders(&headerList{immutable: true})})
	})
	w.method(ctor, "json", 1, func(c goja.FunctionCall) goja.Value {
		w.requireArgs(c, "Response.json", 1)
		s, err := w.jsonStr(goja.Undefined(), c.Argument(0))
		if err != nil {
			panic(err)
		}
		if goja.IsUndefined(s) {
			panic(rt.NewTypeError("Response.json: the data is not JSON serializable"))
		}
		r := &response{typ: "default"}
		w.initResponse(r, "Response.json", s, c.Argument(1), "application/json")
		return w.newResponse(r)
	})
	w.method(ctor, "redirect", 1, func(c goja.FunctionCall) goja.Value {
		w.requireArgs(c, "Response.redirect", 1)
		raw := domString(rt, c.Argument(0))
		rec, ok := parseURLRecord(raw, nil, w.toASCII)
		if !ok {
			panic(w.newTypeError("Failed to parse URL from "+raw, w.invalidURL(raw)))
		}
		href := rec.href()
		status := 302
		if s := c.Argument(1); !goja.IsUndefined(s) {
			status = int(s.ToInteger())
		}
		switch status {
		case 301, 302, 303, 307, 308:
		default:
			panic(w.newRangeError(fmt.Sprintf("Response.redirect: invalid status code %d", status)))
		}
		hl := &headerList{immutable: true}
		hl.append("location", href)
		return w.newResponse(&response{typ: "default", status: status, headers: w.newHeaders(hl)})
	})

	field := func(name string, get func(r *response) any) {
		w.getter(proto, name, func(c goja.FunctionCall) goja.Value {
			return rt.ToValue(get(thisSlot[*response](w, c)))
		})
	}
	field("type", func(r *response) any { return r.typ })
	field("url", func(r *response) any { return r.url })
	field("redirected", func(r *response) any { return r.redirected })
	field("status", func(r *response) any { return r.status })
	field("ok", func(r *response) any { return r.status >= 200 && r.status <= 299 })
	field("statusText", func(r *response) any { return r.statusText })
	field("headers", func(r *response) any { return r.headers })
	field("bodyUsed", func(r *response) any { return r.used })

	w.method(proto, "text", 0, w.bodyMethod(func(r *response) (goja.Value, error) {
		return rt.ToValue(utf8Text(r.body)), nil
	}))
	w.method(proto, "json", 0, w.bodyMethod(func(r *response) (goja.Value, error) {
		return w.jsonParse(goja.Undefined(), rt.ToValue(utf8Text(r.body)))
	}))
	w.method(proto, "arrayBuffer", 0, w.bodyMethod(func(r *response) (goja.Value, error) {
		return rt.ToValue(rt.NewArrayBuffer(append([]byte(nil), r.body...))), nil
	}))
	w.method(proto, "clone", 0, func(c goja.FunctionCall) goja.Value {
		r := thisSlot[*response](w, c)
		if r.used {
			panic(rt.NewTypeError("Response.clone: Body has already been consumed."))
		}
		src, _ := slotOf[*headerList](w, r.headers)
		hl := &headerList{immutable: src.immutable, entries: append([]headerEntry(nil), src.entries...)}
		cp := *r
		cp.headers = w.newHeaders(hl)
		return w.newResponse(&cp)
	})
	w.customInspect(proto, func(c goja.FunctionCall) goja.Value {
		r := thisSlot[*response](w, c)
		props := rt.NewObject()
		props.Set("status", r.status)
		props.Set("statusText", r.statusText)
		props.Set("headers", r.headers)
		props.Set("bodyUsed", r.used)
		props.Set("ok", r.status >= 200 && r.status <= 299)
		props.Set("redirected", r.redirected)
		props.Set("type", r.typ)
		props.Set("url", r.url)
		return w.inspectAs("Response", props, c)
	})
}

// initResponse applies the constructor's (body, init); defaultType is the
// content type a body gets when it brings none (Response.json's).
func (w *web) initResponse(r *response, api string, body, init goja.Value, defaultType string) {
	rt := w.rt
	r.status = 200
	hl := &headerList{}
	if o, ok := init.(*goja.Object); ok {
		if s := o.Get("status"); s != nil && !goja.IsUndefined(s) {
			r.status = int(s.ToInteger())
			if r.status < 200 || r.status > 599 {
				panic(w.newRangeError(fmt.Sprintf(`%s: init["status"] must be in the range of 200 to 599, inclusive.`, api)))
			}
		}
		if s := o.Get("statusText"); s != nil && !goja.IsUndefined(s) {
			r.statusText = domString(rt, s)
			for _, ch := range r.statusText {
				if ch > 0xFF || ch == '\r' || ch == '\n' {
					panic(rt.NewTypeError(api + ": invalid statusText"))
				}
			}
		}
		if h := o.Get("headers"); h != nil && !goja.IsUndefined(h) {
			w.fillHeaders(hl, api, h)
		}
	} else if !jsargs.IsNullish(init) {
		panic(rt.NewTypeError(fmt.Sprintf("%s: init must be an object, received %s", api, jsargs.Describe(init))))
	}
	if !jsargs.IsNullish(body) {
		if nullBodyStatus(r.status) {
			panic(rt.NewTypeError(fmt.Sprintf("%s: Invalid response status code %d", api, r.status)))
		}
		data, ctype := w.extractBody(body)
		if defaultType != "" {
			ctype = defaultType
		}
		r.body, r.hasBody = data, true
		if _, ok := hl.get("content-type"); !ok && ctype != "" {
			hl.append("content-type", ctype)
		}
	}
	r.headers = w.newHeaders(hl)
}

func (w *web) newResponse(r *response) *goja.Object {
	o := w.rt.CreateObject(w.responseProto)
	w.setSlot(o, r)
	return o
}

// bodyMethod makes text/json/arrayBuffer: a promise of read(body), once.
func (w *web) bodyMethod(read func(*response) (goja.Value, error)) func(goja.FunctionCall) goja.Value {
	return func(c goja.FunctionCall) goja.Value {
		r := thisSlot[*response](w, c)
		p, resolve, reject := w.rt.NewPromise()
		if r.used {
			reject(w.rt.NewTypeError("Body is unusable: Body has already been read"))
			return w.rt.ToValue(p)
		}
		if r.aborted != nil {
			if aborted, reason := r.aborted(); aborted {
				reject(reason)
				return w.rt.ToValue(p)
			}
		}
		r.used = r.hasBody
		val, err := read(r)
		if err != nil {
			ex, ok := err.(*goja.Exception)
			if !ok {
				panic(err) // uncatchable (an interrupt): keep unwinding
			}
			reject(ex.Value())
		} else {
			resolve(val)
		}
		return w.rt.ToValue(p)
	}
}

// extractBody converts a BodyInit: a string, URLSearchParams, an
// ArrayBuffer or a view on one; anything else is converted to a string as
// browsers do (a plain object becomes "[object Object]").
func (w *web) extractBody(v goja.Value) (data []byte, contentType string) {
	if b, ok := w.bufferSource(v); ok {
		return append([]byte(nil), b...), ""
	}
	if o, ok := v.(*goja.Object); ok && w.rt.InstanceOf(o, w.searchParams) {
		return []byte(o.String()), "application/x-www-form-urlencoded;charset=UTF-8"
	}
	return []byte(domString(w.rt, v)), "text/plain;charset=UTF-8"
}

// utf8Text is the Encoding Standard's "UTF-8 decode": BOM dropped,
// malformed bytes replaced.
func utf8Text(b []byte) string {
	s, _, _ := decodeUTF8(trimBOM(b), false, true)
	return s
}
