// Package jsapi is everything JavaScript code can see in flexrun: the flex
// and Twilio.Flex globals, a per-owner flex.Actions facade, the host modules
// (@twilio/flex-ui, @twilio/flex-plugin and its 1.x name flex-plugin,
// flexrun, and the shared packages react, react-dom, redux and react-redux:
// the plugin project's own copy, once per engine, or a stand-in), the
// plugin start-up contract, timers, queueMicrotask, structuredClone,
// performance, process, global, React and window. The rest lives in
// sub-packages, which a Host installs and wires together:
//
//   - jsapi/web: the browser globals plugins use (fetch, Headers, Response,
//     URL, URLSearchParams, AbortController, EventTarget, Event,
//     CustomEvent and window's events, document, Audio, location,
//     navigator, TextEncoder/TextDecoder, atob/btoa, localStorage,
//     sessionStorage, alert, confirm, prompt);
//   - jsapi/console: console, and Node's util.inspect and util.format;
//   - jsapi/world: the headless Flex world (state, the built-in actions,
//     Manager, TaskHelper, Notifications, the flexrun world API).
//
// The sub-packages import none of jsapi; the Host connects them (fetch over
// the world's transport, dialogs recorded in the world).
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
