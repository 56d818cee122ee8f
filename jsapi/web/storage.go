package web

import (
	"slices"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsfunc"
)

// localStorage and sessionStorage: in memory, one pair per engine, kept
// for the engine's life (plugin reloads do not clear them). Keys are listed
// in insertion order. As in browsers, items are also named properties
// (localStorage.theme, Object.keys(localStorage)) unless the name is a
// method or property of Storage (getItem, length, ...), and values are
// always strings. There is no quota and no storage event.

type storage struct {
	rt    *goja.Runtime
	proto *goja.Object
	keys  []string
	items map[string]string
}

var _ goja.DynamicObject = (*storage)(nil)

func (w *web) installStorage() {
	rt := w.rt
	ctor := jsfunc.Constructor(rt, "Storage", 0, func(goja.ConstructorCall) *goja.Object {
		panic(rt.NewTypeError("Illegal constructor"))
	})
	proto := ctor.Get("prototype").(*goja.Object)
	proto.DefineDataPropertySymbol(goja.SymToStringTag, rt.ToValue("Storage"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)

	this := thisGo[*storage]
	w.method(proto, "getItem", 1, func(c goja.FunctionCall) goja.Value {
		s := this(w, c)
		w.requireArgs(c, "Storage.getItem", 1)
		if v, ok := s.items[domString(rt, c.Argument(0))]; ok {
			return rt.ToValue(v)
		}
		return goja.Null()
	})
	w.method(proto, "setItem", 2, func(c goja.FunctionCall) goja.Value {
		s := this(w, c)
		w.requireArgs(c, "Storage.setItem", 2)
		s.setItem(domString(rt, c.Argument(0)), domString(rt, c.Argument(1)))
		return goja.Undefined()
	})
	w.method(proto, "removeItem", 1, func(c goja.FunctionCall) goja.Value {
		s := this(w, c)
		w.requireArgs(c, "Storage.removeItem", 1)
		s.removeItem(domString(rt, c.Argument(0)))
		return goja.Undefined()
	})
	w.method(proto, "clear", 0, func(c goja.FunctionCall) goja.Value {
		s := this(w, c)
		s.keys, s.items = nil, map[string]string{}
		return goja.Undefined()
	})
	w.method(proto, "key", 1, func(c goja.FunctionCall) goja.Value {
		s := this(w, c)
		w.requireArgs(c, "Storage.key", 1)
		if i := c.Argument(0).ToInteger(); i >= 0 && i < int64(len(s.keys)) {
			return rt.ToValue(s.keys[i])
		}
		return goja.Null()
	})
	w.getter(proto, "length", func(c goja.FunctionCall) goja.Value {
		return rt.ToValue(len(this(w, c).keys))
	})

	for _, name := range []string{"localStorage", "sessionStorage"} {
		s := &storage{rt: rt, proto: proto, items: map[string]string{}}
		o := rt.NewDynamicObject(s)
		o.SetPrototype(proto)
		rt.GlobalObject().Set(name, o)
	}
}

func (s *storage) setItem(key, value string) {
	if _, ok := s.items[key]; !ok {
		s.keys = append(s.keys, key)
	}
	s.items[key] = value
}

func (s *storage) removeItem(key string) {
	if _, ok := s.items[key]; ok {
		delete(s.items, key)
		s.keys = slices.DeleteFunc(s.keys, func(k string) bool { return k == key })
	}
}

// shadowed: a name Storage.prototype (or Object.prototype) already has is
// not a named property, as in browsers' "named property visibility".
func (s *storage) shadowed(key string) bool { return s.proto.Get(key) != nil }

// Get implements goja.DynamicObject: nil falls through to the prototype.
func (s *storage) Get(key string) goja.Value {
	if v, ok := s.items[key]; ok && !s.shadowed(key) {
		return s.rt.ToValue(v)
	}
	return nil
}

// Set implements goja.DynamicObject: assignment stores the value as a string.
func (s *storage) Set(key string, val goja.Value) bool {
	s.setItem(key, domString(s.rt, val))
	return true
}

// Has implements goja.DynamicObject.
func (s *storage) Has(key string) bool {
	_, ok := s.items[key]
	return ok && !s.shadowed(key)
}

// Delete implements goja.DynamicObject.
func (s *storage) Delete(key string) bool {
	if !s.shadowed(key) {
		s.removeItem(key)
	}
	return true
}

// Keys implements goja.DynamicObject.
func (s *storage) Keys() []string {
	out := make([]string, 0, len(s.keys))
	for _, k := range s.keys {
		if !s.shadowed(k) {
			out = append(out, k)
		}
	}
	return out
}
