// Functions flexrun implements in Go carry the names JavaScript gives them
// (fn.name, hence util.inspect's [Function: setTimeout]) and, where the
// browsers define one, their length; never goja's default, the Go symbol
// ("github.com/flexrun/flexrun/jsapi.(*Host).installGlobals.func1").
// TestInspectNativeFunctions (inspect_test.go) checks how util.inspect
// shows them.
import { assert } from "../assert.js";

// check verifies fn's name and, unless it is undefined, its length, and
// that name is defined as JavaScript defines it on functions.
function check(fn, name, length, where) {
  assert.sameValue(typeof fn, "function", `typeof ${where}`);
  assert.sameValue(fn.name, name, `${where}.name`);
  if (length !== undefined) assert.sameValue(fn.length, length, `${where}.length`);
  const d = Object.getOwnPropertyDescriptor(fn, "name");
  assert.ok(d && !d.writable && !d.enumerable && d.configurable, `${where}: name is read-only, non-enumerable, configurable`);
}

// accessor checks the getter (and setter) of o's own property key.
function accessor(o, key, where, hasSetter = false) {
  const d = Object.getOwnPropertyDescriptor(o, key);
  assert.ok(d && d.get, `${where}.${key} is an accessor`);
  check(d.get, `get ${key}`, 0, `${where}.${key} getter`);
  if (hasSetter) check(d.set, `set ${key}`, 1, `${where}.${key} setter`);
  else assert.sameValue(d.set, undefined, `${where}.${key} has no setter`);
}

// methods checks o's methods: { name: length }.
function methods(o, list, where) {
  for (const [name, length] of Object.entries(list)) check(o[name], name, length, `${where}.${name}`);
}

// Globals, with the browsers' (Web IDL) lengths.
methods(globalThis, {
  setTimeout: 1, setInterval: 1, clearTimeout: 0, clearInterval: 0,
  queueMicrotask: 1, structuredClone: 1, fetch: 1,
  alert: 0, confirm: 0, prompt: 0, atob: 1, btoa: 1,
}, "globalThis");
assert.notSameValue(clearTimeout, clearInterval, "clearTimeout and clearInterval are two functions");
const id = setInterval(() => {}, 1000);
clearTimeout(id); // either one clears any timer, as in browsers
methods(performance, { now: 0 }, "performance");
for (const m of ["log", "warn", "error", "info", "debug", "dir", "table", "time", "timeEnd", "trace", "assert", "group", "groupEnd", "count"]) {
  check(console[m], m, undefined, `console.${m}`);
}

// Classes: constructor names and lengths, statics, prototypes.
methods(globalThis, {
  AbortController: 0, AbortSignal: 0, DOMException: 0, Headers: 0, Response: 0,
  TextEncoder: 0, TextDecoder: 0, URL: 1, URLSearchParams: 0,
}, "globalThis");
check(Object.getPrototypeOf(localStorage).constructor, "Storage", 0, "Storage");

methods(Headers.prototype, {
  append: 2, delete: 1, get: 1, has: 1, set: 2, getSetCookie: 0, forEach: 1, entries: 0, keys: 0, values: 0,
}, "Headers.prototype");
assert.sameValue(Headers.prototype[Symbol.iterator], Headers.prototype.entries, "Headers.prototype[Symbol.iterator]");

methods(Response, { error: 0, json: 1, redirect: 1 }, "Response");
methods(Response.prototype, { text: 0, json: 0, arrayBuffer: 0, clone: 0 }, "Response.prototype");
for (const key of ["type", "url", "redirected", "status", "ok", "statusText", "headers", "bodyUsed"]) {
  accessor(Response.prototype, key, "Response.prototype");
}

methods(Object.getPrototypeOf(localStorage), { getItem: 1, setItem: 2, removeItem: 1, clear: 0, key: 1 }, "Storage.prototype");
accessor(Object.getPrototypeOf(localStorage), "length", "Storage.prototype");
methods(localStorage, { getItem: 1, setItem: 2 }, "localStorage");
methods(sessionStorage, { removeItem: 1, clear: 0 }, "sessionStorage");

methods(TextEncoder.prototype, { encode: 0, encodeInto: 2 }, "TextEncoder.prototype");
accessor(TextEncoder.prototype, "encoding", "TextEncoder.prototype");
methods(TextDecoder.prototype, { decode: 0 }, "TextDecoder.prototype");
for (const key of ["encoding", "fatal", "ignoreBOM"]) accessor(TextDecoder.prototype, key, "TextDecoder.prototype");

methods(AbortController.prototype, { abort: 0 }, "AbortController.prototype");
accessor(AbortController.prototype, "signal", "AbortController.prototype");
methods(AbortSignal, { abort: 0 }, "AbortSignal");
methods(AbortSignal.prototype, { throwIfAborted: 0, addEventListener: 2, removeEventListener: 2 }, "AbortSignal.prototype");
accessor(AbortSignal.prototype, "aborted", "AbortSignal.prototype");
accessor(AbortSignal.prototype, "reason", "AbortSignal.prototype");
accessor(AbortSignal.prototype, "onabort", "AbortSignal.prototype", true);

accessor(DOMException.prototype, "code", "DOMException.prototype");

