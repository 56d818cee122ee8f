package web

import (
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsargs"
	"github.com/flexrun/flexrun/internal/jsfunc"
)

// Headers as the Fetch standard defines it: names are case-insensitive
// (kept lowercase), values are ByteStrings (one character per byte,
// Latin-1 on the wire), iteration is sorted by name with repeated headers
// combined by ", " except set-cookie. The headers of a fetch response are
// immutable.

type headerList struct {
	immutable bool
	entries   []headerEntry // in insertion order
}

type headerEntry struct{ name, value string } // name lowercase

func (w *web) installHeaders() {
	rt := w.rt
	_, proto := w.class("Headers", 0, func(c goja.ConstructorCall) *goja.Object {
		hl := &headerList{}
		if init := c.Argument(0); !goja.IsUndefined(init) {
			w.fillHeaders(hl, "Headers", init)
		}
		w.setSlot(c.This, hl)
		return nil
	})
	w.headersProto = proto
	mutate := func(c goja.FunctionCall, api string, n int) (*headerList, string) {
		hl := thisSlot[*headerList](w, c)
		w.requireArgs(c, api, n)
		name := w.headerName(api, c.Argument(0))
		if hl.immutable {
			panic(rt.NewTypeError(api + ": headers are immutable"))
		}
		return hl, name
	}
	w.method(proto, "append", 2, func(c goja.FunctionCall) goja.Value {
		hl, name := mutate(c, "Headers.append", 2)
		hl.append(name, w.headerValue("Headers.append", c.Argument(1)))
		return goja.Undefined()
	})
	w.method(proto, "set", 2, func(c goja.FunctionCall) goja.Value {
		hl, name := mutate(c, "Headers.set", 2)
		hl.set(name, w.headerValue("Headers.set", c.Argument(1)))
		return goja.Undefined()
	})
	w.method(proto, "delete", 1, func(c goja.FunctionCall) goja.Value {
		hl, name := mutate(c, "Headers.delete", 1)
		hl.delete(name)
		return goja.Undefined()
	})
	w.method(proto, "get", 1, func(c goja.FunctionCall) goja.Value {
		hl := thisSlot[*headerList](w, c)
		w.requireArgs(c, "Headers.get", 1)
		if v, ok := hl.get(w.headerName("Headers.get", c.Argument(0))); ok {
			return rt.ToValue(v)
		}
		return goja.Null()
	})
	w.method(proto, "has", 1, func(c goja.FunctionCall) goja.Value {
		hl := thisSlot[*headerList](w, c)
		w.requireArgs(c, "Headers.has", 1)
		_, ok := hl.get(w.headerName("Headers.has", c.Argument(0)))
		return rt.ToValue(ok)
	})
	w.method(proto, "getSetCookie", 0, func(c goja.FunctionCall) goja.Value {
		hl := thisSlot[*headerList](w, c)
		var out []any
		for _, e := range hl.entries {
			if e.name == "set-cookie" {
				out = append(out, e.value)
			}
		}
		return rt.NewArray(out...)
	})
	w.method(proto, "forEach", 1, func(c goja.FunctionCall) goja.Value {
		hl := thisSlot[*headerList](w, c)
		fn, _ := jsargs.Function(rt, "Headers.forEach", "the callback", c, 0)
		for _, e := range hl.sorted() {
			if _, err := fn(c.Argument(1), rt.ToValue(e.value), rt.ToValue(e.name), c.This); err != nil {
				panic(err)
			}
		}
		return goja.Undefined()
	})
	iter := func(pick func(headerEntry) any) func(goja.FunctionCall) goja.Value {
		return func(c goja.FunctionCall) goja.Value {
			hl := thisSlot[*headerList](w, c)
			var items []any
			for _, e := range hl.sorted() {
				items = append(items, pick(e))
			}
			arr := rt.NewArray(items...)
			it, err := jsfunc.MustCallable(arr.Get("values"))(arr)
			if err != nil {
				panic(err)
			}
			return it
		}
	}
	entries := iter(func(e headerEntry) any { return rt.NewArray(e.name, e.value) })
	w.method(proto, "entries", 0, entries)
	w.method(proto, "keys", 0, iter(func(e headerEntry) any { return e.name }))
	w.method(proto, "values", 0, iter(func(e headerEntry) any { return e.value }))
	proto.DefineDataPropertySymbol(goja.SymIterator, proto.Get("entries"), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	w.customInspect(proto, func(c goja.FunctionCall) goja.Value {
		hl := thisSlot[*headerList](w, c)
		rec := rt.NewObject()
		for _, e := range hl.sorted() {
			rec.Set(e.name, e.value)
		}
		return w.inspectAs("Headers", rec, c)
	})
}

// inspectAs renders a custom inspect result like Node's `Name { ... }`.
func (w *web) inspectAs(name string, props *goja.Object, c goja.FunctionCall) goja.Value {
	inspect, ok := goja.AssertFunction(c.Argument(2))
	if !ok {
		return props
	}
	s, err := inspect(goja.Undefined(), props, c.Argument(1))
	if err != nil {
		panic(err)
	}
	return w.rt.ToValue(name + " " + s.String())
}

// newHeaders wraps hl in a Headers object.
func (w *web) newHeaders(hl *headerList) *goja.Object {
	o := w.rt.CreateObject(w.headersProto)
	w.setSlot(o, hl)
	return o
}

// fillHeaders appends a HeadersInit: a Headers object, an iterable of
// [name, value] pairs, or a record of names to values.
func (w *web) fillHeaders(hl *headerList, api string, init goja.Value) {
	rt := w.rt
	if src, ok := slotOf[*headerList](w, init); ok {
		hl.entries = append(hl.entries, src.entries...)
		return
	}
	o, ok := init.(*goja.Object)
	if !ok {
		panic(rt.NewTypeError(fmt.Sprintf("%s: headers must be an object, an array of [name, value] pairs or a Headers, received %s", api, jsargs.Describe(init))))
	}
	if isCallable(o.GetSymbol(goja.SymIterator)) {
		rt.ForOf(o, func(pair goja.Value) bool {
			var kv []goja.Value
			if p, ok := pair.(*goja.Object); ok && isCallable(p.GetSymbol(goja.SymIterator)) {
				rt.ForOf(p, func(x goja.Value) bool { kv = append(kv, x); return true })
			} else {
				panic(rt.NewTypeError(fmt.Sprintf("%s: each header must be a [name, value] pair, received %s", api, jsargs.Describe(pair))))
			}
			if len(kv) != 2 {
				panic(rt.NewTypeError(fmt.Sprintf("%s: expected name/value pair to be length 2, found %d.", api, len(kv))))
			}
			hl.append(w.headerName(api, kv[0]), w.headerValue(api, kv[1]))
			return true
		})
		return
	}
	for _, k := range o.Keys() {
		hl.append(w.headerName(api, rt.ToValue(k)), w.headerValue(api, o.Get(k)))
	}
}

// headerName validates a name (an HTTP token) and lowercases it.
func (w *web) headerName(api string, v goja.Value) string {
	name := domString(w.rt, v)
	if name == "" || strings.IndexFunc(name, func(r rune) bool { return !isTokenChar(r) }) >= 0 {
		panic(w.rt.NewTypeError(fmt.Sprintf("%s: %q is an invalid header name.", api, name)))
	}
	return strings.ToLower(name)
}

// headerValue normalizes a value (no leading or trailing HTTP whitespace)
// and checks that it is a ByteString without NUL, CR or LF.
func (w *web) headerValue(api string, v goja.Value) string {
	value := strings.Trim(domString(w.rt, v), "\t\n\r ")
	for _, r := range value {
		if r > 0xFF || r == 0 || r == '\r' || r == '\n' {
			panic(w.rt.NewTypeError(fmt.Sprintf("%s: %q is an invalid header value.", api, value)))
		}
	}
	return value
}

func isTokenChar(r rune) bool {
	return r < 0x7F && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
		strings.ContainsRune("!#$%&'*+-.^_`|~", r))
}

