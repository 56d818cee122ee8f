package engine

// The loop is the only goroutine that touches the goja runtime. Other
// goroutines post closures to an unbounded queue. The loop is idle when the
// queue is empty, no timer is set and nothing is reserved (a Go action or a
// fetch in flight): that is when Wait returns, like node exiting.

import (
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/dop251/goja"
)

// post queues fn to run on the loop. It returns false once the engine is closed.
func (e *Engine) post(fn func()) bool {
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return false
	}
	e.queue = append(e.queue, fn)
	e.mu.Unlock()
	select {
	case e.wake <- struct{}{}:
	default:
	}
	return true
}

func (e *Engine) take() []func() {
	e.mu.Lock()
	q := e.queue
	e.queue = e.spare[:0]
	e.spare = q
	e.mu.Unlock()
	return q
}

func (e *Engine) loop() {
	defer close(e.done)
	wait := time.NewTimer(time.Hour)
	wait.Stop()
	for {
		// Close is heard between any two jobs: a loop that always has work
		// (an interval whose callback outlasts its period) would never
		// reach the select below.
		select {
		case <-e.stop:
			e.failWaiters(ErrClosed)
			return
		default:
		}
		if e.micro.pending() { // left by a job an interrupt cut short
			e.runJob(Owner{}, nil, func() {})
			continue
		}
		jobs := e.take()
		for i, job := range jobs {
			jobs[i] = nil
			e.runJob(Owner{}, nil, job)
		}
		if len(jobs) > 0 {
			continue
		}
		if e.opts.VirtualTime {
			if e.runSettled() || e.advanceVirtual() {
				continue
			}
		} else if t, due := e.nextTimer(time.Now()); due {
			e.fireTimer(t)
			continue
		} else if e.runSettled() {
			continue
		} else if t != nil {
			wait.Reset(time.Until(t.deadline))
		}
		e.notifyIdle()
		select {
		case <-e.wake:
		case <-wait.C:
		case <-e.stop:
			wait.Stop()
			e.failWaiters(ErrClosed)
			return
		}
		wait.Stop()
	}
}

// runJob runs one unit of work, then its microtasks, under recover and the
// time budget, then reports unhandled rejections, as Node does after
// draining microtasks. code is the invocation code the work continues (a
// timer set by a listener), or nil.
func (e *Engine) runJob(owner Owner, code *runningCode, job func()) {
	e.jobSeq++
	e.jobOwner = owner
	v := e.vm
	v.code = code
	func() {
		defer func() {
			if r := recover(); r != nil {
				v.killed()
				v.uncaught(owner, fmt.Errorf("panic in loop job: %v\n%s", r, debug.Stack()))
				e.repair(owner)
			}
		}()
		// The job runs inside one outermost JavaScript call, so that the
		// microtasks it queues run when it ends, as after a macrotask in
		// Node, and not after each call Go makes into JavaScript.
		e.current = job
		_, err := e.jobCall(goja.Undefined())
		e.current = nil
		if err != nil {
			if isUncatchable(err) {
				v.killed()
			}
			v.uncaught(owner, err)
			if isUncatchable(err) {
				e.repair(owner)
			}
		}
	}()
	e.disarmBudget() // if the job did not end normally
	v.afterJob()
	v.code = nil
	e.jobOwner = Owner{}
}

// repair puts the runtime back in order after a job that did not end
// normally: goja's stacks emptied, the invocations it cut short settled.
func (e *Engine) repair(owner Owner) {
	e.current = nil
	if err := repairAfterAbort(e.rt); err != nil {
		e.vm.uncaught(owner, fmt.Errorf("cannot reset the JavaScript runtime after an interrupt: %w", err))
	}
}

// notifyIdle releases Wait callers when nothing is left to do.
func (e *Engine) notifyIdle() {
	if len(e.waiters) == 0 || len(e.timers) > 0 || e.reserved > 0 || e.micro.pending() {
		return
	}
	e.mu.Lock()
	busy := len(e.queue) > 0
	e.mu.Unlock()
	if busy {
		return
	}
	for _, w := range e.waiters {
		w <- nil
	}
	e.waiters = e.waiters[:0]
}

