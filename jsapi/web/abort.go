package web

import (
	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsargs"
	"github.com/flexrun/flexrun/internal/jsfunc"
)

// AbortController and AbortSignal. A signal is an EventTarget (events.go)
// with an onabort handler attribute; abort dispatches a trusted "abort"
// Event after the internal steps (fetch's), which run first as the DOM
// standard's "abort algorithms" do.
//
// Left out: AbortSignal.timeout (its timer would keep the engine busy until
// it fired; Node's does not hold the process) and AbortSignal.any.

type abortSignal struct {
	eventTarget
	aborted    bool
	reason     goja.Value
	algorithms []*func()
}

type abortController struct{ signal *abortSignal }

func (w *web) installAbort() {
	rt := w.rt
	_, ctlProto := w.class("AbortController", 0, func(c goja.ConstructorCall) *goja.Object {
		w.setSlot(c.This, &abortController{signal: w.newSignal()})
		return nil
	})
	w.getter(ctlProto, "signal", func(c goja.FunctionCall) goja.Value {
		return thisSlot[*abortController](w, c).signal.obj
	})
	w.method(ctlProto, "abort", 0, func(c goja.FunctionCall) goja.Value {
		w.abort(thisSlot[*abortController](w, c).signal, c.Argument(0))
		return goja.Undefined()
	})

	w.customInspect(ctlProto, func(c goja.FunctionCall) goja.Value {
		props := rt.NewObject()
		props.Set("signal", thisSlot[*abortController](w, c).signal.obj)
		return w.inspectAs("AbortController", props, c)
	})

	sigCtor, proto := w.class("AbortSignal", 0, func(goja.ConstructorCall) *goja.Object {
		panic(rt.NewTypeError("Illegal constructor"))
	})
	sigCtor.SetPrototype(w.eventTargetCtor)
	proto.SetPrototype(w.eventTargetProto)
	w.signalProto = proto
	w.method(sigCtor, "abort", 0, func(c goja.FunctionCall) goja.Value {
		s := w.newSignal()
		w.abort(s, c.Argument(0))
		return s.obj
	})
	w.getter(proto, "aborted", func(c goja.FunctionCall) goja.Value {
		return rt.ToValue(thisSlot[*abortSignal](w, c).aborted)
	})
	w.getter(proto, "reason", func(c goja.FunctionCall) goja.Value {
		if r := thisSlot[*abortSignal](w, c).reason; r != nil {
			return r
		}
		return goja.Undefined()
	})
	w.customInspect(proto, func(c goja.FunctionCall) goja.Value {
		props := rt.NewObject()
		props.Set("aborted", thisSlot[*abortSignal](w, c).aborted)
		return w.inspectAs("AbortSignal", props, c)
	})
	w.method(proto, "throwIfAborted", 0, func(c goja.FunctionCall) goja.Value {
		if s := thisSlot[*abortSignal](w, c); s.aborted {
			panic(s.reason)
		}
		return goja.Undefined()
	})
	w.handlerAttribute(proto, "abort")
}

func (w *web) newSignal() *abortSignal {
	s := &abortSignal{}
	s.obj = w.rt.CreateObject(w.signalProto)
	w.setSlot(s.obj, s)
	return s
}

// abort signals abort with reason, or the default AbortError when it is undefined.
func (w *web) abort(s *abortSignal, reason goja.Value) {
	if s.aborted {
		return
	}
	if reason == nil || goja.IsUndefined(reason) {
		reason = w.newDOMException("This operation was aborted", "AbortError")
	}
	s.aborted, s.reason = true, reason
	algorithms := s.algorithms
	s.algorithms = nil
	for _, a := range algorithms {
		if *a != nil {
			(*a)()
		}
	}
	w.dispatch(&s.eventTarget, w.newTrustedEvent("abort"))
}

// onAbort runs fn (Go, on the loop) when s aborts, before its listeners;
// the returned function unregisters it. Loop only.
func (s *abortSignal) onAbort(fn func()) (stop func()) {
	a := &fn
	s.algorithms = append(s.algorithms, a)
	return func() {
		*a = nil
		for i, x := range s.algorithms {
			if x == a {
				s.algorithms = append(s.algorithms[:i], s.algorithms[i+1:]...)
				break
			}
		}
	}
}

// fetchSignal is the signal of one fetch: one of ours, or any object that
// looks like an AbortSignal (a polyfill bundled into a plugin). Loop only.
type fetchSignal struct {
	state func() (aborted bool, reason goja.Value)
	// watch calls fn once if the signal aborts, until stop is called.
	watch func(fn func(reason goja.Value)) (stop func())
}

func (w *web) fetchSignalOf(v goja.Value) *fetchSignal {
	if s, ok := slotOf[*abortSignal](w, v); ok {
		return &fetchSignal{
			state: func() (bool, goja.Value) { return s.aborted, s.reason },
			watch: func(fn func(goja.Value)) func() {
				return s.onAbort(func() { fn(s.reason) })
			},
		}
	}
	o, ok := v.(*goja.Object)
	if !ok || !isCallable(o.Get("addEventListener")) {
		panic(w.rt.NewTypeError("fetch: signal must be an AbortSignal, received " + jsargs.Describe(v)))
	}
	state := func() (bool, goja.Value) {
		if a := o.Get("aborted"); a == nil || !a.ToBoolean() {
			return false, nil
		}
		if r := o.Get("reason"); r != nil && !goja.IsUndefined(r) {
			return true, r
		}
		return true, w.newDOMException("This operation was aborted", "AbortError")
	}
	return &fetchSignal{
		state: state,
		watch: func(fn func(goja.Value)) func() {
			// Anonymous, as undici's arrow function is.
			listener := jsfunc.New(w.rt, "", 0, func(goja.FunctionCall) goja.Value {
				_, reason := state()
				fn(reason)
				return goja.Undefined()
			})
			call := func(method string) {
				f, ok := goja.AssertFunction(o.Get(method))
				if !ok {
					return
				}
				if _, err := f(o, w.rt.ToValue("abort"), listener); err != nil {
					if _, ok := err.(*goja.Exception); !ok {
						panic(err) // uncatchable: keep unwinding
					}
				}
			}
			call("addEventListener")
			return func() { call("removeEventListener") }
		},
	}
}
