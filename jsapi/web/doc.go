// Package web is the browser globals of flexrun's JavaScript surface, shaped
// like Node 20's and the browsers': fetch (Headers, Response), URL and
// URLSearchParams, TextEncoder and TextDecoder, atob and btoa,
// AbortController and AbortSignal, DOMException, localStorage and
// sessionStorage, and alert, confirm and prompt (headless: each prints one
// line and answers at once).
//
// Install defines them on an engine's runtime, from engine.Options.Setup:
//
//	e, err := engine.New(engine.Options{Setup: func(v *engine.VM) error {
//		web.Install(v, web.Options{Dialogs: web.Dialogs{Stdout: os.Stdout}})
//		return nil
//	}})
//
// Package jsapi installs them in every engine it sets up, with fetch over
// the headless world's transport and the dialogs recorded in the world.
//
// # Concurrency
//
// Install and every binding are loop only: they run on the goroutine that
// owns the engine's runtime, and so do the hooks in Options
// (Dialogs.OnAlert, Dialogs.Confirm). fetch performs its HTTP exchange on
// its own goroutine under a reservation (engine.VM.Reserve): the engine is
// not idle while a fetch is in flight, the result settles on the loop
// exactly once, and Close cancels a fetch in flight and waits for it.
//
// # Errors
//
// As in browsers: a bad argument throws a TypeError (or a DOMException
// where the standard says so), and a fetch whose exchange fails rejects
// with Node's TypeError("fetch failed"), whose cause is the network error.
package web
