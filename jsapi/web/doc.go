// Package web is the browser globals of flexrun's JavaScript surface, shaped
// like Node 20's and the browsers': fetch (Headers, Response), URL and
// URLSearchParams, TextEncoder and TextDecoder, atob and btoa,
// EventTarget, Event and CustomEvent, AbortController and AbortSignal,
// DOMException, localStorage and sessionStorage, and alert, confirm and
// prompt (headless: each prints one line and answers at once).
//
// It also gives scripts the page Flex runs in, as far as plugins touch it
// when they load and in their handlers: the global object is an
// EventTarget (window.addEventListener, dispatchEvent); document is a
// loaded page with a head and a body, elements (createElement: attributes,
// children, style, classList, innerHTML kept as text) and a cookie jar;
// Audio plays nothing (play() resolves); location is Flex's agent desktop
// (Options.PageURL) and never navigates (Options.OnNavigate hears where it
// would have gone); navigator says flexrun, en-US, online. Nothing
// renders and nothing is laid out.
//
// Install defines them on an engine's runtime, from engine.Options.Setup:
//
//	e, err := engine.New(engine.Options{Setup: func(v *engine.VM) error {
//		web.Install(v, web.Options{Dialogs: web.Dialogs{Stdout: os.Stdout}})
//		return nil
//	}})
//
// Install returns the Page; Page.Forget(owner) takes out the event
// listeners an unloaded plugin left on window and document.
//
// Package jsapi installs them in every engine it sets up, with fetch over
// the headless world's transport and the dialogs recorded in the world.
//
// # Concurrency
//
// Install, Page and every binding are loop only: they run on the goroutine
// that owns the engine's runtime, and so do the hooks in Options
// (Dialogs.OnAlert, Dialogs.Confirm, OnNavigate, OnAudio). An event
// listener runs synchronously inside dispatchEvent; the events the package
// fires itself (Audio's play, playing and pause) are queued as microtasks. fetch performs its HTTP exchange on
// its own goroutine under a reservation (engine.VM.Reserve): the engine is
// not idle while a fetch is in flight, the result settles on the loop
// exactly once, and Close cancels a fetch in flight and waits for it.
//
// # Errors
//
// As in browsers: a bad argument throws a TypeError naming the API
// ("EventTarget.addEventListener: 2 arguments required, but only 1
// present."), or a DOMException where the standard says so (an Audio
// volume outside [0, 1] is an IndexSizeError); a fetch whose exchange
// fails rejects with Node's TypeError("fetch failed"), whose cause is the
// network error. An event listener that throws does not stop the others:
// its error is reported as uncaught (engine.VM.ReportUncaught), owned by
// whoever added the listener.
package web
