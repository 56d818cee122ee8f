package jsapi

// JSON.stringify's depth bound (see natives.go for why).
//
// goja's JSON.stringify recurses in Go and scans the path for cycles at
// every level, so its time is quadratic in the depth and no interrupt
// reaches it. The guard follows the depth without a walk of its own,
// which would run getters and toJSON twice: it hands goja a replacer
// function, which goja calls once for every property with the holder as
// this, before it serializes the value. Since the serialization is depth
// first, the holder is always on the path of objects the guard keeps, so
// popping to it and pushing the value tracks the path. A replacer
// function given by the caller is called first, as goja would call it.
//
// A property-list replacer (an array) cannot be combined with a replacer
// function, so that form runs unguarded (README, "goja differences").

import "github.com/dop251/goja"

func (b *nativeBounds) stringify(c goja.FunctionCall, orig func(goja.FunctionCall) goja.Value) goja.Value {
	var user goja.Callable
	if r, ok := c.Argument(1).(*goja.Object); ok {
		if is, err := b.isArray(goja.Undefined(), r); err != nil {
			panic(err) // a revoked Proxy
		} else if is.ToBoolean() {
			return orig(c)
		}
		user, _ = goja.AssertFunction(r)
	}
	var path []*goja.Object // holders from the root wrapper down
	track := func(rc goja.FunctionCall) goja.Value {
		holder, _ := rc.This.(*goja.Object)
		value := rc.Argument(1)
		if user != nil {
			v, err := user(rc.This, rc.Argument(0), value)
			if err != nil {
				panic(err)
			}
			value = v
		}
		for len(path) > 0 && path[len(path)-1] != holder {
			path = path[:len(path)-1]
		}
		if len(path) == 0 {
			path = append(path, holder) // goja's {"": value}
		}
		if o, ok := value.(*goja.Object); ok {
			if len(path) > maxJSONDepth {
				b.throw("Maximum call stack size exceeded")
			}
			path = append(path, o)
		}
		return value
	}
	return orig(goja.FunctionCall{
		This:      c.This,
		Arguments: []goja.Value{c.Argument(0), b.rt.ToValue(track), c.Argument(2)},
	})
}
