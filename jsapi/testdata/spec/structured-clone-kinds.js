// structuredClone keeps what kind of object a Date, RegExp or Error is, and
// keeps them shared when they are shared, like any other object.
import { assert } from "../assert.js";

const when = new Date(0);
const pattern = /p/;
const leaves = structuredClone({ d1: when, d2: when, r1: pattern, r2: pattern });
assert.sameValue(leaves.d1, leaves.d2, "a shared Date stays shared");
assert.sameValue(leaves.r1, leaves.r2, "a shared RegExp stays shared");

const plain = structuredClone(new Error("plain"));
assert.ok(plain instanceof Error, "an Error stays an Error");
assert.sameValue(plain.message, "plain", "error message");

for (const Ctor of [TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError]) {
  const copy = structuredClone(new Ctor("bad"));
  assert.sameValue(Object.getPrototypeOf(copy), Ctor.prototype, `a ${Ctor.name} stays a ${Ctor.name}`);
  assert.sameValue(copy.name, Ctor.name, `${Ctor.name} name`);
  assert.sameValue(copy.message, "bad", `${Ctor.name} message`);
}
