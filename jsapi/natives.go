package jsapi

// Bounds on native work the job budget cannot stop.
//
// The engine's job budget (engine.Options.JobBudget) interrupts JavaScript
// through Runtime.Interrupt, which goja checks between JavaScript
// instructions only. A built-in that loops in Go runs to its end: with
// goja v0.0.0-20260311135729-065cd970411c, JSON.stringify of 100k-deep
// nesting takes 19 s under a 1 s budget (its cycle check scans the whole
// path at every level, so the time is quadratic in the depth), and
// String(a) of an array with length 2**32-1 loops 4 billion times to
// build a 4 GB string. V8 throws a RangeError at once in both cases.
//
// installNativeBounds puts a guard written in Go in front of each such
// intrinsic, in place (same realm, same name, length and attributes, so
// plugin code sees the built-in): the guard checks what V8 checks before
// the work starts and throws V8's RangeError, else calls goja's own
// function with the same arguments. A guard only reads what has no side
// effects (a primitive argument, the length of a real Array), so results
// for normal inputs, and the order of getters and toString calls, do not
// change; where reading more would have side effects it lets the call
// through unguarded. testdata/spec/native-bounds.mjs has the cases;
// README ("goja differences") lists what stays unbounded.

import (
	"math"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsfunc"
)

const (
	// maxStringLength is V8's String::kMaxLength on 64-bit hosts (Node
	// 20, Chrome): a longer result is "RangeError: Invalid string length".
	maxStringLength = 1<<29 - 24
	// maxArrayLength is the largest array length (2**32-1); a longer
	// result is "RangeError: Invalid array length".
	maxArrayLength = 1<<32 - 1
	// maxJSONDepth bounds how deep JSON.stringify nests. V8 runs out of
	// stack at about 4,200 levels (Node 20: 4,173 for {a: {a: ...}});
	// goja's quadratic cycle check takes about 0.1 s at this depth.
	maxJSONDepth = 5000
)

// nativeBounds holds the intrinsics the guards need, captured at setup
// before plugin code can replace them.
type nativeBounds struct {
	rt         *goja.Runtime
	rangeError *goja.Object
	isArray    goja.Callable
}

// installNativeBounds wraps the intrinsics that loop in Go. Setup only.
func installNativeBounds(rt *goja.Runtime) {
	b := &nativeBounds{
		rt:         rt,
		rangeError: rt.Get("RangeError").(*goja.Object),
		isArray:    jsfunc.MustCallable(rt.Get("Array").(*goja.Object).Get("isArray")),
	}
	proto := func(ctor string) *goja.Object {
		return rt.Get(ctor).(*goja.Object).Get("prototype").(*goja.Object)
	}
	// Array.prototype.toString and String(array) call this.join.
	b.wrap(proto("Array"), "join", 1, b.join)
	b.wrap(proto("Array"), "concat", 1, b.concat)
	b.wrap(proto("String"), "repeat", 1, b.repeat)
	b.wrap(proto("String"), "padStart", 1, b.pad)
	b.wrap(proto("String"), "padEnd", 1, b.pad)
	b.wrap(rt.Get("JSON").(*goja.Object), "stringify", 3, b.stringify)
}

// guard checks a call before the original runs; orig is goja's function.
type guard func(c goja.FunctionCall, orig func(goja.FunctionCall) goja.Value) goja.Value

// wrap replaces obj[name] with g in front of the original, defined as
// built-in methods are (writable, configurable, not enumerable). The
// original is called directly, not through a Callable, so its exceptions
// and stack frames are what they were.
func (b *nativeBounds) wrap(obj *goja.Object, name string, length int, g guard) {
	orig, ok := obj.Get(name).Export().(func(goja.FunctionCall) goja.Value)
	if !ok {
		panic("flexrun: " + name + " is not a goja built-in")
	}
	f := jsfunc.New(b.rt, name, length, func(c goja.FunctionCall) goja.Value { return g(c, orig) })
	if err := obj.DefineDataProperty(name, f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		panic(err)
	}
}

