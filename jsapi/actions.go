package jsapi

// The flex.Actions facade. Flex 1.x exports a wrapper that hands out a fresh
// bound function on every property read (spec rule 1), so each method is an
// accessor whose getter makes a new function. Each facade belongs to one
// owner and stamps it on everything registered through it. The functions
// are named after the method, the getters "get <method>".

import (
	"fmt"
	"strconv"

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
	// retired: its owner was unloaded (Host.Forget). Code of that
	// generation still running later (an await in init that settles after
	// the start timed out, a listener resuming after a reload) must not
	// register again: it would serve as a generation that is gone.
	retired bool
}

// newActions builds the Actions object for owner.
func (h *Host) newActions(v *engine.VM, owner engine.Owner) *goja.Object {
	a := &actionsFacade{h: h, v: v, rt: v.Runtime(), owner: owner}
	if owner.Generation > 0 { // a plugin's: Forget retires it
		h.facades[owner] = append(h.facades[owner], a)
	}
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

// refuseRetired throws when the facade's owner was unloaded. It logs too:
// the throw usually lands in an init nobody waits for any more.
func (a *actionsFacade) refuseRetired(method string) {
	if a.retired {
		err := fmt.Errorf("Actions.%s: plugin %s was unloaded (its start failed or timed out, or a reload replaced it); it can no longer register", method, a.owner)
		a.v.Logf("flexrun: %v", err)
		a.v.Throw(err)
	}
}

func (a *actionsFacade) registerAction(c goja.FunctionCall) goja.Value {
	a.refuseRetired("registerAction")
	name := a.name("Actions.registerAction", c)
	if err := a.v.RegisterAction(a.owner, name, c.Argument(1), c.Argument(2)); err != nil {
		a.v.Throw(err)
	}
	return goja.Undefined()
}

func (a *actionsFacade) invokeAction(c goja.FunctionCall) goja.Value {
	name := c.Argument(0)
	if _, isObj := name.(*goja.Object); !isObj && !isSymbol(name) {
		if s, ok := name.Export().(string); ok {
			return a.rt.ToValue(a.v.InvokeActionAs(a.owner, s, c.Argument(1)))
		}
	}
	// invokeAction never throws (rule 3): a bad name rejects.
	p, _, reject := a.rt.NewPromise()
	reject(a.rt.NewTypeError("Actions.invokeAction: the action name must be a string, received " + jsargs.Describe(name)))
	return a.rt.ToValue(p)
}

func (a *actionsFacade) replaceAction(c goja.FunctionCall) goja.Value {
	a.refuseRetired("replaceAction")
	name := a.name("Actions.replaceAction", c)
	if err := a.v.ReplaceAction(a.owner, name, c.Argument(1)); err != nil {
		a.v.Throw(err)
	}
	return goja.Undefined()
}

func (a *actionsFacade) addListener(c goja.FunctionCall) goja.Value {
	a.refuseRetired("addListener")
	if err := a.v.AddListener(a.owner, a.eventName("Actions.addListener", c.Argument(0)), c.Argument(1)); err != nil {
		a.v.Throw(err)
	}
	return a.emitter
}

func (a *actionsFacade) on(c goja.FunctionCall) goja.Value {
	a.v.Logf("flexrun: Actions.on is deprecated, use Actions.addListener")
	return a.addListener(c)
}

func (a *actionsFacade) removeListener(c goja.FunctionCall) goja.Value {
	if err := a.v.RemoveListener(a.eventName("Actions.removeListener", c.Argument(0)), c.Argument(1)); err != nil {
		a.v.Throw(err)
	}
	return a.emitter
}

func (a *actionsFacade) removeAllListeners(c goja.FunctionCall) goja.Value {
	var event *string
	if len(c.Arguments) > 0 && !goja.IsUndefined(c.Argument(0)) {
		s := a.eventName("Actions.removeAllListeners", c.Argument(0))
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
	res, err := a.v.FindPendingActions(a.withoutSymbols(c.Argument(0)), c.Argument(1))
	if err != nil {
		a.v.Throw(err)
	}
	return res
}

func (a *actionsFacade) findBlocked(c goja.FunctionCall) goja.Value {
	res, err := a.v.FindBlockedActions(a.withoutSymbols(c.Argument(0)), c.Argument(1))
	if err != nil {
		a.v.Throw(err)
	}
	return res
}

func (a *actionsFacade) blockAction(c goja.FunctionCall) goja.Value {
	if err := a.v.BlockAction(a.coercedName("Actions.blockAction", c.Argument(0)), argOrNil(c, 1)); err != nil {
		a.v.Throw(err)
	}
	return goja.Undefined()
}

func (a *actionsFacade) unblockAction(c goja.FunctionCall) goja.Value {
	if err := a.v.UnblockAction(a.coercedName("Actions.unblockAction", c.Argument(0)), argOrNil(c, 1)); err != nil {
		a.v.Throw(err)
	}
	return goja.Undefined()
}

// withoutSymbols is the actions argument of findPendingActions and
// findBlockedActions with its Symbols taken out: in Flex a Symbol equals no
// action's name, so it finds nothing, while the registry would look it up
// by its description. Other names pass as they are.
func (a *actionsFacade) withoutSymbols(names goja.Value) goja.Value {
	if isSymbol(names) {
		return a.rt.NewArray()
	}
	arr, ok := names.(*goja.Object)
	if !ok || arr.ClassName() != "Array" {
		return names
	}
	n := arr.Get("length").ToInteger()
	kept := make([]any, 0, n)
	found := false
	for i := int64(0); i < n; i++ {
		el := arr.Get(strconv.FormatInt(i, 10))
		if isSymbol(el) {
			found = true
			continue
		}
		if el == nil {
			el = goja.Undefined()
		}
		kept = append(kept, el)
	}
	if !found {
		return names
	}
	return a.rt.NewArray(kept...)
}

func argOrNil(c goja.FunctionCall, i int) goja.Value {
	if i < len(c.Arguments) {
		return c.Arguments[i]
	}
	return nil
}

// name is argument 0 of an Actions method that takes an action name: a
// string, or a TypeError (a Symbol too, which goja would export as its
// description, filing it under another action's name).
func (a *actionsFacade) name(api string, c goja.FunctionCall) string {
	return jsargs.String(a.rt, api, "the action name", c, 0)
}

// coercedName is the name of blockAction and unblockAction, which take
// any value by its string form, as Flex does; a Symbol has none.
func (a *actionsFacade) coercedName(api string, v goja.Value) string {
	a.refuseSymbol(api, "the action name", v)
	return v.String()
}

// eventName is the listener registry's key: like EventEmitter, any value
// is used by its string form; a Symbol, whose String() would name another
// event ("Symbol(n)"), is refused.
func (a *actionsFacade) eventName(api string, v goja.Value) string {
	if v == nil {
		return "undefined"
	}
	a.refuseSymbol(api, "the event name", v)
	return v.String()
}

// refuseSymbol throws the TypeError of a non-string name when v is a Symbol.
func (a *actionsFacade) refuseSymbol(api, what string, v goja.Value) {
	if isSymbol(v) {
		panic(a.rt.NewTypeError(api + ": " + what + " must be a string, received " + jsargs.Describe(v)))
	}
}

func isSymbol(v goja.Value) bool {
	_, ok := v.(*goja.Symbol)
	return ok
}
