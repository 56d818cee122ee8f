package console

// This file is a port of Node 20's lib/internal/util/inspect.js (inspect and
// format with colours off), kept in one file and in the same order as the
// original so that the two can be read side by side when Node's output
// changes. Function names follow Node's (formatValue, formatRaw,
// reduceToSingleString, ...) for the same reason.
//
// Node reads engine internals (proxy targets, promise state, map entries)
// through V8 bindings; here the same facts come from goja's Go API and from
// the built-in functions of the runtime itself (Map.prototype.entries and
// friends), looked up once per realm (realm.go) so that user code
// replacing a method on an instance does not change what is printed. Every
// call into JavaScript is guarded: a throwing getter, a revoked proxy or a
// hostile toString degrades to a plainer rendering instead of failing the
// console call.

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsfunc"
)

// Inspect renders v as Node's util.inspect(v) with default options (depth 2,
// colors off, compact 3, breakLength 80).
//
// Loop only: it reads and may call into rt. JavaScript exceptions raised while
// inspecting (throwing getters, custom inspect functions, revoked proxies) are
// caught and the value is rendered in a plainer form; Inspect panics only to
// pass on goja's uncatchable interrupts (Runtime.Interrupt, stack overflow).
func Inspect(rt *goja.Runtime, v goja.Value) string {
	return newRealm(rt).inspect(v, defaultInspectOptions())
}

// Format renders console.log-style arguments as Node's util.format(...args):
// printf-like substitution of %s %d %i %f %j %o %O %c %% in a leading string,
// then the remaining arguments, strings as they are and other values
// inspected, joined by single spaces.
//
// Loop only, with the same error handling as Inspect.
func Format(rt *goja.Runtime, args []goja.Value) string {
	return newRealm(rt).format(args)
}

// inspectOptions mirrors the subset of util.inspect's options that flexrun
// uses. Colours, `sorted`, `getters` and `compact: true` are not supported.
type inspectOptions struct {
	depth           float64 // math.Inf(1) for `depth: null`
	showHidden      bool
	showProxy       bool
	customInspect   bool
	maxArrayLength  int
	maxStringLength int
	breakLength     int
	compact         int // 0 is `compact: false`
}

// noLimit stands in for Infinity in the integer options.
const noLimit = math.MaxInt32

func defaultInspectOptions() inspectOptions {
	return inspectOptions{
		depth:           2,
		customInspect:   true,
		maxArrayLength:  100,
		maxStringLength: 10000,
		breakLength:     80,
		compact:         3,
	}
}

const (
	kObjectType = iota
	kArrayType
	kArrayExtrasType
)

// maxNesting bounds the Go recursion of formatValue: custom inspect functions
// can return fresh objects forever, and Go cannot recover a stack overflow.
const maxNesting = 1000

var (
	proxyType    = reflect.TypeOf(goja.Proxy{})
	promiseType  = reflect.TypeOf((*goja.Promise)(nil))
	arrayBufType = reflect.TypeOf(goja.ArrayBuffer{})

	keyStrRegExp     = regexp.MustCompile(`^[a-zA-Z_][a-zA-Z_0-9]*$`)
	numberRegExp     = regexp.MustCompile(`^(0|[1-9][0-9]*)$`)
	classRegExp      = regexp.MustCompile(`^(\s+[^(]*?)\s*{`)
	stripComments    = regexp.MustCompile(`(//.*?\n)|(/\*(.|\n)*?\*/)`)
	errorStartRegExp = regexp.MustCompile(`^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)`)
	errorOnlyRegExp  = regexp.MustCompile(`^([a-z_A-Z0-9-]*Error)$`)
)

// builtInObjects is Node 20's set of global constructor names, used to tell
// built-in toString methods and prototypes from user-defined ones. It is
// fixed rather than read from the runtime so that output does not depend on
// what a plugin happened to define globally.
var builtInObjects = nameSet("Object", "Function", "Array", "Number", "Infinity", "NaN",
	"Boolean", "String", "Symbol", "Date", "Promise", "RegExp", "Error", "AggregateError",
	"EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError",
	"JSON", "Math", "Intl", "ArrayBuffer", "Uint8Array", "Int8Array", "Uint16Array",
	"Int16Array", "Uint32Array", "Int32Array", "Float32Array", "Float64Array",
	"Uint8ClampedArray", "BigUint64Array", "BigInt64Array", "DataView", "Map", "BigInt",
	"Set", "WeakMap", "WeakSet", "Proxy", "Reflect", "FinalizationRegistry", "WeakRef",
	"Buffer", "URL", "URLSearchParams", "DOMException", "AbortController", "AbortSignal",
	"Event", "EventTarget", "TextEncoder", "TextDecoder", "Blob", "File", "FormData",
	"Headers", "Request", "Response", "SharedArrayBuffer", "Atomics", "WebAssembly")

