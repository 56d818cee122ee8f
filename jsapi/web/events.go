package web

import (
	"slices"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/internal/jsargs"
	"github.com/flexrun/flexrun/internal/jsfunc"
)

// EventTarget, the one implementation behind every event target of the
// package: new EventTarget(), AbortSignal, the global object (window),
// document, its elements and Audio. Their prototypes inherit
// addEventListener, removeEventListener and dispatchEvent from
// EventTarget.prototype, as in browsers.
//
// Dispatch follows the DOM Standard for a target with no parent: the
// event path is the target alone (nothing bubbles to a parent element or
// to window), capture listeners run before the others, each group in
// registration order over a copy of the list taken when it starts. A
// listener that throws is reported as uncaught (engine.VM.ReportUncaught),
// owned by whoever added it, and the others still run. Each listener
// remembers its owner so that Page.Forget can take out what an unloaded
// plugin added to the page's long-lived targets.

// eventTarget is the Go state of an EventTarget.
type eventTarget struct {
	obj       *goja.Object
	listeners []*eventListener
	handlers  map[string]goja.Value // event handler attributes (onabort) by event type
}

type eventListener struct {
	typ      string
	callback goja.Value // nil: the slot of the event handler attribute of typ
	capture  bool
	once     bool
	passive  bool
	removed  bool
	owner    engine.Owner
}

// targeter is the Go state of an object that is an EventTarget: the
// state of one of our classes embeds an eventTarget.
type targeter interface{ target() *eventTarget }

func (t *eventTarget) target() *eventTarget { return t }

func (w *web) installEventTarget() {
	rt := w.rt
	ctor, proto := w.class("EventTarget", 0, func(c goja.ConstructorCall) *goja.Object {
		w.setSlot(c.This, &eventTarget{obj: c.This})
		return nil
	})
	w.eventTargetCtor, w.eventTargetProto = ctor, proto
	w.method(proto, "addEventListener", 2, func(c goja.FunctionCall) goja.Value {
		t := w.thisTarget(c)
		w.requireArgs(c, "EventTarget.addEventListener", 2)
		w.addEventListener(t, domString(rt, c.Argument(0)), c.Argument(1), c.Argument(2))
		return goja.Undefined()
	})
	w.method(proto, "removeEventListener", 2, func(c goja.FunctionCall) goja.Value {
		t := w.thisTarget(c)
		w.requireArgs(c, "EventTarget.removeEventListener", 2)
		typ, cb := domString(rt, c.Argument(0)), c.Argument(1)
		capture := listenerCapture(c.Argument(2))
		for _, l := range t.listeners {
			if l.callback != nil && l.typ == typ && l.capture == capture && l.callback.SameAs(cb) {
				l.removed = true
			}
		}
		t.compact()
		return goja.Undefined()
	})
	w.method(proto, "dispatchEvent", 1, func(c goja.FunctionCall) goja.Value {
		t := w.thisTarget(c)
		w.requireArgs(c, "EventTarget.dispatchEvent", 1)
		ev, ok := slotOf[*event](w, c.Argument(0))
		if !ok {
			panic(rt.NewTypeError("EventTarget.dispatchEvent: Argument 1 does not implement interface Event."))
		}
		if ev.dispatching {
			panic(w.newDOMException("EventTarget.dispatchEvent: The event is already being dispatched.", "InvalidStateError"))
		}
		ev.trusted = false
		return rt.ToValue(w.dispatch(t, ev))
	})
}

// installWindowEvents makes the global object an EventTarget: its
// prototype is a Window.prototype that inherits from EventTarget.prototype
// (the global object keeps goja's own toStringTag, "global", as Node's),
// so window.addEventListener and a bare addEventListener(...) (this
// undefined: the global object, as Web IDL says) both reach it. A plugin's
// window (jsapi/window.go) is a proxy whose symbol-keyed reads go to the
// global object, so the same state answers there; listeners then see the
// page's global object as this and currentTarget.
func (w *web) installWindowEvents() {
	rt := w.rt
	g := rt.GlobalObject()
	ctor := jsfunc.Constructor(rt, "Window", 0, func(goja.ConstructorCall) *goja.Object {
		panic(rt.NewTypeError("Illegal constructor"))
	})
	proto := ctor.Get("prototype").(*goja.Object)
	proto.SetPrototype(w.eventTargetProto)
	w.window = &eventTarget{obj: g}
	w.setSlot(g, w.window)
	g.SetPrototype(proto)
}

// thisTarget is the EventTarget `this` is; undefined and null stand for
// the global object.
func (w *web) thisTarget(c goja.FunctionCall) *eventTarget {
	this := c.This
	if jsargs.IsNullish(this) {
		this = w.rt.GlobalObject()
	}
	t, ok := slotOf[targeter](w, this)
	if !ok {
		panic(w.rt.NewTypeError("Illegal invocation"))
	}
	return t.target()
}

