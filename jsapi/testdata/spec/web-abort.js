// AbortController and AbortSignal, with the event-target part a signal has.
import { assert } from "../assert.js";

const c = new AbortController();
const { signal } = c;
assert.sameValue(c.signal, signal, "one signal per controller");
assert.ok(signal instanceof AbortSignal, "instanceof AbortSignal");
assert.sameValue(signal.aborted, false);
assert.sameValue(signal.reason, undefined);
assert.sameValue(signal.onabort, null);
signal.throwIfAborted();
assert.throws(TypeError, () => new AbortSignal(), "AbortSignal is not constructible");

const log = [];
signal.addEventListener("abort", (ev) => log.push(`listener ${ev.type} ${ev.target === signal}`));
signal.onabort = function (ev) { log.push(`onabort this=${this === signal}`); };
const once = () => log.push("once");
signal.addEventListener("abort", once, { once: true });
signal.addEventListener("abort", once); // a duplicate of a registered listener is ignored
const removed = () => log.push("removed");
signal.addEventListener("abort", removed);
signal.removeEventListener("abort", removed);
signal.addEventListener("abort", { handleEvent(ev) { log.push(`handleEvent ${ev.type}`); } });
signal.addEventListener("other", () => log.push("other type"));

c.abort();
assert.deepEqual(log, ["listener abort true", "onabort this=true", "once", "handleEvent abort"], "listeners run in registration order");
assert.sameValue(signal.aborted, true);
assert.ok(signal.reason instanceof DOMException, "the default reason is a DOMException");
assert.sameValue(signal.reason.name, "AbortError");
assert.sameValue(signal.reason.message, "This operation was aborted");
assert.sameValue(signal.reason.code, 20);
assert.sameValue(signal.throwIfAborted.bind(signal) && (() => { try { signal.throwIfAborted(); } catch (e) { return e; } })(), signal.reason, "throwIfAborted throws the reason");

c.abort("again");
assert.sameValue(signal.reason.name, "AbortError", "a second abort changes nothing");
assert.sameValue(log.length, 4, "and fires nothing");

const c2 = new AbortController();
const why = new Error("user cancelled");
c2.abort(why);
assert.sameValue(c2.signal.reason, why, "abort(reason) keeps the reason");

const pre = AbortSignal.abort("static");
assert.sameValue(pre.aborted, true, "AbortSignal.abort() is already aborted");
assert.sameValue(pre.reason, "static");
assert.sameValue(AbortSignal.abort().reason.name, "AbortError");

// A listener removed by another listener during dispatch does not run.
const c3 = new AbortController();
const order = [];
const second = () => order.push("second");
c3.signal.addEventListener("abort", () => { order.push("first"); c3.signal.removeEventListener("abort", second); });
c3.signal.addEventListener("abort", second);
c3.abort();
assert.deepEqual(order, ["first"]);

// options.signal removes a listener when that other signal aborts.
const c4 = new AbortController(), remover = new AbortController();
let fired = false;
c4.signal.addEventListener("abort", () => { fired = true; }, { signal: remover.signal });
remover.abort();
c4.abort();
assert.sameValue(fired, false, "removed by its options.signal");

// DOMException on its own.
const d = new DOMException("boom", "NotFoundError");
assert.sameValue(String(d), "NotFoundError: boom");
assert.sameValue(d.code, 8);
assert.sameValue(new DOMException().name, "Error", "the default name");
assert.sameValue(new DOMException("m", { name: "TimeoutError", cause: 1 }).cause, 1, "options form");
assert.ok(d.stack.startsWith("NotFoundError: boom\n"), "the stack starts with name and message");
