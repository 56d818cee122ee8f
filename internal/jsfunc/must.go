package jsfunc

import (
	"fmt"

	"github.com/dop251/goja"
)

// MustRun runs src, flexrun's own JavaScript, and returns its value; an
// error is a bug in flexrun, so it panics.
func MustRun(rt *goja.Runtime, src string) goja.Value {
	v, err := rt.RunString(src)
	if err != nil {
		panic(err)
	}
	return v
}

// MustCallable returns v as a function; v comes from flexrun's own
// JavaScript or a host module, so anything else is a bug and panics.
func MustCallable(v goja.Value) goja.Callable {
	f, ok := goja.AssertFunction(v)
	if !ok {
		panic(fmt.Sprintf("flexrun: %v is not callable", v))
	}
	return f
}
