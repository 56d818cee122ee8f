package jsapi

// Host modules and module evaluation. Bundles made by package plugins are a
// function expression `(async function (__flexrun_require, __flexrun_exports,
// flex, Twilio, setTimeout, setInterval, clearTimeout, clearInterval, window,
// self, globalThis) {...})`: evaluating it gives the function, calling it
// runs the module's top level, and the promise it returns settles when
// top-level await does.

import (
	"fmt"
	"maps"
	"slices"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/internal/jsfunc"
	"github.com/flexrun/flexrun/jsapi/world"
)

// Module returns the @twilio/flex-ui module instance of owner, made on first
// use. The script's instance is also the flex / Twilio.Flex global.
// Loop only.
func (h *Host) Module(v *engine.VM, owner engine.Owner) *goja.Object {
	if m, ok := h.modules[owner]; ok {
		return m
	}
	if owner != engine.ScriptOwner {
		m := h.ownerModule(v, owner)
		h.modules[owner] = m
		return m
	}
	rt := v.Runtime()
	m := rt.NewObject()
	h.definePageActions(v, m, h.newActions(v, owner))
	exports := h.world.Exports()
	for _, name := range slices.Sorted(maps.Keys(exports)) { // a stable key order for Object.keys(flex)
		m.Set(name, exports[name])
	}
	manager := h.world.Manager()
	managerClass := rt.NewObject()
	managerClass.Set("getInstance", jsfunc.New(rt, "getInstance", 0, func(goja.FunctionCall) goja.Value { return manager }))
	m.Set("Manager", managerClass)
	h.modules[owner] = m
	return m
}

// ownerModule is a plugin's @twilio/flex-ui: the page's one (the script's,
// which is also Twilio.Flex), seen through a Proxy that answers Actions
// with the plugin's own facade. Everything else reads and writes through,
// so a property one plugin sets on Twilio.Flex is everyone's, as in the
// browser.
func (h *Host) ownerModule(v *engine.VM, owner engine.Owner) *goja.Object {
	rt := v.Runtime()
	actions := h.newActions(v, owner)
	proxy := rt.NewProxy(h.Module(v, engine.ScriptOwner), &goja.ProxyTrapConfig{
		Get: func(page *goja.Object, key string, receiver goja.Value) goja.Value {
			if key == "Actions" {
				return actions
			}
			if val := page.Get(key); val != nil {
				return val
			}
			return goja.Undefined()
		},
		Set: func(page *goja.Object, key string, value, receiver goja.Value) bool {
			if key == "Actions" {
				panic(rt.NewTypeError("Flex.Actions cannot be replaced"))
			}
			if err := page.Set(key, value); err != nil {
				panic(err)
			}
			return true
		},
	})
	return rt.ToValue(proxy).(*goja.Object)
}

// Forget drops owner's module instances and undoes what it wrote to the
// global object through its window (window.go): a global it added is
// deleted and one it overwrote gets its previous value back, unless it was
// written since; the listeners it added to window and document go. Call it
// after engine.Unload. Loop only.
func (h *Host) Forget(owner engine.Owner) {
	for _, a := range h.facades[owner] {
		a.retired = true
	}
	delete(h.facades, owner)
	delete(h.modules, owner)
	delete(h.plugins, owner)
	h.forgetGlobals(owner)
	h.page.Forget(owner)  // its window and document listeners
	h.world.Forget(owner) // its listeners, reducers and components in the world
}

// PluginsLoaded tells the plugins that all of them have started, as Flex
// does once it has loaded them (manager.events "pluginsLoaded"). Loop only.
func (h *Host) PluginsLoaded() error { return h.world.PluginsLoaded() }

// require resolves a host module for owner's code.
func (h *Host) require(v *engine.VM, owner engine.Owner, name string) (goja.Value, error) {
	switch name {
	case "@twilio/flex-ui", "@twilio/flex-ui-core":
		return h.Module(v, owner), nil
	case "@twilio/flex-plugin", "flex-plugin": // flex-plugin: the package's 1.x-era name
		return h.pluginModule(v, owner), nil
	case "flexrun":
		return h.world.Module(), nil
	}
	if m, ok := h.packages[name]; ok { // the plugin project's own copy (ProvidePackage)
		return h.runPackage(v, name, m)
	}
	var standIn goja.Value
	switch name {
	case "react", "react/jsx-runtime", "react/jsx-dev-runtime", "react-dom", "react-dom/client":
		standIn = h.reactModule(v, name)
	case "redux":
		standIn = h.world.Redux()
	case "react-redux":
		standIn = h.world.ReactRedux()
	default:
		return nil, fmt.Errorf("module %q is not provided by flexrun", name)
	}
	h.standIns[name] = true
	return standIn, nil
}

