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
	installNativeBounds(rt)     // natives.go: built-ins the job budget cannot stop
	installHelperIntrinsics(rt) // helpers.go: what esbuild's helpers read

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

	// global: webpack 4, which Flex 1.x plugins were built with, gives
	// browser bundles Node's name for the global object; jss, twilsock and
	// other packages use it.
	g.Set("global", g)

	ci := newCloneIntrinsics(rt)
	g.Set("structuredClone", jsfunc.New(rt, "structuredClone", 1, func(c goja.FunctionCall) goja.Value {
		if len(c.Arguments) == 0 {
			panic(rt.NewTypeError("structuredClone: the value argument is required"))
		}
		return structuredClone(rt, ci, c.Argument(0))
	}))

	perf := rt.NewObject()
	perf.Set("now", jsfunc.New(rt, "now", 0, func(goja.FunctionCall) goja.Value {
		return rt.ToValue(float64(v.Now().Sub(h.start).Nanoseconds()) / 1e6)
	}))
	perf.Set("timeOrigin", float64(h.start.UnixNano())/1e6)
	g.Set("performance", perf)
}

// installReactGlobal defines window.React as the Flex 1.x page has it: the
// react every plugin shares (the project's own copy when one was provided
// by then, else the stand-in), read when first used. A plugin may assign
// its own.
func (h *Host) installReactGlobal(v *engine.VM) {
	rt := v.Runtime()
	get := jsfunc.New(rt, "get React", 0, func(goja.FunctionCall) goja.Value {
		m, err := h.require(v, engine.ScriptOwner, "react")
		if err != nil {
			panic(rt.NewGoError(err))
		}
		return m
	})
	set := jsfunc.New(rt, "set React", 1, func(c goja.FunctionCall) goja.Value {
		h.global.DefineDataProperty("React", c.Argument(0), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		return goja.Undefined()
	})
	h.global.DefineAccessorProperty("React", get, set, goja.FLAG_TRUE, goja.FLAG_FALSE)
}
