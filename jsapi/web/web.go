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
// only), EventTarget, Event and CustomEvent (events.go, event.go) and
// AbortController/AbortSignal (abort.go). fetch, Headers and Response build
// on them (fetch*.go); localStorage and sessionStorage are in storage.go,
// alert, confirm and prompt in dialogs.go; location and navigator in
// location.go; document (document.go) with its elements (element.go,
// htmlelement.go, style.go) and Audio (audio.go).
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
	// PageURL is the page's address: location.href, document.URL, the base
	// an Audio's src resolves against. Default DefaultPageURL; an invalid
	// URL is replaced by the default.
	PageURL string
	// OnNavigate, when set, is told the absolute URL of each navigation a
	// script asks for (location.assign, location.replace, setting
	// location.href or window.location), which does not happen: the page
	// stays. Called on the loop.
	OnNavigate func(url string)
	// OnAudio, when set, is told the src (absolute, or "" when it has
	// none) of each Audio that starts playing: play() on a paused element.
	// Called on the loop.
	OnAudio func(src string)
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

	start            time.Time // Event.timeStamp counts from here
	eventTargetCtor  *goja.Object
	eventTargetProto *goja.Object
	eventProto       *goja.Object
	isTrusted        *goja.Object // the getter of every event's own isTrusted
	window           *eventTarget // the global object's
	elementProto     *goja.Object // HTMLElement.prototype
	textProto        *goja.Object
	audioProto       *goja.Object // HTMLAudioElement.prototype, Audio.prototype
	styleProto       *goja.Object
	tokenListProto   *goja.Object
	doc              *document
	location         *goja.Object
	page             *urlRecord // location's URL
}

// Page is the page Install set up on an engine: its window, document and
// the elements in it. Loop only.
type Page struct{ w *web }

// Forget removes the event listeners owner added to the page's long-lived
// targets: window, document, and the elements in document's tree (head,
// body and what was appended to them), with the event handler attributes
// owner set on them. Call it when a plugin is unloaded, so that its next
// generation does not find its old listeners still running. Targets the
// plugin made and kept to itself (an Audio, an AbortSignal, an element
// out of the tree) go with the plugin. Loop only.
func (p *Page) Forget(owner engine.Owner) {
	w := p.w
	w.window.forget(owner)
	w.doc.forget(owner)
	w.doc.html.each(func(n *node) { n.forget(owner) })
}

// Install defines the browser globals on v's global object: URL,
// URLSearchParams, DOMException, TextEncoder, TextDecoder, atob, btoa,
// EventTarget, Event, CustomEvent, AbortController, AbortSignal, Headers,
// Response, fetch, alert, confirm, prompt, localStorage, sessionStorage,
// document, Audio, location and navigator, and makes the global object an
// EventTarget (window.addEventListener). Their state (storage items,
// cookies, fetches in flight, listeners) belongs to v's engine; the
// returned Page reaches it. Loop only; call it once per engine, from
// engine.Options.Setup.
func Install(v *engine.VM, opts Options) *Page {
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
	w.installLocation(opts.PageURL, opts.OnNavigate)
	w.installNavigator()
	w.installNodes()
	w.installAudio(opts.OnAudio)
	w.installDocument()
	return &Page{w: w}
}

// newWeb installs the globals the others build on: URLSearchParams, URL,
// DOMException, TextEncoder/TextDecoder, atob/btoa, EventTarget (and the
// global object's), Event, CustomEvent, AbortController and AbortSignal.
func newWeb(v *engine.VM) *web {
	rt := v.Runtime()
	g := rt.GlobalObject()
	json := rt.Get("JSON").(*goja.Object)
	w := &web{
		v:          v,
		rt:         rt,
		start:      v.Now(),
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
	w.installEventTarget()
	w.installWindowEvents()
	w.installEvent()
	w.installAbort()
	return w
}
