package plugins

// Running a REPL line or an invocation on the loop and printing how it
// ended. Everything that touches JavaScript values, Inspect included, runs
// in loop jobs; what comes back to Exec's goroutine is text.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/jsapi/console"
)

// outcome is how a line ended, rendered: a value for Out or an error for Err.
type outcome struct {
	text   string
	failed bool
}

func (r *REPL) print(o outcome) {
	w := r.opts.Out
	if o.failed {
		w = r.opts.Err
	}
	fmt.Fprintln(w, o.text)
}

// evaluate runs a line of JavaScript.
func (r *REPL) evaluate(ctx context.Context, line string) {
	r.lines++
	p, err := compileLine("REPL"+strconv.Itoa(r.lines), line)
	if err != nil {
		r.print(syntaxOutcome(err))
		return
	}
	if !p.async {
		r.runScript(ctx, p.prog)
		return
	}
	r.settle(ctx, "the line", func(v *engine.VM) (goja.Value, error) {
		ev, err := r.h.Run(v, engine.ScriptOwner, p.prog)
		if err != nil {
			return nil, err
		}
		return v.Runtime().ToValue(ev.Done), nil
	}, uncaughtValue)
}

// runScript runs a line without await: its completion value is the result.
func (r *REPL) runScript(ctx context.Context, prog *goja.Program) {
	var out outcome
	err := r.e.Do(ctx, func(v *engine.VM) error {
		var val goja.Value
		var err error
		v.RunAs(engine.ScriptOwner, func() { val, err = v.Runtime().RunProgram(prog) })
		switch {
		case uncatchable(err):
			out = interruption(err)
			return err // Do unwinds the job with it
		case err != nil:
			out = uncaughtError(v, err)
		default:
			out = outcome{text: console.Inspect(v.Runtime(), val)}
		}
		return nil
	})
	r.finish(ctx, out, err)
}

// settle runs start on the loop and waits for the promise it returns;
// failed renders a rejection, what names the work in messages.
func (r *REPL) settle(ctx context.Context, what string, start func(*engine.VM) (goja.Value, error), failed func(*engine.VM, goja.Value) outcome) {
	done := make(chan outcome, 1)
	var out outcome
	err := r.e.Do(ctx, func(v *engine.VM) error {
		p, err := start(v)
		switch {
		case uncatchable(err):
			out = interruption(err)
			return err
		case err != nil:
			done <- uncaughtError(v, err)
			return nil
		}
		v.Then(p, func(val goja.Value) {
			done <- outcome{text: console.Inspect(v.Runtime(), val)}
		}, func(reason goja.Value) {
			done <- failed(v, reason)
		})
		return nil
	})
	if err != nil {
		r.finish(ctx, out, err)
		return
	}
	r.wait(ctx, what, done)
}

// wait prints the outcome once it comes. Meanwhile it watches the engine:
// when the engine is idle and the line has not settled, nothing can settle
// it any more, either because its promise waits for nothing or because an
// interrupt cut its async function short. The uncaught errors Wait returns
// meanwhile are not the line's outcome (the engine has reported them
// through Options.OnUncaught); a report of a job cut short among them (see
// cutShort) is the likely reason the line never settles, and is named.
func (r *REPL) wait(ctx context.Context, what string, done <-chan outcome) {
	waitCtx, stop := context.WithCancel(ctx)
	defer stop()
	var shortBy *engine.UncaughtError
	for {
		idle := make(chan error, 1)
		go func() { idle <- r.e.Wait(waitCtx) }()
		select {
		case o := <-done:
			r.print(o)
			return
		case err := <-idle:
			select {
			case o := <-done: // it settled just before the engine went idle
				r.print(o)
				return
			default:
			}
			var u *engine.UncaughtError
			switch {
			case errors.As(err, &u):
				if cutShort(u) {
					shortBy = u
				}
				continue
			case err == nil && shortBy != nil:
				fmt.Fprintln(r.opts.Err, cutShortText(shortBy))
			case err == nil:
				fmt.Fprintf(r.opts.Err, "Uncaught: unsettled: %s waits for a promise nothing will settle\n", what)
			default:
				fmt.Fprintf(r.opts.Err, "stopped waiting for the line: %v\n", err)
			}
			return
		case <-ctx.Done():
			fmt.Fprintf(r.opts.Err, "stopped waiting for the line: %v\n", ctx.Err())
			return
		}
	}
}

