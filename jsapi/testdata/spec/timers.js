// The JavaScript side of setTimeout and friends; ordering under virtual time
// is in timers_test.go.
import { assert } from "../assert.js";

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Extra arguments reach the callback; this is undefined (strict).
let got;
const id = setTimeout(function (...args) {
  got = { args, self: this };
}, 1, "a", 2, { three: 3 });
assert.sameValue(typeof id, "number", "setTimeout returns a number");
await sleep(5);
assert.deepEqual(got.args, ["a", 2, { three: 3 }], "extra arguments");

// clearInterval inside the interval's own callback stops it.
const intervalArgs = [];
await new Promise((resolve) => {
  const iv = setInterval((x, y) => {
    intervalArgs.push([x, y]);
    if (intervalArgs.length === 2) {
      clearInterval(iv);
      setTimeout(resolve, 5); // time for a third tick, if one were coming
    }
  }, 1, "x", "y");
});
assert.deepEqual(intervalArgs, [["x", "y"], ["x", "y"]], "setInterval extra arguments");

// Ids are distinct.
const a = setTimeout(() => {}, 1);
const b = setTimeout(() => {}, 1);
assert.notSameValue(a, b, "distinct ids");
clearTimeout(a);
clearTimeout(b);

// clearTimeout inside the timer's own callback is harmless, and so is
// clearing unknown, fired or non-numeric ids.
let fired = 0;
const own = setTimeout(() => {
  fired++;
  clearTimeout(own);
  clearTimeout(own);
}, 1);
await sleep(5);
assert.sameValue(fired, 1, "a self-clearing timer fires once");
clearTimeout(own);
clearTimeout(123456789);
clearTimeout(undefined);
clearTimeout(null);
clearTimeout("nope");
clearInterval({});

// clearTimeout and clearInterval are interchangeable, as in browsers.
let crossed = 0;
clearInterval(setTimeout(() => crossed++, 1));
clearTimeout(setInterval(() => crossed++, 1));
await sleep(5);
assert.sameValue(crossed, 0, "cleared across kinds");

// A cleared timer never fires.
let cleared = false;
clearTimeout(setTimeout(() => { cleared = true; }, 1));
await sleep(5);
assert.sameValue(cleared, false, "a cleared timer does not fire");

// The callback must be a function.
for (const api of [setTimeout, setInterval]) {
  for (const bad of [undefined, null, 1, "code()", {}]) {
    assert.throws(TypeError, () => api(bad, 1), `${api.name}(${String(bad)})`);
  }
  assert.throws(TypeError, () => api(), `${api.name}()`);
}

// Odd delays count as the minimum (1 ms), as in Node.
const odd = [];
for (const delay of [undefined, -5, NaN, "x", 2 ** 31]) {
  setTimeout(() => odd.push(String(delay)), delay);
}
await sleep(10);
assert.deepEqual(odd, ["undefined", "-5", "NaN", "x", String(2 ** 31)], "odd delays fire, in order");

// requestAnimationFrame: a frame's time later, with performance.now().
{
  const t0 = performance.now();
  const at = await new Promise((resolve) => requestAnimationFrame(resolve));
  assert.ok(typeof at === "number" && at >= t0 + 15, `frame at ${at}, requested at ${t0}`);
  let ran = false;
  cancelAnimationFrame(requestAnimationFrame(() => { ran = true; }));
  await new Promise((resolve) => setTimeout(resolve, 40));
  assert.sameValue(ran, false, "a cancelled frame never runs");
}
