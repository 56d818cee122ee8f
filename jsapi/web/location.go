package web

import (
	"strings"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsfunc"
)

// location and navigator.
//
// location is the page's address, Options.PageURL (Flex's agent desktop by
// default), with the browsers' members as own properties. Nothing
// navigates: assign, replace, and setting href (or window.location) or any
// part but the hash tell Options.OnNavigate the URL they would have loaded
// and leave the page where it is; reload does nothing. Setting the hash
// moves within the page, as in browsers, so location changes (no
// hashchange event fires).
//
// navigator says it is flexrun (UserAgent), en-US, online; its clipboard
// keeps the last text written, for readText.

// DefaultPageURL is location.href when Options.PageURL is empty.
const DefaultPageURL = "https://flex.twilio.com/agent-desktop/"

// UserAgent is navigator.userAgent.
const UserAgent = "Mozilla/5.0 (X11; Linux x86_64) flexrun (headless Twilio Flex UI)"

type navigatorMark struct{}

type clipboard struct {
	eventTarget
	text string
}

func (w *web) installLocation(pageURL string, onNavigate func(url string)) {
	rt := w.rt
	if pageURL == "" {
		pageURL = DefaultPageURL
	}
	page, ok := parseURLRecord(pageURL, nil, w.toASCII)
	if !ok {
		page, _ = parseURLRecord(DefaultPageURL, nil, w.toASCII)
	}
	w.page = page

	ctor := jsfunc.Constructor(rt, "Location", 0, func(goja.ConstructorCall) *goja.Object {
		panic(rt.NewTypeError("Illegal constructor"))
	})
	proto := ctor.Get("prototype").(*goja.Object)
	proto.DefineDataPropertySymbol(goja.SymToStringTag, rt.ToValue("Location"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	loc := rt.CreateObject(proto)
	w.location = loc

	navigate := func(api, target string) {
		u, ok := parseURLRecord(target, w.page, w.toASCII)
		if !ok {
			panic(w.newDOMException(api+": '"+target+"' is not a valid URL.", "SyntaxError"))
		}
		if onNavigate != nil {
			onNavigate(u.href())
		}
	}
	// edited is the page's URL with one URL setter applied.
	edited := func(prop string, v goja.Value) string {
		u, err := rt.New(w.url, rt.ToValue(w.page.href()))
		if err != nil {
			panic(err)
		}
		if err := u.Set(prop, v); err != nil {
			panic(err)
		}
		return u.Get("href").String()
	}
	// Own properties, as [LegacyUnforgeable] makes them: enumerable, not configurable.
	part := func(name string, get func(*urlRecord) string) {
		getter := jsfunc.New(rt, "get "+name, 0, func(goja.FunctionCall) goja.Value { return rt.ToValue(get(w.page)) })
		var setter *goja.Object
		if name != "origin" {
			setter = jsfunc.New(rt, "set "+name, 1, func(c goja.FunctionCall) goja.Value {
				v := c.Argument(0)
				switch name {
				case "href":
					navigate("Location.href setter", domString(rt, v))
				case "hash": // an empty hash keeps its "#", unlike URL's
					page := *w.page
					page.hasFragment = true
					page.fragment = percentEncode(strings.TrimPrefix(domString(rt, v), "#"), fragmentSet)
					w.page = &page
				default:
					navigate("Location."+name+" setter", edited(name, v))
				}
				return goja.Undefined()
			})
		}
		if setter == nil {
			loc.DefineAccessorProperty(name, getter, nil, goja.FLAG_FALSE, goja.FLAG_TRUE)
		} else {
			loc.DefineAccessorProperty(name, getter, setter, goja.FLAG_FALSE, goja.FLAG_TRUE)
		}
	}
	part("href", (*urlRecord).href)
	part("origin", (*urlRecord).origin)
	part("protocol", func(r *urlRecord) string { return r.scheme + ":" })
	part("host", (*urlRecord).hostPort)
	part("hostname", func(r *urlRecord) string { return r.host })
	part("port", func(r *urlRecord) string { return r.port })
	part("pathname", func(r *urlRecord) string { return r.path })
	part("search", func(r *urlRecord) string {
		if r.query == "" {
			return ""
		}
		return "?" + r.query
	})
	part("hash", func(r *urlRecord) string {
		if r.fragment == "" {
			return ""
		}
		return "#" + r.fragment
	})
	method := func(name string, length int, fn func(goja.FunctionCall) goja.Value) {
		loc.DefineDataProperty(name, jsfunc.New(rt, name, length, fn), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	for _, name := range []string{"assign", "replace"} {
		method(name, 1, func(c goja.FunctionCall) goja.Value {
			w.requireArgs(c, "Location."+name, 1)
			navigate("Location."+name, domString(rt, c.Argument(0)))
			return goja.Undefined()
		})
	}
	method("reload", 0, func(goja.FunctionCall) goja.Value { return goja.Undefined() })
	method("toString", 0, func(goja.FunctionCall) goja.Value { return rt.ToValue(w.page.href()) })

	// window.location: assigning it sets location.href ([PutForwards=href]).
	rt.GlobalObject().DefineAccessorProperty("location",
		jsfunc.New(rt, "get location", 0, func(goja.FunctionCall) goja.Value { return loc }),
		jsfunc.New(rt, "set location", 1, func(c goja.FunctionCall) goja.Value {
			// A plugin's window puts the location object back when the
			// plugin unloads (jsapi/window.go): that is not a navigation.
			if v := c.Argument(0); !v.SameAs(loc) {
				navigate("Window.location setter", domString(rt, v))
			}
			return goja.Undefined()
		}), goja.FLAG_TRUE, goja.FLAG_TRUE)
}

func (w *web) installNavigator() {
	rt := w.rt
	hidden := func(name string) *goja.Object {
		ctor := jsfunc.Constructor(rt, name, 0, func(goja.ConstructorCall) *goja.Object {
			panic(rt.NewTypeError("Illegal constructor"))
		})
		proto := ctor.Get("prototype").(*goja.Object)
		proto.DefineDataPropertySymbol(goja.SymToStringTag, rt.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		return proto
	}
	cbProto := hidden("Clipboard")
	cbProto.SetPrototype(w.eventTargetProto)
	cb := &clipboard{}
	cbObj := rt.CreateObject(cbProto)
	cb.obj = cbObj
	w.setSlot(cbObj, cb)
	resolved := func(v goja.Value) goja.Value {
		p, resolve, _ := rt.NewPromise()
		_ = resolve(v)
		return rt.ToValue(p)
	}
	w.method(cbProto, "writeText", 1, func(c goja.FunctionCall) goja.Value {
		cb := thisSlot[*clipboard](w, c)
		w.requireArgs(c, "Clipboard.writeText", 1)
		cb.text = domString(rt, c.Argument(0))
		return resolved(goja.Undefined())
	})
	w.method(cbProto, "readText", 0, func(c goja.FunctionCall) goja.Value {
		return resolved(rt.ToValue(thisSlot[*clipboard](w, c).text))
	})

	proto := hidden("Navigator")
	nav := rt.CreateObject(proto)
	w.setSlot(nav, navigatorMark{})
	languages := rt.NewArray("en-US", "en")
	if _, err := jsfunc.MustCallable(rt.Get("Object").(*goja.Object).Get("freeze"))(goja.Undefined(), languages); err != nil {
		panic(err)
	}
	for _, p := range []struct {
		name string
		v    goja.Value
	}{
		{"userAgent", rt.ToValue(UserAgent)},
		{"appName", rt.ToValue("Netscape")},
		{"platform", rt.ToValue("Linux x86_64")},
		{"vendor", rt.ToValue("")},
		{"language", rt.ToValue("en-US")},
		{"languages", languages},
		{"onLine", rt.ToValue(true)},
		{"cookieEnabled", rt.ToValue(true)},
		{"clipboard", cbObj},
	} {
		w.getter(proto, p.name, func(c goja.FunctionCall) goja.Value {
			thisSlot[navigatorMark](w, c)
			return p.v
		})
	}
	rt.GlobalObject().Set("navigator", nav)
}