// finish prints the outcome of the loop job that ran the line, or why it
// has none. ErrAborted: an interrupt unwound the job; the loop reports it
// once the job is gone, and Wait returns that report (as Loader.start reads
// it), which says where the line was and, inside an action, which phase.
func (r *REPL) finish(ctx context.Context, out outcome, err error) {
	switch {
	case err == nil:
		r.print(out)
	case errors.Is(err, engine.ErrAborted):
		u, werr := r.abortReport(ctx)
		switch {
		case u != nil:
			fmt.Fprintln(r.opts.Err, cutShortText(u))
		case out.text != "":
			r.print(out)
		case werr != nil:
			fmt.Fprintf(r.opts.Err, "stopped waiting for the line: %v\n", werr)
		default: // the report was dropped (the engine keeps a bounded backlog)
			fmt.Fprintln(r.opts.Err, "Aborted: the engine cut the line short and its report of why is lost")
		}
	case ctx.Err() != nil:
		fmt.Fprintf(r.opts.Err, "stopped waiting for the line: %v\n", err)
	default:
		fmt.Fprintf(r.opts.Err, "flexrun: %v\n", err)
	}
}

// abortReport takes the engine's report of what aborted a job (see
// cutShort), skipping older reports of other errors (the engine has shown
// them through Options.OnUncaught). It returns nil and nil if the engine
// goes idle without one, and nil and Wait's error if waiting fails.
func (r *REPL) abortReport(ctx context.Context) (*engine.UncaughtError, error) {
	for {
		var u *engine.UncaughtError
		err := r.e.Wait(ctx)
		if !errors.As(err, &u) {
			return nil, err
		}
		if cutShort(u) {
			return u, nil
		}
	}
}

// cutShort reports whether u is the engine cutting a job short rather than
// JavaScript throwing: an interrupt (the job time budget, or another
// Interrupt), a stack overflow, or a Go panic the loop recovered from,
// which it reports as an "error" holding a Go error, not a JavaScript one.
func cutShort(u *engine.UncaughtError) bool {
	switch u.Kind {
	case "interrupted", "stack overflow":
		return true
	case "error":
		var je *engine.JSError
		var ae *engine.ActionError
		return !errors.As(u.Err, &je) && !errors.As(u.Err, &ae)
	}
	return false
}

// cutShortText says which of cutShort's cases u is, in its own words: the
// budget's text names the budget and where the job was.
func cutShortText(u *engine.UncaughtError) string {
	switch u.Kind {
	case "stack overflow":
		return "Uncaught " + u.Err.Error()
	case "interrupted":
		return "Interrupted: " + u.Err.Error()
	}
	// A panic's report goes on with the goroutine's stack, which the
	// engine's own report (Options.OnUncaught) shows.
	first, _, _ := strings.Cut(u.Err.Error(), "\n")
	return "Aborted: " + first
}

// invoke runs `.invoke Name [json]`.
func (r *REPL) invoke(ctx context.Context, line, arg string) {
	name, payload, _ := strings.Cut(arg, " ")
	payload = strings.TrimSpace(payload)
	if name == "" {
		fmt.Fprintln(r.opts.Err, "usage: .invoke Name [json]")
		return
	}
	if payload != "" {
		var data any
		if err := json.Unmarshal([]byte(payload), &data); err != nil {
			r.print(payloadError(line, payload, err))
			return
		}
	}
	r.settle(ctx, "action "+name, func(v *engine.VM) (goja.Value, error) {
		var arg goja.Value = goja.Undefined()
		if payload != "" {
			parse, _ := goja.AssertFunction(v.Runtime().Get("JSON").ToObject(v.Runtime()).Get("parse"))
			if parse == nil {
				return nil, errors.New("JSON.parse is not a function")
			}
			var err error
			if arg, err = parse(goja.Undefined(), v.Runtime().ToValue(payload)); err != nil {
				return nil, err
			}
		}
		var p *goja.Promise
		v.RunAs(engine.ScriptOwner, func() { p = v.InvokeAction(name, arg) })
		return v.Runtime().ToValue(p), nil
	}, func(v *engine.VM, reason goja.Value) outcome {
		if errors.Is(v.ExportError(reason), engine.ErrUnknownAction) {
			return outcome{fmt.Sprintf(".invoke: action %q does not exist; .actions lists the registered actions", name), true}
		}
		return uncaughtValue(v, reason)
	})
}