func (hl *headerList) append(name, value string) {
	hl.entries = append(hl.entries, headerEntry{name, value})
}

func (hl *headerList) set(name, value string) {
	i := slices.IndexFunc(hl.entries, func(e headerEntry) bool { return e.name == name })
	if i < 0 {
		hl.append(name, value)
		return
	}
	hl.entries[i].value = value
	rest := slices.DeleteFunc(hl.entries[i+1:], func(e headerEntry) bool { return e.name == name })
	hl.entries = hl.entries[:i+1+len(rest)]
}

func (hl *headerList) delete(name string) {
	hl.entries = slices.DeleteFunc(hl.entries, func(e headerEntry) bool { return e.name == name })
}

// get combines the values of name with ", ".
func (hl *headerList) get(name string) (string, bool) {
	var vals []string
	for _, e := range hl.entries {
		if e.name == name {
			vals = append(vals, e.value)
		}
	}
	return strings.Join(vals, ", "), vals != nil
}

// sorted is the Fetch standard's "sort and combine".
func (hl *headerList) sorted() []headerEntry {
	var names []string
	for _, e := range hl.entries {
		if !slices.Contains(names, e.name) {
			names = append(names, e.name)
		}
	}
	sort.Strings(names)
	out := make([]headerEntry, 0, len(names))
	for _, n := range names {
		if n == "set-cookie" {
			for _, e := range hl.entries {
				if e.name == n {
					out = append(out, e)
				}
			}
			continue
		}
		v, _ := hl.get(n)
		out = append(out, headerEntry{n, v})
	}
	return out
}

// httpHeader converts to net/http's form, values back to bytes.
func (hl *headerList) httpHeader() http.Header {
	h := http.Header{}
	for _, e := range hl.entries {
		b := make([]byte, 0, len(e.value))
		for _, r := range e.value {
			b = append(b, byte(r))
		}
		h[http.CanonicalHeaderKey(e.name)] = append(h[http.CanonicalHeaderKey(e.name)], string(b))
	}
	return h
}

// headersFromHTTP converts a response's headers, bytes to characters.
func headersFromHTTP(h http.Header) *headerList {
	hl := &headerList{}
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range h[k] {
			hl.append(strings.ToLower(k), latin1([]byte(v)))
		}
	}
	return hl
}
