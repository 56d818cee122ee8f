package web

import (
	"strings"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsfunc"
)

// Elements and text nodes: the part of the DOM plugins and the libraries
// they bundle touch when they load (a style tag appended to document.head,
// a div with an id, an event listener). A tree of nodes with attributes,
// text, a style declaration and a class list; nothing is rendered, laid
// out or parsed: innerHTML keeps the string it was set to (its tags are
// not elements), and its text counts in textContent with the tags
// stripped. Every node is an EventTarget; events stay on their target.
//
// The classes behind them are not globals (no Node, Element, HTMLElement
// or Text): libraries that see HTMLElement take a full DOM for granted.
// Prototypes chain like the browsers' shortened: an element's is
// HTMLElement.prototype → Node.prototype → EventTarget.prototype, an Audio
// element's HTMLAudioElement.prototype (Audio.prototype) before them.

type nodeKind int

const (
	elementNode nodeKind = 1
	textNode    nodeKind = 3
)

type node struct {
	eventTarget
	kind     nodeKind
	tag      string // an element's tagName, upper case
	attrs    []attr
	children []*node
	parent   *node
	html     string // what innerHTML was set to, kept as text
	data     string // a text node's
	style    *goja.Object
	classes  *goja.Object // classList
	media    *media       // an AUDIO element's playback state
}

type attr struct{ name, value string }

// voidElements have no end tag in innerHTML's serialization.
var voidElements = map[string]bool{
	"AREA": true, "BASE": true, "BR": true, "COL": true, "EMBED": true, "HR": true, "IMG": true,
	"INPUT": true, "LINK": true, "META": true, "SOURCE": true, "TRACK": true, "WBR": true,
}

// validName reports whether s can be an element or attribute name.
func validName(s string) bool {
	return s != "" && !strings.ContainsAny(s, " \t\n\f\r\x00/<>=\"'")
}

func (w *web) newElement(tag string) *node {
	n := &node{kind: elementNode, tag: strings.ToUpper(tag)}
	proto := w.elementProto
	if n.tag == "AUDIO" {
		proto, n.media = w.audioProto, newMedia()
	}
	n.obj = w.rt.CreateObject(proto)
	w.setSlot(n.obj, n)
	return n
}

func (w *web) newText(data string) *node {
	n := &node{kind: textNode, data: data}
	n.obj = w.rt.CreateObject(w.textProto)
	w.setSlot(n.obj, n)
	return n
}

func (n *node) attr(name string) (string, bool) {
	for _, a := range n.attrs {
		if a.name == name {
			return a.value, true
		}
	}
	return "", false
}

func (n *node) setAttr(name, value string) {
	for i := range n.attrs {
		if n.attrs[i].name == name {
			n.attrs[i].value = value
			return
		}
	}
	n.attrs = append(n.attrs, attr{name, value})
}

func (n *node) removeAttr(name string) {
	for i, a := range n.attrs {
		if a.name == name {
			n.attrs = append(n.attrs[:i], n.attrs[i+1:]...)
			return
		}
	}
}

func (n *node) index() int {
	for i, c := range n.parent.children {
		if c == n {
			return i
		}
	}
	return -1
}

// sibling is the node d places after n (-1: before), or nil.
func (n *node) sibling(d int) *node {
	if n.parent == nil {
		return nil
	}
	if i := n.index() + d; i >= 0 && i < len(n.parent.children) {
		return n.parent.children[i]
	}
	return nil
}

func (n *node) detach() {
	if p := n.parent; p != nil {
		i := n.index()
		p.children = append(p.children[:i], p.children[i+1:]...)
		n.parent = nil
	}
}

