package web

import (
	"slices"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/internal/jsargs"
	"github.com/flexrun/flexrun/internal/jsfunc"
)

// AbortController and AbortSignal with the EventTarget part a signal needs
// (addEventListener/removeEventListener with once, capture and signal
// options, and onabort), dispatched in registration order as in browsers.
// A listener that throws is reported as uncaught, owned by whoever added
// it, and the others still run. Internal steps (fetch's) run before the
// event, as the DOM standard's "abort algorithms" do.
//
// Left out: AbortSignal.timeout (its timer would keep the engine busy until
// it fired; Node's does not hold the process), AbortSignal.any,
// dispatchEvent and the Event class (listeners get a plain event object).

type abortSignal struct {
	obj        *goja.Object
	aborted    bool
	reason     goja.Value
	onabort    goja.Value // the event handler attribute; nil when unset
	listeners  []*eventListener
	algorithms []*func()
}

type eventListener struct {
	typ      string
	callback goja.Value // nil: the slot of the onabort handler
	capture  bool
	once     bool
	removed  bool
	owner    engine.Owner
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
	proto.DefineAccessorProperty("onabort", jsfunc.New(rt, "get onabort", 0, func(c goja.FunctionCall) goja.Value {
		if h := thisSlot[*abortSignal](w, c).onabort; h != nil {
			return h
		}
		return goja.Null()
	}), jsfunc.New(rt, "set onabort", 1, func(c goja.FunctionCall) goja.Value {
		w.setOnAbort(thisSlot[*abortSignal](w, c), c.Argument(0))
		return goja.Undefined()
	}), goja.FLAG_TRUE, goja.FLAG_FALSE)
	w.method(proto, "addEventListener", 2, func(c goja.FunctionCall) goja.Value {
		s := thisSlot[*abortSignal](w, c)
		w.requireArgs(c, "EventTarget.addEventListener", 2)
		w.addEventListener(s, domString(rt, c.Argument(0)), c.Argument(1), c.Argument(2))
		return goja.Undefined()
	})
	w.method(proto, "removeEventListener", 2, func(c goja.FunctionCall) goja.Value {
		s := thisSlot[*abortSignal](w, c)
		w.requireArgs(c, "EventTarget.removeEventListener", 2)
		typ, cb := domString(rt, c.Argument(0)), c.Argument(1)
		capture := listenerCapture(c.Argument(2))
		for _, l := range s.listeners {
			if l.callback != nil && l.typ == typ && l.capture == capture && l.callback.SameAs(cb) {
				l.removed = true
			}
		}
		s.compact()
		return goja.Undefined()
	})
}

func (w *web) newSignal() *abortSignal {
	s := &abortSignal{obj: w.rt.CreateObject(w.signalProto)}
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
	ev := w.rt.NewObject()
	ev.Set("type", "abort")
	ev.Set("target", s.obj)
	ev.Set("currentTarget", s.obj)
	ev.Set("isTrusted", true)
	// A listener may add or remove listeners: walk a copy.
	for _, l := range slices.Clone(s.listeners) {
		if l.removed || l.typ != "abort" {
			continue
		}
		if l.once {
			l.removed = true
		}
		w.callListener(s, l, ev)
	}
	s.compact()
}

func (w *web) callListener(s *abortSignal, l *eventListener, ev *goja.Object) {
	this, cb := goja.Value(s.obj), l.callback
	if cb == nil { // the onabort slot: whatever the attribute holds now
		cb = s.onabort
	} else if o, ok := cb.(*goja.Object); ok && !isCallable(o) {
		this, cb = o, o.Get("handleEvent")
	}
	fn, ok := goja.AssertFunction(cb)
	if !ok {
		if l.callback != nil && cb != nil {
			w.v.ReportUncaught(l.owner, w.v.Thrown(w.rt.NewTypeError("The 'handleEvent' property of an event listener is not callable")))
		}
		return
	}
	if _, err := fn(this, ev); err != nil {
		w.v.ReportUncaught(l.owner, err)
	}
}

func (w *web) addEventListener(s *abortSignal, typ string, cb, options goja.Value) {
	if jsargs.IsNullish(cb) {
		return
	}
	if _, ok := cb.(*goja.Object); !ok {
		panic(w.rt.NewTypeError("EventTarget.addEventListener: the listener must be a function or an object, received " + jsargs.Describe(cb)))
	}
	l := &eventListener{typ: typ, callback: cb, capture: listenerCapture(options), owner: w.v.CurrentOwner()}
	var stop *abortSignal
	if o, ok := options.(*goja.Object); ok {
		l.once = o.Get("once") != nil && o.Get("once").ToBoolean()
		if sv := o.Get("signal"); sv != nil && !goja.IsUndefined(sv) {
			var ok bool
			if stop, ok = slotOf[*abortSignal](w, sv); !ok {
				panic(w.rt.NewTypeError("EventTarget.addEventListener: options.signal must be an AbortSignal, received " + jsargs.Describe(sv)))
			}
			if stop.aborted {
				return
			}
		}
	}
	for _, x := range s.listeners {
		if x.callback != nil && !x.removed && x.typ == typ && x.capture == l.capture && x.callback.SameAs(cb) {
			return
		}
	}
	if s.aborted && typ == "abort" {
		return // it can never fire again
	}
	s.listeners = append(s.listeners, l)
	if stop != nil {
		stop.onAbort(func() { l.removed = true; s.compact() })
	}
}

func listenerCapture(options goja.Value) bool {
	if o, ok := options.(*goja.Object); ok {
		c := o.Get("capture")
		return c != nil && c.ToBoolean()
	}
	return options != nil && options.ToBoolean()
}

// setOnAbort sets the handler attribute: a non-null value takes a place
// among the listeners the first time, null gives it up.
func (w *web) setOnAbort(s *abortSignal, val goja.Value) {
	if _, ok := val.(*goja.Object); !ok {
		s.onabort = nil
		for _, l := range s.listeners {
			if l.callback == nil {
				l.removed = true
			}
		}
		s.compact()
		return
	}
	had := s.onabort != nil
	s.onabort = val
	if !had && !s.aborted {
		s.listeners = append(s.listeners, &eventListener{typ: "abort", owner: w.v.CurrentOwner()})
	}
}

// compact drops removed listeners, and all abort listeners once aborted.
func (s *abortSignal) compact() {
	kept := s.listeners[:0]
	for _, l := range s.listeners {
		if !l.removed && !(s.aborted && l.typ == "abort") {
			kept = append(kept, l)
		}
	}
	clear(s.listeners[len(kept):])
	s.listeners = kept
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
