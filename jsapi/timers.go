package jsapi

import (
	"time"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/engine"
)

// Timers as in the browser Flex runs in: numeric ids, a 1 ms minimum, extra
// arguments passed to the callback. The engine's queue keeps Node's order
// (deadline, then the order they were set); each callback runs as its own
// job with microtasks drained after it.

// maxTimerMillis is the largest delay Node accepts (2^31-1 ms); larger ones fire after 1 ms.
const maxTimerMillis = 1<<31 - 1

func (h *Host) installTimers(v *engine.VM) {
	rt := v.Runtime()
	g := rt.GlobalObject()
	set := func(api string, repeat bool) func(goja.FunctionCall) goja.Value {
		return func(c goja.FunctionCall) goja.Value {
			fn, _ := functionArg(rt, api, "the callback", c, 0)
			ms := c.Argument(1).ToFloat()
			if !(ms > 0) || ms > maxTimerMillis { // NaN too; Node treats both as 1 ms
				ms = 0
			}
			delay := time.Duration(ms * float64(time.Millisecond))
			var args []goja.Value
			if len(c.Arguments) > 2 {
				args = append(args, c.Arguments[2:]...)
			}
			owner := v.CurrentOwner()
			id := v.SetTimer(owner, delay, repeat, func() {
				if _, err := fn(goja.Undefined(), args...); err != nil {
					v.ReportUncaught(owner, err)
				}
			})
			return rt.ToValue(id)
		}
	}
	clear := func(c goja.FunctionCall) goja.Value {
		if id := c.Argument(0); !isNullish(id) {
			v.ClearTimer(int(id.ToInteger()))
		}
		return goja.Undefined()
	}
	g.Set("setTimeout", set("setTimeout", false))
	g.Set("setInterval", set("setInterval", true))
	g.Set("clearTimeout", clear)
	g.Set("clearInterval", clear)
}