// insert inserts child into n before ref (nil: at the end), as the DOM's
// pre-insert does; api names the method in errors.
func (w *web) insert(api string, n, child, ref *node) {
	if n.kind != elementNode {
		panic(w.newDOMException(api+": Cannot add children to a Text", "HierarchyRequestError"))
	}
	for a := n; a != nil; a = a.parent {
		if a == child {
			panic(w.newDOMException(api+": The new child is an ancestor of the parent", "HierarchyRequestError"))
		}
	}
	if ref != nil && ref.parent != n {
		panic(w.newDOMException(api+": Child to insert before is not a child of this node", "NotFoundError"))
	}
	if ref == child {
		ref = child.sibling(1)
	}
	child.detach()
	child.parent = n
	if ref == nil {
		n.children = append(n.children, child)
		return
	}
	i := ref.index()
	n.children = append(n.children[:i], append([]*node{child}, n.children[i:]...)...)
}

// removeChildren empties n, innerHTML's string too.
func (n *node) removeChildren() {
	for _, c := range n.children {
		c.parent = nil
	}
	n.children, n.html = nil, ""
}

func (n *node) text() string {
	if n.kind == textNode {
		return n.data
	}
	var b strings.Builder
	b.WriteString(stripTags(n.html))
	for _, c := range n.children {
		b.WriteString(c.text())
	}
	return b.String()
}

func (n *node) setText(w *web, s string) {
	if n.kind == textNode {
		n.data = s
		return
	}
	n.removeChildren()
	if s != "" {
		t := w.newText(s)
		t.parent = n
		n.children = []*node{t}
	}
}

// stripTags drops what lies between < and >: the text of an innerHTML
// string, without parsing it.
func stripTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (n *node) innerHTML() string {
	var b strings.Builder
	b.WriteString(n.html)
	raw := n.tag == "STYLE" || n.tag == "SCRIPT"
	for _, c := range n.children {
		c.serialize(&b, raw)
	}
	return b.String()
}

