package web

import (
	"strings"

	"github.com/dop251/goja"
)

// HTMLElement.prototype's members (the element stub of element.go):
// attributes, children, id and className, classList and style (style.go),
// innerHTML (kept as text), and click, focus and blur.

func (w *web) installElementMembers(proto *goja.Object) {
	rt := w.rt
	this := func(c goja.FunctionCall) *node {
		n := thisSlot[*node](w, c)
		if n.kind != elementNode {
			panic(rt.NewTypeError("Illegal invocation"))
		}
		return n
	}
	w.getter(proto, "tagName", func(c goja.FunctionCall) goja.Value { return rt.ToValue(this(c).tag) })
	reflect := func(prop, name string) {
		w.accessor(proto, prop, func(c goja.FunctionCall) goja.Value {
			v, _ := this(c).attr(name)
			return rt.ToValue(v)
		}, func(c goja.FunctionCall) {
			this(c).setAttr(name, domString(rt, c.Argument(0)))
		})
	}
	reflect("id", "id")
	reflect("className", "class")
	w.getter(proto, "classList", func(c goja.FunctionCall) goja.Value {
		n := this(c)
		if n.classes == nil {
			n.classes = w.rt.CreateObject(w.tokenListProto)
			w.setSlot(n.classes, &tokenList{el: n})
		}
		return n.classes
	})
	w.getter(proto, "style", func(c goja.FunctionCall) goja.Value {
		n := this(c)
		if n.style == nil {
			n.style = w.newStyle()
		}
		return n.style
	})
	w.accessor(proto, "innerHTML", func(c goja.FunctionCall) goja.Value {
		return rt.ToValue(this(c).innerHTML())
	}, func(c goja.FunctionCall) {
		n := this(c)
		html := nullableString(rt, c.Argument(0))
		n.removeChildren()
		n.html = html
	})
	w.getter(proto, "outerHTML", func(c goja.FunctionCall) goja.Value {
		var b strings.Builder
		this(c).serialize(&b, false)
		return rt.ToValue(b.String())
	})
	w.getter(proto, "children", func(c goja.FunctionCall) goja.Value {
		var list []any
		for _, ch := range this(c).children {
			if ch.kind == elementNode {
				list = append(list, ch.obj)
			}
		}
		return rt.NewArray(list...)
	})

	w.method(proto, "setAttribute", 2, func(c goja.FunctionCall) goja.Value {
		n := this(c)
		w.requireArgs(c, "Element.setAttribute", 2)
		name := w.attrName("Element.setAttribute", c.Argument(0))
		n.setAttr(name, domString(rt, c.Argument(1)))
		return goja.Undefined()
	})
	w.method(proto, "getAttribute", 1, func(c goja.FunctionCall) goja.Value {
		n := this(c)
		w.requireArgs(c, "Element.getAttribute", 1)
		if v, ok := n.attr(strings.ToLower(domString(rt, c.Argument(0)))); ok {
			return rt.ToValue(v)
		}
		return goja.Null()
	})
	w.method(proto, "hasAttribute", 1, func(c goja.FunctionCall) goja.Value {
		n := this(c)
		w.requireArgs(c, "Element.hasAttribute", 1)
		_, ok := n.attr(strings.ToLower(domString(rt, c.Argument(0))))
		return rt.ToValue(ok)
	})
	w.method(proto, "removeAttribute", 1, func(c goja.FunctionCall) goja.Value {
		n := this(c)
		w.requireArgs(c, "Element.removeAttribute", 1)
		n.removeAttr(strings.ToLower(domString(rt, c.Argument(0))))
		return goja.Undefined()
	})

	w.method(proto, "appendChild", 1, func(c goja.FunctionCall) goja.Value {
		n := this(c)
		w.requireArgs(c, "Node.appendChild", 1)
		child := w.nodeArg(c, "Node.appendChild", 0)
		w.insert("Node.appendChild", n, child, nil)
		return child.obj
	})
	w.method(proto, "insertBefore", 2, func(c goja.FunctionCall) goja.Value {
		n := this(c)
		w.requireArgs(c, "Node.insertBefore", 2)
		child := w.nodeArg(c, "Node.insertBefore", 0)
		var ref *node
		if !goja.IsNull(c.Argument(1)) && !goja.IsUndefined(c.Argument(1)) {
			ref = w.nodeArg(c, "Node.insertBefore", 1)
		}
		w.insert("Node.insertBefore", n, child, ref)
		return child.obj
	})
	w.method(proto, "removeChild", 1, func(c goja.FunctionCall) goja.Value {
		n := this(c)
		w.requireArgs(c, "Node.removeChild", 1)
		child := w.nodeArg(c, "Node.removeChild", 0)
		if child.parent != n {
			panic(w.newDOMException("Node.removeChild: The node to be removed is not a child of this node", "NotFoundError"))
		}
		child.detach()
		return child.obj
	})
	w.method(proto, "append", 0, func(c goja.FunctionCall) goja.Value {
		n := this(c)
		for _, a := range c.Arguments {
			child, ok := slotOf[*node](w, a)
			if !ok { // (Node or DOMString): anything else is text
				child = w.newText(domString(rt, a))
			}
			w.insert("Element.append", n, child, nil)
		}
		return goja.Undefined()
	})
	w.method(proto, "click", 0, func(c goja.FunctionCall) goja.Value {
		n := this(c)
		ev := &event{kind: "Event", typ: "click", bubbles: true, cancelable: true, composed: true}
		w.initEvent(w.rt.CreateObject(w.eventProto), ev)
		w.dispatch(&n.eventTarget, ev)
		return goja.Undefined()
	})
	for _, name := range []string{"focus", "blur"} {
		w.method(proto, name, 0, func(c goja.FunctionCall) goja.Value {
			this(c)
			return goja.Undefined()
		})
	}
}

// attrName converts a qualified name argument for an HTML element: lower
// case, and InvalidCharacterError when it cannot be a name.
func (w *web) attrName(api string, v goja.Value) string {
	name := domString(w.rt, v)
	if !validName(name) {
		panic(w.newDOMException(api+": String contains an invalid character", "InvalidCharacterError"))
	}
	return strings.ToLower(name)
}