func nameSet(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// inspector is one util.inspect call: Node's `ctx`.
type inspector struct {
	r              *realm
	o              inspectOptions
	seen           []*goja.Object
	circular       map[*goja.Object]int
	indentationLvl int
	currentDepth   int
	nesting        int
}

// propKey is a property key: a string or a symbol.
type propKey struct {
	str string
	sym *goja.Symbol
}

// propDesc is the part of a property descriptor inspect looks at.
type propDesc struct {
	value, get, set goja.Value
	enumerable      bool
}

// ctorName is getConstructorName's result; null is JavaScript's null
// (an object without a prototype chain ending in a named constructor).
type ctorName struct {
	name string
	null bool
}

func (r *realm) inspect(v goja.Value, o inspectOptions) (s string) {
	defer r.recoverTo(&s, v)
	c := &inspector{r: r, o: o}
	if !r.try(func() { s = c.formatValue(v, 0, false) }) {
		s = r.fallback(v)
	}
	return s
}

// formatValue is Node's formatValue.
func (c *inspector) formatValue(v goja.Value, recurseTimes int, typedArray bool) string {
	value, ok := v.(*goja.Object)
	if !ok {
		return c.formatPrimitive(v)
	}
	c.nesting++
	defer func() { c.nesting-- }()
	if c.nesting > maxNesting {
		return "[" + strings.TrimSuffix(c.ctxStyle(value, ctorName{name: "Object"}, ""), " ") +
			": Inspection interrupted prematurely. Maximum call stack size exceeded.]"
	}

	context := value
	if target, isProxy, revoked := c.r.proxyTarget(value); isProxy {
		if revoked {
			return "<Revoked Proxy>"
		}
		if c.o.showProxy {
			return c.formatProxy(value, recurseTimes)
		}
		value = target
	}

	if c.o.customInspect {
		if s, done := c.customInspect(value, context, recurseTimes); done {
			return s
		}
	}

	for _, s := range c.seen {
		if s == value {
			if c.circular == nil {
				c.circular = map[*goja.Object]int{}
			}
			index, found := c.circular[value]
			if !found {
				index = len(c.circular) + 1
				c.circular[value] = index
			}
			return fmt.Sprintf("[Circular *%d]", index)
		}
	}
	return c.formatRaw(value, recurseTimes, typedArray)
}

// customInspect calls value[Symbol.for('nodejs.util.inspect.custom')] the way
// Node does; done is false when there is none or it returned `this`.
func (c *inspector) customInspect(value, context *goja.Object, recurseTimes int) (string, bool) {
	sym := c.r.customSymbol()
	if sym == nil {
		return "", false
	}
	fn := c.r.getSym(value, sym)
	if _, ok := goja.AssertFunction(fn); !ok {
		return "", false
	}
	if ctor, ok := c.r.get(value, "constructor").(*goja.Object); ok {
		if p, ok := c.r.get(ctor, "prototype").(*goja.Object); ok && p == value {
			return "", false
		}
	}
	depth := goja.Null()
	if !math.IsInf(c.o.depth, 1) {
		depth = c.r.rt.ToValue(c.o.depth - float64(recurseTimes))
	}
	ret, ok := c.r.call(fn, context, depth, c.r.optionsObject(c.o), c.r.inspectFunction())
	if !ok {
		return "", false
	}
	if o, isObj := ret.(*goja.Object); isObj && o == context {
		return "", false
	}
	if goja.IsString(ret) {
		return strings.ReplaceAll(ret.String(), "\n", "\n"+strings.Repeat(" ", c.indentationLvl)), true
	}
	return c.formatValue(ret, recurseTimes, false), true
}

func (c *inspector) formatProxy(proxy *goja.Object, recurseTimes int) string {
	if c.beyondDepth(recurseTimes) {
		return "Proxy [Array]"
	}
	p, _ := proxy.Export().(goja.Proxy)
	recurseTimes++
	c.indentationLvl += 2
	res := []string{
		c.formatValue(objectOrUndefined(p.Target()), recurseTimes, false),
		c.formatValue(objectOrUndefined(p.Handler()), recurseTimes, false),
	}
	c.indentationLvl -= 2
	return c.reduceToSingleString(res, "", [2]string{"Proxy [", "]"}, kArrayExtrasType, recurseTimes, nil)
}

func objectOrUndefined(o *goja.Object) goja.Value {
	if o == nil {
		return goja.Undefined()
	}
	return o
}

func (c *inspector) beyondDepth(recurseTimes int) bool {
	return float64(recurseTimes) > c.o.depth
}

// shape is what formatRaw decides about an object before laying it out:
// the keys to list, a base shown before the braces (a function name, a
// date, a stack), the braces, and a formatter for the elements.
type shape struct {
	keys       []propKey
	base       string
	braces     [2]string
	formatter  func(recurseTimes int) []string
	extrasType int
}

// formatRaw is Node's formatRaw: it picks the shape for the kind of object,
// then lays out its entries.
func (c *inspector) formatRaw(value *goja.Object, recurseTimes int, typedArray bool) string {
	var protoProps *[]string
	if c.o.showHidden && !c.beyondDepth(recurseTimes) {
		protoProps = new([]string)
	}
	constructor := c.constructorName(value, recurseTimes, protoProps)
	if protoProps != nil && len(*protoProps) == 0 {
		protoProps = nil
	}
	tag := c.toStringTag(value)

	sh, short, ok := c.iterableShape(value, constructor, tag, protoProps != nil)
	if !ok {
		sh, short = c.objectShape(value, recurseTimes, constructor, tag, protoProps != nil, typedArray)
	}
	if short != "" {
		return short
	}

	if c.beyondDepth(recurseTimes) {
		name := strings.TrimSuffix(c.ctxStyle(value, constructor, tag), " ")
		if !constructor.null {
			name = "[" + name + "]"
		}
		return name
	}
	recurseTimes++

	c.seen = append(c.seen, value)
	c.currentDepth = recurseTimes
	var output []string
	if sh.formatter != nil {
		output = sh.formatter(recurseTimes)
	}
	for _, k := range sh.keys {
		output = append(output, c.formatProperty(value, recurseTimes, k, sh.extrasType, nil))
	}
	if protoProps != nil {
		output = append(output, *protoProps...)
	}
	base := sh.base
	if index, ok := c.circular[value]; ok {
		reference := fmt.Sprintf("<ref *%d>", index)
		if base == "" {
			base = reference
		} else {
			base = reference + " " + base
		}
	}
	c.seen = c.seen[:len(c.seen)-1]
	return c.reduceToSingleString(output, base, sh.braces, sh.extrasType, recurseTimes, value)
}

// iterableShape covers arrays, sets, maps and typed arrays; ok is false for
// anything else. A non-empty short is the whole rendering (an empty one).
func (c *inspector) iterableShape(value *goja.Object, constructor ctorName, tag string, hasProtoProps bool) (sh shape, short string, ok bool) {
	r := c.r
	if !r.has(value, goja.SymIterator) && !constructor.null {
		return sh, "", false
	}
	noExtras := func() bool { return len(sh.keys) == 0 && !hasProtoProps }
	if r.isArray(value) {
		length := r.length(value)
		prefix := ""
		if constructor.name != "Array" || tag != "" {
			prefix = getPrefix(constructor, tag, "Array", fmt.Sprintf("(%d)", length))
		}
		sh.keys = r.elementKeys(value, length, c.o.showHidden)
		sh.braces = [2]string{prefix + "[", "]"}
		if length == 0 && noExtras() {
			return sh, prefix + "[]", true
		}
		sh.extrasType = kArrayExtrasType
		sh.formatter = func(rt int) []string { return c.formatArray(value, length, rt) }
		return sh, "", true
	}
	if size, isSet := r.setSize(value); isSet {
		prefix := getPrefix(constructor, tag, "Set", fmt.Sprintf("(%d)", size))
		sh.keys = r.keys(value, c.o.showHidden)
		sh.formatter = func(rt int) []string { return c.formatSet(value, size, rt) }
		if size == 0 && noExtras() {
			return sh, prefix + "{}", true
		}
		sh.braces = [2]string{prefix + "{", "}"}
		return sh, "", true
	}
	if size, isMap := r.mapSize(value); isMap {
		prefix := getPrefix(constructor, tag, "Map", fmt.Sprintf("(%d)", size))
		sh.keys = r.keys(value, c.o.showHidden)
		sh.formatter = func(rt int) []string { return c.formatMap(value, size, rt) }
		if size == 0 && noExtras() {
			return sh, prefix + "{}", true
		}
		sh.braces = [2]string{prefix + "{", "}"}
		return sh, "", true
	}
	if name, isTyped := r.typedArrayName(value); isTyped {
		size := r.typedArrayLength(value)
		sh.keys = r.elementKeys(value, size, c.o.showHidden)
		fallback := ""
		if constructor.null {
			fallback = name
		}
		prefix := getPrefix(constructor, tag, fallback, fmt.Sprintf("(%d)", size))
		sh.braces = [2]string{prefix + "[", "]"}
		if size == 0 && len(sh.keys) == 0 && !c.o.showHidden {
			return sh, prefix + "[]", true
		}
		sh.formatter = func(rt int) []string { return c.formatTypedArray(value, size, rt) }
		sh.extrasType = kArrayExtrasType
		return sh, "", true
	}
	return sh, "", false
}

// objectShape covers everything that is not iterableShape's: functions,
// plain objects, regexps, dates, errors, buffers, promises, weak
// collections, boxed primitives and class instances.
func (c *inspector) objectShape(value *goja.Object, recurseTimes int, constructor ctorName, tag string, hasProtoProps, typedArray bool) (sh shape, short string) {
	r := c.r
	sh.keys = r.keys(value, c.o.showHidden)
	sh.braces = [2]string{"{", "}"}
	noExtras := func() bool { return len(sh.keys) == 0 && !hasProtoProps }
	// orShort returns the base alone when there is nothing else to show.
	orShort := func(base string) (shape, string) {
		sh.base = base
		if noExtras() {
			return sh, base
		}
		return sh, ""
	}
	class := r.className(value)
	switch {
	case r.isFunction(value):
		return orShort(c.functionBase(value, constructor, tag))
	case constructor.name == "Object" && !constructor.null:
		if class == "Arguments" {
			sh.braces[0] = "[Arguments] {"
		} else if tag != "" {
			sh.braces[0] = getPrefix(constructor, tag, "Object", "") + "{"
		}
		if noExtras() {
			return sh, sh.braces[0] + "}"
		}
	case class == "RegExp":
		base := r.callString("RegExp.prototype.toString", value)
		if prefix := getPrefix(constructor, tag, "RegExp", ""); prefix != "RegExp " {
			base = prefix + base
		}
		if c.beyondDepth(recurseTimes) {
			return sh, base
		}
		return orShort(base)
	case class == "Date":
		var base string
		if t, ok := r.callPath("Date.prototype.getTime", value); ok && goja.IsNaN(t) {
			base = r.callString("Date.prototype.toString", value)
		} else {
			base = r.callString("Date.prototype.toISOString", value)
		}
		if prefix := getPrefix(constructor, tag, "Date", ""); prefix != "Date " {
			base = prefix + base
		}
		return orShort(base)
	case r.isError(value):
		return orShort(c.formatError(value, constructor, tag, &sh.keys))
	case value.ExportType() == arrayBufType:
		prefix := getPrefix(constructor, tag, "ArrayBuffer", "")
		if !typedArray {
			sh.formatter = func(int) []string { return c.formatArrayBuffer(value) }
		} else if noExtras() {
			buf, _ := value.Export().(goja.ArrayBuffer)
			return sh, prefix + fmt.Sprintf("{ byteLength: %d }", len(buf.Bytes()))
		}
		sh.braces[0] = prefix + "{"
		sh.keys = append([]propKey{{str: "byteLength"}}, sh.keys...)
	case r.isDataView(value):
		sh.braces[0] = getPrefix(constructor, tag, "DataView", "") + "{"
		sh.keys = append([]propKey{{str: "byteLength"}, {str: "byteOffset"}, {str: "buffer"}}, sh.keys...)
	case value.ExportType() == promiseType:
		sh.braces[0] = getPrefix(constructor, tag, "Promise", "") + "{"
		sh.formatter = func(rt int) []string { return c.formatPromise(value, rt) }
	case r.isWeak("WeakSet", value), r.isWeak("WeakMap", value):
		kind := "WeakSet"
		if r.isWeak("WeakMap", value) {
			kind = "WeakMap"
		}
		sh.braces[0] = getPrefix(constructor, tag, kind, "") + "{"
		sh.formatter = func(int) []string { return []string{"<items unknown>"} }
	default:
		if base, ok := c.boxedBase(value, &sh.keys, constructor, tag); ok {
			return orShort(base)
		}
		style := c.ctxStyle(value, constructor, tag)
		if noExtras() {
			return sh, style + "{}"
		}
		sh.braces[0] = style + "{"
	}
	return sh, ""
}

// constructorName is Node's getConstructorName. When protoProps is not nil
// (showHidden) it also collects user-defined prototype properties.
func (c *inspector) constructorName(obj *goja.Object, recurseTimes int, protoProps *[]string) ctorName {
	r := c.r
	tmp := obj
	var firstProto *goja.Object
	firstSet := false
	for obj != nil {
		for _, wk := range [...]string{"Object", "Function"} {
			if proto := r.intrinsicObject(wk + ".prototype"); proto != nil && proto == obj {
				if r.instanceOf(tmp, r.intrinsicObject(wk)) {
					if protoProps != nil && firstProto != obj {
						c.addPrototypeProperties(tmp, orSelf(firstProto, tmp), recurseTimes, protoProps)
					}
					return ctorName{name: wk}
				}
			}
		}
		if d, ok := r.ownDesc(obj, propKey{str: "constructor"}); ok {
			if fn, isObj := d.value.(*goja.Object); isObj && r.isFunction(fn) {
				name := r.get(fn, "name")
				if s, isStr := name.(goja.String); !isStr || s.Length() != 0 {
					if r.instanceOf(tmp, fn) {
						nameStr := r.toString(name)
						if protoProps != nil && (firstProto != obj || !builtInObjects[nameStr]) {
							c.addPrototypeProperties(tmp, orSelf(firstProto, tmp), recurseTimes, protoProps)
						}
						return ctorName{name: nameStr}
					}
				}
			}
		}
		obj = r.proto(obj)
		if !firstSet {
			firstProto, firstSet = obj, true
		}
	}
	if firstProto == nil {
		return ctorName{null: true}
	}
	res := r.className(tmp)
	if c.beyondDepth(recurseTimes) {
		return ctorName{name: res + " <Complex prototype>"}
	}
	protoConstr := c.constructorName(firstProto, recurseTimes+1, protoProps)
	if protoConstr.null {
		o := c.o
		o.customInspect = false
		o.depth = -1
		return ctorName{name: res + " <" + r.inspect(firstProto, o) + ">"}
	}
	return ctorName{name: res + " <" + protoConstr.name + ">"}
}

func orSelf(o, self *goja.Object) *goja.Object {
	if o == nil {
		return self
	}
	return o
}

// addPrototypeProperties lists non-function properties that user-defined
// prototypes (up to three levels) add to main; used only with showHidden.
func (c *inspector) addPrototypeProperties(main, obj *goja.Object, recurseTimes int, output *[]string) {
	r := c.r
	var keySet map[string]bool
	var keys []propKey
	for depth := 0; depth < 3; depth++ {
		if depth != 0 || main == obj {
			obj = r.proto(obj)
			if obj == nil {
				return
			}
			if d, ok := r.ownDesc(obj, propKey{str: "constructor"}); ok {
				if fn, isObj := d.value.(*goja.Object); isObj && r.isFunction(fn) &&
					builtInObjects[r.toString(r.get(fn, "name"))] {
					return
				}
			}
		}
		if depth == 0 {
			keySet = map[string]bool{}
		} else {
			for _, k := range keys {
				keySet[k.id()] = true
			}
		}
		keys = r.ownKeys(obj)
		c.seen = append(c.seen, main)
		for _, k := range keys {
			if (k.sym == nil && k.str == "constructor") || r.hasOwn(main, r.keyValue(k)) ||
				(depth != 0 && keySet[k.id()]) {
				continue
			}
			d, ok := r.ownDesc(obj, k)
			if !ok || r.isFunctionValue(d.value) {
				continue
			}
			*output = append(*output, c.formatProperty(obj, recurseTimes, k, kObjectType, &d))
		}
		c.seen = c.seen[:len(c.seen)-1]
	}
}

func (k propKey) id() string {
	if k.sym != nil {
		return fmt.Sprintf("@%p", k.sym)
	}
	return "s" + k.str
}

// toStringTag returns value[Symbol.toStringTag] when it is a string that is
// not already shown as an own (enumerable) property.
func (c *inspector) toStringTag(value *goja.Object) string {
	r := c.r
	tag, ok := r.getSym(value, goja.SymToStringTag).(goja.String)
	if !ok || tag.Length() == 0 {
		return ""
	}
	key := goja.Value(goja.SymToStringTag)
	if c.o.showHidden {
		if r.hasOwn(value, key) {
			return ""
		}
	} else if r.isEnumerable(value, key) {
		return ""
	}
	return tag.String()
}

func getPrefix(constructor ctorName, tag, fallback, size string) string {
	if constructor.null {
		if tag != "" && fallback != tag {
			return "[" + fallback + size + ": null prototype] [" + tag + "] "
		}
		return "[" + fallback + size + ": null prototype] "
	}
	if tag != "" && constructor.name != tag {
		return constructor.name + size + " [" + tag + "] "
	}
	return constructor.name + size + " "
}

func (c *inspector) ctxStyle(value *goja.Object, constructor ctorName, tag string) string {
	fallback := ""
	if constructor.null {
		fallback = c.r.className(value)
		if fallback == tag {
			fallback = "Object"
		}
	}
	return getPrefix(constructor, tag, fallback, "")
}

func (c *inspector) boxedBase(value *goja.Object, keys *[]propKey, constructor ctorName, tag string) (string, bool) {
	r := c.r
	var typ string
	var prim goja.Value
	var ok bool
	switch class := r.className(value); class {
	case "Number", "String", "Boolean":
		typ = class
		prim, ok = r.callPath(typ+".prototype.valueOf", value)
	}
	if !ok {
		for _, t := range [...]string{"BigInt", "Symbol"} {
			if prim, ok = r.callPath(t+".prototype.valueOf", value); ok {
				typ = t
				break
			}
		}
	}
	if !ok {
		return "", false
	}
	if typ == "String" {
		// Drop the index keys a String object reports; they repeat the value.
		n := 0
		if s, isStr := prim.(goja.String); isStr {
			n = s.Length()
		}
		*keys = (*keys)[min(n, len(*keys)):]
	}
	base := "[" + typ
	if typ != constructor.name || constructor.null {
		if constructor.null {
			base += " (null prototype)"
		} else {
			base += " (" + constructor.name + ")"
		}
	}
	base += ": " + c.formatPrimitive(prim) + "]"
	if tag != "" && tag != constructor.name {
		base += " [" + tag + "]"
	}
	return base, true
}

func (c *inspector) functionBase(value *goja.Object, constructor ctorName, tag string) string {
	r := c.r
	src := r.callString("Function.prototype.toString", value)
	if strings.HasPrefix(src, "class") && strings.HasSuffix(src, "}") {
		slice := src[5 : len(src)-1]
		if i := strings.IndexByte(slice, '{'); i != -1 &&
			(!strings.Contains(slice[:i], "(") || classRegExp.MatchString(stripComments.ReplaceAllString(slice, ""))) {
			return c.classBase(value, constructor, tag)
		}
	}
	typ := "Function"
	async, generator := r.functionKind(value)
	if generator {
		typ = "Generator" + typ
	}
	if async {
		typ = "Async" + typ
	}
	base := "[" + typ
	if constructor.null {
		base += " (null prototype)"
	}
	name := r.get(value, "name")
	if s, ok := name.(goja.String); ok && s.Length() == 0 {
		base += " (anonymous)"
	} else {
		base += ": " + r.toString(name)
	}
	base += "]"
	if constructor.name != typ && !constructor.null {
		base += " " + constructor.name
	}
	if tag != "" && constructor.name != tag {
		base += " [" + tag + "]"
	}
	return base
}

func (c *inspector) classBase(value *goja.Object, constructor ctorName, tag string) string {
	r := c.r
	name := "(anonymous)"
	if r.hasOwn(value, r.rt.ToValue("name")) {
		if n := r.get(value, "name"); n.ToBoolean() {
			name = r.toString(n)
		}
	}
	base := "class " + name
	if constructor.name != "Function" && !constructor.null {
		base += " [" + constructor.name + "]"
	}
	if tag != "" && constructor.name != tag {
		base += " [" + tag + "]"
	}
	if !constructor.null {
		if p := r.proto(value); p != nil {
			if super := r.get(p, "name"); super.ToBoolean() {
				base += " extends " + r.toString(super)
			}
		}
	} else {
		base += " extends [null prototype]"
	}
	return "[" + base + "]"
}

// formatError renders an error's stack (goja frames rewritten to Node's
// layout by engine.NodeStack) and adjusts keys the way Node does.
func (c *inspector) formatError(err *goja.Object, constructor ctorName, tag string, keys *[]propKey) string {
	r := c.r
	name := "Error"
	if n := r.get(err, "name"); !goja.IsUndefined(n) && !goja.IsNull(n) {
		name = r.toString(n)
	}
	stack := r.stackString(err)
	if !c.o.showHidden && len(*keys) != 0 {
		for _, field := range [...]string{"name", "message", "stack"} {
			for i, k := range *keys {
				if k.sym == nil && k.str == field {
					if strings.Contains(stack, r.toString(r.get(err, field))) {
						*keys = append((*keys)[:i:i], (*keys)[i+1:]...)
					}
					break
				}
			}
		}
	}
	if r.has(err, r.rt.ToValue("cause")) && !hasStrKey(*keys, "cause") {
		*keys = append(*keys, propKey{str: "cause"})
	}
	if errs, ok := r.get(err, "errors").(*goja.Object); ok && r.isArray(errs) && !hasStrKey(*keys, "errors") {
		*keys = append(*keys, propKey{str: "errors"})
	}
	stack = improveStack(stack, constructor, name, tag)

	pos := -1
	if msg := r.get(err, "message"); msg.ToBoolean() {
		m := r.toString(msg)
		if p := strings.Index(stack, m); p > 0 {
			pos = p + len(m)
		}
	}
	stackStart := indexFrom(stack, "\n    at", max(pos, 0))
	if stackStart == -1 {
		stack = "[" + stack + "]"
	} else {
		lines := c.stackFrames(err, stack[stackStart+1:])
		stack = stack[:stackStart] + "\n" + strings.Join(lines, "\n")
	}
	if c.indentationLvl != 0 {
		stack = strings.ReplaceAll(stack, "\n", "\n"+strings.Repeat(" ", c.indentationLvl))
	}
	return stack
}

func hasStrKey(keys []propKey, s string) bool {
	for _, k := range keys {
		if k.sym == nil && k.str == s {
			return true
		}
	}
	return false
}

func indexFrom(s, sub string, from int) int {
	if from > len(s) {
		return -1
	}
	if i := strings.Index(s[from:], sub); i >= 0 {
		return i + from
	}
	return -1
}

// stackFrames splits the frames and collapses those repeated from the
// error's cause, as Node's getStackFrames does.
func (c *inspector) stackFrames(err *goja.Object, stack string) []string {
	frames := strings.Split(stack, "\n")
	cause, ok := c.r.get(err, "cause").(*goja.Object)
	if !ok || !c.r.isError(cause) {
		return frames
	}
	causeStack := c.r.stackString(cause)
	start := strings.Index(causeStack, "\n    at")
	if start == -1 {
		return frames
	}
	causeFrames := strings.Split(causeStack[start+1:], "\n")
	length, offset := identicalSequenceRange(frames, causeFrames)
	if length > 0 {
		skipped := length - 2
		msg := fmt.Sprintf("    ... %d lines matching cause stack trace ...", skipped)
		frames = append(frames[:offset+1], append([]string{msg}, frames[offset+1+skipped:]...)...)
	}
	return frames
}

func identicalSequenceRange(a, b []string) (length, offset int) {
	for i := 0; i < len(a)-3; i++ {
		pos := -1
		for j, s := range b {
			if s == a[i] {
				pos = j
				break
			}
		}
		if pos == -1 {
			continue
		}
		rest := len(b) - pos
		if rest > 3 {
			n := 1
			maxLen := min(len(a)-i, rest)
			for maxLen > n && a[i+n] == b[pos+n] {
				n++
			}
			if n > 3 {
				return n, i
			}
		}
	}
	return 0, 0
}

func improveStack(stack string, constructor ctorName, name, tag string) string {
	n := len(name)
	if constructor.null || (strings.HasSuffix(name, "Error") && strings.HasPrefix(stack, name) &&
		(len(stack) == n || stack[n] == ':' || stack[n] == '\n')) {
		fallback := "Error"
		if constructor.null {
			m := errorStartRegExp.FindStringSubmatch(stack)
			if m == nil {
				m = errorOnlyRegExp.FindStringSubmatch(stack)
			}
			fallback = ""
			if m != nil {
				fallback = m[1]
			}
			n = len(fallback)
			if fallback == "" {
				fallback = "Error"
			}
		}
		prefix := strings.TrimSuffix(getPrefix(constructor, tag, fallback, ""), " ")
		if name != prefix {
			if strings.Contains(prefix, name) {
				if n == 0 {
					stack = prefix + ": " + stack
				} else {
					stack = prefix + stack[n:]
				}
			} else {
				stack = prefix + " [" + name + "]" + stack[n:]
			}
		}
	}
	return stack
}

// groupArrayElements lays out long arrays of short entries in aligned
// columns (Node's groupArrayElements).
func (c *inspector) groupArrayElements(output []string, value *goja.Object) []string {
	totalLength, maxLength := 0, 0
	outputLength := len(output)
	if c.o.maxArrayLength < len(output) {
		// Leave the "... n more items" entry out of the layout.
		outputLength--
	}
	const separatorSpace = 2
	dataLen := make([]int, outputLength)
	for i := 0; i < outputLength; i++ {
		l := stringWidth(output[i])
		dataLen[i] = l
		totalLength += l + separatorSpace
		maxLength = max(maxLength, l)
	}
	actualMax := maxLength + separatorSpace
	if actualMax*3+c.indentationLvl >= c.o.breakLength ||
		!(float64(totalLength)/float64(actualMax) > 5 || maxLength <= 6) {
		return output
	}
	const approxCharHeights = 2.5
	averageBias := math.Sqrt(float64(actualMax) - float64(totalLength)/float64(len(output)))
	biasedMax := math.Max(float64(actualMax)-3-averageBias, 1)
	columns := min(
		int(math.Floor(math.Sqrt(approxCharHeights*biasedMax*float64(outputLength))/biasedMax+0.5)),
		(c.o.breakLength-c.indentationLvl)/actualMax,
		c.o.compact*4,
		15,
	)
	if columns <= 1 {
		return output
	}
	maxLineLength := make([]int, 0, columns)
	for i := 0; i < columns; i++ {
		lineMaxLength := 0
		for j := i; j < outputLength; j += columns {
			lineMaxLength = max(lineMaxLength, dataLen[j])
		}
		maxLineLength = append(maxLineLength, lineMaxLength+separatorSpace)
	}
	padStart := true
	if value != nil {
		for i := range output {
			v := c.r.get(value, strconv.Itoa(i))
			if !goja.IsNumber(v) && !goja.IsBigInt(v) {
				padStart = false
				break
			}
		}
	}
	var tmp []string
	for i := 0; i < outputLength; i += columns {
		maxI := min(i+columns, outputLength)
		var b strings.Builder
		j := i
		for ; j < maxI-1; j++ {
			padding := maxLineLength[j-i] + jsLen(output[j]) - dataLen[j]
			b.WriteString(padColumn(output[j]+", ", padding, padStart))
		}
		if padStart {
			padding := maxLineLength[j-i] + jsLen(output[j]) - dataLen[j] - separatorSpace
			b.WriteString(padColumn(output[j], padding, true))
		} else {
			b.WriteString(output[j])
		}
		tmp = append(tmp, b.String())
	}
	if c.o.maxArrayLength < len(output) {
		tmp = append(tmp, output[outputLength])
	}
	return tmp
}

func padColumn(s string, width int, start bool) string {
	n := width - jsLen(s)
	if n <= 0 {
		return s
	}
	if start {
		return strings.Repeat(" ", n) + s
	}
	return s + strings.Repeat(" ", n)
}

// formatNumber renders a number primitive; -0 keeps its sign.
func formatNumber(v goja.Value) string {
	if f := v.ToFloat(); f == 0 && math.Signbit(f) {
		return "-0"
	}
	return v.String()
}

// formatPrimitive renders a non-object the way it appears inside a
// structure: strings quoted and escaped, -0 and 1n as such.
func (c *inspector) formatPrimitive(v goja.Value) string {
	if s, ok := v.(goja.String); ok {
		units := stringUnits(s)
		trailer := ""
		if len(units) > c.o.maxStringLength {
			remaining := len(units) - c.o.maxStringLength
			units = units[:c.o.maxStringLength]
			trailer = fmt.Sprintf("... %d more character%s", remaining, pluralS(remaining))
		}
		// Long strings are split after line breaks (Node skips this only for
		// `compact: true`, which flexrun never uses).
		if len(units) > 16 && len(units) > c.o.breakLength-c.indentationLvl-4 {
			parts := splitLines(units)
			quoted := make([]string, len(parts))
			for i, p := range parts {
				quoted[i] = strEscape(p)
			}
			return strings.Join(quoted, " +\n"+strings.Repeat(" ", c.indentationLvl+2)) + trailer
		}
		return strEscape(units) + trailer
	}
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	case goja.IsNumber(v):
		return formatNumber(v)
	case goja.IsBigInt(v):
		return v.String() + "n"
	}
	if sym, ok := v.(*goja.Symbol); ok {
		return symbolString(sym)
	}
	return v.String() // booleans
}

