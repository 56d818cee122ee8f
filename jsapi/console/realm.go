package console

// The realm: how inspect and format read the runtime (built-ins looked up
// once, guarded calls into JavaScript, property keys and brand checks),
// and the fallback rendering when inspection itself fails. It is Go-side
// machinery with no counterpart in Node's inspect.js, so it lives apart
// from the port (inspect.go), which keeps Node's order.

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/engine"
)

// isUncatchable reports goja's interrupt and stack-overflow errors, which
// must keep unwinding rather than be turned into output.
func isUncatchable(x any) bool {
	err, ok := x.(error)
	if !ok {
		return false
	}
	var ie *goja.InterruptedError
	var se *goja.StackOverflowError
	return errors.As(err, &ie) || errors.As(err, &se)
}

// recoverTo turns an unexpected Go panic during inspection into a plain
// rendering of v; uncatchable goja errors keep unwinding.
func (r *realm) recoverTo(s *string, v goja.Value) {
	if x := recover(); x != nil {
		if isUncatchable(x) {
			panic(x)
		}
		*s = r.fallback(v)
	}
}

// fallback is the rendering used when inspection itself failed.
func (r *realm) fallback(v goja.Value) (s string) {
	defer func() {
		if x := recover(); x != nil {
			if isUncatchable(x) {
				panic(x)
			}
			s = "[object Object]"
		}
	}()
	switch x := v.(type) {
	case nil:
		return "undefined"
	case *goja.Object:
		if str, ok := r.jsString(x); ok {
			return str
		}
		return "[object " + x.ClassName() + "]"
	case *goja.Symbol:
		return symbolString(x)
	}
	return v.String()
}

// realm gives inspect access to the runtime's built-in functions, looked up
// from the global object on first use and cached, so that brand checks
// (is this a Map?) and reads (its entries) use the engine's own methods.
type realm struct {
	rt      *goja.Runtime
	vals    map[string]goja.Value
	fns     map[string]goja.Callable
	lastErr error
	custom  *goja.Symbol
	circMsg *string
}

func newRealm(rt *goja.Runtime) *realm {
	return &realm{rt: rt, vals: map[string]goja.Value{}, fns: map[string]goja.Callable{}}
}

// try runs f and reports whether it finished without a JavaScript exception.
func (r *realm) try(f func()) bool {
	return r.rt.Try(f) == nil
}

// intrinsic resolves a dotted path from the global object. A segment
// "[[Prototype]]" steps to the prototype; "get name" (or "get @@toStringTag")
// takes the getter of an own accessor property.
func (r *realm) intrinsic(path string) goja.Value {
	if v, ok := r.vals[path]; ok {
		return v
	}
	var v goja.Value
	r.try(func() {
		cur := goja.Value(r.rt.GlobalObject())
		for _, seg := range strings.Split(path, ".") {
			o, ok := cur.(*goja.Object)
			if !ok {
				cur = nil
				return
			}
			switch {
			case seg == "[[Prototype]]":
				p := o.Prototype()
				if p == nil {
					cur = nil
					return
				}
				cur = p
			case strings.HasPrefix(seg, "get "):
				key := propKey{str: seg[4:]}
				if key.str == "@@toStringTag" {
					key = propKey{sym: goja.SymToStringTag}
				}
				d, ok := r.ownDesc(o, key)
				if !ok {
					cur = nil
					return
				}
				cur = d.get
			default:
				cur = o.Get(seg)
			}
		}
		v = cur
	})
	r.vals[path] = v
	return v
}

func (r *realm) intrinsicObject(path string) *goja.Object {
	o, _ := r.intrinsic(path).(*goja.Object)
	return o
}

// callPath calls the built-in function at path; ok is false when it is
// missing or throws (the exception is kept in lastErr).
func (r *realm) callPath(path string, this goja.Value, args ...goja.Value) (goja.Value, bool) {
	fn, ok := r.fns[path]
	if !ok {
		fn, _ = goja.AssertFunction(r.intrinsic(path))
		r.fns[path] = fn
	}
	if fn == nil {
		return nil, false
	}
	return r.invoke(fn, this, args...)
}