// payloadError points at the column of line where the JSON went wrong.
func payloadError(line, payload string, err error) outcome {
	var se *json.SyntaxError
	start := strings.Index(line, payload)
	if !errors.As(err, &se) || start < 0 {
		return outcome{fmt.Sprintf(".invoke: the payload is not valid JSON: %v", err), true}
	}
	at := start + max(int(se.Offset)-1, 0) // Offset counts the bytes read, the bad one included
	_, col, text := positionOf(line, at)
	return outcome{fmt.Sprintf(".invoke: the payload is not valid JSON at column %d: %v\n%s", col, err, caret(text, col)), true}
}

// uncaughtError renders what a call into JavaScript threw, as Node's REPL does.
func uncaughtError(v *engine.VM, err error) outcome {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return uncaughtValue(v, ex.Value())
	}
	return outcome{"Uncaught " + err.Error(), true}
}

// uncaughtValue renders a thrown or rejected value. A Flex core error (what
// invokeAction rejects with when a body fails, or for an unknown action)
// shows what the body threw, or the error itself, then Flex's description.
func uncaughtValue(v *engine.VM, val goja.Value) outcome {
	rt := v.Runtime()
	je := v.ExportError(val)
	if je.Context != "Actions" || je.Description == "" {
		return outcome{"Uncaught " + console.Inspect(rt, val), true}
	}
	var shown string
	if w := wrappedError(rt, val); w != nil {
		shown = console.Inspect(rt, w)
	} else {
		shown = je.Error()
		if _, frames, ok := strings.Cut(je.Stack, "\n"); ok {
			shown += "\n" + frames
		}
	}
	return outcome{"Uncaught " + shown + "\n  (" + je.Description + ")", true}
}

// wrappedError is content.wrappedError of a core error, or nil.
func wrappedError(rt *goja.Runtime, val goja.Value) (w goja.Value) {
	obj, ok := val.(*goja.Object)
	if !ok {
		return nil
	}
	rt.Try(func() {
		if c, ok := obj.Get("content").(*goja.Object); ok {
			w = c.Get("wrappedError")
		}
	})
	if w == nil || goja.IsUndefined(w) {
		return nil
	}
	return w
}

// syntaxOutcome renders a line that does not compile like Node renders a
// script's syntax error, with the column added: where, the line, a caret,
// then the error.
func syntaxOutcome(err error) outcome {
	var se *replSyntaxError
	if !errors.As(err, &se) {
		return outcome{"Uncaught " + err.Error(), true}
	}
	return outcome{fmt.Sprintf("%s:%d:%d\n%s\n\nUncaught SyntaxError: %s", se.Source, se.Line, se.Column, caret(se.Text, se.Column), se.Message), true}
}

// caret is the line with a caret under its 1-based byte column col.
func caret(line string, col int) string {
	var pad strings.Builder
	for i, c := range line {
		if i >= col-1 {
			break
		}
		if c == '\t' {
			pad.WriteByte('\t')
		} else {
			pad.WriteByte(' ')
		}
	}
	return line + "\n" + pad.String() + "^"
}

func uncatchable(err error) bool {
	var ie *goja.InterruptedError
	var so *goja.StackOverflowError
	return errors.As(err, &ie) || errors.As(err, &so)
}

// interruption renders a line cut short by the job budget or a stack overflow.
func interruption(err error) outcome {
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		msg := fmt.Sprint(ie.Value())
		if at := userFrame(ie.Stack()); at != "" {
			msg += ", at " + at
		}
		return outcome{"Interrupted: " + msg, true}
	}
	return outcome{"Uncaught RangeError: Maximum call stack size exceeded", true}
}

// userFrame is "file:line:col" of the innermost frame of user code.
func userFrame(frames []goja.StackFrame) string {
	for _, f := range frames {
		p := f.Position()
		if p.Filename == "" || strings.Contains(p.Filename, "flexrun:") || p.Filename == "<eval>" {
			continue
		}
		return fmt.Sprintf("%s:%d:%d", p.Filename, p.Line, p.Column)
	}
	return ""
}