func symbolString(s *goja.Symbol) string {
	return "Symbol(" + s.String() + ")"
}

func pluralS(n int) string {
	if n > 1 {
		return "s"
	}
	return ""
}

func splitLines(units []uint16) [][]uint16 {
	var parts [][]uint16
	start := 0
	for i, u := range units {
		if u == '\n' && i+1 < len(units) {
			parts = append(parts, units[start:i+1])
			start = i + 1
		}
	}
	return append(parts, units[start:])
}

func (c *inspector) formatSpecialArray(value *goja.Object, maxLength int, output []string, i, length int, recurseTimes int) []string {
	keys := c.r.keyNames(value)
	index := i
	for ; i < len(keys) && len(output) < maxLength; i++ {
		key := keys[i]
		tmp, err := strconv.ParseFloat(key, 64)
		if err == nil && tmp > 1<<32-2 {
			break
		}
		if strconv.Itoa(index) != key {
			if !numberRegExp.MatchString(key) {
				break
			}
			emptyItems := int(tmp) - index
			output = append(output, fmt.Sprintf("<%d empty item%s>", emptyItems, pluralS(emptyItems)))
			index = int(tmp)
			if len(output) == maxLength {
				break
			}
		}
		output = append(output, c.formatProperty(value, recurseTimes, propKey{str: key}, kArrayType, nil))
		index++
	}
	remaining := length - index
	if len(output) != maxLength {
		if remaining > 0 {
			output = append(output, fmt.Sprintf("<%d empty item%s>", remaining, pluralS(remaining)))
		}
	} else if remaining > 0 {
		output = append(output, remainingText(remaining))
	}
	return output
}

