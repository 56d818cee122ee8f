package jsapi

import (
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/dop251/goja"
	nodeurl "github.com/dop251/goja_nodejs/url"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/internal/jsfunc"
)

// The web platform helpers plugins take for granted: DOMException and
// atob/btoa (here), URL (web_url.go, web_urlparse.go), URLSearchParams
// (goja_nodejs's), TextEncoder/TextDecoder (web_text.go, UTF-8 only) and
// AbortController/AbortSignal (web_abort.go). fetch, Headers and Response
// build on them (fetch*.go); localStorage and sessionStorage are in
// storage.go.
//
// Classes are Go constructors with their methods and accessors on a shared
// prototype, as in browsers. The Go state of an instance hangs off a
// non-enumerable symbol property (web.slot); a method called on anything
// else throws "Illegal invocation". Unlike browsers, goja cannot tell `C()`
// from `new C()` in a Go constructor, so calling one without new is not
// rejected.

// web is the per-engine state the web APIs share. Loop only.
type web struct {
	v  *engine.VM
	rt *goja.Runtime

	slot         *goja.Symbol             // holds an instance's Go state
	inspect      *goja.Symbol             // Symbol.for('nodejs.util.inspect.custom')
	url          *goja.Object             // URL constructor
	toASCII      func(host string) string // IDNA, "" on failure
	searchParams *goja.Object             // URLSearchParams constructor
	domException *goja.Object
	typeError    *goja.Object
	uint8Array   *goja.Object
	isView       goja.Callable // ArrayBuffer.isView
	jsonParse    goja.Callable
	jsonStr      goja.Callable

	signalProto   *goja.Object // AbortSignal.prototype
	headersProto  *goja.Object
	responseProto *goja.Object
}

func (h *Host) installWeb(v *engine.VM) *web {
	rt := v.Runtime()
	g := rt.GlobalObject()
	json := rt.Get("JSON").(*goja.Object)
	w := &web{
		v:          v,
		rt:         rt,
		slot:       goja.NewSymbol("flexrun.internal"),
		typeError:  rt.Get("TypeError").(*goja.Object),
		uint8Array: rt.Get("Uint8Array").(*goja.Object),
		isView:     jsfunc.MustCallable(rt.Get("ArrayBuffer").(*goja.Object).Get("isView")),
		jsonParse:  jsfunc.MustCallable(json.Get("parse")),
		jsonStr:    jsfunc.MustCallable(json.Get("stringify")),
	}
	symFor := jsfunc.MustCallable(rt.Get("Symbol").(*goja.Object).Get("for"))
	if s, err := symFor(goja.Undefined(), rt.ToValue("nodejs.util.inspect.custom")); err == nil {
		w.inspect, _ = s.(*goja.Symbol)
	}

	// goja_nodejs registers "url" for its require(); flexrun has its own
	// module loader, so call the module's constructor directly. Its URL is
	// not used (see web_urlparse.go).
	module := rt.NewObject()
	exports := rt.NewObject()
	module.Set("exports", exports)
	nodeurl.Require(rt, module)
	w.searchParams = exports.Get("URLSearchParams").(*goja.Object)
	w.dressSearchParams()
	g.Set("URLSearchParams", w.searchParams)
	w.installURL(jsfunc.MustCallable(exports.Get("domainToASCII")))

	w.installDOMException()
	w.installTextCoding()
	w.installBase64()
	w.installAbort()
	return w
}

// searchParamsMethods are the lengths of URLSearchParams's methods (Node's
// and the browsers'), whose names goja_nodejs leaves Go's.
var searchParamsMethods = map[string]int{
	"append": 2, "delete": 1, "entries": 0, "forEach": 1, "get": 1, "getAll": 1,
	"has": 1, "keys": 0, "set": 2, "sort": 0, "toString": 0, "values": 0,
}

