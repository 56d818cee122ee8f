package web

import (
	"io"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsfunc"
)

// alert, confirm and prompt, headless: each prints one line on stdout
// ("[alert] message") and answers at once, as `flexrun run` documents
// (DESIGN.md, CLI contract). alert tells Dialogs.OnAlert; confirm asks
// Dialogs.Confirm (nil: yes). (jsapi's host records both in the world, whose
// confirm list answers first.) prompt answers with its default, or null when
// there is none, as if the user dismissed it.
func (w *web) installDialogs(d Dialogs) {
	rt := w.rt
	g := rt.GlobalObject()
	stdout := d.Stdout
	if stdout == nil {
		stdout = io.Discard
	}
	show := func(kind, message string) {
		io.WriteString(stdout, "["+kind+"] "+message+"\n")
	}
	// optional converts an optional DOMString argument whose default is "".
	optional := func(c goja.FunctionCall, i int) string {
		if a := c.Argument(i); !goja.IsUndefined(a) {
			return domString(rt, a)
		}
		return ""
	}
	// Lengths as in browsers: every argument is optional.
	g.Set("alert", jsfunc.New(rt, "alert", 0, func(c goja.FunctionCall) goja.Value {
		message := ""
		if len(c.Arguments) > 0 { // alert(undefined) shows "undefined", as browsers do
			message = domString(rt, c.Argument(0))
		}
		show("alert", message)
		if d.OnAlert != nil {
			d.OnAlert(message)
		}
		return goja.Undefined()
	}))
	g.Set("confirm", jsfunc.New(rt, "confirm", 0, func(c goja.FunctionCall) goja.Value {
		message := optional(c, 0)
		show("confirm", message)
		if d.Confirm == nil {
			return rt.ToValue(true)
		}
		return rt.ToValue(d.Confirm(message))
	}))
	g.Set("prompt", jsfunc.New(rt, "prompt", 0, func(c goja.FunctionCall) goja.Value {
		show("prompt", optional(c, 0))
		if d := c.Argument(1); !goja.IsUndefined(d) {
			return rt.ToValue(domString(rt, d))
		}
		return goja.Null()
	}))
}