func remainingText(n int) string {
	return fmt.Sprintf("... %d more item%s", n, pluralS(n))
}

func (c *inspector) formatArrayBuffer(value *goja.Object) []string {
	buf, _ := value.Export().(goja.ArrayBuffer)
	if buf.Detached() {
		return []string{"(detached)"}
	}
	b := buf.Bytes()
	n := min(c.o.maxArrayLength, len(b))
	hex := make([]string, n)
	for i := range hex {
		hex[i] = fmt.Sprintf("%02x", b[i])
	}
	str := strings.Join(hex, " ")
	if remaining := len(b) - c.o.maxArrayLength; remaining > 0 {
		str += fmt.Sprintf(" ... %d more byte%s", remaining, pluralS(remaining))
	}
	return []string{"[Uint8Contents]: <" + str + ">"}
}

func (c *inspector) formatArray(value *goja.Object, valLen, recurseTimes int) []string {
	length := min(max(0, c.o.maxArrayLength), valLen)
	remaining := valLen - length
	var output []string
	for i := 0; i < length; i++ {
		d, ok := c.r.ownDesc(value, propKey{str: strconv.Itoa(i)})
		if !ok {
			return c.formatSpecialArray(value, length, output, i, valLen, recurseTimes)
		}
		output = append(output, c.formatProperty(value, recurseTimes, propKey{str: strconv.Itoa(i)}, kArrayType, &d))
	}
	if remaining > 0 {
		output = append(output, remainingText(remaining))
	}
	return output
}

