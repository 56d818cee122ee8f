package web

import (
	"slices"
	"strings"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsfunc"
)

// An element's style and classList.
//
// style is a CSSStyleDeclaration without CSS: any property can be set
// (el.style.display = "none", Object.assign(el.style, {...}),
// setProperty("background-color", "red")), values are kept as strings, ""
// or null removes one, and cssText lists them. Nothing is validated and
// nothing reflects the style attribute.
//
// classList is a DOMTokenList over the class attribute, with the
// standard's token checks.

type cssStyle struct {
	rt    *goja.Runtime
	proto *goja.Object
	keys  []string // camelCase, in the order they were set
	vals  map[string]string
}

var _ goja.DynamicObject = (*cssStyle)(nil)

func (w *web) installStyle() {
	rt := w.rt
	ctor := jsfunc.Constructor(rt, "CSSStyleDeclaration", 0, func(goja.ConstructorCall) *goja.Object {
		panic(rt.NewTypeError("Illegal constructor"))
	})
	proto := ctor.Get("prototype").(*goja.Object)
	proto.DefineDataPropertySymbol(goja.SymToStringTag, rt.ToValue("CSSStyleDeclaration"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	w.styleProto = proto
	this := thisGo[*cssStyle]
	w.method(proto, "setProperty", 2, func(c goja.FunctionCall) goja.Value {
		s := this(w, c)
		w.requireArgs(c, "CSSStyleDeclaration.setProperty", 2)
		s.set(cssCamel(domString(rt, c.Argument(0))), nullableString(rt, c.Argument(1)))
		return goja.Undefined()
	})
	w.method(proto, "getPropertyValue", 1, func(c goja.FunctionCall) goja.Value {
		s := this(w, c)
		w.requireArgs(c, "CSSStyleDeclaration.getPropertyValue", 1)
		return rt.ToValue(s.vals[cssCamel(domString(rt, c.Argument(0)))])
	})
	w.method(proto, "removeProperty", 1, func(c goja.FunctionCall) goja.Value {
		s := this(w, c)
		w.requireArgs(c, "CSSStyleDeclaration.removeProperty", 1)
		key := cssCamel(domString(rt, c.Argument(0)))
		old := s.vals[key]
		s.set(key, "")
		return rt.ToValue(old)
	})
	w.installTokenList()
}

func (w *web) newStyle() *goja.Object {
	s := &cssStyle{rt: w.rt, proto: w.styleProto, vals: map[string]string{}}
	o := w.rt.NewDynamicObject(s)
	o.SetPrototype(w.styleProto)
	return o
}

// cssCamel is the style property a CSS property name is read and set as:
// background-color → backgroundColor; a custom property (--x) stays.
func cssCamel(name string) string {
	if strings.HasPrefix(name, "--") || !strings.Contains(name, "-") {
		return name
	}
	parts := strings.Split(strings.TrimPrefix(strings.ToLower(name), "-"), "-")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

// cssKebab is cssCamel's inverse, for cssText.
func cssKebab(key string) string {
	if strings.HasPrefix(key, "--") {
		return key
	}
	var b strings.Builder
	for _, r := range key {
		if r >= 'A' && r <= 'Z' {
			b.WriteString("-" + string(r+'a'-'A'))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (s *cssStyle) set(key, value string) {
	if value == "" {
		if _, ok := s.vals[key]; ok {
			delete(s.vals, key)
			s.keys = slices.DeleteFunc(s.keys, func(k string) bool { return k == key })
		}
		return
	}
	if _, ok := s.vals[key]; !ok {
		s.keys = append(s.keys, key)
	}
	s.vals[key] = value
}

func (s *cssStyle) cssText() string {
	var b strings.Builder
	for i, k := range s.keys {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(cssKebab(k) + ": " + s.vals[k] + ";")
	}
	return b.String()
}

func (s *cssStyle) setCSSText(text string) {
	s.keys, s.vals = nil, map[string]string{}
	for _, decl := range strings.Split(text, ";") {
		if name, value, ok := strings.Cut(decl, ":"); ok {
			s.set(cssCamel(strings.TrimSpace(name)), strings.TrimSpace(value))
		}
	}
}

// Get implements goja.DynamicObject: nil falls through to the prototype.
func (s *cssStyle) Get(key string) goja.Value {
	if key == "cssText" {
		return s.rt.ToValue(s.cssText())
	}
	if v, ok := s.vals[key]; ok && s.proto.Get(key) == nil {
		return s.rt.ToValue(v)
	}
	return nil
}

// Set implements goja.DynamicObject: values are kept as strings.
func (s *cssStyle) Set(key string, val goja.Value) bool {
	if key == "cssText" {
		s.setCSSText(nullableString(s.rt, val))
		return true
	}
	s.set(key, nullableString(s.rt, val))
	return true
}

// Has implements goja.DynamicObject.
func (s *cssStyle) Has(key string) bool {
	_, ok := s.vals[key]
	return ok || key == "cssText"
}

// Delete implements goja.DynamicObject.
func (s *cssStyle) Delete(key string) bool {
	s.set(key, "")
	return true
}

// Keys implements goja.DynamicObject.
func (s *cssStyle) Keys() []string { return slices.Clone(s.keys) }

// tokenList is a classList's state: its element.
type tokenList struct{ el *node }

func (t *tokenList) tokens() []string {
	v, _ := t.el.attr("class")
	var out []string
	for _, s := range strings.Fields(v) {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// update writes the class attribute back, unless there is none to write.
func (t *tokenList) update(tokens []string) {
	if _, ok := t.el.attr("class"); !ok && len(tokens) == 0 {
		return
	}
	t.el.setAttr("class", strings.Join(tokens, " "))
}

func (w *web) installTokenList() {
	rt := w.rt
	ctor := jsfunc.Constructor(rt, "DOMTokenList", 0, func(goja.ConstructorCall) *goja.Object {
		panic(rt.NewTypeError("Illegal constructor"))
	})
	proto := ctor.Get("prototype").(*goja.Object)
	proto.DefineDataPropertySymbol(goja.SymToStringTag, rt.ToValue("DOMTokenList"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	w.tokenListProto = proto
	// token converts and checks a token argument as the standard says.
	token := func(api string, v goja.Value) string {
		s := domString(rt, v)
		if s == "" {
			panic(w.newDOMException(api+": The empty string is not a valid token.", "SyntaxError"))
		}
		if strings.ContainsAny(s, " \t\n\f\r") {
			panic(w.newDOMException(api+": The token can not contain whitespace.", "InvalidCharacterError"))
		}
		return s
	}
	w.method(proto, "add", 0, func(c goja.FunctionCall) goja.Value {
		t := thisSlot[*tokenList](w, c)
		list := t.tokens()
		for _, a := range c.Arguments {
			if s := token("DOMTokenList.add", a); !slices.Contains(list, s) {
				list = append(list, s)
			}
		}
		t.update(list)
		return goja.Undefined()
	})
	w.method(proto, "remove", 0, func(c goja.FunctionCall) goja.Value {
		t := thisSlot[*tokenList](w, c)
		list := t.tokens()
		for _, a := range c.Arguments {
			s := token("DOMTokenList.remove", a)
			list = slices.DeleteFunc(list, func(x string) bool { return x == s })
		}
		t.update(list)
		return goja.Undefined()
	})
	w.method(proto, "contains", 1, func(c goja.FunctionCall) goja.Value {
		t := thisSlot[*tokenList](w, c)
		w.requireArgs(c, "DOMTokenList.contains", 1)
		return rt.ToValue(slices.Contains(t.tokens(), domString(rt, c.Argument(0))))
	})
	w.method(proto, "toggle", 1, func(c goja.FunctionCall) goja.Value {
		t := thisSlot[*tokenList](w, c)
		w.requireArgs(c, "DOMTokenList.toggle", 1)
		s := token("DOMTokenList.toggle", c.Argument(0))
		force := c.Argument(1)
		list := t.tokens()
		if slices.Contains(list, s) {
			if goja.IsUndefined(force) || !force.ToBoolean() {
				t.update(slices.DeleteFunc(list, func(x string) bool { return x == s }))
				return rt.ToValue(false)
			}
			return rt.ToValue(true)
		}
		if goja.IsUndefined(force) || force.ToBoolean() {
			t.update(append(list, s))
			return rt.ToValue(true)
		}
		return rt.ToValue(false)
	})
	w.method(proto, "item", 1, func(c goja.FunctionCall) goja.Value {
		t := thisSlot[*tokenList](w, c)
		w.requireArgs(c, "DOMTokenList.item", 1)
		if i, list := c.Argument(0).ToInteger(), t.tokens(); i >= 0 && i < int64(len(list)) {
			return rt.ToValue(list[i])
		}
		return goja.Null()
	})
	w.getter(proto, "length", func(c goja.FunctionCall) goja.Value {
		return rt.ToValue(len(thisSlot[*tokenList](w, c).tokens()))
	})
	value := func(c goja.FunctionCall) goja.Value {
		v, _ := thisSlot[*tokenList](w, c).el.attr("class")
		return rt.ToValue(v)
	}
	w.accessor(proto, "value", value, func(c goja.FunctionCall) {
		thisSlot[*tokenList](w, c).el.setAttr("class", domString(rt, c.Argument(0)))
	})
	w.method(proto, "toString", 0, value)
}