func (r *realm) call(fn goja.Value, this goja.Value, args ...goja.Value) (goja.Value, bool) {
	f, ok := goja.AssertFunction(fn)
	if !ok {
		return nil, false
	}
	return r.invoke(f, this, args...)
}

func (r *realm) invoke(fn goja.Callable, this goja.Value, args ...goja.Value) (goja.Value, bool) {
	v, err := fn(this, args...)
	if err != nil {
		if isUncatchable(err) {
			panic(err)
		}
		r.lastErr = err
		return nil, false
	}
	return v, true
}

// callString calls a built-in and converts its result to a string ("" on
// failure).
func (r *realm) callString(path string, this goja.Value) string {
	v, ok := r.callPath(path, this)
	if !ok {
		return ""
	}
	return r.toString(v)
}

// get reads o[key], undefined if it throws.
func (r *realm) get(o *goja.Object, key string) goja.Value {
	var v goja.Value
	if !r.try(func() { v = o.Get(key) }) || v == nil {
		return goja.Undefined()
	}
	return v
}

func (r *realm) getSym(o *goja.Object, sym *goja.Symbol) goja.Value {
	var v goja.Value
	if !r.try(func() { v = o.GetSymbol(sym) }) || v == nil {
		return goja.Undefined()
	}
	return v
}

func (r *realm) keyValue(k propKey) goja.Value {
	if k.sym != nil {
		return k.sym
	}
	return r.rt.ToValue(k.str)
}

// ownDesc is Object.getOwnPropertyDescriptor; ok is false when there is no
// such own property.
func (r *realm) ownDesc(o *goja.Object, k propKey) (propDesc, bool) {
	v, ok := r.callPath("Object.getOwnPropertyDescriptor", goja.Undefined(), o, r.keyValue(k))
	d, isObj := v.(*goja.Object)
	if !ok || !isObj {
		return propDesc{}, false
	}
	return propDesc{
		value:      r.get(d, "value"),
		get:        r.get(d, "get"),
		set:        r.get(d, "set"),
		enumerable: r.get(d, "enumerable").ToBoolean(),
	}, true
}

func (r *realm) boolCall(path string, this goja.Value, args ...goja.Value) bool {
	v, ok := r.callPath(path, this, args...)
	return ok && v.ToBoolean()
}

func (r *realm) hasOwn(o *goja.Object, key goja.Value) bool {
	return r.boolCall("Object.prototype.hasOwnProperty", o, key)
}

func (r *realm) isEnumerable(o *goja.Object, key goja.Value) bool {
	return r.boolCall("Object.prototype.propertyIsEnumerable", o, key)
}

// has is the `in` operator.
func (r *realm) has(o *goja.Object, key goja.Value) bool {
	return r.boolCall("Reflect.has", goja.Undefined(), o, key)
}

func (r *realm) instanceOf(o, ctor *goja.Object) bool {
	if ctor == nil {
		return false
	}
	var res bool
	return r.try(func() { res = r.rt.InstanceOf(o, ctor) }) && res
}

func (r *realm) proto(o *goja.Object) *goja.Object {
	var p *goja.Object
	r.try(func() { p = o.Prototype() })
	return p
}

// className is the engine's class of o ("Object", "Array", "Error", ...).
func (r *realm) className(o *goja.Object) string {
	name := "Object"
	r.try(func() { name = o.ClassName() })
	return name
}

// keys is Node's getKeys: own enumerable string keys, then own enumerable
// symbols (all own keys with showHidden).
func (r *realm) keys(o *goja.Object, showHidden bool) []propKey {
	var names []string
	var syms []*goja.Symbol
	r.try(func() {
		if showHidden {
			names = o.GetOwnPropertyNames()
		} else {
			names = o.Keys()
		}
	})
	r.try(func() { syms = o.Symbols() })
	keys := make([]propKey, 0, len(names)+len(syms))
	for _, n := range names {
		keys = append(keys, propKey{str: n})
	}
	for _, s := range syms {
		if showHidden || r.isEnumerable(o, s) {
			keys = append(keys, propKey{sym: s})
		}
	}
	return keys
}

