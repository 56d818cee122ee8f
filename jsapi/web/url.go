package web

import (
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsfunc"
)

// The URL class over urlparse.go, with URLSearchParams from
// goja_nodejs. url.searchParams is a URLSearchParams made on first use;
// the two stay in step as in browsers: a change to the params (seen by
// comparing their serialization with the last one) rewrites the URL's
// query, and setting search or href refills the params.

type urlObject struct {
	rec    *urlRecord
	params *goja.Object // made by the searchParams getter
	synced string       // params.toString() when the two last agreed
}

func (w *web) installURL(domainToASCII goja.Callable) {
	rt := w.rt
	w.toASCII = func(host string) string {
		r, err := domainToASCII(goja.Undefined(), rt.ToValue(host))
		if err != nil {
			return ""
		}
		return r.String()
	}
	paramsToString := jsfunc.MustCallable(w.searchParams.Get("prototype").(*goja.Object).Get("toString"))
	// Made at Setup, with the methods it calls captured then: a plugin may
	// replace URLSearchParams's or Array's (iterators included) for everyone.
	makeRefill := jsfunc.MustCallable(jsfunc.MustRun(rt, `(function (URLSearchParams) {
		"use strict";
		const uncurry = Function.prototype.bind.bind(Function.prototype.call);
		const P = URLSearchParams.prototype;
		const forEach = uncurry(P.forEach), remove = uncurry(P.delete), append = uncurry(P.append);
		// goja_nodejs's forEach calls back with (name, value).
		return function refill(params, query) {
			const names = [];
			forEach(params, (name) => { names[names.length] = name; });
			for (let i = 0; i < names.length; i++) remove(params, names[i]);
			forEach(new URLSearchParams(query), (name, value) => append(params, name, value));
		};
	})`))
	r, err := makeRefill(goja.Undefined(), w.searchParams)
	if err != nil {
		panic(err)
	}
	refill := jsfunc.MustCallable(r)
	serialize := func(params *goja.Object) string {
		s, err := paramsToString(params)
		if err != nil {
			panic(err)
		}
		return s.String()
	}
	// sync adopts a change made through searchParams.
	sync := func(u *urlObject) {
		if u.params == nil {
			return
		}
		if s := serialize(u.params); s != u.synced {
			u.synced = s
			u.rec.hasQuery, u.rec.query = s != "", s
		}
	}
	// pushQuery refills searchParams after the query changed.
	pushQuery := func(u *urlObject) {
		if u.params == nil {
			return
		}
		if _, err := refill(goja.Undefined(), u.params, rt.ToValue(u.rec.query)); err != nil {
			panic(err)
		}
		u.synced = serialize(u.params)
	}

	ctor, proto := w.class("URL", 1, func(c goja.ConstructorCall) *goja.Object {
		if len(c.Arguments) == 0 {
			panic(rt.NewTypeError(`The "url" argument must be specified`))
		}
		input := domString(rt, c.Argument(0))
		rec, ok := w.parseURLBase(input, c.Argument(1))
		if !ok {
			panic(w.invalidURL(input))
		}
		w.setSlot(c.This, &urlObject{rec: rec})
		return nil
	})
	w.url = ctor
	w.method(ctor, "canParse", 1, func(c goja.FunctionCall) goja.Value {
		w.requireArgs(c, "URL.canParse", 1)
		_, ok := w.parseURLBase(domString(rt, c.Argument(0)), c.Argument(1))
		return rt.ToValue(ok)
	})

	accessor := func(name string, get func(*urlRecord) string, set func(u *urlObject, v string)) {
		getter := jsfunc.New(rt, "get "+name, 0, func(c goja.FunctionCall) goja.Value {
			u := thisSlot[*urlObject](w, c)
			sync(u)
			return rt.ToValue(get(u.rec))
		})
		var setter goja.Value
		if set != nil {
			setter = jsfunc.New(rt, "set "+name, 1, func(c goja.FunctionCall) goja.Value {
				u := thisSlot[*urlObject](w, c)
				sync(u)
				hadQuery, query := u.rec.hasQuery, u.rec.query
				set(u, domString(rt, c.Argument(0)))
				if u.rec.hasQuery != hadQuery || u.rec.query != query {
					pushQuery(u)
				}
				return goja.Undefined()
			})
		}
		proto.DefineAccessorProperty(name, getter, setter, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
	// edit applies a change to a copy of the record, kept only if it worked.
	edit := func(u *urlObject, apply func(r *urlRecord) bool) {
		r := *u.rec
		if apply(&r) {
			*u.rec = r
		}
	}
	hasCredentialsHost := func(r *urlRecord) bool { return r.hasHost && r.host != "" && r.scheme != "file" }

	accessor("href", (*urlRecord).href, func(u *urlObject, v string) {
		rec, ok := parseURLRecord(v, nil, w.toASCII)
		if !ok {
			panic(w.invalidURL(v))
		}
		u.rec = rec
	})
	accessor("origin", (*urlRecord).origin, nil)
	accessor("protocol", func(r *urlRecord) string { return r.scheme + ":" }, func(u *urlObject, v string) {
		before, _, _ := strings.Cut(v, ":")
		scheme, _, ok := splitScheme(before + ":")
		edit(u, func(r *urlRecord) bool {
			if !ok || isSpecialScheme(r.scheme) != isSpecialScheme(scheme) ||
				scheme == "file" && (r.username != "" || r.password != "" || r.port != "") {
				return false
			}
			r.scheme = scheme
			if specialPorts[scheme] == r.port {
				r.port = ""
			}
			return true
		})
	})
	accessor("username", func(r *urlRecord) string { return r.username }, func(u *urlObject, v string) {
		edit(u, func(r *urlRecord) bool {
			r.username = percentEncode(v, userinfoSet)
			return hasCredentialsHost(r)
		})
	})
	accessor("password", func(r *urlRecord) string { return r.password }, func(u *urlObject, v string) {
		edit(u, func(r *urlRecord) bool {
			r.password = percentEncode(v, userinfoSet)
			return hasCredentialsHost(r)
		})
	})
	accessor("host", (*urlRecord).hostPort, func(u *urlObject, v string) {
		edit(u, func(r *urlRecord) bool {
			v, _, _ = strings.Cut(v, "/")
			return !r.opaque && v != "" && !strings.ContainsAny(v, "@?#") && r.parseAuthority(&v, w.toASCII)
		})
	})
	accessor("hostname", func(r *urlRecord) string { return r.host }, func(u *urlObject, v string) {
		edit(u, func(r *urlRecord) bool {
			if i := strings.IndexAny(v, ":/?#"); i >= 0 && !strings.HasPrefix(v, "[") {
				v = v[:i]
			}
			return !r.opaque && v != "" && r.setHost(v, w.toASCII)
		})
	})
	accessor("port", func(r *urlRecord) string { return r.port }, func(u *urlObject, v string) {
		edit(u, func(r *urlRecord) bool {
			if !hasCredentialsHost(r) {
				return false
			}
			if v == "" {
				r.port = ""
				return true
			}
			digits := v[:len(v)-len(strings.TrimLeft(v, "0123456789"))]
			return digits != "" && r.setPort(digits)
		})
	})
	accessor("pathname", func(r *urlRecord) string { return r.path }, func(u *urlObject, v string) {
		edit(u, func(r *urlRecord) bool {
			special := isSpecialScheme(r.scheme)
			if special {
				v = strings.ReplaceAll(v, "\\", "/")
			}
			r.path = parsePath(v, special)
			return !r.opaque
		})
	})
	accessor("search", func(r *urlRecord) string {
		if r.query == "" {
			return ""
		}
		return "?" + r.query
	}, func(u *urlObject, v string) {
		v = strings.TrimPrefix(v, "?")
		u.rec.hasQuery, u.rec.query = v != "", percentEncode(v, querySet(u.rec.scheme))
	})
	accessor("hash", func(r *urlRecord) string {
		if r.fragment == "" {
			return ""
		}
		return "#" + r.fragment
	}, func(u *urlObject, v string) {
		v = strings.TrimPrefix(v, "#")
		u.rec.hasFragment, u.rec.fragment = v != "", percentEncode(v, fragmentSet)
	})
	w.getter(proto, "searchParams", func(c goja.FunctionCall) goja.Value {
		u := thisSlot[*urlObject](w, c)
		if u.params == nil {
			p, err := rt.New(w.searchParams, rt.ToValue(u.rec.query))
			if err != nil {
				panic(err)
			}
			u.params, u.synced = p, serialize(p)
		}
		return u.params
	})
	href := func(c goja.FunctionCall) goja.Value {
		u := thisSlot[*urlObject](w, c)
		sync(u)
		return rt.ToValue(u.rec.href())
	}
	w.method(proto, "toString", 0, href)
	w.method(proto, "toJSON", 0, href)
	w.customInspect(proto, func(c goja.FunctionCall) goja.Value {
		this := c.This.(*goja.Object)
		props := rt.NewObject()
		for _, k := range []string{"href", "origin", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "searchParams", "hash"} {
			props.Set(k, this.Get(k))
		}
		return w.inspectAs("URL", props, c)
	})
}

// parseURLBase parses input against base (a string, a URL, or undefined for none).
func (w *web) parseURLBase(input string, base goja.Value) (*urlRecord, bool) {
	var b *urlRecord
	if !goja.IsUndefined(base) {
		var ok bool
		if b, ok = parseURLRecord(domString(w.rt, base), nil, w.toASCII); !ok {
			return nil, false
		}
	}
	return parseURLRecord(input, b, w.toASCII)
}

// invalidURL is Node's TypeError [ERR_INVALID_URL].
func (w *web) invalidURL(input string) *goja.Object {
	e := w.newTypeError("Invalid URL", nil)
	e.Set("code", "ERR_INVALID_URL")
	e.Set("input", input)
	return e
}

// searchParamsMethods are the lengths of URLSearchParams's methods (Node's
// and the browsers'), whose names goja_nodejs leaves Go's.
var searchParamsMethods = map[string]int{
	"append": 2, "delete": 1, "entries": 0, "forEach": 1, "get": 1, "getAll": 1,
	"has": 1, "keys": 0, "set": 2, "sort": 0, "toString": 0, "values": 0,
}

// dressSearchParams gives goja_nodejs's URLSearchParams what a class of
// ours has: its name, its methods' names, a toStringTag, and Node's
// inspect form (URLSearchParams { 'a' => '1' }); and replaces its
// toString, whose serializer leaves "+" as it is (see formEncode).
func (w *web) dressSearchParams() {
	rt := w.rt
	sp := w.searchParams
	jsfunc.SetName(rt, sp, "URLSearchParams", 0)
	proto := sp.Get("prototype").(*goja.Object)
	entries := jsfunc.MustCallable(proto.Get("entries"))
	proto.Set("toString", jsfunc.New(rt, "toString", 0, func(c goja.FunctionCall) goja.Value {
		iter, err := entries(c.This) // goja_nodejs's own check of this
		if err != nil {
			panic(err)
		}
		next := jsfunc.MustCallable(iter.(*goja.Object).Get("next"))
		var b strings.Builder
		for {
			r, err := next(iter)
			if err != nil {
				panic(err)
			}
			res := r.(*goja.Object)
			if res.Get("done").ToBoolean() {
				return rt.ToValue(b.String())
			}
			pair := res.Get("value").(*goja.Object)
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(formEncode(pair.Get("0").String()) + "=" + formEncode(pair.Get("1").String()))
		}
	}))
	for name, length := range searchParamsMethods {
		if f, ok := proto.Get(name).(*goja.Object); ok {
			jsfunc.SetName(rt, f, name, length)
		}
	}
	getOwnPropertyDescriptor := jsfunc.MustCallable(rt.Get("Object").(*goja.Object).Get("getOwnPropertyDescriptor"))
	if d, err := getOwnPropertyDescriptor(goja.Undefined(), proto, rt.ToValue("size")); err == nil {
		if d, ok := d.(*goja.Object); ok {
			if get, ok := d.Get("get").(*goja.Object); ok {
				jsfunc.SetName(rt, get, "get size", 0)
			}
		}
	}
	// The iterators' next, on a prototype only an iterator leads to.
	empty, err := rt.New(sp)
	if err != nil {
		panic(err)
	}
	iter, err := jsfunc.MustCallable(proto.Get("keys"))(empty)
	if err != nil {
		panic(err)
	}
	jsfunc.SetName(rt, iter.(*goja.Object).Prototype().Get("next").(*goja.Object), "next", 0)
	proto.DefineDataPropertySymbol(goja.SymToStringTag, rt.ToValue("URLSearchParams"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	w.customInspect(proto, func(c goja.FunctionCall) goja.Value {
		inspect, ok := goja.AssertFunction(c.Argument(2))
		if !ok {
			return rt.ToValue("URLSearchParams {}")
		}
		show := func(v goja.Value) string {
			s, err := inspect(goja.Undefined(), v)
			if err != nil {
				panic(err)
			}
			return s.String()
		}
		var parts []string
		rt.ForOf(c.This, func(pair goja.Value) bool {
			kv := pair.(*goja.Object)
			parts = append(parts, show(kv.Get("0"))+" => "+show(kv.Get("1")))
			return true
		})
		if len(parts) == 0 {
			return rt.ToValue("URLSearchParams {}")
		}
		return rt.ToValue("URLSearchParams { " + strings.Join(parts, ", ") + " }")
	})
}

// formEncode is the URL Standard's application/x-www-form-urlencoded byte
// serializer over s's UTF-8: space becomes "+", ASCII letters, digits and
// *-._ stay, every other byte is percent-encoded ("+" as %2B, "~" as %7E).
func formEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			b.WriteByte('+')
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("*-._", c) >= 0:
			b.WriteByte(c)
		default:
			b.WriteString("%" + strings.ToUpper(strconv.FormatInt(int64(c)|0x100, 16)[1:]))
		}
	}
	return b.String()
}