// dressSearchParams gives goja_nodejs's URLSearchParams what a class of
// ours has: its name, its methods' names, a toStringTag, and Node's
// inspect form (URLSearchParams { 'a' => '1' }).
func (w *web) dressSearchParams() {
	rt := w.rt
	sp := w.searchParams
	jsfunc.SetName(rt, sp, "URLSearchParams", 0)
	proto := sp.Get("prototype").(*goja.Object)
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

// class makes a global constructor named name, taking length arguments,
// whose instances inherit from the returned prototype.
func (w *web) class(name string, length int, ctor func(goja.ConstructorCall) *goja.Object) (*goja.Object, *goja.Object) {
	c := jsfunc.Constructor(w.rt, name, length, ctor)
	proto := c.Get("prototype").(*goja.Object)
	proto.DefineDataPropertySymbol(goja.SymToStringTag, w.rt.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	w.rt.GlobalObject().Set(name, c)
	return c, proto
}

// method defines a non-enumerable method, as Web IDL operations are;
// length is the number of its required arguments.
func (w *web) method(o *goja.Object, name string, length int, fn func(goja.FunctionCall) goja.Value) {
	o.DefineDataProperty(name, jsfunc.New(w.rt, name, length, fn), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// getter defines a non-enumerable read-only accessor.
func (w *web) getter(o *goja.Object, name string, fn func(goja.FunctionCall) goja.Value) {
	o.DefineAccessorProperty(name, jsfunc.New(w.rt, "get "+name, 0, fn), nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// customInspect defines o[util.inspect.custom], Node's hook for how
// util.inspect and console.log show an object.
func (w *web) customInspect(o *goja.Object, fn func(goja.FunctionCall) goja.Value) {
	if w.inspect == nil {
		return
	}
	f := jsfunc.New(w.rt, "[nodejs.util.inspect.custom]", 0, fn)
	o.DefineDataPropertySymbol(w.inspect, f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

func (w *web) setSlot(o *goja.Object, state any) {
	o.DefineDataPropertySymbol(w.slot, w.rt.ToValue(state), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
}

// slotOf returns the Go state of an instance made by one of our classes.
func slotOf[T any](w *web, val goja.Value) (T, bool) {
	var zero T
	o, ok := val.(*goja.Object)
	if !ok {
		return zero, false
	}
	s := o.GetSymbol(w.slot)
	if s == nil {
		return zero, false
	}
	t, ok := s.Export().(T)
	return t, ok
}

// thisSlot is slotOf(this), or a TypeError as browsers throw.
func thisSlot[T any](w *web, c goja.FunctionCall) T {
	t, ok := slotOf[T](w, c.This)
	if !ok {
		panic(w.rt.NewTypeError("Illegal invocation"))
	}
	return t
}

// requireArgs throws the browsers' TypeError for a missing argument.
func (w *web) requireArgs(c goja.FunctionCall, api string, n int) {
	if len(c.Arguments) < n {
		noun := "arguments"
		if n == 1 {
			noun = "argument"
		}
		panic(w.rt.NewTypeError(fmt.Sprintf("%s: %d %s required, but only %d present.", api, n, noun, len(c.Arguments))))
	}
}

// domString converts like Web IDL's DOMString: ToString, which throws on a symbol.
func domString(rt *goja.Runtime, v goja.Value) string {
	if _, ok := v.(*goja.Symbol); ok {
		panic(rt.NewTypeError("Cannot convert a Symbol value to a string"))
	}
	return v.String()
}

// newDOMException returns `new DOMException(message, name)`.
func (w *web) newDOMException(message, name string) *goja.Object {
	o, err := w.rt.New(w.domException, w.rt.ToValue(message), w.rt.ToValue(name))
	if err != nil {
		panic(err)
	}
	return o
}

// newTypeError returns `new TypeError(message)`, with cause unless it is nil.
func (w *web) newTypeError(message string, cause goja.Value) *goja.Object {
	o, err := w.rt.New(w.typeError, w.rt.ToValue(message))
	if err != nil {
		panic(err)
	}
	if cause != nil {
		o.DefineDataProperty("cause", cause, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	return o
}

// domExceptionCodes are the legacy codes of the names that have one.
var domExceptionCodes = map[string]int{
	"IndexSizeError": 1, "HierarchyRequestError": 3, "WrongDocumentError": 4,
	"InvalidCharacterError": 5, "NoModificationAllowedError": 7, "NotFoundError": 8,
	"NotSupportedError": 9, "InvalidStateError": 11, "SyntaxError": 12,
	"InvalidModificationError": 13, "NamespaceError": 14, "InvalidAccessError": 15,
	"TypeMismatchError": 17, "SecurityError": 18, "NetworkError": 19, "AbortError": 20,
	"URLMismatchError": 21, "QuotaExceededError": 22, "TimeoutError": 23,
	"InvalidNodeTypeError": 24, "DataCloneError": 25,
}

// installDOMException: new DOMException(message = "", name = "Error"). An
// instance is a real Error (its stack starts at the caller) whose prototype
// is DOMException.prototype; name is an own property so that the stack and
// String(e) read "AbortError: ...".
func (w *web) installDOMException() {
	rt := w.rt
	errorCtor := rt.Get("Error").(*goja.Object)
	ctor, proto := w.class("DOMException", 0, func(c goja.ConstructorCall) *goja.Object {
		message := ""
		if m := c.Argument(0); !goja.IsUndefined(m) {
			message = domString(rt, m)
		}
		name := "Error"
		var cause goja.Value
		if opt, ok := c.Argument(1).(*goja.Object); ok && !isCallable(opt) {
			if n := opt.Get("name"); !isNullish(n) {
				name = domString(rt, n)
			}
			cause = opt.Get("cause") // nil when absent

		} else if n := c.Argument(1); !goja.IsUndefined(n) {
			name = domString(rt, n)
		}
		e, err := rt.New(errorCtor, rt.ToValue(message))
		if err != nil {
			panic(err)
		}
		e.SetPrototype(c.This.Prototype())
		e.DefineDataProperty("name", rt.ToValue(name), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		if cause != nil {
			e.DefineDataProperty("cause", cause, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		}
		return e
	})
	proto.SetPrototype(errorCtor.Get("prototype").(*goja.Object))
	// Error.prototype's toStringTag is not "DOMException" in browsers.
	proto.DeleteSymbol(goja.SymToStringTag)
	w.getter(proto, "code", func(c goja.FunctionCall) goja.Value {
		o, ok := c.This.(*goja.Object)
		if !ok {
			panic(rt.NewTypeError("Illegal invocation"))
		}
		return rt.ToValue(domExceptionCodes[o.Get("name").String()])
	})
	w.domException = ctor
}

func isCallable(v goja.Value) bool {
	_, ok := goja.AssertFunction(v)
	return ok
}

// installBase64: atob and btoa with the HTML spec's forgiving base64 and
// Latin-1 strings (one character per byte).
func (w *web) installBase64() {
	rt := w.rt
	g := rt.GlobalObject()
	g.Set("btoa", jsfunc.New(rt, "btoa", 1, func(c goja.FunctionCall) goja.Value {
		w.requireArgs(c, "btoa", 1)
		s := domString(rt, c.Argument(0))
		b := make([]byte, 0, len(s))
		for _, r := range s {
			if r > 0xFF {
				panic(w.newDOMException("Invalid character", "InvalidCharacterError"))
			}
			b = append(b, byte(r))
		}
		return rt.ToValue(base64.StdEncoding.EncodeToString(b))
	}))
	g.Set("atob", jsfunc.New(rt, "atob", 1, func(c goja.FunctionCall) goja.Value {
		w.requireArgs(c, "atob", 1)
		b, problem := forgivingBase64(domString(rt, c.Argument(0)))
		if problem != "" {
			panic(w.newDOMException(problem, "InvalidCharacterError"))
		}
		return rt.ToValue(latin1(b))
	}))
}

// forgivingBase64 decodes as https://infra.spec.whatwg.org/#forgiving-base64-decode;
// problem is Node's message when it fails.
func forgivingBase64(s string) (b []byte, problem string) {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\f', '\r', ' ':
			return -1
		}
		return r
	}, s)
	if len(s)%4 == 0 {
		if strings.HasSuffix(s, "==") {
			s = s[:len(s)-2]
		} else if strings.HasSuffix(s, "=") {
			s = s[:len(s)-1]
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/') {
			return nil, "Invalid character"
		}
	}
	b, err := base64.RawStdEncoding.DecodeString(s)
	if len(s)%4 == 1 || err != nil {
		return nil, "The string to be decoded is not correctly encoded."
	}
	return b, ""
}

// latin1 maps each byte to the character with that code.
func latin1(b []byte) string {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}
