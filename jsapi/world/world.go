package world

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/internal/jsfunc"
)

// Owner owns the built-in actions and Flex's own listeners. A plugin's
// registerAction of a built-in name shadows the built-in; unloading the
// plugin brings it back.
var Owner = engine.Owner{Name: "flex"}

// VERSION is the Flex UI version the world stands in for.
const VERSION = "1.34.6"

// The world's JavaScript, one job per file, run in this order on one shared
// context object (each file is a function of it).
//
//go:embed js/*.js
var sources embed.FS

var sourceOrder = []string{"intrinsics.js", "state.js", "process.js", "redux.js", "manager.js", "helpers.js", "handlebars.js", "api.js", "ui.js", "react-redux.js", "builtins.js"}

// programs are the world's files compiled, once per process: a program is
// immutable and may run in any number of runtimes.
var programs = sync.OnceValues(func() ([]*goja.Program, error) {
	progs := make([]*goja.Program, len(sourceOrder))
	for i, name := range sourceOrder {
		src, err := sources.ReadFile("js/" + name)
		if err != nil {
			return nil, err
		}
		if progs[i], err = goja.Compile("flexrun:world/"+name, string(src), true); err != nil {
			return nil, fmt.Errorf("world: %w", err)
		}
	}
	return progs, nil
})

// World is the headless Flex world of one engine: its state, the built-in
// actions acting on it, the Flex objects plugins touch and the flexrun
// world API. Make it with New, install it with Install; all other methods
// are loop only unless they say otherwise.
type World struct {
	file      *File
	transport *Transport
	confirms  []bool // scripted confirm answers not yet given

	v     *engine.VM
	ctx   *goja.Object                     // the context the JavaScript files share
	undos map[engine.Owner][]goja.Callable // what each owner did to the world (Forget)

	jsonParse goja.Callable // JSON.parse, as the engine started
	errorCtor goja.Value    // Error, likewise
}

// New returns the world seeded with f (nil: the default world). Absent
// parts of f take their defaults.
func New(f *File) *World {
	if f == nil {
		f = Defaults()
	}
	f = f.WithDefaults()
	return &World{file: f, confirms: append([]bool(nil), f.Confirm...), undos: map[engine.Owner][]goja.Callable{}}
}

// File is the seed the world started from, defaults filled in. Safe from
// any goroutine.
func (w *World) File() *File { return w.file }

// Transport makes the HTTP transport fetch goes through: it answers from the world file's http list and records every
// request (world.fetches). When the file has an http list, or offline is
// set, the world is hermetic and an unmatched request fails; otherwise it
// goes to fallback (nil: http.DefaultTransport). Call it once, before
// Install (jsapi.NewHost does).
func (w *World) Transport(fallback http.RoundTripper, offline bool) *Transport {
	if fallback == nil {
		fallback = http.DefaultTransport
	}
	if w.file.HTTP != nil || offline {
		fallback = nil
	}
	w.transport = NewTransport(w.file.HTTP, fallback)
	return w.transport
}

// Hooks are what the world needs from the JavaScript surface around it.
type Hooks struct {
	// Actions is a flex.Actions facade owned by Owner.
	Actions *goja.Object
	// React is the react module components are made with.
	React goja.Value
	// Warn prints a warning as console.warn does.
	Warn func(string)
}

