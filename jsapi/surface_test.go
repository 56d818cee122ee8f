package jsapi_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/jsapi/console"
)

// TestSurface guards the JavaScript surface: the own property names of
// every object flexrun exposes, and the globals it adds to goja's. A new
// export fails here until it is documented, tested and listed.
func TestSurface(t *testing.T) {
	t.Parallel()
	actions := []string{
		"addListener", "blockAction", "emit", "findBlockedActions", "findPendingActions",
		"invokeAction", "on", "registerAction", "removeAllListeners", "removeListener",
		"replaceAction", "unblockAction",
	}
	// What @twilio/flex-ui exports: Actions, Manager and the headless
	// world's members (package world: helpers.js, ui.js).
	flexUI := []string{
		"Actions", "AgentDesktopView", "AudioPlayerManager", "Button", "CRMContainer", "CallCanvas", "CallCanvasActions",
		"ChatOrchestrator", "ContentFragment", "DefaultTaskChannels", "FlexBox", "Icon", "IconButton",
		"IncomingTaskCanvas", "IncomingTaskCanvasActions", "LiveCommsBar", "LiveCommsBarItem",
		"LiveCommsBarItemActions", "MainContainer", "MainHeader", "Manager", "Menu", "MenuItem", "MessageBubble", "MessageInput",
		"MessageInputActions", "MessageList", "MessageListItem", "MessagingCanvas", "ModalPopupWithEntryControl",
		"NoTasksCanvas", "NotificationBar", "NotificationType", "Notifications", "OutboundDialerPanel", "ParticipantCanvas",
		"ParticipantsCanvas", "QueuesStats", "QueuesStatsView", "RootContainer", "SideLink", "SideNav",
		"SidebarItem", "StateHelper", "Supervisor", "SupervisorTaskCanvas", "SupervisorTaskCanvasHeader", "SupervisorTaskCanvasTabs", "Tab",
		"Tabs", "TaskCanvas", "TaskCanvasHeader", "TaskCanvasHeaderActions", "TaskCanvasTabs", "TaskChannelCapability", "TaskChannels",
		"TaskContextProvider", "TaskDetailsPanel", "TaskHelper", "TaskInfoPanel", "TaskList", "TaskListButtons",
		"TaskListItem", "TeamsView", "Template", "UserCard", "VERSION", "View", "ViewCollection", "WorkerCanvas",
		"WorkerDirectory", "WorkerDirectoryTabs", "WorkerProfile", "WorkerSkills", "WorkersDataTable", "styled",
		"templates", "withIconContext", "withMessageContext", "withTaskContext", "withTheme", "withWorkerContext",
	}
	withDefault := append(slices.Clone(flexUI), "default")
	slices.Sort(withDefault)
	want := map[string][]string{
		"flex":                               flexUI,
		"Twilio":                             {"Flex"},
		"Twilio.Flex":                        flexUI,
		"flex.Actions":                       actions,
		"Twilio.Flex.Actions":                actions,
		`import * as "@twilio/flex-ui"`:      withDefault,
		`import default "@twilio/flex-ui"`:   flexUI,
		`import * as "@twilio/flex-ui-core"`: withDefault,
		"Actions.addListener() emitter": {
			"addListener", "getMaxListeners", "listenerCount", "off", "on",
			"removeAllListeners", "removeListener", "setMaxListeners",
		},
		"performance": {"now", "timeOrigin"},
		"globals added": {
			"AbortController", "AbortSignal", "Audio", "CustomEvent", "DOMException", "Event", "EventTarget",
			"Handlebars", "Headers", "React", "Response", "TextDecoder", "TextEncoder", "Twilio", "URL", "URLSearchParams",
			"alert", "atob", "btoa", "cancelAnimationFrame", "clearInterval", "clearTimeout", "confirm", "console", "document",
			"fetch", "flex", "global", "localStorage", "location", "navigator", "performance", "process", "prompt",
			"queueMicrotask", "requestAnimationFrame", "self", "sessionStorage", "setInterval", "setTimeout", "structuredClone", "window",
		},
		// The web classes: statics, then prototypes (package web).
		"AbortSignal":                   {"abort", "length", "name", "prototype"},
		"Response":                      {"error", "json", "length", "name", "prototype", "redirect"},
		"URL":                           {"canParse", "length", "name", "prototype"},
		"AbortController.prototype":     {"abort", "constructor", "signal"},
		"AbortSignal.prototype":         {"aborted", "constructor", "onabort", "reason", "throwIfAborted"},
		"EventTarget.prototype":         {"addEventListener", "constructor", "dispatchEvent", "removeEventListener"},
		"Window.prototype (globalThis)": {"constructor"},
		"Event":                         {"AT_TARGET", "BUBBLING_PHASE", "CAPTURING_PHASE", "NONE", "length", "name", "prototype"},
		"Event.prototype": {
			"AT_TARGET", "BUBBLING_PHASE", "CAPTURING_PHASE", "NONE", "bubbles", "cancelBubble", "cancelable",
			"composed", "composedPath", "constructor", "currentTarget", "defaultPrevented", "eventPhase",
			"preventDefault", "returnValue", "srcElement", "stopImmediatePropagation", "stopPropagation",
			"target", "timeStamp", "type",
		},
		"new Event()":           {"isTrusted"},
		"CustomEvent.prototype": {"constructor", "detail"},
		"HTMLDocument.prototype (document)": {
			"URL", "activeElement", "body", "characterSet", "constructor", "cookie", "createElement",
			"createTextNode", "defaultView", "documentElement", "getElementById", "hasFocus", "head", "hidden",
			"location", "querySelector", "querySelectorAll", "readyState", "referrer", "title", "visibilityState",
		},
		"Node.prototype (document.body)": {
			"childNodes", "constructor", "firstChild", "isConnected", "lastChild", "nextSibling", "nodeName",
			"nodeType", "ownerDocument", "parentElement", "parentNode", "previousSibling", "remove", "textContent",
		},
		"HTMLElement.prototype (document.body)": {
			"append", "appendChild", "blur", "children", "classList", "className", "click", "constructor",
			"focus", "getAttribute", "hasAttribute", "id", "innerHTML", "insertBefore", "outerHTML",
			"removeAttribute", "removeChild", "setAttribute", "style", "tagName",
		},
		"Text.prototype (createTextNode)":       {"constructor", "data", "nodeValue"},
		"CSSStyleDeclaration.prototype (style)": {"constructor", "getPropertyValue", "removeProperty", "setProperty"},
		"DOMTokenList.prototype (classList)": {
			"add", "constructor", "contains", "item", "length", "remove", "toString", "toggle", "value",
		},
		"Audio.prototype": {
			"canPlayType", "constructor", "currentTime", "duration", "ended", "load", "loop", "muted",
			"pause", "paused", "play", "src", "volume",
		},
		"location": {
			"assign", "hash", "host", "hostname", "href", "origin", "pathname", "port", "protocol",
			"reload", "replace", "search", "toString",
		},
		"Navigator.prototype (navigator)": {
			"appName", "clipboard", "constructor", "cookieEnabled", "language", "languages", "onLine",
			"platform", "userAgent", "vendor",
		},
		"Clipboard.prototype (navigator.clipboard)": {"constructor", "readText", "writeText"},
		"DOMException.prototype":                    {"code", "constructor"},
		"Headers.prototype": {
			"append", "constructor", "delete", "entries", "forEach", "get", "getSetCookie",
			"has", "keys", "set", "values",
		},
		"Response.prototype": {
			"arrayBuffer", "bodyUsed", "clone", "constructor", "headers", "json", "ok",
			"redirected", "status", "statusText", "text", "type", "url",
		},
		"TextDecoder.prototype": {"constructor", "decode", "encoding", "fatal", "ignoreBOM"},
		"TextEncoder.prototype": {"constructor", "encode", "encodeInto", "encoding"},
		"URL.prototype": {
			"constructor", "hash", "host", "hostname", "href", "origin", "password", "pathname",
			"port", "protocol", "search", "searchParams", "toJSON", "toString", "username",
		},
		"Storage.prototype (localStorage)": {"clear", "constructor", "getItem", "key", "length", "removeItem", "setItem"},
	}

	e := flexruntest.New(t, flexruntest.Options{})
	res := e.RunScript(`
		import * as Namespace from "@twilio/flex-ui";
		import Default from "@twilio/flex-ui";
		import * as Core from "@twilio/flex-ui-core";
		const names = (o: object) => Object.getOwnPropertyNames(o).sort();
		console.log(JSON.stringify({
			"flex": names(flex),
			"Twilio": names(Twilio),
			"Twilio.Flex": names(Twilio.Flex),
			"flex.Actions": names(flex.Actions),
			"Twilio.Flex.Actions": names(Twilio.Flex.Actions),
			'import * as "@twilio/flex-ui"': names(Namespace),
			'import default "@twilio/flex-ui"': names(Default),
			'import * as "@twilio/flex-ui-core"': names(Core),
			"Actions.addListener() emitter": names(flex.Actions.addListener("surfaceProbe", () => {})),
			"performance": names(performance),
			"AbortSignal": names(AbortSignal),
			"Response": names(Response),
			"URL": names(URL),
			"AbortController.prototype": names(AbortController.prototype),
			"AbortSignal.prototype": names(AbortSignal.prototype),
			"DOMException.prototype": names(DOMException.prototype),
			"Headers.prototype": names(Headers.prototype),
			"Response.prototype": names(Response.prototype),
			"TextDecoder.prototype": names(TextDecoder.prototype),
			"TextEncoder.prototype": names(TextEncoder.prototype),
			"URL.prototype": names(URL.prototype),
			"Storage.prototype (localStorage)": names(Object.getPrototypeOf(localStorage)),
			"EventTarget.prototype": names(EventTarget.prototype),
			"Window.prototype (globalThis)": names(Object.getPrototypeOf(globalThis)),
			"Event": names(Event),
			"Event.prototype": names(Event.prototype),
			"new Event()": names(new Event("probe")),
			"CustomEvent.prototype": names(CustomEvent.prototype),
			"HTMLDocument.prototype (document)": names(Object.getPrototypeOf(document)),
			"Node.prototype (document.body)": names(Object.getPrototypeOf(Object.getPrototypeOf(document.body))),
			"HTMLElement.prototype (document.body)": names(Object.getPrototypeOf(document.body)),
			"Text.prototype (createTextNode)": names(Object.getPrototypeOf(document.createTextNode(""))),
			"CSSStyleDeclaration.prototype (style)": names(Object.getPrototypeOf(document.body.style)),
			"DOMTokenList.prototype (classList)": names(Object.getPrototypeOf(document.body.classList)),
			"Audio.prototype": names(Audio.prototype),
			"location": names(location),
			"Navigator.prototype (navigator)": names(Object.getPrototypeOf(navigator)),
			"Clipboard.prototype (navigator.clipboard)": names(Object.getPrototypeOf(navigator.clipboard)),
			"globals": names(globalThis),
		}));
	`)
	if res.Err != nil {
		t.Fatalf("surface script: %s", res)
	}
	have := map[string][]string{}
	if err := json.Unmarshal([]byte(res.Stdout), &have); err != nil {
		t.Fatalf("surface script printed %q: %v", res.Stdout, err)
	}
	have["globals added"] = added(have["globals"], gojaGlobals(t))
	delete(have, "globals")

	for name, w := range want {
		h, ok := have[name]
		if !ok {
			t.Errorf("%s: not listed by the script", name)
			continue
		}
		if w = slices.Sorted(slices.Values(w)); !slices.Equal(h, w) {
			extra, missing := diff(h, w)
			t.Errorf("%s: own properties changed\n  new (document, test, then list them here): %s\n  gone: %s\n  have: %q",
				name, strings.Join(extra, ", "), strings.Join(missing, ", "), h)
		}
	}
	for name := range have {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: listed by the script, not by the test", name)
		}
	}
}