methods(URL, { canParse: 1 }, "URL");
methods(URL.prototype, { toString: 0, toJSON: 0 }, "URL.prototype");
for (const key of ["href", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash"]) {
  accessor(URL.prototype, key, "URL.prototype", true);
}
accessor(URL.prototype, "origin", "URL.prototype");
accessor(URL.prototype, "searchParams", "URL.prototype");

// goja_nodejs's URLSearchParams, renamed by flexrun.
methods(URLSearchParams.prototype, {
  append: 2, delete: 1, entries: 0, forEach: 1, get: 1, getAll: 1, has: 1, keys: 0, set: 2, sort: 0, toString: 0, values: 0,
}, "URLSearchParams.prototype");
assert.sameValue(URLSearchParams.prototype[Symbol.iterator], URLSearchParams.prototype.entries, "URLSearchParams.prototype[Symbol.iterator]");
accessor(URLSearchParams.prototype, "size", "URLSearchParams.prototype");
check(new URLSearchParams("a=1").keys().next, "next", 0, "URLSearchParams iterator next");

// Node's util.inspect.custom hooks are named like methods with a symbol key.
const custom = Symbol.for("nodejs.util.inspect.custom");
for (const [C, where] of [[URL, "URL"], [URLSearchParams, "URLSearchParams"], [Headers, "Headers"], [Response, "Response"], [AbortController, "AbortController"], [AbortSignal, "AbortSignal"]]) {
  check(C.prototype[custom], "[nodejs.util.inspect.custom]", undefined, `${where}.prototype[inspect.custom]`);
}

// flex.Actions: a fresh function per read, named after the method; the
// accessors' getters are "get <method>".
const actionMethods = [
  "registerAction", "invokeAction", "replaceAction", "addListener", "on", "removeListener",
  "removeAllListeners", "emit", "findPendingActions", "findBlockedActions", "blockAction", "unblockAction",
];
for (const Actions of [flex.Actions, Twilio.Flex.Actions]) {
  for (const m of actionMethods) {
    check(Actions[m], m, undefined, `flex.Actions.${m}`);
    accessor(Actions, m, "flex.Actions");
  }
}
assert.notSameValue(flex.Actions.invokeAction, flex.Actions.invokeAction, "a fresh function per read");
check(flex.Manager.getInstance, "getInstance", 0, "flex.Manager.getInstance");

// The emitter addListener returns: each method named after its key.
const emitter = flex.Actions.addListener("namesProbe", () => {});
for (const m of ["addListener", "on", "removeListener", "off", "removeAllListeners", "listenerCount", "setMaxListeners", "getMaxListeners"]) {
  check(emitter[m], m, undefined, `emitter.${m}`);
}
emitter.removeAllListeners("namesProbe");

// What the engine hands to listeners: the before listener's abort function.
let abortFunction;
flex.Actions.registerAction("NamesProbe", () => "done");
flex.Actions.addListener("beforeNamesProbe", (payload, abort) => { abortFunction = abort; });
assert.sameValue(await flex.Actions.invokeAction("NamesProbe"), "done", "invoke");
check(abortFunction, "abortFunction", 0, "a before listener's abort function");
flex.Actions.removeAllListeners("beforeNamesProbe");

// The regression net: no function reachable from the global object, one
// level into its objects (and the prototypes of its classes), and from
// flexrun's other objects, has a Go name.
const goName = /github\.com|func/;
const seen = new Set();
let checked = 0;
// sweep checks the functions among o's own properties (values, getters,
// setters) and returns the functions and objects it found there, with
// where they were.
function sweep(o, where) {
  if (o === null || (typeof o !== "object" && typeof o !== "function") || seen.has(o)) return [];
  seen.add(o);
  const found = [];
  for (const key of Reflect.ownKeys(o)) {
    const d = Object.getOwnPropertyDescriptor(o, key);
    const at = `${where}.${String(key)}`;
    for (const [fn, what] of [[d.value, at], [d.get, `${at} getter`], [d.set, `${at} setter`]]) {
      if (typeof fn !== "function") continue;
      assert.ok(!goName.test(fn.name), `${what} is named ${JSON.stringify(fn.name)}`);
      checked++;
      found.push([fn, what]);
    }
    if (d.value !== null && typeof d.value === "object") found.push([d.value, at]);
  }
  return found;
}
const actionsValues = Object.fromEntries(actionMethods.map((m) => [m, flex.Actions[m]]));
const roots = [
  [globalThis, "globalThis"],
  [flex, "flex"], [flex.Actions, "flex.Actions"], [actionsValues, "flex.Actions (values)"], [flex.Manager, "flex.Manager"],
  [flex.Actions.addListener("namesProbe", () => {}), "emitter"],
  [Object.getPrototypeOf(localStorage), "Storage.prototype"],
  [Object.getPrototypeOf(new URLSearchParams().keys()), "URLSearchParams Iterator"],
];
flex.Actions.removeAllListeners("namesProbe");
for (const [root, where] of roots) {
  for (const [v, at] of sweep(root, where)) {
    sweep(v, at);
    if (typeof v === "function" && v.prototype) sweep(v.prototype, `${at}.prototype`);
  }
}
assert.ok(checked > 500, `the sweep checked ${checked} functions`);
