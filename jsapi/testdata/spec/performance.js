// performance.now: milliseconds since the engine started, never going backwards.
import { assert } from "../assert.js";

const t0 = performance.now();
assert.sameValue(typeof t0, "number", "typeof performance.now()");
assert.ok(Number.isFinite(t0) && t0 >= 0, `performance.now() = ${t0}`);

let last = t0;
for (let i = 0; i < 1000; i++) {
  const t = performance.now();
  assert.ok(t >= last, `performance.now() went back from ${last} to ${t}`);
  last = t;
}

await new Promise((resolve) => setTimeout(resolve, 2));
const t1 = performance.now();
assert.ok(t1 >= t0 + 1, `after a 2 ms timer performance.now() moved from ${t0} to ${t1}`);
