// The browser-like globals flexrun adds next to goja's built-ins.
import { assert } from "../assert.js";

// The script's window is the page's global object itself; a plugin's is a
// view of it of its own (jsapi/window.go, plugins/window_test.go).
assert.sameValue(window, Function("return this")(), "window is the global object");
assert.sameValue(window, globalThis, "window === globalThis");
assert.sameValue(self, globalThis, "self === globalThis");
assert.sameValue(window.window, window, "window.window");
assert.sameValue(typeof flex, "object", "typeof flex");
assert.sameValue(flex, Twilio.Flex, "flex === Twilio.Flex");
assert.sameValue(window.flex, flex, "window.flex");
assert.sameValue(flex.Actions, Twilio.Flex.Actions, "flex.Actions === Twilio.Flex.Actions");

// A global declared by a script is visible on window, as in a browser.
globalThis.specGlobal = 42;
assert.sameValue(window.specGlobal, 42, "globalThis property through window");
delete globalThis.specGlobal;

for (const name of ["setTimeout", "setInterval", "clearTimeout", "clearInterval", "queueMicrotask", "structuredClone"]) {
  assert.sameValue(typeof globalThis[name], "function", `typeof ${name}`);
}
assert.sameValue(typeof performance.now, "function", "typeof performance.now");
assert.sameValue(typeof performance.timeOrigin, "number", "typeof performance.timeOrigin");
assert.ok(Math.abs(performance.timeOrigin - Date.now()) < 60 * 60 * 1000, "performance.timeOrigin is about now (epoch ms)");
