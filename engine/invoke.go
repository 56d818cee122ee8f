package engine

// The invocation pipeline of Flex UI 1.x (spec §2), step by step. Each
// step returns what the invocation awaits next (see await.go), so the
// pipeline suspends at exactly the three points the real code does (§9
// rule 42): steps a–g run inside the invokeAction() call, step 6 awaits the
// before listeners (only if there are any), step 8 awaits the body, step 10
// awaits the after listeners (always). Registrations are read when each step
// starts, so a change made meanwhile counts from the next step on.

import (
	"fmt"
	"time"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsfunc"
)

type invocation struct {
	v       *VM
	name    string
	body    *fnRef
	payload goja.Value
	aborted bool
	entry   *pendingEntry
	resolve func(any) error
	reject_ func(any) error
	result  goja.Value
	done    bool
	next    resume // what the driver's step runs when the current await settles
	id      int64  // key in VM.running while the driver runs
	began   time.Time
	layer   *fnRef // the body or replacement step 8 ran

	// Where a rejection came from, for Go callers' *ActionError.
	errPhase Phase
	errOwner Owner
	killedBy error // the interrupt or stack overflow that cut it short

	// The engine's own code of this invocation (its driver, between the
	// user code it calls), for asyncctx.go; phase follows the steps.
	driverCode runningCode
	// A Go caller's delivery (Engine.Invoke), settled directly, without a
	// promise or JavaScript reactions that an interrupt could lose.
	deliver *delivery
}

// delivery hands an invocation's outcome to a Go caller exactly once.
type delivery struct {
	settle func(val goja.Value, rejected bool)
	abort  func(err error) // settle was cut short (an interrupt while reading the value)
}

// failure is the *ActionError a Go caller gets for the rejection je.
func (inv *invocation) failure(je *JSError) *ActionError {
	ae := &ActionError{Action: inv.name, Phase: inv.errPhase, Owner: inv.errOwner, Err: je}
	if inv.killedBy != nil {
		ae.Err = inv.killedBy
	}
	return ae
}

// failedIn records where the rejection about to happen comes from.
func (inv *invocation) failedIn(phase Phase, owner Owner) {
	if inv.errPhase == "" {
		inv.errPhase, inv.errOwner = phase, owner
	}
}

// InvokeAction runs the pipeline for name and returns its promise; it never
// throws (rule 3). Loop only.
func (v *VM) InvokeAction(name string, payload goja.Value) *goja.Promise {
	inv, p := v.newInvocation(name, payload)
	v.drive(inv)
	return p
}

func (v *VM) newInvocation(name string, payload goja.Value) (*invocation, *goja.Promise) {
	p, resolve, reject := v.rt.NewPromise()
	inv := v.newGoInvocation(name, payload, nil)
	inv.resolve, inv.reject_ = resolve, reject
	return inv, p
}

// newGoInvocation is an invocation with no promise: its outcome goes to d.
func (v *VM) newGoInvocation(name string, payload goja.Value, d *delivery) *invocation {
	if payload == nil {
		payload = goja.Undefined()
	}
	inv := &invocation{v: v, name: name, payload: payload, deliver: d}
	inv.driverCode = runningCode{inv: inv, phase: PhaseBegin}
	return inv
}

// settled hands the outcome to a Go caller, if there is one.
func (inv *invocation) settled(val goja.Value, rejected bool) {
	d := inv.deliver
	if d == nil {
		return
	}
	inv.deliver = nil
	done := false
	defer func() {
		if !done {
			r := recover()
			err, ok := r.(error)
			if !ok {
				err = fmt.Errorf("%v", r)
			}
			d.abort(err)
			panic(r)
		}
	}()
	d.settle(val, rejected)
	done = true
}

// reject settles the invocation's promise and ends the driver.
func (inv *invocation) reject(val goja.Value) goja.Value {
	if !inv.done {
		inv.done = true
		if inv.v.tracing() {
			inv.traceEnd("rejected", inv.v.rt.ToValue(inv.v.exportError(val).Error()))
		}
		if inv.reject_ != nil {
			if err := inv.reject_(val); err != nil {
				panic(err)
			}
		}
		inv.settled(val, true)
	}
	return inv.v.done
}

func (inv *invocation) fulfill(val goja.Value) goja.Value {
	if !inv.done {
		inv.done = true
		if inv.v.tracing() {
			inv.traceEnd("resolved", val)
		}
		if inv.resolve != nil {
			if err := inv.resolve(val); err != nil {
				panic(err)
			}
		}
		inv.settled(val, false)
	}
	return inv.v.done
}

