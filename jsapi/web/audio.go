package web

import (
	"math"
	"strings"

	"github.com/dop251/goja"
)

// Audio: new Audio(src?) and document.createElement("audio"), an
// HTMLAudioElement that plays nothing. src and loop reflect their
// attributes (src reads back resolved against the page's URL, as in
// browsers); volume, muted, currentTime and paused are its state. play()
// sets paused to false, tells Options.OnAudio, and returns a promise that
// resolves in a microtask, after the trusted "play" and "playing" events;
// pause() fires "pause". No media loads, so duration is NaN, nothing ends
// and there are no loading events.

type media struct {
	volume      float64
	muted       bool
	currentTime float64
	paused      bool
}

func newMedia() *media { return &media{volume: 1, paused: true} }

// playableTypes are the MIME types canPlayType answers "maybe" to.
var playableTypes = map[string]bool{
	"audio/mpeg": true, "audio/mp3": true, "audio/mp4": true, "audio/aac": true, "audio/x-m4a": true,
	"audio/wav": true, "audio/wave": true, "audio/x-wav": true, "audio/ogg": true, "audio/webm": true,
	"audio/flac": true, "audio/opus": true,
}

func (w *web) installAudio(onAudio func(src string)) {
	rt := w.rt
	_, proto := w.class("Audio", 0, func(c goja.ConstructorCall) *goja.Object {
		n := w.newElement("audio")
		n.setAttr("preload", "auto")
		if src := c.Argument(0); !goja.IsUndefined(src) {
			n.setAttr("src", domString(rt, src))
		}
		n.obj.SetPrototype(c.This.Prototype()) // a subclass's
		return n.obj
	})
	w.audioProto = proto
	proto.SetPrototype(w.elementProto)
	proto.DefineDataPropertySymbol(goja.SymToStringTag, rt.ToValue("HTMLAudioElement"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	this := func(c goja.FunctionCall) (*node, *media) {
		n := thisSlot[*node](w, c)
		if n.media == nil {
			panic(rt.NewTypeError("Illegal invocation"))
		}
		return n, n.media
	}
	// finite converts a double attribute's value, a TypeError when it is
	// NaN or infinite.
	finite := func(api string, v goja.Value) float64 {
		f := v.ToFloat()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			panic(rt.NewTypeError(api + ": Value being assigned is not a finite floating-point value."))
		}
		return f
	}
	src := func(n *node) string {
		v, ok := n.attr("src")
		if !ok || v == "" {
			return ""
		}
		if u, ok := parseURLRecord(v, w.page, w.toASCII); ok {
			return u.href()
		}
		return v
	}

	w.accessor(proto, "src", func(c goja.FunctionCall) goja.Value {
		n, _ := this(c)
		return rt.ToValue(src(n))
	}, func(c goja.FunctionCall) {
		n, _ := this(c)
		n.setAttr("src", domString(rt, c.Argument(0)))
	})
	w.accessor(proto, "loop", func(c goja.FunctionCall) goja.Value {
		n, _ := this(c)
		_, ok := n.attr("loop")
		return rt.ToValue(ok)
	}, func(c goja.FunctionCall) {
		n, _ := this(c)
		if c.Argument(0).ToBoolean() {
			n.setAttr("loop", "")
		} else {
			n.removeAttr("loop")
		}
	})
	w.accessor(proto, "volume", func(c goja.FunctionCall) goja.Value {
		_, m := this(c)
		return rt.ToValue(m.volume)
	}, func(c goja.FunctionCall) {
		_, m := this(c)
		const api = "HTMLMediaElement.volume setter"
		v := finite(api, c.Argument(0))
		if v < 0 || v > 1 {
			panic(w.newDOMException(api+": The volume provided ("+rt.ToValue(v).String()+") is outside the range [0, 1].", "IndexSizeError"))
		}
		m.volume = v
	})
	w.accessor(proto, "muted", func(c goja.FunctionCall) goja.Value {
		_, m := this(c)
		return rt.ToValue(m.muted)
	}, func(c goja.FunctionCall) {
		_, m := this(c)
		m.muted = c.Argument(0).ToBoolean()
	})
	w.accessor(proto, "currentTime", func(c goja.FunctionCall) goja.Value {
		_, m := this(c)
		return rt.ToValue(m.currentTime)
	}, func(c goja.FunctionCall) {
		_, m := this(c)
		m.currentTime = math.Max(0, finite("HTMLMediaElement.currentTime setter", c.Argument(0)))
	})
	w.getter(proto, "paused", func(c goja.FunctionCall) goja.Value {
		_, m := this(c)
		return rt.ToValue(m.paused)
	})
	w.getter(proto, "ended", func(c goja.FunctionCall) goja.Value { this(c); return rt.ToValue(false) })
	w.getter(proto, "duration", func(c goja.FunctionCall) goja.Value { this(c); return rt.ToValue(math.NaN()) })

	// fire queues a trusted event at n, as media elements queue theirs.
	fire := func(n *node, types ...string) {
		w.v.QueueMicrotask(func() {
			for _, typ := range types {
				w.dispatch(&n.eventTarget, w.newTrustedEvent(typ))
			}
		})
	}
	w.method(proto, "play", 0, func(c goja.FunctionCall) goja.Value {
		n, m := this(c)
		p, resolve, _ := rt.NewPromise()
		if m.paused {
			m.paused = false
			if onAudio != nil {
				onAudio(src(n))
			}
			fire(n, "play", "playing")
		}
		w.v.QueueMicrotask(func() { _ = resolve(goja.Undefined()) })
		return rt.ToValue(p)
	})
	w.method(proto, "pause", 0, func(c goja.FunctionCall) goja.Value {
		n, m := this(c)
		if !m.paused {
			m.paused = true
			fire(n, "pause")
		}
		return goja.Undefined()
	})
	w.method(proto, "load", 0, func(c goja.FunctionCall) goja.Value {
		_, m := this(c)
		m.paused, m.currentTime = true, 0
		return goja.Undefined()
	})
	w.method(proto, "canPlayType", 1, func(c goja.FunctionCall) goja.Value {
		this(c)
		w.requireArgs(c, "HTMLMediaElement.canPlayType", 1)
		typ, _, _ := strings.Cut(domString(rt, c.Argument(0)), ";")
		if playableTypes[strings.ToLower(strings.TrimSpace(typ))] {
			return rt.ToValue("maybe")
		}
		return rt.ToValue("")
	})
}
