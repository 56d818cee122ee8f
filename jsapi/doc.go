// Package jsapi is everything JavaScript code can see in flexrun: the flex
// and Twilio.Flex globals, a per-owner flex.Actions facade, the host modules
// (@twilio/flex-ui, @twilio/flex-plugin), the plugin start-up contract,
// timers, queueMicrotask, structuredClone, performance, window, and
// the browser globals plugins use: alert, confirm, prompt, fetch (Headers,
// Response), URL, URLSearchParams, AbortController, TextEncoder/TextDecoder,
// atob/btoa, localStorage and sessionStorage. The console and Node's
// util.inspect are package jsapi/console.
//
// A Host installs the surface into an engine through engine.Options.Setup:
//
//	h := jsapi.NewHost(jsapi.Options{Stdout: os.Stdout, Stderr: os.Stderr})
//	e, err := engine.New(engine.Options{Setup: h.Setup})
//
// # Ownership
//
// Every module instance of @twilio/flex-ui (one per owner: a plugin
// generation, the script) has its own Actions facade that stamps its owner
// on all it registers, so engine.Unload can take it out in one step.
// A plugin's window, self and globalThis are its own too: a view of the
// page's global object whose flex, Twilio and timers are the plugin's.
// Globals a plugin writes through it are shared with everyone, and
// Host.Forget takes them out when the plugin is unloaded (window.go says
// which writes it can see).
//
// # Concurrency
//
// Everything here runs on the engine's loop; Host methods that take a
// *engine.VM are loop only.
package jsapi
