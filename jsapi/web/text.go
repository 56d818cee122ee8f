package web

import (
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsfunc"

	"github.com/flexrun/flexrun/internal/jsargs"
)

// TextEncoder and TextDecoder, UTF-8 only (the Encoding Standard's
// decoder, so malformed input turns into U+FFFD exactly as in browsers).

type textDecoder struct {
	fatal, ignoreBOM bool
	pending          []byte // an incomplete sequence kept by decode(x, {stream: true})
	bomSeen          bool   // the start of the stream is behind us
}

func (w *web) installTextCoding() {
	rt := w.rt
	_, enc := w.class("TextEncoder", 0, func(c goja.ConstructorCall) *goja.Object {
		w.setSlot(c.This, textEncoderMark{})
		return nil
	})
	w.getter(enc, "encoding", func(c goja.FunctionCall) goja.Value {
		thisSlot[textEncoderMark](w, c)
		return rt.ToValue("utf-8")
	})
	w.method(enc, "encode", 0, func(c goja.FunctionCall) goja.Value {
		thisSlot[textEncoderMark](w, c)
		s := ""
		if a := c.Argument(0); !goja.IsUndefined(a) {
			s = domString(rt, a)
		}
		return w.newUint8Array([]byte(s))
	})
	w.method(enc, "encodeInto", 2, func(c goja.FunctionCall) goja.Value {
		thisSlot[textEncoderMark](w, c)
		w.requireArgs(c, "TextEncoder.encodeInto", 2)
		s := domString(rt, c.Argument(0))
		dst, ok := jsfunc.As[[]byte](c.Argument(1))
		if !ok || !rt.InstanceOf(c.Argument(1), w.uint8Array) {
			panic(rt.NewTypeError("TextEncoder.encodeInto: the destination must be a Uint8Array"))
		}
		read, written := 0, 0
		for _, r := range s {
			n := utf8.RuneLen(r)
			if written+n > len(dst) {
				break
			}
			utf8.EncodeRune(dst[written:], r)
			written += n
			read++
			if r >= 0x10000 {
				read++ // two UTF-16 code units
			}
		}
		res := rt.NewObject()
		res.Set("read", read)
		res.Set("written", written)
		return res
	})

	_, dec := w.class("TextDecoder", 0, func(c goja.ConstructorCall) *goja.Object {
		if l := c.Argument(0); !goja.IsUndefined(l) {
			label := domString(rt, l)
			if !isUTF8Label(label) {
				panic(w.newRangeError(`The "` + label + `" encoding is not supported`))
			}
		}
		d := &textDecoder{}
		if opt, ok := c.Argument(1).(*goja.Object); ok {
			d.fatal = opt.Get("fatal") != nil && opt.Get("fatal").ToBoolean()
			d.ignoreBOM = opt.Get("ignoreBOM") != nil && opt.Get("ignoreBOM").ToBoolean()
		}
		w.setSlot(c.This, d)
		return nil
	})
	w.getter(dec, "encoding", func(c goja.FunctionCall) goja.Value {
		thisSlot[*textDecoder](w, c)
		return rt.ToValue("utf-8")
	})
	w.getter(dec, "fatal", func(c goja.FunctionCall) goja.Value {
		return rt.ToValue(thisSlot[*textDecoder](w, c).fatal)
	})
	w.getter(dec, "ignoreBOM", func(c goja.FunctionCall) goja.Value {
		return rt.ToValue(thisSlot[*textDecoder](w, c).ignoreBOM)
	})
	w.method(dec, "decode", 0, func(c goja.FunctionCall) goja.Value {
		d := thisSlot[*textDecoder](w, c)
		var input []byte
		if a := c.Argument(0); !jsargs.IsNullish(a) {
			b, ok := w.bufferSource(a)
			if !ok {
				panic(rt.NewTypeError("TextDecoder.decode: the input must be an ArrayBuffer or an ArrayBufferView"))
			}
			input = b
		}
		stream := false
		if opt, ok := c.Argument(1).(*goja.Object); ok {
			stream = opt.Get("stream") != nil && opt.Get("stream").ToBoolean()
		}
		data := append(d.pending, input...)
		d.pending = nil
		if !d.bomSeen && !d.ignoreBOM {
			if len(data) < 3 && stream && strings.HasPrefix("\xEF\xBB\xBF", string(data)) {
				d.pending = data // maybe a BOM, split across calls
				return rt.ToValue("")
			}
			data = trimBOM(data)
		}
		if len(data) > 0 {
			d.bomSeen = true
		}
		s, rest, ok := decodeUTF8(data, d.fatal, !stream)
		if !ok {
			d.bomSeen = false
			panic(rt.NewTypeError("The encoded data was not valid for encoding utf-8"))
		}
		d.pending = rest
		if !stream {
			d.bomSeen = false
		}
		return rt.ToValue(s)
	})
}

