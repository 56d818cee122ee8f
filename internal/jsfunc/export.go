package jsfunc

import (
	"reflect"

	"github.com/dop251/goja"
)

// As returns v's Go value if it is a T, asking the type first: Export of a
// plain array copies every element (2**32-1 of them, for a hostile length).
func As[T any](v goja.Value) (T, bool) {
	var zero T
	if v == nil {
		return zero, false
	}
	if et := v.ExportType(); et == nil || !et.AssignableTo(reflect.TypeFor[T]()) {
		return zero, false
	}
	t, ok := v.Export().(T)
	return t, ok
}