// Install builds the world in the engine's runtime and registers the
// built-in actions as Owner. Loop only.
func (w *World) Install(v *engine.VM, hooks Hooks) error {
	rt := v.Runtime()
	w.v = v
	ctx := rt.NewObject()
	// Captured before any plugin runs, which may replace JSON.parse or Error.
	w.jsonParse = jsfunc.MustCallable(rt.Get("JSON").(*goja.Object).Get("parse"))
	w.errorCtor = rt.Get("Error")
	ctx.Set("seed", w.jsonValue(w.file))
	ctx.Set("VERSION", VERSION)
	ctx.Set("Actions", hooks.Actions)
	ctx.Set("React", hooks.React)
	warn := hooks.Warn
	if warn == nil {
		warn = func(string) {}
	}
	ctx.Set("warn", jsfunc.New(rt, "warn", 1, func(c goja.FunctionCall) goja.Value {
		warn(c.Argument(0).String())
		return goja.Undefined()
	}))
	ctx.Set("fetches", jsfunc.New(rt, "fetches", 0, func(goja.FunctionCall) goja.Value {
		list := []Fetch{}
		if w.transport != nil {
			list = append(list, w.transport.Fetches()...)
		}
		return w.jsonValue(list)
	}))
	// own(undo): what the running plugin did to the world, undone by Forget.
	ctx.Set("own", jsfunc.New(rt, "own", 1, func(c goja.FunctionCall) goja.Value {
		if undo, ok := goja.AssertFunction(c.Argument(0)); ok {
			owner := v.CurrentOwner()
			if owner.Name == "" { // a continuation job: after an await in a plugin's init
				owner, _ = v.Starting()
			}
			if owner.Name != "" && owner != Owner {
				w.undos[owner] = append(w.undos[owner], undo)
			}
		}
		return goja.Undefined()
	}))
	ctx.Set("advance", jsfunc.New(rt, "advance", 1, w.advance))
	ctx.Set("settle", jsfunc.New(rt, "settle", 0, w.settle))
	w.ctx = ctx
	progs, err := programs()
	if err != nil {
		return err
	}
	for i, prog := range progs {
		name := sourceOrder[i]
		fnVal, err := rt.RunProgram(prog)
		if err != nil {
			return fmt.Errorf("world: %w", err)
		}
		fn, ok := goja.AssertFunction(fnVal)
		if !ok {
			return fmt.Errorf("world: %s is not a function", name)
		}
		var callErr error
		v.RunAs(Owner, func() { _, callErr = fn(goja.Undefined(), ctx) })
		if callErr != nil {
			return fmt.Errorf("world: %s: %w", name, callErr)
		}
	}
	return nil
}

// jsonValue turns Go data into plain JavaScript objects and arrays (not
// Go-backed wrappers), so that scripts see ordinary values.
func (w *World) jsonValue(x any) goja.Value {
	rt := w.v.Runtime()
	b, err := json.Marshal(x)
	if err != nil {
		panic(rt.NewGoError(err))
	}
	v, err := w.jsonParse(goja.Undefined(), rt.ToValue(string(b)))
	if err != nil {
		panic(err)
	}
	return v
}

// advance is world.advance(ms): a promise that resolves once the virtual
// clock has moved ms on, after the timers due by then.
func (w *World) advance(c goja.FunctionCall) goja.Value {
	rt := w.v.Runtime()
	p, resolve, reject := rt.NewPromise()
	ms := c.Argument(0).ToFloat()
	switch {
	case !w.v.VirtualTime():
		reject(w.newError(`world.advance needs the virtual clock: run with --virtual-time or "clock": "virtual" in the world file`))
	case ms != ms || ms < 0:
		reject(rt.NewTypeError("world.advance: ms must be a number ≥ 0, received " + c.Argument(0).String()))
	default:
		w.v.AfterVirtual(w.v.CurrentOwner(), time.Duration(ms*float64(time.Millisecond)), func() { resolve(goja.Undefined()) })
	}
	return rt.ToValue(p)
}

// newError is a JavaScript Error (not a GoError wrapper) with message.
func (w *World) newError(message string) *goja.Object {
	e, err := w.v.Runtime().New(w.errorCtor, w.v.Runtime().ToValue(message))
	if err != nil {
		panic(err)
	}
	return e
}

// settle is world.settle(): a promise that resolves when nothing is left
// but timers not yet due.
func (w *World) settle(goja.FunctionCall) goja.Value {
	rt := w.v.Runtime()
	p, resolve, _ := rt.NewPromise()
	w.v.WhenSettled(func() { resolve(goja.Undefined()) })
	return rt.ToValue(p)
}

func (w *World) get(name string) goja.Value { return w.ctx.Get(name) }

// Manager is what Manager.getInstance() returns and plugins' init gets.
func (w *World) Manager() *goja.Object { return w.get("manager").(*goja.Object) }