func (e *Engine) failWaiters(err error) {
	for _, w := range e.waiters {
		w <- err
	}
	e.waiters = nil
}

// reportUncaught records an uncaught error, tells OnUncaught and wakes a Wait.
func (e *Engine) reportUncaught(u *UncaughtError) {
	if e.opts.OnUncaught != nil {
		e.opts.OnUncaught(u)
	}
	if len(e.waiters) > 0 {
		for _, w := range e.waiters {
			w <- u
		}
		e.waiters = e.waiters[:0]
		return
	}
	// Nobody waits: keep it for the next Wait. Bounded, because a
	// long-running engine (flexrun dev) may have a timer failing forever and
	// nobody waiting; the oldest reports are the ones a Wait wants.
	if len(e.uncaughtBacklog) < maxUncaughtBacklog {
		e.uncaughtBacklog = append(e.uncaughtBacklog, u)
	}
}

// maxUncaughtBacklog bounds the reports kept for later Waits.
const maxUncaughtBacklog = 64

// uncaught classifies an error that escaped a loop job and reports it.
func (v *VM) uncaught(owner Owner, err error) {
	u := &UncaughtError{Kind: "error", Owner: owner, Err: v.errorFromException(err)}
	var ie *goja.InterruptedError
	var so *goja.StackOverflowError
	switch {
	case errors.As(err, &ie):
		u.Kind = "interrupted"
		if b, ok := ie.Value().(jobBudget); ok {
			u.Err = b
			if at := firstUserFrame(ie.Stack()); at != "" {
				u.Err = fmt.Errorf("%w, at %s", b, at)
			}
		}
	case errors.As(err, &so):
		u.Kind = "stack overflow"
		u.Err = errors.New("RangeError: Maximum call stack size exceeded")
	}
	if u.Kind != "error" {
		if v.dying != nil {
			v.dying.Err = u.Err
			u.Err = v.dying
			if v.dying.Owner.Name != "" {
				u.Owner = v.dying.Owner
			}
		}
		v.rt.ClearInterrupt()
	}
	v.e.reportUncaught(u)
}

// afterJob settles what a job left behind: invocations cut short by an
// interrupt, and promise rejections nobody handled.
func (v *VM) afterJob() {
	if dead := v.dead; len(dead) > 0 {
		v.dead = nil
		cause := v.dying
		v.dying = nil
		v.e.post(func() {
			for _, inv := range dead {
				delete(v.running, inv.id) // its driver was unwound
				if cause != nil {
					inv.killedBy = cause.Err
				}
				inv.reject(v.newJSErrorValue(cause))
			}
		})
	}
	v.dying = nil
	v.unhandled = nil // left by a job that did not end normally
}

// reportUnhandled reports the promise rejections still unhandled once the
// microtasks have run, as Node does; it runs inside the job, under its
// budget, because reading a reason may run a getter. It reports whether
// that queued microtasks. Loop only.
func (v *VM) reportUnhandled() bool {
	if len(v.unhandled) == 0 {
		return false
	}
	list := v.unhandled
	v.unhandled = nil
	for _, p := range list {
		if p.State() != goja.PromiseStateRejected {
			continue
		}
		v.e.reportUncaught(&UncaughtError{Kind: "unhandled rejection", Owner: v.e.jobOwner, Err: v.exportError(p.Result())})
	}
	return len(*v.e.micro.goja) > 0
}

func (v *VM) trackRejection(p *goja.Promise, op goja.PromiseRejectionOperation) {
	switch op {
	case goja.PromiseRejectionReject:
		v.unhandled = append(v.unhandled, p)
	case goja.PromiseRejectionHandle:
		for i, q := range v.unhandled {
			if q == p {
				v.unhandled = append(v.unhandled[:i], v.unhandled[i+1:]...)
				break
			}
		}
	}
}

// firstUserFrame is "file:line:col" of the innermost frame in user code.
func firstUserFrame(frames []goja.StackFrame) string {
	for _, f := range frames {
		p := f.Position()
		if p.Filename == "" || internalFrame("at "+p.Filename) {
			continue
		}
		return fmt.Sprintf("%s:%d:%d", p.Filename, p.Line, p.Column)
	}
	return ""
}
