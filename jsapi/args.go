package jsapi

import (
	"fmt"

	"github.com/dop251/goja"
)

// Argument checks for flexrun's own bindings: they throw a TypeError that
// names the API, the argument and what was received.

func isNullish(v goja.Value) bool {
	return v == nil || goja.IsUndefined(v) || goja.IsNull(v)
}

// stringArg returns argument i as a string, or throws.
func stringArg(rt *goja.Runtime, api, name string, c goja.FunctionCall, i int) string {
	v := c.Argument(i)
	if s, ok := v.Export().(string); ok {
		if _, isObj := v.(*goja.Object); !isObj {
			return s
		}
	}
	panic(rt.NewTypeError(fmt.Sprintf("%s: %s must be a string, received %s", api, name, describe(v))))
}

// functionArg returns argument i as a callable, or throws.
func functionArg(rt *goja.Runtime, api, name string, c goja.FunctionCall, i int) (goja.Callable, goja.Value) {
	v := c.Argument(i)
	if f, ok := goja.AssertFunction(v); ok {
		return f, v
	}
	panic(rt.NewTypeError(fmt.Sprintf("%s: %s must be a function, received %s", api, name, describe(v))))
}

func describe(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
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
