package engine

// How the pipeline suspends. Each invocation is driven by one small
// JavaScript async function (the driver, built once per engine):
//
//	async function (id) {
//		let x = step(id, undefined, 0);
//		while (x !== done) {
//			let v, t = 0;
//			try { v = await x; } catch (e) { v = e; t = 1; }
//			x = step(id, v, t);
//		}
//	}
//
// step is Go: it runs the pipeline up to its next suspension point and
// returns what to await there, so every suspension is a real `await` and
// resumes on exactly the tick the Flex code resumes on (§9 rules 42-43,
// cases 081-086). A native await is also goja's cheapest way to wait: it
// allocates no resolving functions when it awaits a native promise.
//
// What is awaited is chosen so that nothing unobservable gets built:
//
//   - `await value` for a value that is not a thenable awaits resolved (an
//     already fulfilled promise: one job, as Promise.resolve(value) would
//     take) and hands the value over in Go; promises and thenables are
//     awaited as they are.
//   - `await Promise.all(values)` settles one job after its last element.
//     Elements that are not thenables settle in jobs queued at once, next to
//     each other, that queue nothing but the last; one await of resolved
//     stands for all of them, and one more for the resumption. With exactly
//     one pending native promise among them, that promise settles last: it
//     is awaited, then resolved once more. Anything else (several pending
//     promises, thenables, rejected or subclassed promises) awaits a real
//     Promise.all.

import (
	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsfunc"
)

// resume is what step does when the await it returned settles.
type resume func(val goja.Value, threw bool) goja.Value

const driverSource = `(function (step, done) {
	return async function (id) {
		let x = step(id, undefined, 0);
		while (x !== done) {
			let v, t = 0;
			try { v = await x; } catch (e) { v = e; t = 1; }
			x = step(id, v, t);
		}
	};
})`

func (v *VM) initDriver() {
	v.done = v.rt.NewObject()
	// Plumbing no JavaScript code holds: it keeps its Go name, by which
	// NodeStack leaves its frames out (see package jsfunc).
	step := v.rt.ToValue(func(c goja.FunctionCall) goja.Value {
		id := c.Argument(0).ToInteger()
		inv := v.running[id]
		if inv == nil || inv.next == nil { // settled when its code was killed (asyncctx.go)
			return v.done
		}
		next := inv.next
		inv.next = nil
		var x goja.Value
		// The pipeline reads user values (a rejection's message, a
		// listener's then); what such a read throws rejects the invocation,
		// as it would reject the async function of Flex's code.
		if ex := v.rt.Try(func() { x = next(c.Argument(1), c.Argument(2).ToInteger() == 1) }); ex != nil {
			inv.dropEntry()
			x = inv.reject(ex.Value())
		}
		v.code = &inv.driverCode // for the driver's next await
		if x == v.done {
			delete(v.running, id)
		}
		return x
	})
	factory := jsfunc.MustCallable(jsfunc.MustRun(v.rt, driverSource))
	driver, err := factory(goja.Undefined(), step, v.done)
	if err != nil {
		panic(err)
	}
	v.driver = jsfunc.MustCallable(driver)
}

// drive runs inv through the driver; its first step runs synchronously.
func (v *VM) drive(inv *invocation) {
	v.invocationSeq++
	id := v.invocationSeq
	inv.id = id
	v.running[id] = inv
	inv.next = func(goja.Value, bool) goja.Value { return inv.start() }
	// The driver's own code is the invocation's: its awaits carry it, so an
	// interrupt between steps settles the invocation (asyncctx.go).
	prev := v.code
	v.code = &inv.driverCode
	_, err := v.driver(goja.Undefined(), v.rt.ToValue(id))
	v.code = prev
	if err != nil {
		// An interrupt that met the driver's own code (the budget ran out
		// before the invocation started): it is settled once the job unwinds.
		inv.die(err, inv.driverCode.phase, Owner{})
		delete(v.running, id)
		panic(err) // a bug of ours: step never throws JavaScript errors
	}
}

// suspend returns x for the driver to await and what to do when it settles.
func (inv *invocation) suspend(x goja.Value, then resume) goja.Value {
	inv.next = then
	return x
}

// isThenable reports whether `await x` would call something: a promise or
// an object with a callable then.
func (v *VM) isThenable(x goja.Value) (yes bool) {
	obj, ok := x.(*goja.Object)
	if !ok {
		return false
	}
	if asPromise(obj) != nil {
		return true
	}
	if v.rt.Try(func() { _, yes = goja.AssertFunction(obj.Get("then")) }) != nil {
		return true // reading then throws: let the await report it
	}
	return yes
}

// await is `await value`.
func (inv *invocation) await(value goja.Value, cont func(goja.Value) goja.Value, fail func(goja.Value) goja.Value) goja.Value {
	v := inv.v
	if v.isThenable(value) {
		x, ex := v.awaitable(value) // see awaitguard.go
		if ex != nil {
			return fail(ex.Value())
		}
		return inv.suspend(x, func(val goja.Value, threw bool) goja.Value {
			if threw {
				return fail(val)
			}
			return cont(val)
		})
	}
	return inv.suspend(v.resolved, func(goja.Value, bool) goja.Value { return cont(value) })
}

// awaitAll is `await Promise.all(values)`.
func (inv *invocation) awaitAll(values []goja.Value, cont func() goja.Value, fail func(goja.Value) goja.Value) goja.Value {
	v := inv.v
	var pending goja.Value
	exotic := false
	for _, x := range values {
		if !v.isThenable(x) {
			continue
		}
		if pending == nil && v.isPendingNativePromise(x) {
			pending = x
			continue
		}
		exotic = true
		break
	}
	resumeAfter := func(val goja.Value, threw bool) goja.Value {
		if threw {
			return fail(val)
		}
		return cont()
	}
	switch {
	case exotic:
		all, err := v.promiseAll(v.promiseCtor, v.rt.NewArray(anys(values)...))
		if err != nil {
			v.rethrowUncatchable(err)
			return fail(exceptionValue(err))
		}
		return inv.suspend(all, resumeAfter)
	case pending != nil:
		return inv.suspend(pending, func(val goja.Value, threw bool) goja.Value {
			return inv.suspend(v.resolved, func(goja.Value, bool) goja.Value { return resumeAfter(val, threw) })
		})
	case len(values) == 0:
		return inv.suspend(v.resolved, resumeAfter)
	default:
		return inv.suspend(v.resolved, func(goja.Value, bool) goja.Value {
			return inv.suspend(v.resolved, resumeAfter)
		})
	}
}

// isPendingNativePromise: a pending promise of the intrinsic constructor,
// which Promise.resolve passes through unchanged.
func (v *VM) isPendingNativePromise(x goja.Value) (yes bool) {
	obj := x.(*goja.Object)
	p := asPromise(obj)
	if p == nil || p.State() != goja.PromiseStatePending {
		return false
	}
	v.rt.Try(func() { yes = obj.Get("constructor") == v.promiseCtor })
	return yes
}

func anys(values []goja.Value) []any {
	out := make([]any, len(values))
	for i, x := range values {
		out[i] = x
	}
	return out
}

// asPromise is obj's promise if obj is a native promise, else nil (asking
// the type first: Export of an array would copy every element).
func asPromise(obj *goja.Object) *goja.Promise {
	p, _ := jsfunc.As[*goja.Promise](obj)
	return p
}
