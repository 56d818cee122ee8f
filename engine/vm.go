package engine

import (
	"context"
	"fmt"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsfunc"
)

// VM is the loop's view of an engine: the goja runtime and the registry
// operations that take JavaScript values. Every method is loop only: a *VM
// is valid inside Options.Setup, Engine.Do and Engine.Post callbacks, and in
// functions those install; it must not be used from another goroutine.
type VM struct {
	e   *Engine
	rt  *goja.Runtime
	reg registry

	// Intrinsics captured at start, so that user code patching Promise
	// cannot change how the pipeline awaits (await uses the intrinsics too).
	promiseCtor    goja.Value
	promiseResolve goja.Callable
	promiseAll     goja.Callable
	promiseThen    goja.Callable
	errorCtor      goja.Value
	typeErrorCtor  goja.Value
	coreMark       *goja.Symbol // marks Flex core errors the engine made
	goErrorMark    *goja.Symbol // holds the Go error of a failed Go handler

	// viaJS(go) calls the native function go from a JavaScript frame and
	// jsHandler(go) returns a JavaScript function that calls go. goja drains
	// the microtask queue whenever a call from Go returns with no JavaScript
	// frame on the stack; a native function called from a promise job has
	// none, so every call it made into JavaScript would drain the queue
	// re-entrantly and break the FIFO order of microtasks. A JavaScript frame
	// underneath keeps the drain where it belongs: at the end of the job.
	viaJS     goja.Callable
	jsHandler goja.Callable

	resolved goja.Value // an already fulfilled promise: awaiting it takes one job

	// The invocation driver (await.go) and the invocations it is running.
	driver        goja.Callable
	done          *goja.Object // what step returns when an invocation is over
	running       map[int64]*invocation
	invocationSeq int64

	// The invocation code running now (asyncctx.go).
	code *runningCode

	unhandled []*goja.Promise
	// An uncatchable error (interrupt, stack overflow) unwinding the current
	// job: where it hit, and the invocations it cut short.
	dying *ActionError
	dead  []*invocation
}

func newVM(e *Engine) *VM {
	rt := e.rt
	rt.SetMaxCallStackSize(e.opts.MaxCallStackSize)
	v := &VM{e: e, rt: rt}
	v.reg.init()
	v.coreMark = goja.NewSymbol("flexrun.coreError")
	v.goErrorMark = goja.NewSymbol("flexrun.goError")
	rt.SetPromiseRejectionTracker(v.trackRejection)
	rt.SetAsyncContextTracker(asyncTracker{v})
	promise := rt.Get("Promise").(*goja.Object)
	v.promiseCtor = promise
	v.promiseResolve = jsfunc.MustCallable(promise.Get("resolve"))
	v.promiseAll = jsfunc.MustCallable(promise.Get("all"))
	v.promiseThen = jsfunc.MustCallable(promise.Get("prototype").(*goja.Object).Get("then"))
	v.viaJS = jsfunc.MustCallable(jsfunc.MustRun(rt, "(function (go) { return go(); })"))
	v.jsHandler = jsfunc.MustCallable(jsfunc.MustRun(rt, "(function (go) { return function (x) { return go(x); }; })"))
	v.errorCtor = rt.Get("Error")
	resolved, err := v.promiseResolve(promise)
	if err != nil {
		panic(err)
	}
	v.resolved = resolved
	v.running = map[int64]*invocation{}
	v.installAwaitGuard()
	v.initDriver()
	v.typeErrorCtor = rt.Get("TypeError")
	return v
}

// Runtime returns the goja runtime. Loop only.
func (v *VM) Runtime() *goja.Runtime { return v.rt }

// Logf writes one line to the engine's log. Loop only.
func (v *VM) Logf(format string, args ...any) {
	fmt.Fprintf(v.e.opts.Log, format+"\n", args...)
}

// Reserve marks asynchronous work off the loop (a fetch, a dialog) so that
// the engine does not count as idle until it settles. The returned settle
// function may be called from any goroutine, exactly once: it posts done to
// the loop and releases the reservation. Loop only.
func (v *VM) Reserve() (settle func(done func(*VM))) {
	s := v.e.reserve()
	return func(done func(*VM)) { s(func() { done(v) }) }
}

