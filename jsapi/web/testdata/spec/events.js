// EventTarget, Event and CustomEvent (events.go, event.go); window is an
// EventTarget too. Listeners that throw: events_test.go.
import { assert } from "../../../testdata/assert.js";

// Event and CustomEvent.
const e = new Event("ping");
assert.sameValue(e.type, "ping");
assert.sameValue(e.bubbles, false);
assert.sameValue(e.cancelable, false);
assert.sameValue(e.defaultPrevented, false);
assert.sameValue(e.isTrusted, false, "a script's event is not trusted");
assert.deepEqual(Object.getOwnPropertyNames(e), ["isTrusted"], "isTrusted is the one own property");
assert.sameValue(e.target, null);
assert.sameValue(e.currentTarget, null);
assert.sameValue(e.eventPhase, Event.NONE);
assert.sameValue(typeof e.timeStamp, "number");
e.preventDefault();
assert.sameValue(e.defaultPrevented, false, "preventDefault does nothing to a non-cancelable event");
const c = new Event("ping", { cancelable: true, bubbles: true });
c.preventDefault();
assert.sameValue(c.defaultPrevented, true);
assert.sameValue(c.returnValue, false);
assert.sameValue(String(new Event("x")), "[object Event]");
assert.sameValue([Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE].join(), "0,1,2,3");
assert.throws(TypeError, () => new Event(), "the type is required");
assert.sameValue(assert.throws(TypeError, () => new Event()).message, "Event constructor: 1 argument required, but only 0 present.");
assert.throws(TypeError, () => new Event("x", 5), "the init is a dictionary");

const ce = new CustomEvent("task", { detail: { sid: "WT1" } });
assert.ok(ce instanceof Event, "a CustomEvent is an Event");
assert.sameValue(ce.detail.sid, "WT1");
assert.sameValue(new CustomEvent("x").detail, null, "detail defaults to null");
assert.sameValue(Object.getPrototypeOf(CustomEvent), Event);
assert.sameValue(String(ce), "[object CustomEvent]");
assert.throws(TypeError, () => Object.getOwnPropertyDescriptor(CustomEvent.prototype, "detail").get.call(new Event("x")), "detail needs a CustomEvent");
assert.throws(TypeError, () => Event.prototype.preventDefault.call({}), "Illegal invocation");

// A subclass keeps its prototype.
class TaskEvent extends CustomEvent {
  get sid() { return this.detail.sid; }
}
const te = new TaskEvent("task", { detail: { sid: "WT2" } });
assert.sameValue(te.sid, "WT2");
assert.ok(te instanceof TaskEvent && te instanceof CustomEvent);

// EventTarget: order, capture first, once, handleEvent, duplicates, removal.
const t = new EventTarget();
const log = [];
t.addEventListener("x", (ev) => log.push(`a ${ev.eventPhase} ${ev.target === t} ${ev.currentTarget === t}`));
t.addEventListener("x", () => log.push("capture"), { capture: true });
const once = () => log.push("once");
t.addEventListener("x", once, { once: true });
t.addEventListener("x", once); // the same listener again: ignored
t.addEventListener("x", { handleEvent(ev) { log.push(`handleEvent this=${this.handleEvent !== undefined}`); } });
const gone = () => log.push("gone");
t.addEventListener("x", gone);
t.removeEventListener("x", gone);
t.addEventListener("y", () => log.push("other type"));
assert.sameValue(t.dispatchEvent(new Event("x")), true, "not cancelled");
assert.deepEqual(log, ["capture", "a 2 true true", "once", "handleEvent this=true"]);
log.length = 0;
t.dispatchEvent(new Event("x"));
assert.deepEqual(log, ["capture", "a 2 true true", "handleEvent this=true"], "once ran once");

// dispatchEvent returns !defaultPrevented; passive listeners cannot cancel.
const u = new EventTarget();
u.addEventListener("save", (ev) => ev.preventDefault(), { passive: true });
assert.sameValue(u.dispatchEvent(new Event("save", { cancelable: true })), true, "a passive listener cannot cancel");
u.addEventListener("save", (ev) => ev.preventDefault());
const save = new Event("save", { cancelable: true });
assert.sameValue(u.dispatchEvent(save), false, "cancelled");
assert.sameValue(save.defaultPrevented, true);
assert.sameValue(save.eventPhase, 0, "after dispatch: no phase");
assert.sameValue(save.currentTarget, null, "after dispatch: no currentTarget");
assert.sameValue(save.target, u, "the target stays");

