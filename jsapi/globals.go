package jsapi

import (
	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/internal/jsargs"
	"github.com/flexrun/flexrun/internal/jsfunc"
)

// Globals goja lacks that Node and browsers have (see goja-gaps.md).
func (h *Host) installGlobals(v *engine.VM) {
	rt := v.Runtime()
	g := rt.GlobalObject()

	// queueMicrotask: a throw in the callback is an uncaught error, as in Node.
	g.Set("queueMicrotask", jsfunc.New(rt, "queueMicrotask", 1, func(c goja.FunctionCall) goja.Value {
		fn, _ := jsargs.Function(rt, "queueMicrotask", "the callback", c, 0)
		owner := v.CurrentOwner()
		v.QueueMicrotask(func() {
			if _, err := fn(goja.Undefined()); err != nil {
				v.ReportUncaught(owner, err)
			}
		})
		return goja.Undefined()
	}))

	g.Set("structuredClone", jsfunc.New(rt, "structuredClone", 1, func(c goja.FunctionCall) goja.Value {
		if len(c.Arguments) == 0 {
			panic(rt.NewTypeError("structuredClone: the value argument is required"))
		}
		return structuredClone(rt, c.Argument(0))
	}))

	perf := rt.NewObject()
	perf.Set("now", jsfunc.New(rt, "now", 0, func(goja.FunctionCall) goja.Value {
		return rt.ToValue(float64(v.Now().Sub(h.start).Nanoseconds()) / 1e6)
	}))
	perf.Set("timeOrigin", float64(h.start.UnixNano())/1e6)
	g.Set("performance", perf)
}