// Exports are the members of @twilio/flex-ui the world provides, besides
// Actions and Manager: TaskHelper, Notifications, NotificationType,
// VERSION and the UI surface.
func (w *World) Exports() map[string]goja.Value {
	out := map[string]goja.Value{
		"TaskHelper":         w.get("TaskHelper"),
		"StateHelper":        w.get("StateHelper"),
		"AudioPlayerManager": w.get("AudioPlayerManager"),
		"Notifications":      w.get("Notifications"),
		"NotificationType":   w.get("NotificationType"),
		"VERSION":            w.get("VERSION"),
	}
	ui := w.get("ui").(*goja.Object)
	for _, k := range ui.Keys() {
		out[k] = ui.Get(k)
	}
	return out
}

// Handlebars is window.Handlebars, as the Flex 1.x page has it.
func (w *World) Handlebars() *goja.Object { return w.get("Handlebars").(*goja.Object) }

// Process is the process global: process.env and what browser bundles
// expect of process.
func (w *World) Process() *goja.Object { return w.get("process").(*goja.Object) }

// Redux is the redux module for plugin projects without their own copy; its
// createStore is the one manager.store is made with.
func (w *World) Redux() *goja.Object { return w.get("redux").(*goja.Object) }

// ReactRedux is the react-redux module for plugin projects without their
// own copy, over manager.store.
func (w *World) ReactRedux() *goja.Object { return w.get("reactRedux").(*goja.Object) }

// Module is the flexrun module: { world }.
func (w *World) Module() *goja.Object {
	m := w.v.Runtime().NewObject()
	m.Set("world", w.get("world"))
	return m
}

// Alert records an alert's message (world.alerts).
func (w *World) Alert(message string) { w.record("alerts", message) }

// Confirm records a confirm's message (world.confirms) and gives the
// world's next scripted answer; scripted is false when the file's confirm
// list is used up (the caller then answers).
func (w *World) Confirm(message string) (answer, scripted bool) {
	w.record("confirms", message)
	if len(w.confirms) == 0 {
		return false, false
	}
	answer, w.confirms = w.confirms[0], w.confirms[1:]
	return answer, true
}

func (w *World) record(list, message string) {
	arr := w.ctx.Get("records").(*goja.Object).Get(list).(*goja.Object)
	push, _ := goja.AssertFunction(arr.Get("push"))
	if _, err := push(arr, w.v.Runtime().ToValue(message)); err != nil {
		panic(err)
	}
}

// State is the world's state as JSON (world.state(), --world-out).
func (w *World) State() ([]byte, error) {
	fn, _ := goja.AssertFunction(w.get("state"))
	var out goja.Value
	var err error
	w.v.RunAs(Owner, func() { out, err = fn(goja.Undefined()) })
	if err != nil {
		return nil, fmt.Errorf("world state: %w", err)
	}
	var b bytes.Buffer
	if err := json.Indent(&b, []byte(out.String()), "", "  "); err != nil {
		return nil, fmt.Errorf("world state: %w", err)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// Forget undoes what owner did to the world while its code ran: the
// listeners it added to the workerClient, reservations, manager.events
// and Notifications, its store subscriptions and reducers, its
// notification definitions and what it added to containers. Call it when
// the owner is unloaded (jsapi.Host.Forget does). Code after an await in a
// plugin's init counts as the plugin's while it is the one starting
// (engine.VM.Starting); what a plugin does later from such a job (a fetch
// callback long after its start) is not known to be its own and stays.
// Loop only.
func (w *World) Forget(owner engine.Owner) {
	undos := w.undos[owner]
	delete(w.undos, owner)
	for i := len(undos) - 1; i >= 0; i-- {
		if _, err := undos[i](goja.Undefined()); err != nil {
			w.v.ReportUncaught(Owner, err)
		}
	}
}

// PluginsLoaded tells plugins that every plugin has started, as Flex does:
// manager.events emits "pluginsLoaded". Loop only.
func (w *World) PluginsLoaded() error {
	fn, _ := goja.AssertFunction(w.get("pluginsLoaded"))
	var err error
	w.v.RunAs(Owner, func() { _, err = fn(goja.Undefined()) })
	return err
}

// BuiltinNames are the names of the built-in actions, in registration order.
func (w *World) BuiltinNames() []string {
	var names []string
	if err := w.v.Runtime().ExportTo(w.get("builtinNames"), &names); err != nil {
		panic(err)
	}
	return names
}
