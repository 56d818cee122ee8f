package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsfunc"
)

// document, as far as plugins touch it when they load: a loaded, visible
// page (readyState "complete", visibilityState "visible") whose
// documentElement holds an empty head and body, createElement and
// createTextNode (element.go), id lookup among the elements in the tree
// (getElementById, and querySelector/querySelectorAll for "#id", "html",
// "head" and "body"; any other selector matches nothing), title, and a
// cookie jar. document is an EventTarget; nothing fires on it by itself.
//
// document.cookie has the browsers' set semantics, for one jar per engine:
// each assignment sets one cookie ("a=1; max-age=60"), a later one of the
// same name replaces its value in place, Max-Age <= 0 or an Expires in the
// past deletes it, and reading lists the live ones as "a=1; b=2" in the
// order they were first set. Path, Domain, Secure and SameSite are
// ignored: every cookie is visible.

type document struct {
	eventTarget
	html, head, body *node
	title            string
	cookies          []cookie
}

type cookie struct {
	name, value string
	expires     time.Time // zero: a session cookie
}

func (w *web) installDocument() {
	rt := w.rt
	ctor := jsfunc.Constructor(rt, "HTMLDocument", 0, func(goja.ConstructorCall) *goja.Object {
		panic(rt.NewTypeError("Illegal constructor"))
	})
	proto := ctor.Get("prototype").(*goja.Object)
	proto.SetPrototype(w.eventTargetProto)
	proto.DefineDataPropertySymbol(goja.SymToStringTag, rt.ToValue("HTMLDocument"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)

	d := &document{html: w.newElement("html"), head: w.newElement("head"), body: w.newElement("body")}
	d.obj = rt.CreateObject(proto)
	w.setSlot(d.obj, d)
	w.insert("", d.html, d.head, nil)
	w.insert("", d.html, d.body, nil)
	w.doc = d
	this := func(c goja.FunctionCall) *document { return thisSlot[*document](w, c) }

	constant := func(name string, v goja.Value) {
		w.getter(proto, name, func(c goja.FunctionCall) goja.Value { this(c); return v })
	}
	constant("documentElement", d.html.obj)
	constant("head", d.head.obj)
	constant("body", d.body.obj)
	constant("activeElement", d.body.obj)
	constant("readyState", rt.ToValue("complete"))
	constant("visibilityState", rt.ToValue("visible"))
	constant("hidden", rt.ToValue(false))
	constant("characterSet", rt.ToValue("UTF-8"))
	constant("referrer", rt.ToValue(""))
	constant("defaultView", rt.GlobalObject())
	w.getter(proto, "location", func(c goja.FunctionCall) goja.Value { this(c); return w.location })
	w.getter(proto, "URL", func(c goja.FunctionCall) goja.Value { this(c); return rt.ToValue(w.page.href()) })
	w.accessor(proto, "title", func(c goja.FunctionCall) goja.Value {
		return rt.ToValue(this(c).title)
	}, func(c goja.FunctionCall) {
		this(c).title = domString(rt, c.Argument(0))
	})
	w.accessor(proto, "cookie", func(c goja.FunctionCall) goja.Value {
		return rt.ToValue(this(c).cookie(w.v.Now()))
	}, func(c goja.FunctionCall) {
		this(c).setCookie(domString(rt, c.Argument(0)), w.v.Now())
	})

	w.method(proto, "createElement", 1, func(c goja.FunctionCall) goja.Value {
		this(c)
		w.requireArgs(c, "Document.createElement", 1)
		tag := domString(rt, c.Argument(0))
		if !validName(tag) {
			panic(w.newDOMException("Document.createElement: Invalid tag name "+strconv.Quote(tag), "InvalidCharacterError"))
		}
		return w.newElement(strings.ToLower(tag)).obj
	})
	w.method(proto, "createTextNode", 1, func(c goja.FunctionCall) goja.Value {
		this(c)
		w.requireArgs(c, "Document.createTextNode", 1)
		return w.newText(domString(rt, c.Argument(0))).obj
	})
	w.method(proto, "getElementById", 1, func(c goja.FunctionCall) goja.Value {
		d := this(c)
		w.requireArgs(c, "Document.getElementById", 1)
		if n := d.byID(domString(rt, c.Argument(0))); n != nil {
			return n.obj
		}
		return goja.Null()
	})
	w.method(proto, "querySelector", 1, func(c goja.FunctionCall) goja.Value {
		d := this(c)
		w.requireArgs(c, "Document.querySelector", 1)
		if n := d.query(w, "Document.querySelector", domString(rt, c.Argument(0))); n != nil {
			return n.obj
		}
		return goja.Null()
	})
	w.method(proto, "querySelectorAll", 1, func(c goja.FunctionCall) goja.Value {
		d := this(c)
		w.requireArgs(c, "Document.querySelectorAll", 1)
		if n := d.query(w, "Document.querySelectorAll", domString(rt, c.Argument(0))); n != nil {
			return rt.NewArray(n.obj)
		}
		return rt.NewArray()
	})
	w.method(proto, "hasFocus", 0, func(c goja.FunctionCall) goja.Value { this(c); return rt.ToValue(true) })
	rt.GlobalObject().Set("document", d.obj)
}

func (d *document) byID(id string) *node {
	if id == "" {
		return nil
	}
	return d.html.find(func(n *node) bool { v, ok := n.attr("id"); return ok && v == id })
}

// query answers the selectors the package knows: "#id" and the tree's
// html, head and body; nil for anything else.
func (d *document) query(w *web, api, sel string) *node {
	sel = strings.TrimSpace(sel)
	switch {
	case sel == "":
		panic(w.newDOMException(api+": '' is not a valid selector", "SyntaxError"))
	case sel == "html":
		return d.html
	case sel == "head":
		return d.head
	case sel == "body":
		return d.body
	case strings.HasPrefix(sel, "#") && !strings.ContainsAny(sel[1:], " \t\n.#[]:>+~,*"):
		return d.byID(sel[1:])
	}
	return nil
}

// cookie is document.cookie's value at now.
func (d *document) cookie(now time.Time) string {
	var parts []string
	for _, c := range d.cookies {
		if !c.expires.IsZero() && !now.Before(c.expires) {
			continue
		}
		if c.name == "" {
			parts = append(parts, c.value)
		} else {
			parts = append(parts, c.name+"="+c.value)
		}
	}
	return strings.Join(parts, "; ")
}

// setCookie stores the cookie of one document.cookie assignment, as
// RFC 6265bis parses a Set-Cookie line (a pair without "=" is a value
// with an empty name).
func (d *document) setCookie(line string, now time.Time) {
	pair, attrs, _ := strings.Cut(line, ";")
	name, value, ok := strings.Cut(pair, "=")
	if !ok {
		name, value = "", pair
	}
	name, value = strings.TrimSpace(name), strings.TrimSpace(value)
	if name == "" && value == "" {
		return
	}
	var expires time.Time
	maxAge := false
	for _, a := range strings.Split(attrs, ";") {
		k, v, _ := strings.Cut(a, "=")
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
		switch k {
		case "max-age":
			if n, err := strconv.ParseInt(v, 10, 64); err == nil {
				maxAge = true
				if n <= 0 {
					expires = now
				} else {
					expires = now.Add(time.Duration(min(n, 400*24*3600)) * time.Second)
				}
			}
		case "expires":
			if maxAge {
				continue // Max-Age wins
			}
			if t, ok := parseCookieDate(v); ok {
				expires = t
			}
		}
	}
	i := -1
	for j, c := range d.cookies {
		if c.name == name {
			i = j
			break
		}
	}
	if !expires.IsZero() && !now.Before(expires) { // deleted
		if i >= 0 {
			d.cookies = append(d.cookies[:i], d.cookies[i+1:]...)
		}
		return
	}
	if i >= 0 {
		d.cookies[i] = cookie{name, value, expires}
		return
	}
	d.cookies = append(d.cookies, cookie{name, value, expires})
}

// parseCookieDate reads an Expires date in the forms servers and scripts
// write (RFC 1123, RFC 850, asctime, and "Wed, 21-Oct-2015 07:28:00 GMT").
func parseCookieDate(s string) (time.Time, bool) {
	if t, err := http.ParseTime(s); err == nil {
		return t, true
	}
	if t, err := time.Parse("Mon, 02-Jan-2006 15:04:05 MST", s); err == nil {
		return t, true
	}
	return time.Time{}, false
}