// serialize writes n as HTML; raw: the text of a style or script element,
// which is not escaped.
func (n *node) serialize(b *strings.Builder, raw bool) {
	if n.kind == textNode {
		if raw {
			b.WriteString(n.data)
		} else {
			b.WriteString(strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\u00a0", "&nbsp;").Replace(n.data))
		}
		return
	}
	tag := strings.ToLower(n.tag)
	b.WriteString("<" + tag)
	for _, a := range n.attrs {
		b.WriteString(" " + a.name + `="` + strings.NewReplacer("&", "&amp;", `"`, "&quot;", "\u00a0", "&nbsp;").Replace(a.value) + `"`)
	}
	b.WriteString(">")
	if voidElements[n.tag] {
		return
	}
	b.WriteString(n.innerHTML())
	b.WriteString("</" + tag + ">")
}

// find returns the first element in tree order under n (n included) that ok accepts.
func (n *node) find(ok func(*node) bool) *node {
	if n.kind != elementNode {
		return nil
	}
	if ok(n) {
		return n
	}
	for _, c := range n.children {
		if f := c.find(ok); f != nil {
			return f
		}
	}
	return nil
}

// each calls fn for n and every node under it.
func (n *node) each(fn func(*node)) {
	fn(n)
	for _, c := range n.children {
		c.each(fn)
	}
}

func (n *node) root() *node {
	for n.parent != nil {
		n = n.parent
	}
	return n
}

func (w *web) installNodes() {
	rt := w.rt
	hidden := func(name string, parent *goja.Object) *goja.Object {
		ctor := jsfunc.Constructor(rt, name, 0, func(goja.ConstructorCall) *goja.Object {
			panic(rt.NewTypeError("Illegal constructor"))
		})
		proto := ctor.Get("prototype").(*goja.Object)
		proto.SetPrototype(parent)
		proto.DefineDataPropertySymbol(goja.SymToStringTag, rt.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		return proto
	}
	nodeProto := hidden("Node", w.eventTargetProto)
	w.elementProto = hidden("HTMLElement", nodeProto)
	w.textProto = hidden("Text", nodeProto)
	w.installNodeMembers(nodeProto)
	w.installElementMembers(w.elementProto)
	this := func(c goja.FunctionCall) *node {
		n := thisSlot[*node](w, c)
		if n.kind != textNode {
			panic(rt.NewTypeError("Illegal invocation"))
		}
		return n
	}
	for _, name := range []string{"data", "nodeValue"} {
		w.accessor(w.textProto, name, func(c goja.FunctionCall) goja.Value {
			return rt.ToValue(this(c).data)
		}, func(c goja.FunctionCall) {
			this(c).data = nullableString(rt, c.Argument(0))
		})
	}
	w.installStyle()
}

// installNodeMembers: what elements and text nodes share.
func (w *web) installNodeMembers(proto *goja.Object) {
	rt := w.rt
	value := func(n *node) goja.Value {
		if n == nil {
			return goja.Null()
		}
		return n.obj
	}
	get := func(name string, fn func(n *node) goja.Value) {
		w.getter(proto, name, func(c goja.FunctionCall) goja.Value { return fn(thisSlot[*node](w, c)) })
	}
	get("nodeType", func(n *node) goja.Value { return rt.ToValue(int(n.kind)) })
	get("nodeName", func(n *node) goja.Value {
		if n.kind == textNode {
			return rt.ToValue("#text")
		}
		return rt.ToValue(n.tag)
	})
	get("parentNode", func(n *node) goja.Value { return value(n.parent) })
	get("parentElement", func(n *node) goja.Value { return value(n.parent) })
	get("firstChild", func(n *node) goja.Value {
		if len(n.children) == 0 {
			return goja.Null()
		}
		return n.children[0].obj
	})
	get("lastChild", func(n *node) goja.Value {
		if len(n.children) == 0 {
			return goja.Null()
		}
		return n.children[len(n.children)-1].obj
	})
	get("nextSibling", func(n *node) goja.Value { return value(n.sibling(1)) })
	get("previousSibling", func(n *node) goja.Value { return value(n.sibling(-1)) })
	get("childNodes", func(n *node) goja.Value {
		list := make([]any, len(n.children))
		for i, c := range n.children {
			list[i] = c.obj
		}
		return rt.NewArray(list...)
	})
	get("isConnected", func(n *node) goja.Value { return rt.ToValue(n.root() == w.doc.html) })
	get("ownerDocument", func(*node) goja.Value { return w.doc.obj })
	w.accessor(proto, "textContent", func(c goja.FunctionCall) goja.Value {
		return rt.ToValue(thisSlot[*node](w, c).text())
	}, func(c goja.FunctionCall) {
		thisSlot[*node](w, c).setText(w, nullableString(rt, c.Argument(0)))
	})
	w.method(proto, "remove", 0, func(c goja.FunctionCall) goja.Value {
		thisSlot[*node](w, c).detach()
		return goja.Undefined()
	})
}

// nodeArg is argument i of c as a node, or the browsers' TypeError.
func (w *web) nodeArg(c goja.FunctionCall, api string, i int) *node {
	n, ok := slotOf[*node](w, c.Argument(i))
	if !ok {
		panic(w.rt.NewTypeError(api + ": Argument " + string(rune('1'+i)) + " does not implement interface Node."))
	}
	return n
}

// accessor defines a non-enumerable accessor with a setter.
func (w *web) accessor(o *goja.Object, name string, get func(goja.FunctionCall) goja.Value, set func(goja.FunctionCall)) {
	o.DefineAccessorProperty(name, jsfunc.New(w.rt, "get "+name, 0, get),
		jsfunc.New(w.rt, "set "+name, 1, func(c goja.FunctionCall) goja.Value {
			set(c)
			return goja.Undefined()
		}), goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// nullableString converts like Web IDL's `[LegacyNullToEmptyString]
// DOMString` and `DOMString?` setters: null is "".
func nullableString(rt *goja.Runtime, v goja.Value) string {
	if goja.IsNull(v) {
		return ""
	}
	return domString(rt, v)
}