func (c *inspector) formatTypedArray(value *goja.Object, length, recurseTimes int) []string {
	maxLength := min(max(0, c.o.maxArrayLength), length)
	output := make([]string, 0, maxLength+1)
	for i := 0; i < maxLength; i++ {
		v := c.r.get(value, strconv.Itoa(i))
		if goja.IsBigInt(v) {
			output = append(output, v.String()+"n")
		} else {
			output = append(output, formatNumber(v))
		}
	}
	if remaining := length - maxLength; remaining > 0 {
		output = append(output, remainingText(remaining))
	}
	if c.o.showHidden {
		c.indentationLvl += 2
		for _, key := range [...]string{"BYTES_PER_ELEMENT", "length", "byteLength", "byteOffset", "buffer"} {
			str := c.formatValue(c.r.get(value, key), recurseTimes, true)
			output = append(output, "["+key+"]: "+str)
		}
		c.indentationLvl -= 2
	}
	return output
}

func (c *inspector) formatSet(value *goja.Object, size, recurseTimes int) []string {
	maxLength := min(max(0, c.o.maxArrayLength), size)
	var output []string
	c.indentationLvl += 2
	c.r.iterate("Set.prototype.values", value, func(v goja.Value) bool {
		if len(output) >= maxLength {
			return false
		}
		output = append(output, c.formatValue(v, recurseTimes, false))
		return true
	})
	if remaining := size - maxLength; remaining > 0 {
		output = append(output, remainingText(remaining))
	}
	c.indentationLvl -= 2
	return output
}

