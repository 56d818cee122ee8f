package web

import (
	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsargs"
)

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
			if n := opt.Get("name"); !jsargs.IsNullish(n) {
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