// A shared package is a module Flex gives every plugin from one copy
// (react, react-dom, redux, react-redux). A plugin project's own copy,
// provided by package plugins, is run on first require and serves every
// owner; without one the host's stand-in does.
type sharedPackage struct {
	prog    *goja.Program
	exports goja.Value // once run
	running bool
}

// WantsPackage reports whether ProvidePackage would take a copy of the
// shared package spec: none is provided yet and the stand-in has not
// served yet (one instance per engine, as in Flex). Loop only.
func (h *Host) WantsPackage(spec string) bool {
	_, provided := h.packages[spec]
	return !provided && !h.standIns[spec]
}

// ProvidePackage gives the host the project's copy of the shared package
// spec, a program made by plugins.BuildShared; it runs on first require.
// It does nothing unless WantsPackage(spec). Loop only.
func (h *Host) ProvidePackage(spec string, prog *goja.Program) {
	if h.WantsPackage(spec) {
		h.packages[spec] = &sharedPackage{prog: prog}
	}
}

// runPackage is a shared package's exports, running it the first time. It
// runs as the world's owner: it belongs to no plugin and outlives them.
func (h *Host) runPackage(v *engine.VM, spec string, p *sharedPackage) (goja.Value, error) {
	if p.exports != nil {
		return p.exports, nil
	}
	if p.running {
		return nil, fmt.Errorf("module %q requires itself while it loads", spec)
	}
	p.running = true
	defer func() { p.running = false }()
	ev, err := h.Run(v, world.Owner, p.prog)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", spec, err)
	}
	if ev.Exports == nil {
		return nil, fmt.Errorf("load %s: the package gave no exports", spec)
	}
	p.exports = ev.Exports
	return p.exports, nil
}

// Evaluation is a module whose top level has started.
type Evaluation struct {
	// Exports is the module namespace (filled when the top level ran).
	Exports *goja.Object
	// Done settles when the top level (and its top-level await) finished.
	Done *goja.Promise
}

// Evaluate compiles code (a bundle from package plugins) under path, the
// name stack frames carry, and starts it as owner. A compile error or a
// synchronous failure is returned; later failures reject Done. Loop only.
func (h *Host) Evaluate(v *engine.VM, owner engine.Owner, path, code string) (*Evaluation, error) {
	prog, err := engine.Compile(path, code, false)
	if err != nil {
		return nil, err
	}
	return h.Run(v, owner, prog)
}

// Run starts a compiled bundle as owner. Loop only.
func (h *Host) Run(v *engine.VM, owner engine.Owner, prog *goja.Program) (*Evaluation, error) {
	rt := v.Runtime()
	fnVal, err := rt.RunProgram(prog)
	if err != nil {
		return nil, err
	}
	fn, ok := goja.AssertFunction(fnVal)
	if !ok {
		return nil, fmt.Errorf("bundle is not a module function")
	}
	ev := &Evaluation{}
	// Named after the bundle function's parameters, which they are.
	require := jsfunc.New(rt, "__flexrun_require", 1, func(c goja.FunctionCall) goja.Value {
		m, err := h.require(v, owner, c.Argument(0).String())
		if err != nil {
			panic(rt.NewGoError(err))
		}
		return m
	})
	exports := jsfunc.New(rt, "__flexrun_exports", 1, func(c goja.FunctionCall) goja.Value {
		ev.Exports, _ = c.Argument(0).(*goja.Object)
		return goja.Undefined()
	})
	flex := h.Module(v, owner)
	twilio := rt.NewObject()
	twilio.Set("Flex", flex)
	var ret goja.Value
	t := newTimerFuncs(v, func() engine.Owner { return owner })
	// The script's window is the page's; a plugin gets one of its own
	// (window.go), whose flex, Twilio and timers are the ones above.
	var window goja.Value = h.global
	if owner != engine.ScriptOwner {
		window = h.newWindow(v, owner, map[string]goja.Value{
			"flex": flex, "Twilio": twilio,
			"setTimeout": t.setTimeout, "setInterval": t.setInterval,
			"clearTimeout": t.clearTimeout, "clearInterval": t.clearInterval,
		})
	}
	v.RunAs(owner, func() {
		ret, err = fn(goja.Undefined(), require, exports, flex, twilio,
			t.setTimeout, t.setInterval, t.clearTimeout, t.clearInterval, window, window, window)
	})
	if err != nil {
		return nil, err
	}
	p, ok := ret.Export().(*goja.Promise)
	if !ok {
		return nil, fmt.Errorf("bundle did not return a promise")
	}
	ev.Done = p
	return ev, nil
}
