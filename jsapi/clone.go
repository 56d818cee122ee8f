package jsapi

import (
	"strconv"

	"github.com/dop251/goja"
)

// structuredClone copies plain data the way the HTML structured clone
// algorithm does: objects, arrays, Map, Set, Date, RegExp, errors and
// primitives, keeping shared references and cycles; functions and symbols
// throw a DataCloneError.
func structuredClone(rt *goja.Runtime, val goja.Value) goja.Value {
	c := &cloner{rt: rt, seen: map[*goja.Object]*goja.Object{}}
	return c.clone(val)
}

type cloner struct {
	rt   *goja.Runtime
	seen map[*goja.Object]*goja.Object
}

func (c *cloner) fail(what string) {
	ctor := c.rt.Get("Error")
	e, _ := c.rt.New(ctor, c.rt.ToValue(what+" could not be cloned."))
	e.Set("name", "DataCloneError")
	panic(e)
}

// hasBrand reports whether obj is a real Map or Set (ctor): the
// prototype's has method throws a TypeError for anything else.
func (c *cloner) hasBrand(obj *goja.Object, ctor string) bool {
	has, ok := goja.AssertFunction(c.rt.Get(ctor).(*goja.Object).Get("prototype").(*goja.Object).Get("has"))
	if !ok {
		return false
	}
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
		c.fail(obj.String())
	}
	rt := c.rt
	construct := func(name string, args ...goja.Value) *goja.Object {
		o, err := rt.New(rt.Get(name), args...)
		if err != nil {
			panic(err)
		}
		return o
	}
	var out *goja.Object
	class := obj.ClassName()
	if class == "Object" { // goja reports Map and Set as "Object": check their brand
		switch {
		case c.hasBrand(obj, "Map"):
			class = "Map"
		case c.hasBrand(obj, "Set"):
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
		getTime, _ := goja.AssertFunction(obj.Get("getTime"))
		t, err := getTime(obj)
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
		set, _ := goja.AssertFunction(out.Get("set"))
		entries := rt.Get("Array").(*goja.Object).Get("from")
		from, _ := goja.AssertFunction(entries)
		list, err := from(goja.Undefined(), obj)
		if err != nil {
			panic(err)
		}
		lo := list.(*goja.Object)
		for i := int64(0); i < lo.Get("length").ToInteger(); i++ {
			pair := lo.Get(strconv.FormatInt(i, 10)).(*goja.Object)
			set(out, c.clone(pair.Get("0")), c.clone(pair.Get("1")))
		}
		return out
	case "Set":
		out = construct("Set")
		c.seen[obj] = out
		add, _ := goja.AssertFunction(out.Get("add"))
		from, _ := goja.AssertFunction(rt.Get("Array").(*goja.Object).Get("from"))
		list, err := from(goja.Undefined(), obj)
		if err != nil {
			panic(err)
		}
		lo := list.(*goja.Object)
		for i := int64(0); i < lo.Get("length").ToInteger(); i++ {
			add(out, c.clone(lo.Get(strconv.FormatInt(i, 10))))
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