// nonIndexKeys is keys without array indices (arrays and typed arrays list
// their elements separately).
func (r *realm) nonIndexKeys(o *goja.Object, showHidden bool) []propKey {
	all := r.keys(o, showHidden)
	keys := all[:0]
	for _, k := range all {
		if k.sym != nil || !isArrayIndex(k.str) {
			keys = append(keys, k)
		}
	}
	return keys
}

// maxKeyScan is the element count above which arrays and typed arrays are
// not scanned for extra named properties: goja can only list keys by
// enumerating every index, which takes most of a second for a million
// elements. Symbol keys are still shown.
const maxKeyScan = 1 << 16

// elementKeys is nonIndexKeys for an array-like of the given length.
func (r *realm) elementKeys(o *goja.Object, length int, showHidden bool) []propKey {
	if length <= maxKeyScan {
		return r.nonIndexKeys(o, showHidden)
	}
	var syms []*goja.Symbol
	r.try(func() { syms = o.Symbols() })
	var keys []propKey
	for _, s := range syms {
		if showHidden || r.isEnumerable(o, s) {
			keys = append(keys, propKey{sym: s})
		}
	}
	return keys
}

// isArrayIndex reports whether s is a canonical array index ("0" to
// "4294967294").
func isArrayIndex(s string) bool {
	if s == "" || len(s) > 10 || (s[0] == '0' && len(s) > 1) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	n, err := strconv.ParseUint(s, 10, 64)
	return err == nil && n < 1<<32-1
}

// keyNames is Object.keys.
func (r *realm) keyNames(o *goja.Object) []string {
	var names []string
	r.try(func() { names = o.Keys() })
	return names
}

// ownKeys is Reflect.ownKeys.
func (r *realm) ownKeys(o *goja.Object) []propKey {
	return r.keys(o, true)
}

func (r *realm) isArray(o *goja.Object) bool {
	return r.className(o) == "Array"
}

func (r *realm) length(o *goja.Object) int {
	var n int64
	r.try(func() { n = r.get(o, "length").ToInteger() })
	return int(min(max(n, 0), math.MaxUint32)) // an array's length is at most 2**32-1
}

func (r *realm) isFunction(o *goja.Object) bool {
	_, ok := goja.AssertFunction(o)
	return ok
}

func (r *realm) isFunctionValue(v goja.Value) bool {
	_, ok := goja.AssertFunction(v)
	return ok
}

func (r *realm) isError(o *goja.Object) bool {
	return r.className(o) == "Error" || r.instanceOf(o, r.intrinsicObject("Error"))
}

func (r *realm) sizeOf(path string, o *goja.Object) (int, bool) {
	v, ok := r.callPath(path, o)
	if !ok || !goja.IsNumber(v) {
		return 0, false
	}
	return int(v.ToInteger()), true
}

func (r *realm) setSize(o *goja.Object) (int, bool) {
	return r.sizeOf("Set.prototype.get size", o)
}

func (r *realm) mapSize(o *goja.Object) (int, bool) {
	return r.sizeOf("Map.prototype.get size", o)
}

// typedArrayName brand-checks a typed array through %TypedArray%'s
// Symbol.toStringTag getter, which returns undefined for anything else.
func (r *realm) typedArrayName(o *goja.Object) (string, bool) {
	v, ok := r.callPath("Uint8Array.prototype.[[Prototype]].get @@toStringTag", o)
	s, isStr := v.(goja.String)
	if !ok || !isStr {
		return "", false
	}
	return s.String(), true
}

func (r *realm) typedArrayLength(o *goja.Object) int {
	n, _ := r.sizeOf("Uint8Array.prototype.[[Prototype]].get length", o)
	return n
}