// stopImmediatePropagation stops the listeners after it.
const s = new EventTarget();
const order = [];
s.addEventListener("z", (ev) => { order.push(1); ev.stopImmediatePropagation(); });
s.addEventListener("z", () => order.push(2));
s.dispatchEvent(new Event("z"));
assert.deepEqual(order, [1]);

// Listeners added or removed during dispatch.
const m = new EventTarget();
const seen = [];
const later = () => seen.push("later");
m.addEventListener("k", () => { seen.push("first"); m.removeEventListener("k", later); m.addEventListener("k", () => seen.push("added")); });
m.addEventListener("k", later);
m.dispatchEvent(new Event("k"));
assert.deepEqual(seen, ["first"], "removed during dispatch: skipped; added: not run this time");

// A signal removes its listener; dispatching twice at once is an error.
const ctl = new AbortController();
let fired = 0;
m.addEventListener("sig", () => fired++, { signal: ctl.signal });
m.dispatchEvent(new Event("sig"));
ctl.abort();
m.dispatchEvent(new Event("sig"));
assert.sameValue(fired, 1, "removed by its signal");
const busy = new Event("busy");
m.addEventListener("busy", () => {
  const err = assert.throws(DOMException, () => m.dispatchEvent(busy));
  assert.sameValue(err.name, "InvalidStateError");
});
m.dispatchEvent(busy);
assert.sameValue(busy.composedPath().length, 0, "composedPath is empty after dispatch");

// Argument errors name the API.
assert.sameValue(assert.throws(TypeError, () => t.addEventListener("x")).message, "EventTarget.addEventListener: 2 arguments required, but only 1 present.");
assert.sameValue(assert.throws(TypeError, () => t.dispatchEvent({ type: "x" })).message, "EventTarget.dispatchEvent: Argument 1 does not implement interface Event.");
assert.throws(TypeError, () => t.addEventListener("x", 5), "a listener is a function or an object");
assert.throws(TypeError, () => EventTarget.prototype.addEventListener.call({}, "x", () => {}), "Illegal invocation");

// AbortSignal is an EventTarget, and its abort event an Event.
assert.ok(ctl.signal instanceof EventTarget);
assert.sameValue(Object.getPrototypeOf(AbortSignal), EventTarget);
const c2 = new AbortController();
let abortEvent;
c2.signal.addEventListener("abort", (ev) => { abortEvent = ev; });
c2.abort();
assert.ok(abortEvent instanceof Event, "abort dispatches an Event");
assert.sameValue(abortEvent.isTrusted, true, "fired by the platform: trusted");

// window: the global object is an EventTarget, reached bare too.
assert.ok(window instanceof EventTarget, "window instanceof EventTarget");
assert.sameValue(window.addEventListener, EventTarget.prototype.addEventListener, "inherited");
const got = [];
const onTask = (ev) => got.push(`${ev.type}:${ev.detail.sid}:${ev.target === window}`);
window.addEventListener("flexTask", onTask);
addEventListener("flexTask", (ev) => got.push("bare"), { once: true });
assert.sameValue(window.dispatchEvent(new CustomEvent("flexTask", { detail: { sid: "WT1" } })), true);
dispatchEvent(new CustomEvent("flexTask", { detail: { sid: "WT2" } }));
window.removeEventListener("flexTask", onTask);
window.dispatchEvent(new CustomEvent("flexTask", { detail: { sid: "WT3" } }));
assert.deepEqual(got, ["flexTask:WT1:true", "bare", "flexTask:WT2:true"]);
const cancel = new CustomEvent("beforeunload", { cancelable: true });
window.addEventListener("beforeunload", (ev) => ev.preventDefault(), { once: true });
assert.sameValue(window.dispatchEvent(cancel), false, "window.dispatchEvent returns !defaultPrevented");

// React's probe for passive listeners: an options object as the listener.
let passiveRead = false;
const probe = Object.defineProperty({}, "passive", { get() { passiveRead = true; return false; } });
window.addEventListener("test", probe, probe);
window.removeEventListener("test", probe, probe);
assert.ok(passiveRead, "options.passive is read");
