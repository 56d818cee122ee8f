package jsapi

import (
	"time"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/internal/jsargs"
	"github.com/flexrun/flexrun/internal/jsfunc"
)

// Timers as in the browser Flex runs in: numeric ids, a 1 ms minimum, extra
// arguments passed to the callback. The engine's queue keeps Node's order
// (deadline, then the order they were set); each callback runs as its own
// job with microtasks drained after it.

// maxTimerMillis is the largest delay Node accepts (2^31-1 ms); larger ones fire after 1 ms.
const maxTimerMillis = 1<<31 - 1

func (h *Host) installTimers(v *engine.VM) {
	g := v.Runtime().GlobalObject()
	t := newTimerFuncs(v, v.CurrentOwner)
	g.Set("setTimeout", t.setTimeout)
	g.Set("setInterval", t.setInterval)
	g.Set("clearTimeout", t.clearTimeout)
	g.Set("clearInterval", t.clearInterval)
	h.installAnimationFrames(v)
}

// frameInterval is how often a headless page "paints": 60 frames a second.
const frameInterval = 16 * time.Millisecond

// installAnimationFrames adds requestAnimationFrame, which React's
// scheduler and animation libraries look for: nothing paints, so a frame
// is a timer of one frame's time whose callback gets performance.now().
func (h *Host) installAnimationFrames(v *engine.VM) {
	rt := v.Runtime()
	g := rt.GlobalObject()
	g.Set("requestAnimationFrame", jsfunc.New(rt, "requestAnimationFrame", 1, func(c goja.FunctionCall) goja.Value {
		fn, _ := jsargs.Function(rt, "requestAnimationFrame", "the callback", c, 0)
		who := v.CurrentOwner()
		id := v.SetTimer(who, frameInterval, false, func() {
			now := float64(v.Now().Sub(h.start).Nanoseconds()) / 1e6
			if _, err := fn(goja.Undefined(), rt.ToValue(now)); err != nil {
				v.ReportUncaught(who, err)
			}
		})
		return rt.ToValue(id)
	}))
	g.Set("cancelAnimationFrame", jsfunc.New(rt, "cancelAnimationFrame", 1, func(c goja.FunctionCall) goja.Value {
		if id := c.Argument(0); !jsargs.IsNullish(id) {
			v.ClearTimer(int(id.ToInteger()))
		}
		return goja.Undefined()
	}))
}

// timerFuncs are setTimeout & co. stamping the timers they set with an
// owner. The globals use the owner of the running job; a plugin's bundle
// gets its own set as parameters (see plugins.Build), so that its timers
// are its own even when they are set from a callback of another job.
// As in browsers, clearTimeout and clearInterval are two functions that
// clear any timer.
type timerFuncs struct {
	setTimeout, setInterval, clearTimeout, clearInterval goja.Value
}

func newTimerFuncs(v *engine.VM, owner func() engine.Owner) timerFuncs {
	rt := v.Runtime()
	// The lengths are the browsers' (Web IDL), not Node's (5 and 1).
	set := func(api string, repeat bool) goja.Value {
		return jsfunc.New(rt, api, 1, func(c goja.FunctionCall) goja.Value {
			fn, _ := jsargs.Function(rt, api, "the callback", c, 0)
			ms := c.Argument(1).ToFloat()
			if !(ms > 0) || ms > maxTimerMillis { // NaN too; Node treats both as 1 ms
				ms = 0
			}
			delay := time.Duration(ms * float64(time.Millisecond))
			var args []goja.Value
			if len(c.Arguments) > 2 {
				args = append(args, c.Arguments[2:]...)
			}
			who := owner()
			id := v.SetTimer(who, delay, repeat, func() {
				if _, err := fn(goja.Undefined(), args...); err != nil {
					v.ReportUncaught(who, err)
				}
			})
			return rt.ToValue(id)
		})
	}
	clearTimer := func(c goja.FunctionCall) goja.Value {
		if id := c.Argument(0); !jsargs.IsNullish(id) {
			v.ClearTimer(int(id.ToInteger()))
		}
		return goja.Undefined()
	}
	return timerFuncs{
		setTimeout:    set("setTimeout", false),
		setInterval:   set("setInterval", true),
		clearTimeout:  jsfunc.New(rt, "clearTimeout", 0, clearTimer),
		clearInterval: jsfunc.New(rt, "clearInterval", 0, clearTimer),
	}
}
