package jsfunc_test

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsfunc"
)

func TestNamesAndLengths(t *testing.T) {
	t.Parallel()
	rt := goja.New()
	noop := func(goja.FunctionCall) goja.Value { return goja.Undefined() }
	_ = rt.Set("f", jsfunc.New(rt, "setTimeout", 1, noop))
	_ = rt.Set("g", jsfunc.New(rt, "get size", 0, noop))
	_ = rt.Set("C", jsfunc.Constructor(rt, "URL", 1, func(goja.ConstructorCall) *goja.Object { return nil }))
	renamed := rt.ToValue(noop).(*goja.Object)
	jsfunc.SetName(rt, renamed, "append", 2)
	_ = rt.Set("r", renamed)
	for script, want := range map[string]string{
		"f.name + '/' + f.length":                                      "setTimeout/1",
		"g.name + '/' + g.length":                                      "get size/0",
		"C.name + '/' + C.length":                                      "URL/1",
		"r.name + '/' + r.length":                                      "append/2",
		"new C('x') instanceof C":                                      "true",
		"Object.getOwnPropertyNames(f)+''":                             "length,name",
		`JSON.stringify(Object.getOwnPropertyDescriptor(f, "name"))`:   `{"value":"setTimeout","writable":false,"enumerable":false,"configurable":true}`,
		`JSON.stringify(Object.getOwnPropertyDescriptor(f, "length"))`: `{"value":1,"writable":false,"enumerable":false,"configurable":true}`,
		"String(f)": "function setTimeout() { [native code] }",
	} {
		v, err := rt.RunString(script)
		if err != nil {
			t.Fatalf("%s: %v", script, err)
		}
		if have := v.String(); have != want {
			t.Errorf("%s\nhave %s\nwant %s", script, have, want)
		}
	}
}
