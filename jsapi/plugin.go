package jsapi

// The plugin side of Flex: @twilio/flex-plugin (FlexPlugin, loadPlugin),
// Manager, and the start-up contract a plugin module goes through once its
// top level has run (DESIGN.md "Plugins and reload"):
//
//  1. default export is a class: new C(), then await instance.init(flex, manager);
//  2. default export is a function: await fn(flex, manager);
//  3. classes passed to loadPlugin (the Flex plugin template's index) start like 1;
//  4. an actionHook export (the feature-loader shape) is called with (flex, manager);
//  5. otherwise the top level did the work.

import (
	"sync"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/engine"
)

// The contract in JavaScript, so that each await is a real await and init's
// errors keep their stacks. Run once per engine, at Setup: the intrinsics
// it uses are captured then, before any plugin runs, since a plugin may
// replace them (one realm, as in the browser) and every later start must
// go as before. Its frames are named "flexrun:start" and left out of stacks.
const startSource = `(function () {
	"use strict";
	const uncurry = Function.prototype.bind.bind(Function.prototype.call);
	const functionSource = uncurry(Function.prototype.toString);
	const slice = uncurry(String.prototype.slice);
	// class, then whitespace or "{" (no RegExp: test reads the regexp's exec).
	const isClass = (f) => {
		const src = functionSource(f), next = src[5];
		return slice(src, 0, 5) === "class" && (next === "{" || next === " " || next === "\t" || next === "\n" || next === "\r");
	};
	const start = async (C, flex, manager) => {
		const instance = new C();
		if (typeof instance.init === "function") await instance.init(flex, manager);
	};
	return async function (mod, loaded, flex, manager) {
		const def = mod && mod.default;
		if (typeof def === "function") {
			if (isClass(def)) await start(def, flex, manager);
			else await def(flex, manager);
		}
		for (let i = 0; i < loaded.length; i++) await start(loaded[i], flex, manager);
		if (mod && typeof mod.actionHook === "function") await mod.actionHook(flex, manager);
	};
})()`

// FlexPlugin as @twilio/flex-plugin defines it: a base class with a name.
const flexPluginSource = `(function (loaded) {
	class FlexPlugin {
		constructor(name) { this.name = name; }
		init(flex, manager) {}
	}
	return {
		FlexPlugin,
		// No push: a plugin may have replaced Array.prototype.push.
		loadPlugin(PluginClass) { loaded[loaded.length] = PluginClass; },
	};
})`

type pluginModule struct {
	exports *goja.Object
	loaded  *goja.Object // classes given to loadPlugin, in order
}

func (h *Host) pluginModule(v *engine.VM, owner engine.Owner) *goja.Object {
	if m, ok := h.plugins[owner]; ok {
		return m.exports
	}
	rt := v.Runtime()
	factory, ok := goja.AssertFunction(mustRun(rt, flexPluginProgram()))
	if !ok {
		panic("jsapi: flex-plugin factory is not a function")
	}
	loaded := rt.NewArray()
	exports, callErr := factory(goja.Undefined(), loaded)
	if callErr != nil {
		panic(callErr)
	}
	m := &pluginModule{exports: exports.(*goja.Object), loaded: loaded}
	h.plugins[owner] = m
	return m.exports
}

// installStart makes the start-up contract, at Setup (see startSource).
func (h *Host) installStart(v *engine.VM) {
	fn, ok := goja.AssertFunction(mustRun(v.Runtime(), startProgram()))
	if !ok {
		panic("jsapi: start-up contract is not a function")
	}
	h.startFn = fn
}

// Start runs the start-up contract for a module evaluated as owner and
// returns the promise of its end. Loop only.
func (h *Host) Start(v *engine.VM, owner engine.Owner, ev *Evaluation) (*goja.Promise, error) {
	rt := v.Runtime()
	var loaded goja.Value = rt.NewArray()
	if m, ok := h.plugins[owner]; ok {
		loaded = m.loaded
	}
	var exports goja.Value = goja.Undefined()
	if ev.Exports != nil {
		exports = ev.Exports
	}
	var ret goja.Value
	var err error
	v.RunAs(owner, func() {
		ret, err = h.startFn(goja.Undefined(), exports, loaded, h.Module(v, owner), h.world.Manager())
	})
	if err != nil {
		return nil, err
	}
	return ret.Export().(*goja.Promise), nil
}

// The host's own JavaScript, compiled once per process: a program is
// immutable and runs in any number of runtimes.
var (
	reactProgram      = sync.OnceValue(func() *goja.Program { return goja.MustCompile("flexrun:react", reactSource, true) })
	flexPluginProgram = sync.OnceValue(func() *goja.Program { return goja.MustCompile("flexrun:flex-plugin", flexPluginSource, true) })
	startProgram      = sync.OnceValue(func() *goja.Program { return mustCompile("flexrun:start", startSource) }) // it awaits plugin values
)

// mustCompile compiles host code whose awaits take plugin values, with
// the engine's await guard (engine/awaitguard.go).
func mustCompile(name, src string) *goja.Program {
	prog, err := engine.Compile(name, src, true)
	if err != nil {
		panic(err)
	}
	return prog
}

// mustRun runs one of the host's programs; they cannot fail.
func mustRun(rt *goja.Runtime, prog *goja.Program) goja.Value {
	val, err := rt.RunProgram(prog)
	if err != nil {
		panic(err)
	}
	return val
}
