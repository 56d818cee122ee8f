package jsapi

import (
	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsfunc"
)

// newEmitter is the event emitter addListener returns (spec rule 4): the
// listener registry's own methods, stamped with the facade's owner, and no
// Actions methods. Each method is named after its key (on and off too).
func (a *actionsFacade) newEmitter() *goja.Object {
	obj := a.rt.NewObject()
	self := func(fn func(goja.FunctionCall) goja.Value) func(goja.FunctionCall) goja.Value {
		return func(c goja.FunctionCall) goja.Value {
			fn(c)
			return obj
		}
	}
	for _, m := range []struct {
		name string
		fn   func(goja.FunctionCall) goja.Value
	}{
		{"addListener", self(a.addListener)},
		{"on", self(a.addListener)},
		{"removeListener", self(a.removeListener)},
		{"off", self(a.removeListener)},
		{"removeAllListeners", self(a.removeAllListeners)},
		{"listenerCount", func(c goja.FunctionCall) goja.Value {
			if isSymbol(c.Argument(0)) { // never filed: addListener refuses it
				return a.rt.ToValue(0)
			}
			return a.rt.ToValue(a.v.ListenerCount(a.eventName("listenerCount", c.Argument(0))))
		}},
		{"setMaxListeners", self(func(goja.FunctionCall) goja.Value { return nil })},
		{"getMaxListeners", func(goja.FunctionCall) goja.Value { return a.rt.ToValue(0) }},
	} {
		obj.Set(m.name, jsfunc.New(a.rt, m.name, 0, m.fn))
	}
	return obj
}
