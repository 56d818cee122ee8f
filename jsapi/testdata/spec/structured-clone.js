// structuredClone copies data like the HTML structured clone algorithm:
// objects, arrays, primitives, Date, RegExp, cycles and shared references.
// Map/Set, symbols and kept identities have files of their own.
import { assert } from "../assert.js";

// Plain objects and arrays: a deep copy, equal but not the same.
const src = { n: 1, s: "x", b: true, u: undefined, nul: null, nested: { list: [1, [2, 3], { deep: "y" }] } };
const copy = structuredClone(src);
assert.deepEqual(copy, src, "object copy");
assert.notSameValue(copy, src, "a new object");
assert.notSameValue(copy.nested, src.nested, "nested objects are copied");
assert.notSameValue(copy.nested.list, src.nested.list, "nested arrays are copied");
assert.ok(Array.isArray(copy.nested.list), "arrays stay arrays");
assert.ok("u" in copy, "undefined-valued keys are kept");
copy.nested.list[2].deep = "changed";
assert.sameValue(src.nested.list[2].deep, "y", "the copy does not alias the source");

// Class instances lose their prototype; non-enumerable properties are skipped.
class Point {
  constructor() {
    this.x = 1;
  }
  get twice() {
    return this.x * 2;
  }
}
const pointCopy = structuredClone(new Point());
assert.sameValue(Object.getPrototypeOf(pointCopy), Object.prototype, "prototype becomes Object.prototype");
assert.deepEqual(pointCopy, { x: 1 }, "own enumerable data only");
const hidden = Object.defineProperty({ shown: 1 }, "hidden", { value: 2, enumerable: false });
assert.deepEqual(structuredClone(hidden), { shown: 1 }, "non-enumerable properties are skipped");

// Sparse arrays keep their length and holes.
const sparse = [1, , 3];
const sparseCopy = structuredClone(sparse);
assert.sameValue(sparseCopy.length, 3, "sparse length");
assert.ok(!(1 in sparseCopy), "holes stay holes");

// Primitives come back as they are.
assert.sameValue(structuredClone(5), 5, "number");
assert.sameValue(structuredClone("s"), "s", "string");
assert.sameValue(structuredClone(true), true, "boolean");
assert.sameValue(structuredClone(null), null, "null");
assert.sameValue(structuredClone(undefined), undefined, "undefined");
assert.sameValue(structuredClone(-0), -0, "-0");
assert.ok(Number.isNaN(structuredClone(NaN)), "NaN");

// Date and RegExp.
const date = new Date(Date.UTC(2024, 1, 29, 12, 30));
const dateCopy = structuredClone(date);
assert.ok(dateCopy instanceof Date, "Date stays a Date");
assert.notSameValue(dateCopy, date, "a new Date");
assert.sameValue(dateCopy.getTime(), date.getTime(), "Date time");

const re = /a+b/gi;
const reCopy = structuredClone(re);
assert.ok(reCopy instanceof RegExp, "RegExp stays a RegExp");
assert.notSameValue(reCopy, re, "a new RegExp");
assert.sameValue(reCopy.source, "a+b", "RegExp source");
assert.sameValue(reCopy.flags, "gi", "RegExp flags");

// Cycles and shared references keep their shape.
const cyclic = { name: "root", list: [] };
cyclic.self = cyclic;
cyclic.list.push(cyclic);
const cyclicCopy = structuredClone(cyclic);
assert.notSameValue(cyclicCopy, cyclic, "a new root");
assert.sameValue(cyclicCopy.self, cyclicCopy, "self cycle points at the copy");
assert.sameValue(cyclicCopy.list[0], cyclicCopy, "cycle through an array");

const shared = { tag: "shared" };
const twice = { a: shared, b: shared, list: [shared, shared] };
const twiceCopy = structuredClone(twice);
assert.notSameValue(twiceCopy.a, shared, "shared object is copied");
assert.sameValue(twiceCopy.a, twiceCopy.b, "shared references stay shared");
assert.sameValue(twiceCopy.list[0], twiceCopy.a, "shared through an array");
assert.sameValue(twiceCopy.list[1], twiceCopy.a, "shared twice in an array");

// Functions cannot be cloned: DataCloneError, an Error named so.
function dataCloneError(value, what) {
  let thrown;
  try {
    structuredClone(value);
  } catch (err) {
    thrown = err;
  }
  assert.ok(thrown !== undefined, `${what}: nothing thrown`);
  assert.sameValue(thrown.name, "DataCloneError", `${what}: error name`);
  assert.ok(thrown instanceof Error, `${what}: an Error`);
  assert.ok(/could not be cloned\.$/.test(thrown.message), `${what}: message ${thrown.message}`);
}
dataCloneError(() => 1, "arrow function");
dataCloneError(function named() {}, "function");
dataCloneError(class {}, "class");
dataCloneError({ nested: { fn() {} } }, "method in an object");
dataCloneError([1, () => 2], "function in an array");

// The value argument is required (WebIDL; Node: ERR_MISSING_ARGS).
assert.throws(TypeError, () => structuredClone(), "structuredClone()");
