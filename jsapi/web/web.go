package web

import (
	"io"
	"net/http"
	"time"

	"github.com/dop251/goja"
	nodeurl "github.com/dop251/goja_nodejs/url"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/internal/jsfunc"
)

// The web platform helpers plugins take for granted: DOMException and
// atob/btoa (domexception.go, base64.go), URL (url.go, urlparse.go),
// URLSearchParams (goja_nodejs's), TextEncoder/TextDecoder (text.go, UTF-8
// only) and AbortController/AbortSignal (abort.go). fetch, Headers and
// Response build on them (fetch*.go); localStorage and sessionStorage are in
// storage.go, alert, confirm and prompt in dialogs.go.
//
// Classes are Go constructors with their methods and accessors on a shared
// prototype, as in browsers (idl.go). The Go state of an instance hangs off
// a non-enumerable symbol property (web.slot); a method called on anything
// else throws "Illegal invocation". Unlike browsers, goja cannot tell `C()`
// from `new C()` in a Go constructor, so calling one without new is not
// rejected.

// DefaultFetchTimeout bounds a whole fetch exchange when Options.HTTPClient
// is nil.
const DefaultFetchTimeout = 30 * time.Second

// Options configure Install. The zero value works.
type Options struct {
	// HTTPClient performs fetch, each request on its own goroutine. Its
	// Timeout bounds the whole exchange. Default: a client with a
	// DefaultFetchTimeout timeout over http.DefaultTransport.
	HTTPClient *http.Client
	// FetchMaxBody caps the body of a fetch response, which is read whole
	// before fetch resolves; a larger body rejects the fetch with a
	// TypeError. Default 32 MiB.
	FetchMaxBody int64
	// Dialogs say where alert, confirm and prompt print and how confirm is
	// answered.
	Dialogs Dialogs
}

// Dialogs configure alert, confirm and prompt. The zero value works.
type Dialogs struct {
	// Stdout receives one line per dialog ("[alert] message"). Default
	// io.Discard. Written on the loop only.
	Stdout io.Writer
	// OnAlert, when set, is told the message of each alert, after its line
	// is printed. Called on the loop.
	OnAlert func(message string)
	// Confirm answers confirm(message), after "[confirm] message" is
	// printed. It is called on the loop, so its time counts against the
	// job's budget. Default: nil answers true.
	Confirm func(message string) bool
}

// web is the per-engine state the web APIs share. Loop only.
type web struct {
	v  *engine.VM
	rt *goja.Runtime

	slot         *goja.Symbol             // holds an instance's Go state
	inspect      *goja.Symbol             // Symbol.for('nodejs.util.inspect.custom')
	url          *goja.Object             // URL constructor
	toASCII      func(host string) string // IDNA, "" on failure
	searchParams *goja.Object             // URLSearchParams constructor
	domException *goja.Object
	typeError    *goja.Object
	uint8Array   *goja.Object
	isView       goja.Callable // ArrayBuffer.isView
	jsonParse    goja.Callable
	jsonStr      goja.Callable

	signalProto   *goja.Object // AbortSignal.prototype
	headersProto  *goja.Object
	responseProto *goja.Object
}

// Install defines the browser globals on v's global object: URL,
// URLSearchParams, DOMException, TextEncoder, TextDecoder, atob, btoa,
// AbortController, AbortSignal, Headers, Response, fetch, alert, confirm,
// prompt, localStorage and sessionStorage. Their state (storage items,
// fetches in flight) belongs to v's engine. Loop only; call it once per
// engine, from engine.Options.Setup.
func Install(v *engine.VM, opts Options) {
	w := newWeb(v)
	client := opts.HTTPClient
	if client == nil {
		client = &http.Client{Timeout: DefaultFetchTimeout}
	}
	maxBody := opts.FetchMaxBody
	if maxBody <= 0 {
		maxBody = defaultFetchMaxBody
	}
	w.installFetch(client, maxBody)
	w.installDialogs(opts.Dialogs)
	w.installStorage()
}

// newWeb installs the globals the others build on: URLSearchParams, URL,
// DOMException, TextEncoder/TextDecoder, atob/btoa, AbortController and
// AbortSignal.
func newWeb(v *engine.VM) *web {
	rt := v.Runtime()
	g := rt.GlobalObject()
	json := rt.Get("JSON").(*goja.Object)
	w := &web{
		v:          v,
		rt:         rt,
		slot:       goja.NewSymbol("flexrun.internal"),
		typeError:  rt.Get("TypeError").(*goja.Object),
		uint8Array: rt.Get("Uint8Array").(*goja.Object),
		isView:     jsfunc.MustCallable(rt.Get("ArrayBuffer").(*goja.Object).Get("isView")),
		jsonParse:  jsfunc.MustCallable(json.Get("parse")),
		jsonStr:    jsfunc.MustCallable(json.Get("stringify")),
	}
	symFor := jsfunc.MustCallable(rt.Get("Symbol").(*goja.Object).Get("for"))
	if s, err := symFor(goja.Undefined(), rt.ToValue("nodejs.util.inspect.custom")); err == nil {
		w.inspect, _ = s.(*goja.Symbol)
	}

	// goja_nodejs registers "url" for its require(); flexrun has its own
	// module loader, so call the module's constructor directly. Its URL is
	// not used (see urlparse.go).
	module := rt.NewObject()
	exports := rt.NewObject()
	module.Set("exports", exports)
	nodeurl.Require(rt, module)
	w.searchParams = exports.Get("URLSearchParams").(*goja.Object)
	w.dressSearchParams()
	g.Set("URLSearchParams", w.searchParams)
	w.installURL(jsfunc.MustCallable(exports.Get("domainToASCII")))

	w.installDOMException()
	w.installTextCoding()
	w.installBase64()
	w.installAbort()
	return w
}
