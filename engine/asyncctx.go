package engine

import "github.com/dop251/goja"

// Which invocation's code is running. goja's AsyncContextTracker hands a
// value from the code that awaits (or calls then) to the promise job that
// continues it; the engine hands over the invocation, phase and owner whose
// code it is, and timers and Go work carry it too. When the job budget or a
// stack overflow kills a continuation — a listener's code after an await —
// goja unwinds it and its promise never settles; the loop then knows which
// invocation is stuck, and settles it with an ActionError naming action,
// phase and owner instead of leaving it, and its pending entry, for ever.

// runningCode is a listener's or a body's code of one invocation.
type runningCode struct {
	inv   *invocation
	phase Phase
	owner Owner
}

// asyncTracker implements goja.AsyncContextTracker for a VM.
type asyncTracker struct{ v *VM }

func (t asyncTracker) Grab() any {
	if t.v.code == nil {
		return nil
	}
	return t.v.code
}

func (t asyncTracker) Resumed(x any) { t.v.code, _ = x.(*runningCode) }
func (t asyncTracker) Exited()       { t.v.code = nil }

// call calls f as inv's code in phase: what f schedules carries it.
func (inv *invocation) call(phase Phase, f *fnRef, args ...goja.Value) (goja.Value, error) {
	v := inv.v
	prev := v.code
	v.code = &runningCode{inv: inv, phase: phase, owner: f.owner}
	ret, err := f.call(goja.Undefined(), args...)
	v.code = prev
	return ret, err
}

// killed settles, once the job an uncatchable error cut short has unwound,
// the invocation whose code it was running, if that invocation is still
// waiting: it rejects with an ActionError naming action, phase and owner.
// The invocations whose steps the error unwound (invocation.die) are
// already in v.dead. Loop only, with no JavaScript running.
func (v *VM) killed() {
	c := v.code
	v.code = nil
	if c == nil || c.inv == nil || c.inv.done {
		return
	}
	for _, inv := range v.dead {
		if inv == c.inv {
			return
		}
	}
	if v.dying == nil {
		v.dying = &ActionError{Action: c.inv.name, Phase: c.phase, Owner: c.owner}
	}
	c.inv.failedIn(c.phase, c.owner)
	c.inv.dropEntry()
	v.dead = append(v.dead, c.inv)
}
