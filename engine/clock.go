package engine

// The engine's clock: real time, or virtual time (Options.VirtualTime), in
// which the loop, once nothing but timers is left, moves the clock to the
// next deadline and fires that timer at once. Tests of timer-driven plugin
// code (an auto-wrap-up after 30 s) then take microseconds, and their order
// is the order of the deadlines, never of the machine's load.

import "time"

// now is the engine's current time. Loop only.
func (e *Engine) now() time.Time {
	if e.opts.VirtualTime {
		return e.virtualNow
	}
	return time.Now()
}

// Now is the engine's current time: the virtual clock's under
// Options.VirtualTime, else the wall clock. Date.now() follows it. Loop only.
func (v *VM) Now() time.Time { return v.e.now() }

// VirtualTime reports whether the engine runs on the virtual clock.
func (v *VM) VirtualTime() bool { return v.e.opts.VirtualTime }

// AfterVirtual runs fn as a loop job when the virtual clock reaches now+d,
// after every timer due by then (those set earlier with the same deadline
// included), each with its microtasks settled: what a test's
// world.advance(ms) means. d may be 0. It keeps the engine busy like a
// timer. Loop only, under Options.VirtualTime.
func (v *VM) AfterVirtual(owner Owner, d time.Duration, fn func()) {
	v.e.addTimer(owner, d, 0, fn) // no 1 ms minimum: advance(0) is now
}

// WhenSettled runs fn as a loop job once nothing is left but timers not yet
// due: no job queued, no microtask, no Go action or fetch in flight. Under
// the virtual clock it runs before the clock moves on. Loop only.
func (v *VM) WhenSettled(fn func()) { v.e.settleWaiters = append(v.e.settleWaiters, fn) }

// runSettled runs the WhenSettled callbacks if the loop is settled, and
// reports whether it ran any. Loop only.
func (e *Engine) runSettled() bool {
	if len(e.settleWaiters) == 0 || e.reserved > 0 {
		return false
	}
	fns := e.settleWaiters
	e.settleWaiters = nil
	for _, fn := range fns {
		e.runJob(Owner{}, nil, fn)
	}
	return true
}

// advanceVirtual moves the virtual clock to the first timer and fires it,
// when nothing else can happen first; it reports whether it did. Loop only.
func (e *Engine) advanceVirtual() bool {
	if !e.opts.VirtualTime || e.reserved > 0 || len(e.timers) == 0 {
		return false
	}
	if t := e.timers[0]; t.deadline.After(e.virtualNow) {
		e.virtualNow = t.deadline
	}
	e.fireTimer(e.timers[0])
	return true
}
