package jsapi

import (
	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsfunc"
)

// cloneIntrinsics are the built-ins structuredClone uses, captured at
// Setup: a plugin may replace Map.prototype.set, Array.from or the global
// Map for everyone, and structuredClone must not change with it.
type cloneIntrinsics struct {
	ctors                  map[string]goja.Value // Map, Set, Date, RegExp and the error constructors
	mapHas, setHas         goja.Callable
	mapSet, setAdd         goja.Callable
	mapForEach, setForEach goja.Callable
	dateGetTime            goja.Callable
	functionSource         goja.Callable // Function.prototype.toString, for the DataCloneError
}

func newCloneIntrinsics(rt *goja.Runtime) *cloneIntrinsics {
	ci := &cloneIntrinsics{ctors: map[string]goja.Value{}}
	for _, name := range []string{"Map", "Set", "Date", "RegExp", "Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError"} {
		ci.ctors[name] = rt.Get(name)
	}
	method := func(ctor, name string) goja.Callable {
		return jsfunc.MustCallable(ci.ctors[ctor].(*goja.Object).Get("prototype").(*goja.Object).Get(name))
	}
	ci.mapHas, ci.setHas = method("Map", "has"), method("Set", "has")
	ci.mapSet, ci.setAdd = method("Map", "set"), method("Set", "add")
	ci.mapForEach, ci.setForEach = method("Map", "forEach"), method("Set", "forEach")
	ci.dateGetTime = method("Date", "getTime")
	ci.functionSource = jsfunc.MustCallable(rt.Get("Function").(*goja.Object).Get("prototype").(*goja.Object).Get("toString"))
	return ci
}

// structuredClone copies plain data the way the HTML structured clone
// algorithm does: objects, arrays, Map, Set, Date, RegExp, errors and
// primitives, keeping shared references and cycles; functions and symbols
// throw a DataCloneError.
func structuredClone(rt *goja.Runtime, ci *cloneIntrinsics, val goja.Value) goja.Value {
	c := &cloner{rt: rt, ci: ci, seen: map[*goja.Object]*goja.Object{}}
	return c.clone(val)
}

type cloner struct {
	rt   *goja.Runtime
	ci   *cloneIntrinsics
	seen map[*goja.Object]*goja.Object
}

func (c *cloner) fail(what string) {
	e, _ := c.rt.New(c.ci.ctors["Error"], c.rt.ToValue(what+" could not be cloned."))
	e.Set("name", "DataCloneError")
	panic(e)
}

// hasBrand reports whether obj is a real Map or Set (ctor): the
// prototype's has method throws a TypeError for anything else.
func (c *cloner) hasBrand(obj *goja.Object, has goja.Callable) bool {
	_, err := has(obj, goja.Undefined())
	return err == nil
}

func (c *cloner) clone(val goja.Value) goja.Value {
	obj, ok := val.(*goja.Object)
	if !ok {
		if sym, isSym := val.(*goja.Symbol); isSym {
			c.fail("Symbol(" + sym.String() + ")") // Node's text: "Symbol(desc) could not be cloned."
		}
		return val
	}
	if done, ok := c.seen[obj]; ok {
		return done
	}
	if _, isFn := goja.AssertFunction(obj); isFn {
		src, err := c.ci.functionSource(obj)
		if err != nil {
			panic(err)
		}
		c.fail(src.String())
	}
	rt := c.rt
	construct := func(name string, args ...goja.Value) *goja.Object {
		o, err := rt.New(c.ci.ctors[name], args...)
		if err != nil {
			panic(err)
		}
		return o
	}
	var out *goja.Object
	class := obj.ClassName()
	if class == "Object" { // goja reports Map and Set as "Object": check their brand
		switch {
		case c.hasBrand(obj, c.ci.mapHas):
			class = "Map"
		case c.hasBrand(obj, c.ci.setHas):
			class = "Set"
		}
	}
	switch class {
	case "Array":
		out = rt.NewArray()
		c.seen[obj] = out
		n := obj.Get("length").ToInteger()
		out.Set("length", n)
		for _, k := range obj.Keys() {
			out.Set(k, c.clone(obj.Get(k)))
		}
		return out
	case "Date":
		t, err := c.ci.dateGetTime(obj)
		if err != nil {
			panic(err)
		}
		out = construct("Date", t)
		c.seen[obj] = out
		return out
	case "RegExp":
		out = construct("RegExp", obj.Get("source"), obj.Get("flags"))
		c.seen[obj] = out
		return out
	case "Error":
		name := "Error"
		switch n := obj.Get("name"); {
		case n == nil:
		case n.String() == "EvalError", n.String() == "RangeError", n.String() == "ReferenceError",
			n.String() == "SyntaxError", n.String() == "TypeError", n.String() == "URIError":
			name = n.String()
		}
		out = construct(name, obj.Get("message"))
		if s := obj.Get("stack"); s != nil {
			out.Set("stack", s)
		}
		c.seen[obj] = out
		return out
	case "Map":
		out = construct("Map")
		c.seen[obj] = out
		for _, e := range c.entries(c.ci.mapForEach, obj) {
			c.call(c.ci.mapSet, out, c.clone(e[1]), c.clone(e[0]))
		}
		return out
	case "Set":
		out = construct("Set")
		c.seen[obj] = out
		for _, e := range c.entries(c.ci.setForEach, obj) {
			c.call(c.ci.setAdd, out, c.clone(e[0]))
		}
		return out
	}
	out = rt.NewObject()
	c.seen[obj] = out
	for _, k := range obj.Keys() {
		out.Set(k, c.clone(obj.Get(k)))
	}
	return out
}

// entries lists a Map's or Set's (value, key) pairs with its original
// forEach, which reads no iterator a plugin could have replaced.
func (c *cloner) entries(forEach goja.Callable, obj *goja.Object) [][2]goja.Value {
	var out [][2]goja.Value
	collect := c.rt.ToValue(func(fc goja.FunctionCall) goja.Value {
		out = append(out, [2]goja.Value{fc.Argument(0), fc.Argument(1)})
		return goja.Undefined()
	})
	c.call(forEach, obj, collect)
	return out
}

func (c *cloner) call(fn goja.Callable, this goja.Value, args ...goja.Value) {
	if _, err := fn(this, args...); err != nil {
		panic(err)
	}
}
