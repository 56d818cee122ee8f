package engine

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dop251/goja"
)

// ErrClosed is returned by every method of an Engine after Close.
var ErrClosed = errors.New("engine closed")

// ErrAborted is returned by Do when the job was cut short by an uncatchable
// error (the time budget, a stack overflow); Wait returns the report.
var ErrAborted = errors.New("job aborted")

// ErrUnknownAction is matched (errors.Is) by the error of invoking a name
// with no registered body.
var ErrUnknownAction = errors.New("action does not exist")

// Phase names the step of an invocation an error came from.
type Phase string

// Phases of an invocation, as Flex names them.
const (
	PhaseBegin  Phase = "invocationBegin"
	PhaseBefore Phase = "before"
	PhaseBody   Phase = "implementation"
	PhaseAfter  Phase = "after"
	PhaseEnd    Phase = "invocationEnd"
)

// ActionError is a failure tied to an action: the invocation rejected, a
// listener threw, or a job was interrupted while running it.
type ActionError struct {
	Action string
	Phase  Phase
	Owner  Owner // owner of the listener or layer that failed, when known
	Err    error
}

func (e *ActionError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "action %s", e.Action)
	if e.Phase != "" {
		fmt.Fprintf(&b, " (%s", e.Phase)
		if e.Owner.Name != "" {
			fmt.Fprintf(&b, ", owner %s", e.Owner)
		}
		b.WriteString(")")
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *ActionError) Unwrap() error { return e.Err }

// JSError is a JavaScript value that was thrown or rejected, exported for Go.
type JSError struct {
	Name    string // constructor name: "Error", "TypeError", ... ("" for non-errors)
	Message string // the error's message, or the value's string form
	Stack   string // Node-style stack ("" when the value has none)
	// Description and Context are set for Flex core errors (errors with a content).
	Description string
	Context     string
	// Cause is content.wrappedError of a core error: what the action body
	// threw, with its own stack.
	Cause *JSError
	// Value is the thrown value exported to Go data.
	Value any

	goErr error // the Go error a failed Go handler returned
}

func (e *JSError) Error() string {
	if e.Name != "" {
		return e.Name + ": " + e.Message
	}
	return e.Message
}

// Unwrap gives errors.Is / errors.As the wrapped error of a core error and
// the Go error of a failed Go handler.
func (e *JSError) Unwrap() []error {
	var errs []error
	if e.Cause != nil {
		errs = append(errs, e.Cause)
	}
	if e.goErr != nil {
		errs = append(errs, e.goErr)
	}
	return errs
}

// Is lets errors.Is(err, ErrUnknownAction) recognise Flex's "Action does not exist".
func (e *JSError) Is(target error) bool {
	return target == ErrUnknownAction && e.Message == "Action does not exist" && e.Context == "Actions"
}

// UncaughtError is an error no JavaScript code handled: a throw at the top of
// a job (script, timer callback) or an unhandled promise rejection.
type UncaughtError struct {
	Kind  string // "error", "unhandled rejection", "interrupted", "stack overflow"
	Owner Owner  // owner of the code that failed, when known
	Err   error  // *JSError, *ActionError or a Go error
}

func (e *UncaughtError) Error() string {
	if e.Kind == "error" || e.Kind == "unhandled rejection" {
		return e.Err.Error()
	}
	return fmt.Sprintf("%s: %v", e.Kind, e.Err)
}

func (e *UncaughtError) Unwrap() error { return e.Err }

// exportError turns a thrown JavaScript value into a *JSError. It never
// fails: what cannot be read (a throwing getter, a revoked Proxy) is left
// out. Loop only.
func (v *VM) exportError(val goja.Value) *JSError {
	je := &JSError{}
	if val == nil || goja.IsUndefined(val) || goja.IsNull(val) {
		je.Message = "undefined"
		if val != nil {
			je.Message = val.String()
		}
		return je
	}
	obj, ok := val.(*goja.Object)
	if !ok {
		je.Message = val.String()
		je.Value = v.exportBrief(val)
		return je
	}
	if v.isError(obj) {
		je.goErr = v.goErrorOf(obj)
		je.Name = v.stringProp(obj, "name")
		je.Message = v.stringProp(obj, "message")
		if s := v.stringProp(obj, "stack"); s != "" {
			je.Stack = NodeStack(s)
		}
		if c, ok := v.prop(obj, "content").(*goja.Object); ok {
			je.Description = v.stringProp(c, "description")
			je.Context = v.stringProp(c, "context")
			if w := v.prop(c, "wrappedError"); w != nil && !goja.IsUndefined(w) && !w.SameAs(val) {
				je.Cause = v.exportError(w)
			}
		}
	} else {
		je.Message = v.describe(val)
	}
	je.Value = v.exportBrief(val)
	return je
}

// errorFromException converts what a goja call returned into a Go error.
func (v *VM) errorFromException(err error) error {
	var ex *goja.Exception
	var t *thrown
	switch {
	case errors.As(err, &ex):
		return v.exportError(ex.Value())
	case errors.As(err, &t):
		return v.exportError(t.val)
	}
	return err
}

// isError reports an Error object; false for what cannot be asked (a
// revoked Proxy).
func (v *VM) isError(obj *goja.Object) (yes bool) {
	v.rt.Try(func() { yes = obj.ClassName() == "Error" })
	return yes
}

// prop reads obj[name], or nil when reading throws.
func (v *VM) prop(obj *goja.Object, name string) (p goja.Value) {
	v.rt.Try(func() { p = obj.Get(name) })
	return p
}

func (v *VM) stringProp(obj *goja.Object, name string) string {
	p := v.prop(obj, name)
	if p == nil || goja.IsUndefined(p) || goja.IsNull(p) {
		return ""
	}
	return v.describe(p)
}

// describe is val's string form, or a placeholder when its toString throws.
func (v *VM) describe(val goja.Value) string {
	s := "[object that cannot be converted to a string]"
	v.rt.Try(func() { s = val.String() })
	return s
}

// isUncatchable reports errors goja does not let JavaScript catch: an
// interrupt (time budget) or a stack overflow. They unwind the whole job.
func isUncatchable(err error) bool {
	var ie *goja.InterruptedError
	var so *goja.StackOverflowError
	return errors.As(err, &ie) || errors.As(err, &so)
}

// ExportError converts a thrown or rejected JavaScript value into a
// *JSError for Go. Loop only.
func (v *VM) ExportError(val goja.Value) *JSError { return v.exportError(val) }
