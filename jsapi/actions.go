package jsapi

// The flex.Actions facade. Flex 1.x exports a wrapper that hands out a fresh
// bound function on every property read (spec rule 1), so each method is an
// accessor whose getter makes a new function. Each facade belongs to one
// owner and stamps it on everything registered through it. The functions
// are named after the method, the getters "get <method>".

import (
	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/internal/jsargs"
	"github.com/flexrun/flexrun/internal/jsfunc"
)

type actionsFacade struct {
	h       *Host
	v       *engine.VM
	rt      *goja.Runtime
	owner   engine.Owner
	emitter *goja.Object
}

// newActions builds the Actions object for owner.
func (h *Host) newActions(v *engine.VM, owner engine.Owner) *goja.Object {
	a := &actionsFacade{h: h, v: v, rt: v.Runtime(), owner: owner}
	a.emitter = a.newEmitter()
	obj := a.rt.NewObject()
	methods := []struct {
		name string
		fn   func(goja.FunctionCall) goja.Value
	}{
		{"registerAction", a.registerAction},
		{"invokeAction", a.invokeAction},
		{"replaceAction", a.replaceAction},
		{"addListener", a.addListener},
		{"on", a.on},
		{"removeListener", a.removeListener},
		{"removeAllListeners", a.removeAllListeners},
		{"emit", a.emit},
		{"findPendingActions", a.findPending},
		{"findBlockedActions", a.findBlocked},
		{"blockAction", a.blockAction},
		{"unblockAction", a.unblockAction},
	}
	for _, m := range methods {
		name, fn := m.name, m.fn
		getter := jsfunc.New(a.rt, "get "+name, 0, func(goja.FunctionCall) goja.Value {
			return jsfunc.New(a.rt, name, 0, fn)
		})
		obj.DefineAccessorProperty(name, getter, nil, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	return obj
}

func (a *actionsFacade) registerAction(c goja.FunctionCall) goja.Value {
	name := jsargs.String(a.rt, "Actions.registerAction", "the action name", c, 0)
	if err := a.v.RegisterAction(a.owner, name, c.Argument(1), c.Argument(2)); err != nil {
		a.v.Throw(err)
	}
	return goja.Undefined()
}

func (a *actionsFacade) invokeAction(c goja.FunctionCall) goja.Value {
	name := c.Argument(0)
	if s, ok := name.Export().(string); ok {
		if _, isObj := name.(*goja.Object); !isObj {
			return a.rt.ToValue(a.v.InvokeAction(s, c.Argument(1)))
		}
	}
	// invokeAction never throws (rule 3): a bad name rejects.
	p, _, reject := a.rt.NewPromise()
	reject(a.rt.NewTypeError("Actions.invokeAction: the action name must be a string, received " + jsargs.Describe(name)))
	return a.rt.ToValue(p)
}

func (a *actionsFacade) replaceAction(c goja.FunctionCall) goja.Value {
	name := jsargs.String(a.rt, "Actions.replaceAction", "the action name", c, 0)
	if err := a.v.ReplaceAction(a.owner, name, c.Argument(1)); err != nil {
		a.v.Throw(err)
	}
	return goja.Undefined()
}

func (a *actionsFacade) addListener(c goja.FunctionCall) goja.Value {
	if err := a.v.AddListener(a.owner, eventName(c.Argument(0)), c.Argument(1)); err != nil {
		a.v.Throw(err)
	}
	return a.emitter
}

func (a *actionsFacade) on(c goja.FunctionCall) goja.Value {
	a.v.Logf("flexrun: Actions.on is deprecated, use Actions.addListener")
	return a.addListener(c)
}

func (a *actionsFacade) removeListener(c goja.FunctionCall) goja.Value {
	if err := a.v.RemoveListener(eventName(c.Argument(0)), c.Argument(1)); err != nil {
		a.v.Throw(err)
	}
	return a.emitter
}

func (a *actionsFacade) removeAllListeners(c goja.FunctionCall) goja.Value {
	var event *string
	if len(c.Arguments) > 0 && !goja.IsUndefined(c.Argument(0)) {
		s := eventName(c.Argument(0))
		event = &s
	}
	if err := a.v.RemoveAllListeners(event); err != nil {
		a.v.Throw(err)
	}
	return a.emitter
}

// emit does nothing in Flex 1.x but log an error and return false (rule 2).
func (a *actionsFacade) emit(goja.FunctionCall) goja.Value {
	a.v.Logf("flexrun: Actions.emit is not supported; use Actions.invokeAction")
	return a.rt.ToValue(false)
}

func (a *actionsFacade) findPending(c goja.FunctionCall) goja.Value {
	res, err := a.v.FindPendingActions(c.Argument(0), c.Argument(1))
	if err != nil {
		a.v.Throw(err)
	}
	return res
}

func (a *actionsFacade) findBlocked(c goja.FunctionCall) goja.Value {
	res, err := a.v.FindBlockedActions(c.Argument(0), c.Argument(1))
	if err != nil {
		a.v.Throw(err)
	}
	return res
}

func (a *actionsFacade) blockAction(c goja.FunctionCall) goja.Value {
	if err := a.v.BlockAction(c.Argument(0).String(), argOrNil(c, 1)); err != nil {
		a.v.Throw(err)
	}
	return goja.Undefined()
}

func (a *actionsFacade) unblockAction(c goja.FunctionCall) goja.Value {
	if err := a.v.UnblockAction(c.Argument(0).String(), argOrNil(c, 1)); err != nil {
		a.v.Throw(err)
	}
	return goja.Undefined()
}

func argOrNil(c goja.FunctionCall, i int) goja.Value {
	if i < len(c.Arguments) {
		return c.Arguments[i]
	}
	return nil
}

// eventName is the listener registry's key: like EventEmitter, any value
// is used by its string form.
func eventName(v goja.Value) string {
	if v == nil {
		return "undefined"
	}
	return v.String()
}
