package web

import (
	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsargs"
	"github.com/flexrun/flexrun/internal/jsfunc"
)

// Event and CustomEvent, as the DOM Standard defines them for events that
// never leave their target (events.go): composedPath() is the target
// alone while dispatching, and stopPropagation only stops the bubbling
// listeners of the target itself. isTrusted is an own property of each
// event, as browsers' [LegacyUnforgeable] makes it; it is true only for
// the events the package fires itself (an AbortSignal's abort, an Audio's
// play and pause).

const (
	phaseNone = iota
	phaseCapturing
	phaseAtTarget
	phaseBubbling
)

type event struct {
	obj             *goja.Object
	kind            string // "Event" or "CustomEvent", for inspect
	typ             string
	bubbles         bool
	cancelable      bool
	composed        bool
	trusted         bool
	canceled        bool // defaultPrevented
	inPassive       bool // a passive listener is running
	dispatching     bool
	stopPropagation bool
	stopImmediate   bool
	phase           int
	target          goja.Value // nil: null
	currentTarget   goja.Value // nil: null
	timeStamp       float64
	detail          goja.Value // CustomEvent's; nil: null
}

func (w *web) installEvent() {
	rt := w.rt
	// init reads an EventInit dictionary into ev, in Web IDL's order.
	init := func(api string, ev *event, dict goja.Value) *goja.Object {
		if jsargs.IsNullish(dict) {
			return nil
		}
		o, ok := dict.(*goja.Object)
		if !ok {
			panic(rt.NewTypeError(api + ": Value can't be converted to a dictionary."))
		}
		flag := func(name string) bool { v := o.Get(name); return v != nil && v.ToBoolean() }
		ev.bubbles, ev.cancelable, ev.composed = flag("bubbles"), flag("cancelable"), flag("composed")
		return o
	}
	construct := func(kind string, c goja.ConstructorCall) *event {
		api := kind + " constructor"
		requireCount(rt, api, 1, len(c.Arguments))
		ev := &event{kind: kind, typ: domString(rt, c.Argument(0))}
		if o := init(api, ev, c.Argument(1)); o != nil && kind == "CustomEvent" {
			if d := o.Get("detail"); d != nil && !goja.IsUndefined(d) {
				ev.detail = d
			}
		}
		w.initEvent(c.This, ev)
		return ev
	}
	ctor, proto := w.class("Event", 1, func(c goja.ConstructorCall) *goja.Object {
		construct("Event", c)
		return nil
	})
	w.eventProto = proto
	for i, name := range []string{"NONE", "CAPTURING_PHASE", "AT_TARGET", "BUBBLING_PHASE"} {
		for _, o := range []*goja.Object{ctor, proto} {
			o.DefineDataProperty(name, rt.ToValue(i), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
		}
	}
	w.isTrusted = jsfunc.New(rt, "get isTrusted", 0, func(c goja.FunctionCall) goja.Value {
		return rt.ToValue(thisSlot[*event](w, c).trusted)
	})
	nullable := func(v goja.Value) goja.Value {
		if v == nil {
			return goja.Null()
		}
		return v
	}
	attr := func(name string, get func(ev *event) goja.Value) {
		w.getter(proto, name, func(c goja.FunctionCall) goja.Value { return get(thisSlot[*event](w, c)) })
	}
	attr("type", func(ev *event) goja.Value { return rt.ToValue(ev.typ) })
	attr("target", func(ev *event) goja.Value { return nullable(ev.target) })
	attr("currentTarget", func(ev *event) goja.Value { return nullable(ev.currentTarget) })
	attr("srcElement", func(ev *event) goja.Value { return nullable(ev.target) })
	attr("eventPhase", func(ev *event) goja.Value { return rt.ToValue(ev.phase) })
	attr("bubbles", func(ev *event) goja.Value { return rt.ToValue(ev.bubbles) })
	attr("cancelable", func(ev *event) goja.Value { return rt.ToValue(ev.cancelable) })
	attr("defaultPrevented", func(ev *event) goja.Value { return rt.ToValue(ev.canceled) })
	attr("composed", func(ev *event) goja.Value { return rt.ToValue(ev.composed) })
	attr("timeStamp", func(ev *event) goja.Value { return rt.ToValue(ev.timeStamp) })
	boolAccessor := func(name string, get func(*event) bool, set func(*event, bool)) {
		proto.DefineAccessorProperty(name,
			jsfunc.New(rt, "get "+name, 0, func(c goja.FunctionCall) goja.Value {
				return rt.ToValue(get(thisSlot[*event](w, c)))
			}),
			jsfunc.New(rt, "set "+name, 1, func(c goja.FunctionCall) goja.Value {
				set(thisSlot[*event](w, c), c.Argument(0).ToBoolean())
				return goja.Undefined()
			}), goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
	boolAccessor("returnValue", func(ev *event) bool { return !ev.canceled }, func(ev *event, v bool) {
		if !v {
			ev.preventDefault()
		}
	})
	boolAccessor("cancelBubble", func(ev *event) bool { return ev.stopPropagation }, func(ev *event, v bool) {
		if v {
			ev.stopPropagation = true
		}
	})
	w.method(proto, "composedPath", 0, func(c goja.FunctionCall) goja.Value {
		if ev := thisSlot[*event](w, c); ev.dispatching {
			return rt.NewArray(ev.currentTarget)
		}
		return rt.NewArray()
	})
	w.method(proto, "stopPropagation", 0, func(c goja.FunctionCall) goja.Value {
		thisSlot[*event](w, c).stopPropagation = true
		return goja.Undefined()
	})
	w.method(proto, "stopImmediatePropagation", 0, func(c goja.FunctionCall) goja.Value {
		ev := thisSlot[*event](w, c)
		ev.stopPropagation, ev.stopImmediate = true, true
		return goja.Undefined()
	})
	w.method(proto, "preventDefault", 0, func(c goja.FunctionCall) goja.Value {
		thisSlot[*event](w, c).preventDefault()
		return goja.Undefined()
	})
	w.customInspect(proto, func(c goja.FunctionCall) goja.Value {
		ev := thisSlot[*event](w, c)
		props := rt.NewObject()
		props.Set("type", ev.typ)
		props.Set("defaultPrevented", ev.canceled)
		props.Set("cancelable", ev.cancelable)
		props.Set("timeStamp", ev.timeStamp)
		if ev.kind == "CustomEvent" {
			props.Set("detail", nullable(ev.detail))
		}
		return w.inspectAs(ev.kind, props, c)
	})

	customCtor, customProto := w.class("CustomEvent", 1, func(c goja.ConstructorCall) *goja.Object {
		construct("CustomEvent", c)
		return nil
	})
	customCtor.SetPrototype(ctor)
	customProto.SetPrototype(proto)
	w.getter(customProto, "detail", func(c goja.FunctionCall) goja.Value {
		ev := thisSlot[*event](w, c)
		if ev.kind != "CustomEvent" {
			panic(rt.NewTypeError("Illegal invocation"))
		}
		return nullable(ev.detail)
	})
}

// initEvent gives obj, an object whose prototype is (or inherits from)
// Event.prototype, the state ev.
func (w *web) initEvent(obj *goja.Object, ev *event) {
	ev.obj = obj
	ev.timeStamp = float64(w.v.Now().Sub(w.start).Nanoseconds()) / 1e6
	w.setSlot(obj, ev)
	obj.DefineAccessorProperty("isTrusted", w.isTrusted, nil, goja.FLAG_FALSE, goja.FLAG_TRUE)
}

// newTrustedEvent is an event the package fires itself: not bubbling, not
// cancelable, isTrusted true.
func (w *web) newTrustedEvent(typ string) *event {
	ev := &event{kind: "Event", typ: typ, trusted: true}
	w.initEvent(w.rt.CreateObject(w.eventProto), ev)
	return ev
}

func (ev *event) preventDefault() {
	if ev.cancelable && !ev.inPassive {
		ev.canceled = true
	}
}