// start runs steps a–g synchronously.
func (inv *invocation) start() goja.Value {
	v, name := inv.v, inv.name
	if v.tracing() {
		inv.traceBegin()
	}
	b := inv.activeBody()
	inv.errPhase = PhaseBegin // a refusal: Flex's own, no owner
	if b == nil {             // 5a
		return inv.reject(v.coreError("Action does not exist", "Action "+name+" does not exist!", nil))
	}
	inv.body = b.fnRef
	if refused := inv.refuse(v.reg.pending, "Action is pending", " is pending"); refused != nil { // 5b
		return refused
	}
	if refused := inv.refuse(v.reg.blocked, "Action is blocked", " has been blocked"); refused != nil { // 5c
		return refused
	}
	inv.errPhase = ""
	if b.update != nil { // 5d
		p, err := inv.call(PhaseBody, b.update, inv.payload)
		if err != nil {
			inv.die(err, PhaseBody, b.update.owner)
			inv.failedIn(PhaseBody, b.update.owner)
			return inv.reject(exceptionValue(err))
		}
		inv.payload = p
	}
	inv.entry = &pendingEntry{action: name, payload: inv.payload} // 5f
	v.reg.pending = append(v.reg.pending, inv.entry)
	for _, l := range inv.listeners(eventInvocationBegin) {
		ret, err := inv.call(PhaseBegin, l)
		if err != nil { // rule 19: escapes, the pending entry stays
			inv.die(err, PhaseBegin, l.owner)
			inv.failedIn(PhaseBegin, l.owner)
			return inv.reject(exceptionValue(err))
		}
		v.catchLogged(ret, name, PhaseBegin, l.owner)
	}
	befores := inv.listeners("before" + name) // 5g
	inv.driverCode.phase = PhaseBefore
	if len(befores) == 0 {
		return inv.runBody()
	}
	// Named as Flex's documentation names the listener's second parameter.
	abort := jsfunc.New(v.rt, "abortFunction", 0, func(goja.FunctionCall) goja.Value {
		if !inv.aborted && v.code != nil && v.code.inv == inv {
			inv.failedIn(PhaseBefore, v.code.owner) // the listener that aborts
		}
		inv.aborted = true
		return goja.Undefined()
	})
	if v.tracing() {
		inv.traceListeners(PhaseBefore, befores)
	}
	values, ok := inv.callListeners(befores, PhaseBefore, inv.payload, abort)
	if !ok {
		return inv.afterBefore()
	}
	return inv.awaitAll(values, inv.afterBefore, func(r goja.Value) goja.Value { return inv.rejectUnexpected(PhaseBefore, befores, r) })
}

// refuse is steps 5b/5c: the invocation's payload as passed is the query.
func (inv *invocation) refuse(list []*pendingEntry, message, is string) goja.Value {
	v := inv.v
	for _, e := range list {
		if e.action != inv.name {
			continue
		}
		hit, err := v.matches(inv.payload, e.payload, inv.name)
		if err != nil {
			inv.errPhase = PhaseBegin
			v.rethrowUncatchable(err)
			return inv.reject(exceptionValue(err))
		}
		if hit {
			return inv.reject(v.coreError(message, "Action "+inv.name+is, nil))
		}
	}
	return nil
}

const (
	eventInvocationBegin = "invocationBegin"
	eventInvocationEnd   = "invocationEnd"
)

// callListeners calls a phase's listeners in order. A synchronous throw is
// logged and ends the phase without waiting for anything (rule 17).
func (inv *invocation) callListeners(list []*fnRef, phase Phase, args ...goja.Value) ([]goja.Value, bool) {
	v := inv.v
	values := make([]goja.Value, len(list))
	for i, l := range list {
		ret, err := inv.call(phase, l, args...)
		if err != nil {
			inv.die(err, phase, l.owner)
			v.logListenerError(inv.name, phase, l.owner, exceptionValue(err))
			return nil, false
		}
		values[i] = v.catchLogged(ret, inv.name, phase, l.owner)
	}
	return values, true
}

// afterBefore is step 7: the abort flag is read once, here.
func (inv *invocation) afterBefore() goja.Value {
	if inv.aborted {
		inv.failedIn(PhaseBefore, Owner{})
		if inv.v.tracing() {
			inv.v.tracef("%s #%d aborted by a before listener", inv.name, inv.id)
		}
		if thrown := inv.removePending(); thrown != nil {
			return inv.reject(thrown)
		}
		return inv.reject(inv.v.newError(inv.v.errorCtor, "Action "+inv.name+" cancelled by before event"))
	}
	return inv.runBody()
}

// runBody is step 8: the replacement current now, else the body of step a.
func (inv *invocation) runBody() goja.Value {
	v := inv.v
	inv.driverCode.phase = PhaseBody
	var ret goja.Value
	var err error
	layer := inv.body
	if r := inv.activeReplacement(); r != nil {
		layer = r
		if v.tracing() {
			v.tracef("%s #%d replacement of %s runs (original: body of %s)", inv.name, inv.id, r.owner, inv.body.owner)
		}
		ret, err = inv.call(PhaseBody, r, inv.payload, inv.body.fn)
	} else {
		if v.tracing() {
			v.tracef("%s #%d body of %s runs", inv.name, inv.id, inv.body.owner)
		}
		ret, err = inv.call(PhaseBody, inv.body, inv.payload)
	}
	inv.layer = layer
	if err != nil {
		inv.die(err, PhaseBody, layer.owner)
		return inv.fail(exceptionValue(err))
	}
	return inv.await(ret, inv.runAfter, inv.fail)
}