// gojaGlobals is what a fresh goja runtime has on its global object.
func gojaGlobals(t *testing.T) []string {
	t.Helper()
	val, err := goja.New().RunString("JSON.stringify(Object.getOwnPropertyNames(globalThis))")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	if err := json.Unmarshal([]byte(val.String()), &names); err != nil {
		t.Fatal(err)
	}
	return names
}

// added returns the names in have that base lacks, sorted.
func added(have, base []string) []string {
	out := []string{}
	for _, n := range have {
		if !slices.Contains(base, n) {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// diff returns what have has that want lacks, and the reverse.
func diff(have, want []string) (extra, missing []string) {
	return added(have, want), added(want, have)
}

// TestInspectNativeFunctions: the functions flexrun implements in Go show
// in util.inspect (console.log, the dev console) under their JavaScript
// names, as Node shows its own; testdata/spec/function-names.js checks the
// names themselves.
func TestInspectNativeFunctions(t *testing.T) {
	t.Parallel()
	tests := []struct{ script, want string }{
		{"setTimeout", "[Function: setTimeout]"},
		{"fetch", "[Function: fetch]"},
		{"alert", "[Function: alert]"},
		{"flex.Actions.invokeAction", "[Function: invokeAction]"},
		{"flex.Actions.addListener", "[Function: addListener]"},
		{"queueMicrotask", "[Function: queueMicrotask]"},
		{"structuredClone", "[Function: structuredClone]"},
		{"localStorage.getItem", "[Function: getItem]"},
		{"console.log", "[Function: log]"},
		{"Headers.prototype.forEach", "[Function: forEach]"},
		{"URLSearchParams.prototype.append", "[Function: append]"},
		{`Object.getOwnPropertyDescriptor(flex.Actions, "invokeAction").get`, "[Function: get invokeAction]"},
		{"[setTimeout, clearTimeout, btoa]", "[ [Function: setTimeout], [Function: clearTimeout], [Function: btoa] ]"},
		{`flex.Actions.addListener("inspectProbe", () => {})`, `{
  addListener: [Function: addListener],
  on: [Function: on],
  removeListener: [Function: removeListener],
  off: [Function: off],
  removeAllListeners: [Function: removeAllListeners],
  listenerCount: [Function: listenerCount],
  setMaxListeners: [Function: setMaxListeners],
  getMaxListeners: [Function: getMaxListeners]
}`},
		{"flex.Manager", "{ getInstance: [Function: getInstance] }"},
	}
	e := flexruntest.New(t, flexruntest.Options{})
	err := e.Do(t.Context(), func(v *engine.VM) error {
		rt := v.Runtime()
		for _, tc := range tests {
			val, err := rt.RunString(tc.script)
			if err != nil {
				return fmt.Errorf("%s: %w", tc.script, err)
			}
			if have := console.Inspect(rt, val); have != tc.want {
				t.Errorf("Inspect(%s)\nhave:\n%s\nwant:\n%s", tc.script, have, tc.want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
