package web

import (
	"fmt"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsfunc"
)

// Web IDL bindings: classes with their operations and attributes on a
// shared prototype, the Go state of an instance in its slot, and the
// argument conversions and checks browsers apply.

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
	return jsfunc.As[T](s)
}

// thisSlot is slotOf(this), or a TypeError as browsers throw.
func thisSlot[T any](w *web, c goja.FunctionCall) T {
	t, ok := slotOf[T](w, c.This)
	if !ok {
		panic(w.rt.NewTypeError("Illegal invocation"))
	}
	return t
}

// thisGo is this as the Go value T of a Go-backed object (Storage,
// CSSStyleDeclaration), or a TypeError as browsers throw.
func thisGo[T any](w *web, c goja.FunctionCall) T {
	if o, ok := c.This.(*goja.Object); ok {
		if t, ok := jsfunc.As[T](o); ok {
			return t
		}
	}
	panic(w.rt.NewTypeError("Illegal invocation"))
}

// requireArgs throws the browsers' TypeError for a missing argument.
func (w *web) requireArgs(c goja.FunctionCall, api string, n int) {
	requireCount(w.rt, api, n, len(c.Arguments))
}

// requireCount is requireArgs for a call that has have arguments (a
// constructor's).
func requireCount(rt *goja.Runtime, api string, n, have int) {
	if have < n {
		noun := "arguments"
		if n == 1 {
			noun = "argument"
		}
		panic(rt.NewTypeError(fmt.Sprintf("%s: %d %s required, but only %d present.", api, n, noun, have)))
	}
}

// domString converts like Web IDL's DOMString: ToString, which throws on a symbol.
func domString(rt *goja.Runtime, v goja.Value) string {
	if _, ok := v.(*goja.Symbol); ok {
		panic(rt.NewTypeError("Cannot convert a Symbol value to a string"))
	}
	return v.String()
}

func isCallable(v goja.Value) bool {
	_, ok := goja.AssertFunction(v)
	return ok
}
