// queueMicrotask shares the promise job queue: first in, first out.
import { assert } from "../assert.js";

const order = [];
Promise.resolve().then(() => order.push("a"));
queueMicrotask(() => order.push("b"));
Promise.resolve().then(() => order.push("c"));
queueMicrotask(() => {
  order.push("d");
  queueMicrotask(() => order.push("f")); // queued behind e
});
Promise.resolve().then(() => order.push("e"));
order.push("sync");
setTimeout(() => order.push("timer"), 0);
assert.deepEqual(order, ["sync"], "microtasks wait for the current job");

await new Promise((resolve) => setTimeout(resolve, 5));
assert.deepEqual(order, ["sync", "a", "b", "c", "d", "e", "f", "timer"], "microtask order");

// The callback gets no arguments and an undefined this.
let args, self;
queueMicrotask(function (...a) { // module code is strict
  args = a;
  self = this;
});
await null;
assert.deepEqual(args, [], "no arguments");
assert.sameValue(self, undefined, "this is undefined");

// queueMicrotask returns undefined and takes only a function.
assert.sameValue(queueMicrotask(() => {}), undefined, "return value");
for (const bad of [undefined, null, 1, "fn", {}, Symbol("s")]) {
  assert.throws(TypeError, () => queueMicrotask(bad), `queueMicrotask(${String(bad)})`);
}
assert.throws(TypeError, () => queueMicrotask(), "queueMicrotask()");
