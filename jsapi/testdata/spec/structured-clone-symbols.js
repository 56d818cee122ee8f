// structuredClone refuses symbols, wherever they are, with a DataCloneError.
import { assert } from "../assert.js";

for (const [value, what] of [
  [Symbol("s"), "a symbol"],
  [{ s: Symbol("s") }, "a symbol in an object"],
  [[Symbol.iterator], "a well-known symbol in an array"],
]) {
  let thrown;
  try {
    structuredClone(value);
  } catch (err) {
    thrown = err;
  }
  assert.ok(thrown !== undefined, `${what}: nothing thrown`);
  assert.sameValue(thrown.name, "DataCloneError", `${what}: error name`);
  assert.ok(/^Symbol\(.*\) could not be cloned\.$/.test(thrown.message), `${what}: message ${thrown.message}`);
}

// Symbol-keyed properties are skipped, not refused.
const keyed = structuredClone({ [Symbol("k")]: 1, x: 2 });
assert.deepEqual(Object.getOwnPropertySymbols(keyed), [], "symbol keys are dropped");
assert.deepEqual(keyed, { x: 2 }, "string keys are kept");