func (r *realm) isDataView(o *goja.Object) bool {
	_, ok := r.callPath("DataView.prototype.get byteLength", o)
	return ok
}

func (r *realm) isWeak(kind string, o *goja.Object) bool {
	_, ok := r.callPath(kind+".prototype.has", o, r.rt.NewObject())
	return ok
}

// proxyTarget unwraps proxies (nested ones too) without running traps.
func (r *realm) proxyTarget(o *goja.Object) (target *goja.Object, isProxy, revoked bool) {
	for o.ExportType() == proxyType {
		p, _ := o.Export().(goja.Proxy)
		isProxy = true
		if o = p.Target(); o == nil {
			return nil, true, true
		}
	}
	return o, isProxy, false
}

// functionKind tells async and generator functions apart by the built-in
// prototype they inherit from (whose Symbol.toStringTag names the kind).
func (r *realm) functionKind(fn *goja.Object) (async, generator bool) {
	p := r.proto(fn)
	for i := 0; p != nil && i < 8; i++ {
		if d, ok := r.ownDesc(p, propKey{sym: goja.SymToStringTag}); ok {
			switch r.toString(d.value) {
			case "AsyncFunction":
				return true, false
			case "GeneratorFunction":
				return false, true
			case "AsyncGeneratorFunction":
				return true, true
			}
		}
		p = r.proto(p)
	}
	return false, false
}

// jsString is String(v); ok is false when conversion throws.
func (r *realm) jsString(v goja.Value) (s string, ok bool) {
	switch x := v.(type) {
	case nil:
		return "undefined", true
	case *goja.Symbol:
		return symbolString(x), true
	}
	ok = r.try(func() { s = v.String() })
	return s, ok
}

func (r *realm) toString(v goja.Value) string {
	s, _ := r.jsString(v)
	return s
}

// stackString is the error's stack (or Error.prototype.toString when it has
// none) with goja frames rewritten to Node's layout.
func (r *realm) stackString(err *goja.Object) string {
	if st := r.get(err, "stack"); st.ToBoolean() {
		return engine.NodeStack(r.toString(st))
	}
	return r.callString("Error.prototype.toString", err)
}

// iterate walks the iterator returned by the built-in at path.
func (r *realm) iterate(path string, o *goja.Object, step func(goja.Value) bool) {
	it, ok := r.callPath(path, o)
	if !ok {
		return
	}
	r.try(func() { r.rt.ForOf(it, step) })
}

func (r *realm) customSymbol() *goja.Symbol {
	if r.custom == nil {
		v, _ := r.callPath("Symbol.for", goja.Undefined(), r.rt.ToValue("nodejs.util.inspect.custom"))
		r.custom, _ = v.(*goja.Symbol)
	}
	return r.custom
}

// lastErrorIsCircular reports whether the last failed call threw the
// engine's "circular structure" TypeError from JSON.stringify.
func (r *realm) lastErrorIsCircular() bool {
	if r.circMsg == nil {
		msg := ""
		a := r.rt.NewObject()
		r.try(func() { _ = a.Set("a", a) })
		if _, ok := r.callPath("JSON.stringify", goja.Undefined(), a); !ok {
			msg = r.errorFirstLine(r.lastErr)
		}
		r.circMsg = &msg
	}
	var ex *goja.Exception
	if !errors.As(r.lastErr, &ex) {
		return false
	}
	o, ok := ex.Value().(*goja.Object)
	return ok && *r.circMsg != "" && r.toString(r.get(o, "name")) == "TypeError" &&
		r.errorFirstLine(r.lastErr) == *r.circMsg
}

func (r *realm) errorFirstLine(err error) string {
	var ex *goja.Exception
	if !errors.As(err, &ex) {
		return ""
	}
	o, ok := ex.Value().(*goja.Object)
	if !ok {
		return ""
	}
	msg, _, _ := strings.Cut(r.toString(r.get(o, "message")), "\n")
	return msg
}
