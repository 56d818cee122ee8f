package jsapi

import (
	"github.com/dop251/goja"
)

// newEmitter is the event emitter addListener returns (spec rule 4): the
// listener registry's own methods, stamped with the facade's owner, and no
// Actions methods.
func (a *actionsFacade) newEmitter() *goja.Object {
	obj := a.rt.NewObject()
	self := func(fn func(goja.FunctionCall) goja.Value) func(goja.FunctionCall) goja.Value {
		return func(c goja.FunctionCall) goja.Value {
			fn(c)
			return obj
		}
	}
	obj.Set("addListener", self(a.addListener))
	obj.Set("on", self(a.addListener))
	obj.Set("removeListener", self(a.removeListener))
	obj.Set("off", self(a.removeListener))
	obj.Set("removeAllListeners", self(a.removeAllListeners))
	obj.Set("listenerCount", func(c goja.FunctionCall) goja.Value {
		return a.rt.ToValue(a.v.ListenerCount(eventName(c.Argument(0))))
	})
	obj.Set("setMaxListeners", self(func(goja.FunctionCall) goja.Value { return nil }))
	obj.Set("getMaxListeners", func(goja.FunctionCall) goja.Value { return a.rt.ToValue(0) })
	return obj
}