// fail is step 9.
func (inv *invocation) fail(e goja.Value) goja.Value {
	inv.failedIn(PhaseBody, inv.layer.owner)
	if thrown := inv.removePending(); thrown != nil {
		return inv.reject(thrown)
	}
	return inv.reject(inv.v.convertBodyError(inv.name, e))
}

// runAfter is step 10: the after listeners current now, always awaited.
func (inv *invocation) runAfter(result goja.Value) goja.Value {
	inv.result = result
	inv.driverCode.phase = PhaseAfter
	afters := inv.listeners("after" + inv.name)
	if inv.v.tracing() {
		inv.traceListeners(PhaseAfter, afters)
	}
	values, ok := inv.callListeners(afters, PhaseAfter, inv.payload)
	if !ok {
		return inv.finish()
	}
	return inv.awaitAll(values, inv.finish, func(r goja.Value) goja.Value { return inv.rejectUnexpected(PhaseAfter, afters, r) })
}

// finish is step 11.
func (inv *invocation) finish() goja.Value {
	if thrown := inv.removePending(); thrown != nil {
		return inv.reject(thrown)
	}
	return inv.fulfill(inv.result)
}

// rejectUnexpected handles a listener value that rejected without having a
// catch method to log it (a bare thenable): the await throws, as in Flex.
func (inv *invocation) rejectUnexpected(phase Phase, list []*fnRef, reason goja.Value) goja.Value {
	var owner Owner
	if len(list) == 1 {
		owner = list[0].owner
	}
	inv.failedIn(phase, owner)
	if thrown := inv.removePending(); thrown != nil {
		return inv.reject(thrown)
	}
	return inv.reject(reason)
}

// removePending drops the invocation's pending entry and emits
// invocationEnd; a synchronous throw there is returned (rule 19).
func (inv *invocation) removePending() goja.Value {
	v := inv.v
	inv.driverCode.phase = PhaseEnd
	inv.dropEntry()
	for _, l := range inv.listeners(eventInvocationEnd) {
		ret, err := inv.call(PhaseEnd, l)
		if err != nil {
			inv.die(err, PhaseEnd, l.owner)
			inv.failedIn(PhaseEnd, l.owner)
			return exceptionValue(err)
		}
		v.catchLogged(ret, inv.name, PhaseEnd, l.owner)
	}
	return nil
}

func (inv *invocation) dropEntry() {
	p := inv.v.reg.pending
	for i, e := range p {
		if e == inv.entry {
			inv.v.reg.pending = append(p[:i:i], p[i+1:]...)
			break
		}
	}
	inv.entry = nil
}

// die keeps unwinding a job hit by an uncatchable error (time budget, stack
// overflow), remembering where it hit; the invocation is rejected once the
// job has unwound. It returns normally for ordinary exceptions.
func (inv *invocation) die(err error, phase Phase, owner Owner) {
	if !isUncatchable(err) {
		return
	}
	v := inv.v
	if v.dying == nil {
		v.dying = &ActionError{Action: inv.name, Phase: phase, Owner: owner}
	}
	inv.failedIn(phase, owner)
	if !inv.done {
		inv.dropEntry()
		v.dead = append(v.dead, inv)
	}
	panic(err)
}

// catchLogged replaces a listener's value that has a catch method with
// value.catch(log), so a rejection is logged and waited for (rules 16, 42).
func (v *VM) catchLogged(ret goja.Value, action string, phase Phase, owner Owner) goja.Value {
	obj, ok := ret.(*goja.Object)
	if !ok {
		return ret
	}
	var catchProp goja.Value
	if ex := v.rt.Try(func() { catchProp = obj.Get("catch") }); ex != nil {
		v.logListenerError(action, phase, owner, ex.Value())
		return ret
	}
	catch, ok := goja.AssertFunction(catchProp)
	if !ok {
		return ret
	}
	log := jsfunc.New(v.rt, "", 0, func(c goja.FunctionCall) goja.Value { // an anonymous arrow function
		v.logListenerError(action, phase, owner, c.Argument(0))
		return goja.Undefined()
	})
	caught, err := catch(obj, log)
	if err != nil {
		v.rethrowUncatchable(err)
		return ret
	}
	return caught
}

// logListenerError reports a listener failure: logged, never fatal (rule 30).
func (v *VM) logListenerError(action string, phase Phase, owner Owner, val goja.Value) {
	je := v.exportError(val)
	where := string(phase) + action
	if phase == PhaseBegin || phase == PhaseEnd {
		where = string(phase) + " (invoking " + action + ")"
	}
	text := je.Error()
	if je.Stack != "" {
		text = je.Stack // it starts with the message
	}
	v.Logf("flexrun: %s listener of %s failed: %s", where, owner, text)
}
