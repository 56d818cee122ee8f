package jsapi

// The page's flex.Actions. A plugin's module sees its own flex through its
// bundle's parameters and its window (window.go), but libraries find the
// global object themselves (Function("return this")(), (0, eval)("this"),
// window in code compiled apart from the module) and read flex, which is
// the page's (the script's), from the real one. Its Actions is therefore
// an accessor, as webpack's exports are, that answers with the facade of
// the plugin whose code is running, so that what the plugin registers that
// way is its own and goes when it is unloaded. Code of no plugin (the
// script, Go, the world) gets the script's.

import (
	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/internal/jsfunc"
)

// definePageActions makes m.Actions, on the page's module m, the running
// owner's facade; script is the script's own. Loop only.
func (h *Host) definePageActions(v *engine.VM, m, script *goja.Object) {
	get := jsfunc.New(v.Runtime(), "get Actions", 0, func(goja.FunctionCall) goja.Value {
		if pm := h.runningPluginModule(v); pm != nil {
			return pm.Get("Actions") // the plugin module's proxy answers its own facade
		}
		return script
	})
	m.DefineAccessorProperty("Actions", get, nil, goja.FLAG_FALSE, goja.FLAG_TRUE)
}

// runningPluginModule is the @twilio/flex-ui instance of the plugin whose
// code runs now: the loop job's owner, or, in a job of no owner (the
// continuation of an await in init), the one plugin starting. nil when
// that is no live plugin (a plugin unloaded since included). Loop only.
func (h *Host) runningPluginModule(v *engine.VM) *goja.Object {
	owner := v.CurrentOwner()
	if owner == (engine.Owner{}) {
		owner, _ = v.Starting()
	}
	if owner.Generation == 0 {
		return nil
	}
	return h.modules[owner] // made by Run for the plugin; Forget drops it
}
