package jsapi

import (
	"io"
	"net/http"
	"time"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsfunc"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/jsapi/console"
	"github.com/flexrun/flexrun/jsapi/web"
	"github.com/flexrun/flexrun/jsapi/world"
)

// Options configure a Host. The zero value works.
type Options struct {
	// Stdout receives console.log/info/debug. Default io.Discard.
	// It is written on the engine's loop goroutine only; if your own
	// goroutines (Go handlers, listeners) write to the same writer, give it
	// a lock.
	Stdout io.Writer
	// Stderr receives console.warn/error/trace. Default io.Discard. Written
	// on the loop only, like Stdout.
	Stderr io.Writer
	// Confirm answers confirm(message) (after it prints "[confirm] message"
	// on Stdout). It is called on the loop, so its time counts against the
	// job's budget. Default: nil answers true, like the CLI's --confirm yes.
	Confirm func(message string) bool
	// HTTPClient performs fetch, each request on its own goroutine. Its
	// Timeout bounds the whole exchange. Default: a client with a 30s
	// timeout over http.DefaultTransport.
	HTTPClient *http.Client
	// FetchMaxBody caps the body of a fetch response, which is read whole
	// before fetch resolves; a larger body rejects the fetch with a
	// TypeError. Default 32 MiB.
	FetchMaxBody int64
	// World is the headless Flex world the engine runs in: its state, the
	// built-in actions, Manager, TaskHelper, Notifications and the flexrun
	// world API. Default: world.New(nil), the default world.
	World *world.World
	// Offline makes fetch hermetic without a world http list: a request
	// the world does not answer fails with TypeError("fetch failed").
	Offline bool
}

// Host installs and serves the JavaScript surface of one engine.
type Host struct {
	opts    Options
	start   time.Time
	modules map[engine.Owner]*goja.Object     // @twilio/flex-ui instance per owner
	plugins map[engine.Owner]*pluginModule    // @twilio/flex-plugin instance per owner
	facades map[engine.Owner][]*actionsFacade // plugins' Actions facades, for Forget to retire
	world   *world.World                      // the headless Flex world (Options.World)

	page     *web.Page                 // window's and document's listeners, by owner
	packages map[string]*sharedPackage // shared packages' project copies (modules.go)
	standIns map[string]bool           // shared packages the stand-in served
	startFn  goja.Callable             // the plugin start-up contract (plugin.go)
	react    *reactModules             // react, react-dom (react.go)

	// The page's global object and what plugin windows wrote to it (window.go).
	rt         *goja.Runtime
	global     *goja.Object
	globals    map[string]*globalHistory
	hasOwn     goja.Callable // Object.prototype.hasOwnProperty
	reflectSet goja.Callable // Reflect.set
}

// NewHost returns a Host; pass its Setup to engine.Options.
func NewHost(opts Options) *Host {
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	if opts.World == nil {
		opts.World = world.New(nil)
	}
	var fallback http.RoundTripper
	if opts.HTTPClient != nil {
		fallback = opts.HTTPClient.Transport
		client := *opts.HTTPClient
		opts.HTTPClient = &client
	} else {
		opts.HTTPClient = &http.Client{Timeout: web.DefaultFetchTimeout}
	}
	opts.HTTPClient.Transport = opts.World.Transport(fallback, opts.Offline)
	return &Host{
		world:    opts.World,
		packages: map[string]*sharedPackage{},
		standIns: map[string]bool{},
		opts:     opts,
		modules:  map[engine.Owner]*goja.Object{},
		plugins:  map[engine.Owner]*pluginModule{},
		facades:  map[engine.Owner][]*actionsFacade{},
		globals:  map[string]*globalHistory{},
	}
}

// New starts an engine with this package's surface installed: the common
// case for Go programs that embed flexrun.
func New(opts Options, eopts engine.Options) (*engine.Engine, *Host, error) {
	h := NewHost(opts)
	setup := eopts.Setup
	eopts.Setup = func(v *engine.VM) error {
		if err := h.Setup(v); err != nil {
			return err
		}
		if setup != nil {
			return setup(v)
		}
		return nil
	}
	if eopts.Log == nil {
		eopts.Log = opts.Stderr
	}
	e, err := engine.New(eopts)
	if err != nil {
		return nil, nil, err
	}
	return e, h, nil
}

// Setup installs the globals into the engine's runtime. Loop only.
func (h *Host) Setup(v *engine.VM) error {
	h.start = v.Now()
	rt := v.Runtime()
	global := rt.GlobalObject()
	h.rt, h.global = rt, global
	h.hasOwn = jsfunc.MustCallable(rt.Get("Object").(*goja.Object).Get("prototype").(*goja.Object).Get("hasOwnProperty"))
	h.reflectSet = jsfunc.MustCallable(rt.Get("Reflect").(*goja.Object).Get("set"))
	global.Set("window", global)
	global.Set("self", global)
	global.Set("console", console.New(rt, h.opts.Stdout, h.opts.Stderr))
	h.installStart(v)
	h.installTimers(v)
	h.installGlobals(v)
	h.page = web.Install(v, web.Options{
		HTTPClient:   h.opts.HTTPClient, // NewHost made it, over the world's transport
		FetchMaxBody: h.opts.FetchMaxBody,
		Dialogs: web.Dialogs{
			Stdout:  h.opts.Stdout,
			OnAlert: h.world.Alert,
			Confirm: h.confirm,
		},
	})
	if err := h.world.Install(v, world.Hooks{
		Actions: h.newActions(v, world.Owner),
		React:   h.reactModule(v, "react"),
		Warn:    func(msg string) { io.WriteString(h.opts.Stderr, "Warning: "+msg+"\n") },
	}); err != nil {
		return err
	}
	global.Set("process", h.world.Process())
	global.Set("Handlebars", h.world.Handlebars())
	h.installReactGlobal(v)
	flex := h.Module(v, engine.ScriptOwner)
	global.Set("flex", flex)
	twilio := rt.NewObject()
	twilio.Set("Flex", flex)
	global.Set("Twilio", twilio)
	return nil
}

// confirm answers confirm(message): the world's scripted answer first
// (it records the message either way), then Options.Confirm (nil: yes).
func (h *Host) confirm(message string) bool {
	if answer, scripted := h.world.Confirm(message); scripted {
		return answer
	}
	if h.opts.Confirm == nil {
		return true
	}
	return h.opts.Confirm(message)
}

// World is the headless Flex world of this host's engine. Its methods are
// loop only (reach them through Engine.Do) unless they say otherwise.
func (h *Host) World() *world.World { return h.world }