func (w *web) addEventListener(t *eventTarget, typ string, cb, options goja.Value) {
	if jsargs.IsNullish(cb) {
		return
	}
	if _, ok := cb.(*goja.Object); !ok {
		panic(w.rt.NewTypeError("EventTarget.addEventListener: the listener must be a function or an object, received " + jsargs.Describe(cb)))
	}
	l := &eventListener{typ: typ, callback: cb, capture: listenerCapture(options), owner: w.v.CurrentOwner()}
	var stop *abortSignal
	if o, ok := options.(*goja.Object); ok { // in Web IDL's dictionary order
		l.once = o.Get("once") != nil && o.Get("once").ToBoolean()
		l.passive = o.Get("passive") != nil && o.Get("passive").ToBoolean()
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
	for _, x := range t.listeners {
		if x.callback != nil && !x.removed && x.typ == typ && x.capture == l.capture && x.callback.SameAs(cb) {
			return
		}
	}
	t.listeners = append(t.listeners, l)
	if stop != nil {
		stop.onAbort(func() { l.removed = true; t.compact() })
	}
}

func listenerCapture(options goja.Value) bool {
	if o, ok := options.(*goja.Object); ok {
		c := o.Get("capture")
		return c != nil && c.ToBoolean()
	}
	return options != nil && options.ToBoolean()
}

// dispatch dispatches ev at t and returns false if it was cancelled.
func (w *web) dispatch(t *eventTarget, ev *event) bool {
	ev.dispatching = true
	ev.target, ev.currentTarget, ev.phase = t.obj, t.obj, phaseAtTarget
	w.invoke(t, ev, true)
	w.invoke(t, ev, false)
	ev.phase, ev.currentTarget = phaseNone, nil
	ev.dispatching, ev.stopPropagation, ev.stopImmediate = false, false, false
	return !ev.canceled
}

// invoke runs t's listeners of ev's type whose capture is capture. A
// listener may add or remove listeners: walk a copy, skipping the removed.
func (w *web) invoke(t *eventTarget, ev *event, capture bool) {
	if ev.stopPropagation {
		return
	}
	for _, l := range slices.Clone(t.listeners) {
		if l.removed || l.typ != ev.typ || l.capture != capture {
			continue
		}
		if l.once {
			l.removed = true
			t.compact()
		}
		ev.inPassive = l.passive
		w.callListener(t, l, ev)
		ev.inPassive = false
		if ev.stopImmediate {
			return
		}
	}
}

func (w *web) callListener(t *eventTarget, l *eventListener, ev *event) {
	this, cb := goja.Value(t.obj), l.callback
	if cb == nil { // the handler attribute's slot: whatever it holds now
		cb = t.handlers[l.typ]
	} else if o, ok := cb.(*goja.Object); ok && !isCallable(o) {
		this, cb = o, o.Get("handleEvent")
	}
	fn, ok := goja.AssertFunction(cb)
	if !ok {
		if l.callback != nil {
			w.v.ReportUncaught(l.owner, w.v.Thrown(w.rt.NewTypeError("The 'handleEvent' property of an event listener is not callable")))
		}
		return
	}
	ret, err := fn(this, ev.obj)
	if err != nil {
		w.v.ReportUncaught(l.owner, err)
		return
	}
	if l.callback == nil && ret != nil && ret.StrictEquals(w.rt.ToValue(false)) && ev.cancelable && !ev.inPassive {
		ev.canceled = true // a handler attribute returning false cancels
	}
}

// handlerAttribute defines proto's on<typ> event handler attribute: a
// non-null object takes a place among the listeners the first time it is
// set, null (or any primitive) gives it up.
func (w *web) handlerAttribute(proto *goja.Object, typ string) {
	rt := w.rt
	name := "on" + typ
	get := jsfunc.New(rt, "get "+name, 0, func(c goja.FunctionCall) goja.Value {
		if h := w.thisTarget(c).handlers[typ]; h != nil {
			return h
		}
		return goja.Null()
	})
	set := jsfunc.New(rt, "set "+name, 1, func(c goja.FunctionCall) goja.Value {
		t := w.thisTarget(c)
		val := c.Argument(0)
		if _, ok := val.(*goja.Object); !ok {
			delete(t.handlers, typ)
			for _, l := range t.listeners {
				if l.callback == nil && l.typ == typ {
					l.removed = true
				}
			}
			t.compact()
			return goja.Undefined()
		}
		if t.handlers == nil {
			t.handlers = map[string]goja.Value{}
		}
		_, had := t.handlers[typ]
		t.handlers[typ] = val
		if !had {
			t.listeners = append(t.listeners, &eventListener{typ: typ, owner: w.v.CurrentOwner()})
		}
		return goja.Undefined()
	})
	proto.DefineAccessorProperty(name, get, set, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// compact drops removed listeners.
func (t *eventTarget) compact() {
	kept := t.listeners[:0]
	for _, l := range t.listeners {
		if !l.removed {
			kept = append(kept, l)
		}
	}
	clear(t.listeners[len(kept):])
	t.listeners = kept
}

// forget removes the listeners owner added (and the handler attributes it
// set).
func (t *eventTarget) forget(owner engine.Owner) {
	for _, l := range t.listeners {
		if l.owner == owner {
			l.removed = true
			if l.callback == nil {
				delete(t.handlers, l.typ)
			}
		}
	}
	t.compact()
}
