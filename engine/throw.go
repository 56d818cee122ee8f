package engine

import (
	"errors"
	"fmt"

	"github.com/dop251/goja"
)

// thrown carries a JavaScript value to throw back into the caller's code.
type thrown struct {
	val goja.Value
	v   *VM
}

// Error is the value's string form. Loop only, like the value.
func (t *thrown) Error() string { return t.v.describe(t.val) }

func (v *VM) throwValue(val goja.Value) error { return &thrown{val: val, v: v} }

// Thrown wraps a JavaScript value (a rejection reason, a caught throw) as an
// error for ReportUncaught and Throw. Loop only.
func (v *VM) Thrown(val goja.Value) error { return v.throwValue(val) }

// typeError is the TypeError flexrun's own argument checks throw: it names
// the API, the argument and what was received.
func (v *VM) typeError(api, arg string, got goja.Value) error {
	return v.throwValue(v.newError(v.typeErrorCtor,
		fmt.Sprintf("%s: %s must be a function, received %s", api, arg, describeReceived(got))))
}

// Throw rethrows an error returned by a VM method into the JavaScript code
// that called the binding: a thrown value as itself, other errors as Error.
// It does not return. Loop only, inside a binding.
func (v *VM) Throw(err error) {
	var t *thrown
	var ex *goja.Exception
	switch {
	case errors.As(err, &t):
		panic(t.val)
	case errors.As(err, &ex):
		panic(ex.Value())
	case isUncatchable(err):
		panic(err)
	default:
		panic(v.newError(v.errorCtor, err.Error()))
	}
}

// describeReceived words a bad argument the way Node's ERR_INVALID_ARG_TYPE does.
func describeReceived(val goja.Value) string {
	switch {
	case val == nil || goja.IsUndefined(val):
		return "undefined"
	case goja.IsNull(val):
		return "null"
	}
	obj, isObj := val.(*goja.Object)
	if !isObj {
		return describePrimitive(val)
	}
	if _, isFn := goja.AssertFunction(val); isFn {
		return "function " + stringOf(obj.Get("name"))
	}
	if c, ok := obj.Get("constructor").(*goja.Object); ok {
		if n := stringOf(c.Get("name")); n != "" && n != "undefined" {
			return "an instance of " + n
		}
	}
	return "an instance of Object"
}

func describePrimitive(val goja.Value) string {
	switch x := val.Export().(type) {
	case string:
		if len(x) > 25 {
			x = x[:25] + "..."
		}
		return fmt.Sprintf("type string ('%s')", x)
	case int64, float64, bool:
		return fmt.Sprintf("type %s (%s)", jsType(x), val.String())
	}
	return val.String()
}

func jsType(x any) string {
	if _, ok := x.(bool); ok {
		return "boolean"
	}
	return "number"
}

// stringOf is String() for bindings: inside a binding, what a toString
// throws is thrown on to the caller, as goja does.
func stringOf(val goja.Value) string {
	if val == nil {
		return "undefined"
	}
	return val.String()
}