func (c *inspector) formatMap(value *goja.Object, size, recurseTimes int) []string {
	maxLength := min(max(0, c.o.maxArrayLength), size)
	var output []string
	c.indentationLvl += 2
	c.r.iterate("Map.prototype.entries", value, func(v goja.Value) bool {
		if len(output) >= maxLength {
			return false
		}
		entry, _ := v.(*goja.Object)
		if entry == nil {
			return false
		}
		k := c.formatValue(c.r.get(entry, "0"), recurseTimes, false)
		output = append(output, k+" => "+c.formatValue(c.r.get(entry, "1"), recurseTimes, false))
		return true
	})
	if remaining := size - maxLength; remaining > 0 {
		output = append(output, remainingText(remaining))
	}
	c.indentationLvl -= 2
	return output
}

func (c *inspector) formatPromise(value *goja.Object, recurseTimes int) []string {
	p, ok := jsfunc.As[*goja.Promise](value)
	if !ok || p.State() == goja.PromiseStatePending {
		return []string{"<pending>"}
	}
	c.indentationLvl += 2
	str := c.formatValue(p.Result(), recurseTimes, false)
	c.indentationLvl -= 2
	if p.State() == goja.PromiseStateRejected {
		return []string{"<rejected> " + str}
	}
	return []string{str}
}

// formatProperty renders one entry: "key: value", or just the value for
// array elements. desc may be nil; it is then looked up on value.
func (c *inspector) formatProperty(value *goja.Object, recurseTimes int, key propKey, typ int, desc *propDesc) string {
	if desc == nil {
		d, ok := c.r.ownDesc(value, key)
		if !ok {
			var v goja.Value
			if key.sym != nil {
				v = c.r.getSym(value, key.sym)
			} else {
				v = c.r.get(value, key.str)
			}
			d = propDesc{value: v, enumerable: true}
		}
		desc = &d
	}
	var str string
	switch {
	case desc.value != nil && !goja.IsUndefined(desc.value):
		c.indentationLvl += 2
		str = c.formatValue(desc.value, recurseTimes, false)
		c.indentationLvl -= 2
	case desc.get != nil && !goja.IsUndefined(desc.get):
		if desc.set != nil && !goja.IsUndefined(desc.set) {
			str = "[Getter/Setter]"
		} else {
			str = "[Getter]"
		}
	case desc.set != nil && !goja.IsUndefined(desc.set):
		str = "[Setter]"
	default:
		str = "undefined"
	}
	if typ == kArrayType {
		return str
	}
	var name string
	switch {
	case key.sym != nil:
		name = "[" + escapeAll(symbolString(key.sym)) + "]"
	case key.str == "__proto__":
		name = "['__proto__']"
	case !desc.enumerable:
		name = "[" + escapeAll(key.str) + "]"
	case keyStrRegExp.MatchString(key.str):
		name = key.str
	default:
		name = strEscape(utf16.Encode([]rune(key.str)))
	}
	return name + ": " + str
}

// escapeAll escapes control characters, quotes and backslashes without
// adding quotes (Node's strEscapeSequencesReplacer with escapeFn).
func escapeAll(s string) string {
	units := utf16.Encode([]rune(s))
	var b strings.Builder
	for i := 0; i < len(units); i++ {
		u := units[i]
		if u == '\'' || u == '\\' || u < 32 || (u > 126 && u < 160) {
			b.WriteString(escapeCode(u))
			continue
		}
		if i+1 < len(units) && utf16.IsSurrogate(rune(u)) {
			b.WriteString(string(utf16.DecodeRune(rune(u), rune(units[i+1]))))
			i++
			continue
		}
		b.WriteString(string(rune(u)))
	}
	return b.String()
}

func (c *inspector) isBelowBreakLength(output []string, start int, base string) bool {
	totalLength := len(output) + start
	if totalLength+len(output) > c.o.breakLength {
		return false
	}
	for _, s := range output {
		totalLength += jsLen(s)
		if totalLength > c.o.breakLength {
			return false
		}
	}
	return base == "" || !strings.Contains(base, "\n")
}

