// Package jsargs holds the argument checks flexrun's own bindings share
// (package jsapi and its sub-packages): they throw a TypeError that names
// the API, the argument and what was received. Loop only, like the values
// they read.
package jsargs

import (
	"fmt"

	"github.com/dop251/goja"
)

// IsNullish reports whether v is undefined, null or absent (nil).
func IsNullish(v goja.Value) bool {
	return v == nil || goja.IsUndefined(v) || goja.IsNull(v)
}

// Describe names v for a TypeError's "received ...": "undefined", "null",
// "a function", "an object", `string "x"`, "boolean true", "number 3".
func Describe(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	if _, ok := v.(*goja.Symbol); ok {
		return "symbol Symbol(" + v.String() + ")" // goja's String() is the bare description
	}
	if _, ok := v.(*goja.Object); ok {
		if _, isFn := goja.AssertFunction(v); isFn {
			return "a function"
		}
		return "an object"
	}
	if s, ok := v.Export().(string); ok {
		return fmt.Sprintf("string %q", s)
	}
	switch v.Export().(type) {
	case bool:
		return "boolean " + v.String()
	case int64, float64:
		return "number " + v.String()
	}
	return v.String()
}

// String returns argument i of c as a string, or throws a TypeError:
// "api: name must be a string, received ...".
func String(rt *goja.Runtime, api, name string, c goja.FunctionCall, i int) string {
	v := c.Argument(i)
	_, isObj := v.(*goja.Object) // asked first: Export of an array copies it
	_, isSym := v.(*goja.Symbol)
	if !isObj && !isSym {
		if s, ok := v.Export().(string); ok {
			return s
		}
	}
	panic(rt.NewTypeError(fmt.Sprintf("%s: %s must be a string, received %s", api, name, Describe(v))))
}

// Function returns argument i of c as a callable and as the value it is,
// or throws a TypeError: "api: name must be a function, received ...".
func Function(rt *goja.Runtime, api, name string, c goja.FunctionCall, i int) (goja.Callable, goja.Value) {
	v := c.Argument(i)
	if f, ok := goja.AssertFunction(v); ok {
		return f, v
	}
	panic(rt.NewTypeError(fmt.Sprintf("%s: %s must be a function, received %s", api, name, Describe(v))))
}