// textEncoderMark is the (stateless) slot of a TextEncoder.
type textEncoderMark struct{}

func (w *web) newRangeError(message string) *goja.Object {
	o, err := w.rt.New(w.rt.Get("RangeError"), w.rt.ToValue(message))
	if err != nil {
		panic(err)
	}
	return o
}

// newUint8Array returns a Uint8Array over a copy of b.
func (w *web) newUint8Array(b []byte) *goja.Object {
	buf := w.rt.NewArrayBuffer(append([]byte(nil), b...))
	o, err := w.rt.New(w.uint8Array, w.rt.ToValue(buf))
	if err != nil {
		panic(err)
	}
	return o
}

// bufferSource returns the bytes of an ArrayBuffer or of any view on one
// (typed arrays, DataView). The slice aliases the buffer.
func (w *web) bufferSource(v goja.Value) ([]byte, bool) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	if ab, ok := jsfunc.As[goja.ArrayBuffer](o); ok {
		return ab.Bytes(), true
	}
	if x, ok := jsfunc.As[[]byte](o); ok && w.rt.InstanceOf(o, w.uint8Array) {
		return x, true
	}
	// Other views: the window [byteOffset, byteOffset+byteLength) of buffer.
	if r, err := w.isView(goja.Undefined(), o); err != nil || !r.ToBoolean() {
		return nil, false
	}
	ab, ok := jsfunc.As[goja.ArrayBuffer](o.Get("buffer"))
	if !ok {
		return nil, false
	}
	off, n := o.Get("byteOffset").ToInteger(), o.Get("byteLength").ToInteger()
	b := ab.Bytes()
	if off < 0 || n < 0 || off+n > int64(len(b)) {
		return nil, false
	}
	return b[off : off+n], true
}

func isUTF8Label(label string) bool {
	switch strings.ToLower(strings.Trim(label, "\t\n\f\r ")) {
	case "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8":
		return true
	}
	return false
}

func trimBOM(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		return b[3:]
	}
	return b
}

// decodeUTF8 is the Encoding Standard's UTF-8 decoder: each maximal
// malformed subpart becomes one U+FFFD (or fails when fatal). Unless final,
// an incomplete sequence at the end is returned as rest instead.
func decodeUTF8(b []byte, fatal, final bool) (s string, rest []byte, ok bool) {
	if utf8.Valid(b) {
		return string(b), nil, true
	}
	var out strings.Builder
	out.Grow(len(b))
	var cp rune
	need, seen, start := 0, 0, 0
	lower, upper := byte(0x80), byte(0xBF)
	for i := 0; i < len(b); i++ {
		c := b[i]
		if need == 0 {
			start = i
			switch {
			case c <= 0x7F:
				out.WriteByte(c)
			case c >= 0xC2 && c <= 0xDF:
				need, cp = 1, rune(c&0x1F)
			case c >= 0xE0 && c <= 0xEF:
				if c == 0xE0 {
					lower = 0xA0
				} else if c == 0xED {
					upper = 0x9F
				}
				need, cp = 2, rune(c&0xF)
			case c >= 0xF0 && c <= 0xF4:
				if c == 0xF0 {
					lower = 0x90
				} else if c == 0xF4 {
					upper = 0x8F
				}
				need, cp = 3, rune(c&0x7)
			default:
				if fatal {
					return "", nil, false
				}
				out.WriteRune(utf8.RuneError)
			}
			continue
		}
		if c < lower || c > upper {
			need, seen, cp, lower, upper = 0, 0, 0, 0x80, 0xBF
			if fatal {
				return "", nil, false
			}
			out.WriteRune(utf8.RuneError)
			i-- // the byte starts over
			continue
		}
		lower, upper = 0x80, 0xBF
		cp = cp<<6 | rune(c&0x3F)
		if seen++; seen == need {
			out.WriteRune(cp)
			need, seen, cp = 0, 0, 0
		}
	}
	if need != 0 {
		if !final {
			return out.String(), append([]byte(nil), b[start:]...), true
		}
		if fatal {
			return "", nil, false
		}
		out.WriteRune(utf8.RuneError)
	}
	return out.String(), nil, true
}