func (c *inspector) reduceToSingleString(output []string, base string, braces [2]string, extrasType, recurseTimes int, value *goja.Object) string {
	if c.o.compact >= 1 {
		entries := len(output)
		if extrasType == kArrayExtrasType && entries > 6 {
			output = c.groupArrayElements(output, value)
		}
		if c.currentDepth-recurseTimes < c.o.compact && entries == len(output) {
			start := len(output) + c.indentationLvl + jsLen(braces[0]) + jsLen(base) + 10
			if c.isBelowBreakLength(output, start, base) {
				joined := strings.Join(output, ", ")
				if !strings.Contains(joined, "\n") {
					if base != "" {
						base += " "
					}
					return base + braces[0] + " " + joined + " " + braces[1]
				}
			}
		}
	}
	indentation := "\n" + strings.Repeat(" ", c.indentationLvl)
	if base != "" {
		base += " "
	}
	return base + braces[0] + indentation + "  " + strings.Join(output, ","+indentation+"  ") + indentation + braces[1]
}

// hasBuiltInToString reports whether String(value) would use a built-in
// toString, in which case %s inspects the value instead.
func (c *inspector) hasBuiltInToString(value *goja.Object) bool {
	r := c.r
	if target, isProxy, revoked := r.proxyTarget(value); isProxy {
		if revoked {
			return true
		}
		value = target
	}
	toPrim := goja.Value(goja.SymToPrimitive)
	toStr := r.rt.ToValue("toString")
	checkToString, checkToPrim := true, true
	if !r.isFunctionValue(r.get(value, "toString")) {
		if !r.isFunctionValue(r.getSym(value, goja.SymToPrimitive)) {
			return true
		} else if r.hasOwn(value, toPrim) {
			return false
		}
		checkToString = false
	} else if r.hasOwn(value, toStr) {
		return false
	} else if !r.isFunctionValue(r.getSym(value, goja.SymToPrimitive)) {
		checkToPrim = false
	} else if r.hasOwn(value, toPrim) {
		return false
	}
	pointer := value
	for {
		pointer = r.proto(pointer)
		if pointer == nil {
			return true
		}
		if (checkToString && r.hasOwn(pointer, toStr)) || (checkToPrim && r.hasOwn(pointer, toPrim)) {
			break
		}
	}
	d, ok := r.ownDesc(pointer, propKey{str: "constructor"})
	if !ok {
		return false
	}
	fn, isObj := d.value.(*goja.Object)
	return isObj && r.isFunction(fn) && builtInObjects[r.toString(r.get(fn, "name"))]
}

// format is Node's formatWithOptionsInternal with default options.
func (r *realm) format(args []goja.Value) (s string) {
	defer r.recoverTo(&s, nil)
	if !r.try(func() { s = r.formatArgs(args) }) {
		parts := make([]string, len(args))
		for i, a := range args {
			parts[i] = r.fallback(a)
		}
		s = strings.Join(parts, " ")
	}
	return s
}

func (r *realm) formatArgs(args []goja.Value) string {
	if len(args) == 0 {
		return ""
	}
	a := 0
	var str strings.Builder
	join := ""
	if first, ok := args[0].(goja.String); ok {
		if len(args) == 1 {
			return first.String()
		}
		f := first.String()
		lastPos := 0
		for i := 0; i < len(f)-1; i++ {
			if f[i] != '%' {
				continue
			}
			i++
			next := f[i]
			if a+1 == len(args) {
				if next == '%' {
					str.WriteString(f[lastPos:i])
					lastPos = i + 1
				}
				continue
			}
			var tempStr string
			switch next {
			case 's':
				a++
				tempStr = r.formatS(args[a])
			case 'j':
				a++
				tempStr = r.stringify(args[a])
			case 'd':
				a++
				tempStr = r.formatNumeric(args[a], func(v goja.Value) (goja.Value, bool) {
					return r.callPath("Number", goja.Undefined(), v)
				}, true)
			case 'O':
				a++
				tempStr = r.inspect(args[a], defaultInspectOptions())
			case 'o':
				a++
				o := defaultInspectOptions()
				o.showHidden, o.showProxy, o.depth = true, true, 4
				tempStr = r.inspect(args[a], o)
			case 'i':
				a++
				tempStr = r.formatNumeric(args[a], func(v goja.Value) (goja.Value, bool) {
					return r.callPath("parseInt", goja.Undefined(), v)
				}, true)
			case 'f':
				a++
				tempStr = r.formatNumeric(args[a], func(v goja.Value) (goja.Value, bool) {
					return r.callPath("parseFloat", goja.Undefined(), v)
				}, false)
			case 'c':
				a++
				tempStr = ""
			case '%':
				str.WriteString(f[lastPos:i])
				lastPos = i + 1
				continue
			default:
				continue
			}
			if lastPos != i-1 {
				str.WriteString(f[lastPos : i-1])
			}
			str.WriteString(tempStr)
			lastPos = i + 1
		}
		if lastPos != 0 {
			a++
			join = " "
			if lastPos < len(f) {
				str.WriteString(f[lastPos:])
			}
		}
	}
	for ; a < len(args); a++ {
		str.WriteString(join)
		if s, ok := args[a].(goja.String); ok {
			str.WriteString(s.String())
		} else {
			str.WriteString(r.inspect(args[a], defaultInspectOptions()))
		}
		join = " "
	}
	return str.String()
}

func (r *realm) formatS(v goja.Value) string {
	switch {
	case goja.IsNumber(v):
		return formatNumber(v)
	case goja.IsBigInt(v):
		return v.String() + "n"
	}
	// typeof "object" only: functions print their source, as String(fn) does.
	if o, ok := v.(*goja.Object); ok && !r.isFunction(o) {
		c := &inspector{r: r, o: defaultInspectOptions()}
		if c.hasBuiltInToString(o) {
			opts := defaultInspectOptions()
			opts.depth = 0
			return r.inspect(v, opts)
		}
	}
	if s, ok := r.jsString(v); ok {
		return s
	}
	return r.inspect(v, defaultInspectOptions())
}

// formatNumeric implements %d, %i and %f: BigInts print as such (except for
// %f, which parses them as floats), symbols as NaN, the rest through conv.
func (r *realm) formatNumeric(v goja.Value, conv func(goja.Value) (goja.Value, bool), bigintAsIs bool) string {
	if goja.IsBigInt(v) && bigintAsIs {
		return v.String() + "n"
	}
	if _, ok := v.(*goja.Symbol); ok {
		return "NaN"
	}
	n, ok := conv(v)
	if !ok || !goja.IsNumber(n) {
		return "NaN"
	}
	return formatNumber(n)
}

// stringify is %j: JSON.stringify, with "[Circular]" for cyclic values.
func (r *realm) stringify(v goja.Value) string {
	res, ok := r.callPath("JSON.stringify", goja.Undefined(), v)
	if ok {
		if res == nil || goja.IsUndefined(res) {
			return "undefined"
		}
		return res.String()
	}
	if r.lastErrorIsCircular() {
		return "[Circular]"
	}
	return r.inspect(v, defaultInspectOptions())
}