// ReportUncaught reports an error that escaped JavaScript code scheduled by
// owner (a timer callback, a microtask): a throw nothing caught. Loop only.
//
// An uncatchable error (interrupt, stack overflow) is not reported here: it
// is thrown on, so that it unwinds the whole job as goja requires, and the
// loop reports it once the job has unwound.
func (v *VM) ReportUncaught(owner Owner, err error) {
	if isUncatchable(err) {
		panic(err)
	}
	v.uncaught(owner, err)
}

// then attaches callbacks to a promise with the intrinsic then.
func (v *VM) then(p goja.Value, onFulfilled, onRejected func(goja.Value)) {
	f := v.handler(onFulfilled)
	r := v.handler(onRejected)
	if _, err := v.promiseThen(p, f, r); err != nil {
		v.rethrowUncatchable(err)
		onRejected(exceptionValue(err))
	}
}

// handler wraps a Go callback as a JavaScript function for a promise reaction.
func (v *VM) handler(fn func(goja.Value)) goja.Value {
	// The Go function keeps its Go name: only the JavaScript wrapper is
	// handed out, and NodeStack leaves the Go frame out by that name.
	h, err := v.jsHandler(goja.Undefined(), v.rt.ToValue(func(c goja.FunctionCall) goja.Value {
		fn(c.Argument(0))
		return goja.Undefined()
	}))
	if err != nil {
		panic(err)
	}
	return h
}

// await behaves like `await value` in an async function: native promises are
// used as they are, anything else goes through Promise.resolve.
func (v *VM) await(value goja.Value, onFulfilled, onRejected func(goja.Value)) {
	p, err := v.promiseResolve(v.promiseCtor, value)
	if err != nil {
		v.rethrowUncatchable(err)
		onRejected(exceptionValue(err))
		return
	}
	v.then(p, onFulfilled, onRejected)
}

// rethrowUncatchable keeps unwinding a job that is being interrupted.
func (v *VM) rethrowUncatchable(err error) {
	if isUncatchable(err) {
		panic(err)
	}
}

// exceptionValue is the JavaScript value a failed call threw.
func exceptionValue(err error) goja.Value {
	switch x := err.(type) {
	case *goja.Exception:
		return x.Value()
	case *thrown:
		return x.val
	}
	return goja.Undefined()
}

// newError builds `new Error(message)` (or TypeError) with the intrinsic constructors.
func (v *VM) newError(ctor goja.Value, message string) *goja.Object {
	o, err := v.rt.New(ctor, v.rt.ToValue(message))
	if err != nil {
		panic(err)
	}
	return o
}

// newJSErrorValue is the rejection an invocation cut short by an interrupt gets.
func (v *VM) newJSErrorValue(cause error) goja.Value {
	msg := "invocation interrupted"
	if cause != nil {
		msg = cause.Error()
	}
	return v.newError(v.errorCtor, msg)
}

// QueueMicrotask runs fn as a microtask, like queueMicrotask. Loop only.
func (v *VM) QueueMicrotask(fn func()) {
	p, err := v.promiseResolve(v.promiseCtor)
	if err != nil {
		panic(err)
	}
	v.then(p, func(goja.Value) { fn() }, func(goja.Value) {})
}

// Then attaches Go callbacks to a promise (or any value, awaited like
// `await`). Loop only.
func (v *VM) Then(value goja.Value, onFulfilled, onRejected func(goja.Value)) {
	v.await(value, onFulfilled, onRejected)
}

// CurrentOwner is the owner of the loop job running now (the plugin or
// script whose code or timer is executing), or the zero Owner. Loop only.
func (v *VM) CurrentOwner() Owner { return v.e.jobOwner }

// RunAs runs fn as work of owner: timers and reports made meanwhile are
// attributed to it. Loop only.
func (v *VM) RunAs(owner Owner, fn func()) {
	prev := v.e.jobOwner
	v.e.jobOwner = owner
	defer func() { v.e.jobOwner = prev }()
	fn()
}

// Context is cancelled when the engine closes: the parent context for work
// JavaScript starts off the loop (a fetch). Safe from any goroutine.
func (v *VM) Context() context.Context { return v.e.ctx }

// Go runs fn on its own goroutine, with the engine's context; Close waits
// for it, so nothing started by JavaScript outlives the engine. Pair it
// with Reserve so the engine stays busy until fn's result is posted.
// Loop only (fn itself runs off the loop).
func (v *VM) Go(fn func(ctx context.Context)) {
	v.e.handlers.Add(1)
	go func() {
		defer v.e.handlers.Done()
		fn(v.e.ctx)
	}()
}