func (b *nativeBounds) throw(message string) {
	o, err := b.rt.New(b.rangeError, b.rt.ToValue(message))
	if err != nil {
		panic(err)
	}
	panic(o)
}

// arrayLength is the length of v when v is an Array (whose length is a
// data property: reading it has no side effects), else -1.
func (b *nativeBounds) arrayLength(v goja.Value) int64 {
	o, ok := v.(*goja.Object)
	if !ok || o.ClassName() != "Array" {
		return -1
	}
	return o.Get("length").ToInteger()
}

// stringLength is the length in UTF-16 units of v when v is a string
// primitive, else -1.
func stringLength(v goja.Value) int64 {
	if s, ok := v.(goja.String); ok {
		return int64(s.Length())
	}
	return -1
}

// number is ToIntegerOrInfinity of v when v is a number or a string
// primitive (converting those has no side effects); ok is false otherwise.
func number(v goja.Value) (n float64, ok bool) {
	if !goja.IsNumber(v) && !goja.IsString(v) {
		return 0, false
	}
	f := v.ToFloat()
	if math.IsNaN(f) {
		return 0, true
	}
	return math.Trunc(f), true
}

// join: the result has at least length-1 separators.
func (b *nativeBounds) join(c goja.FunctionCall, orig func(goja.FunctionCall) goja.Value) goja.Value {
	n := b.arrayLength(c.This)
	sep := int64(1) // ","
	if s := c.Argument(0); !goja.IsUndefined(s) {
		sep = stringLength(s)
	}
	if n > 1 && sep > 0 && float64(n-1)*float64(sep) > maxStringLength {
		b.throw("Invalid string length")
	}
	return orig(c)
}

// repeat: the result is count copies of the string.
func (b *nativeBounds) repeat(c goja.FunctionCall, orig func(goja.FunctionCall) goja.Value) goja.Value {
	l := stringLength(c.This)
	n, ok := number(c.Argument(0))
	if l > 0 && ok && !math.IsInf(n, 1) && float64(l)*n > maxStringLength {
		b.throw("Invalid string length")
	}
	return orig(c)
}

// pad (padStart, padEnd): the result is maxLength long unless the string
// is longer or the filler is empty.
func (b *nativeBounds) pad(c goja.FunctionCall, orig func(goja.FunctionCall) goja.Value) goja.Value {
	l := stringLength(c.This)
	n, ok := number(c.Argument(0))
	fill := int64(1) // " "
	if f := c.Argument(1); !goja.IsUndefined(f) {
		fill = stringLength(f)
	}
	if l >= 0 && ok && fill > 0 && n > float64(l) && n > maxStringLength {
		b.throw("Invalid string length")
	}
	return orig(c)
}

// concat: each Array contributes its length, unless its
// Symbol.isConcatSpreadable is false; each primitive one element. That
// property is read only when the lengths alone pass the limit (a getter
// there would run twice; no normal input gets this far).
func (b *nativeBounds) concat(c goja.FunctionCall, orig func(goja.FunctionCall) goja.Value) goja.Value {
	items := append([]goja.Value{c.This}, c.Arguments...)
	total := func(checkSpreadable bool) (n float64) {
		for _, it := range items {
			l := b.arrayLength(it)
			switch {
			case l < 0 && (it == nil || isPrimitive(it)):
				n++
			case l < 0: // another object: at least nothing
			case checkSpreadable && isFalse(it.(*goja.Object).GetSymbol(goja.SymIsConcatSpreadable)):
				n++
			default:
				n += float64(l)
			}
		}
		return n
	}
	if b.arrayLength(c.This) >= 0 && total(false) > maxArrayLength && total(true) > maxArrayLength {
		b.throw("Invalid array length")
	}
	return orig(c)
}

func isPrimitive(v goja.Value) bool { _, obj := v.(*goja.Object); return !obj }

// isFalse: v is defined and falsy (ToBoolean of a primitive has no side
// effects; an object is truthy).
func isFalse(v goja.Value) bool { return v != nil && !goja.IsUndefined(v) && !v.ToBoolean() }