// strEscape quotes a string the way Node prints it: single quotes unless
// the string contains one, then double quotes or backticks; control
// characters, the chosen quote, backslashes and lone surrogates escaped.
func strEscape(units []uint16) string {
	quote := uint16('\'')
	if containsUnit(units, '\'') {
		if !containsUnit(units, '"') {
			quote = '"'
		} else if !containsUnit(units, '`') && !containsSeq(units, '$', '{') {
			quote = '`'
		}
	}
	var b strings.Builder
	b.WriteByte(byte(quote))
	for i := 0; i < len(units); i++ {
		u := units[i]
		switch {
		case (u == '\'' && quote == '\'') || u == '\\' || u < 32 || (u > 126 && u < 160):
			b.WriteString(escapeCode(u))
		case u >= 0xd800 && u <= 0xdfff:
			if u <= 0xdbff && i+1 < len(units) && units[i+1] >= 0xdc00 && units[i+1] <= 0xdfff {
				b.WriteRune(utf16.DecodeRune(rune(u), rune(units[i+1])))
				i++
				continue
			}
			fmt.Fprintf(&b, "\\u%x", u)
		default:
			b.WriteRune(rune(u))
		}
	}
	b.WriteByte(byte(quote))
	return b.String()
}

func escapeCode(u uint16) string {
	switch u {
	case '\b':
		return `\b`
	case '\t':
		return `\t`
	case '\n':
		return `\n`
	case '\f':
		return `\f`
	case '\r':
		return `\r`
	case '\'':
		return `\'`
	case '\\':
		return `\\`
	}
	return fmt.Sprintf("\\x%02X", u)
}

func containsUnit(units []uint16, c uint16) bool {
	for _, u := range units {
		if u == c {
			return true
		}
	}
	return false
}

func containsSeq(units []uint16, a, b uint16) bool {
	for i := 0; i+1 < len(units); i++ {
		if units[i] == a && units[i+1] == b {
			return true
		}
	}
	return false
}

// stringUnits returns the UTF-16 code units of a JavaScript string, lone
// surrogates included.
func stringUnits(s goja.String) []uint16 {
	n := s.Length()
	units := make([]uint16, n)
	for i := range units {
		units[i] = s.CharAt(i)
	}
	return units
}

// jsLen is JavaScript's String.prototype.length of a Go string.
func jsLen(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// stringWidth approximates Node's getStringWidth: the number of terminal
// columns s takes, with East Asian wide characters counting two and
// combining marks none.
func stringWidth(s string) int {
	w := 0
	for _, r := range s {
		switch {
		case isZeroWidth(r):
		case isFullWidth(r):
			w += 2
		default:
			w++
		}
	}
	return w
}

func isZeroWidth(c rune) bool {
	return c <= 0x1F || (c >= 0x7F && c <= 0x9F) || (c >= 0x300 && c <= 0x36F) ||
		(c >= 0x200B && c <= 0x200F) || (c >= 0x20D0 && c <= 0x20FF) ||
		(c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFE20 && c <= 0xFE2F) ||
		(c >= 0xE0100 && c <= 0xE01EF)
}

func isFullWidth(c rune) bool {
	return c >= 0x1100 && (c <= 0x115f || c == 0x2329 || c == 0x232a ||
		(c >= 0x2e80 && c <= 0x3247 && c != 0x303f) || (c >= 0x3250 && c <= 0x4dbf) ||
		(c >= 0x4e00 && c <= 0xa4c6) || (c >= 0xa960 && c <= 0xa97c) ||
		(c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
		(c >= 0xfe10 && c <= 0xfe19) || (c >= 0xfe30 && c <= 0xfe6b) ||
		(c >= 0xff01 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ||
		(c >= 0x1b000 && c <= 0x1b001) || (c >= 0x1f200 && c <= 0x1f251) ||
		(c >= 0x1f300 && c <= 0x1f64f) || (c >= 0x20000 && c <= 0x3fffd))
}

// optionsObject is the options argument handed to custom inspect functions.
func (r *realm) optionsObject(o inspectOptions) *goja.Object {
	obj := r.rt.NewObject()
	num := func(n int) goja.Value {
		if n == noLimit {
			return r.rt.ToValue(math.Inf(1))
		}
		return r.rt.ToValue(n)
	}
	depth := goja.Null()
	if !math.IsInf(o.depth, 1) {
		depth = r.rt.ToValue(o.depth)
	}
	compact := r.rt.ToValue(o.compact)
	if o.compact == 0 {
		compact = r.rt.ToValue(false)
	}
	r.try(func() {
		// Node's stylize when colors are off.
		_ = obj.Set("stylize", jsfunc.New(r.rt, "stylizeNoColor", 1, func(call goja.FunctionCall) goja.Value {
			return r.rt.ToValue(r.toString(call.Argument(0)))
		}))
		_ = obj.Set("showHidden", o.showHidden)
		_ = obj.Set("depth", depth)
		_ = obj.Set("colors", false)
		_ = obj.Set("customInspect", o.customInspect)
		_ = obj.Set("showProxy", o.showProxy)
		_ = obj.Set("maxArrayLength", num(o.maxArrayLength))
		_ = obj.Set("maxStringLength", num(o.maxStringLength))
		_ = obj.Set("breakLength", num(o.breakLength))
		_ = obj.Set("compact", compact)
		_ = obj.Set("sorted", false)
		_ = obj.Set("getters", false)
		_ = obj.Set("numericSeparator", false)
	})
	return obj
}

// inspectFunction is the `inspect` argument handed to custom inspect
// functions: util.inspect(value, options).
func (r *realm) inspectFunction() goja.Value {
	return jsfunc.New(r.rt, "inspect", 2, func(call goja.FunctionCall) goja.Value {
		return r.rt.ToValue(r.inspect(call.Argument(0), r.parseOptions(defaultInspectOptions(), call.Argument(1))))
	})
}

// parseOptions applies a util.inspect options argument (or the legacy
// boolean showHidden) to o. Unknown and unsupported options are ignored.
func (r *realm) parseOptions(o inspectOptions, v goja.Value) inspectOptions {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return o
	}
	obj, ok := v.(*goja.Object)
	if !ok {
		if _, isBool := jsfunc.As[bool](v); isBool {
			o.showHidden = v.ToBoolean()
		}
		return o
	}
	limit := func(x goja.Value, def int) int {
		if goja.IsNull(x) || goja.IsInfinity(x) {
			return noLimit
		}
		if !goja.IsNumber(x) || goja.IsNaN(x) {
			return def
		}
		return int(max(min(x.ToFloat(), noLimit), 0))
	}
	for _, k := range r.keyNames(obj) {
		x := r.get(obj, k)
		if goja.IsUndefined(x) {
			continue
		}
		switch k {
		case "depth":
			switch {
			case goja.IsNull(x) || goja.IsInfinity(x):
				o.depth = math.Inf(1)
			case goja.IsNumber(x) && !goja.IsNaN(x):
				o.depth = x.ToFloat()
			}
		case "showHidden":
			o.showHidden = x.ToBoolean()
		case "showProxy":
			o.showProxy = x.ToBoolean()
		case "customInspect":
			o.customInspect = x.ToBoolean()
		case "maxArrayLength":
			o.maxArrayLength = limit(x, o.maxArrayLength)
		case "maxStringLength":
			o.maxStringLength = limit(x, o.maxStringLength)
		case "breakLength":
			o.breakLength = limit(x, o.breakLength)
		case "compact":
			if goja.IsNumber(x) {
				o.compact = limit(x, o.compact)
			} else if !x.ToBoolean() {
				o.compact = 0
			}
		}
	}
	return o
}
