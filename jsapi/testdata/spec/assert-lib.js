// The specs' own assertion library fails when it should.
import { assert, AssertionError } from "../assert.js";

assert.sameValue(NaN, NaN, "sameValue is Object.is");
assert.throws(AssertionError, () => assert.sameValue(0, -0), "0 vs -0");
assert.throws(AssertionError, () => assert.sameValue(1, "1"), "no coercion");
assert.throws(AssertionError, () => assert.notSameValue(1, 1));
assert.throws(AssertionError, () => assert.ok(0));

assert.deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] });
assert.throws(AssertionError, () => assert.deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] }));
assert.throws(AssertionError, () => assert.deepEqual([1, 2], [1, 2, 3]));
assert.throws(AssertionError, () => assert.deepEqual({ a: 1 }, { a: 1, b: undefined }));
assert.throws(AssertionError, () => assert.deepEqual([1], { 0: 1 }), "prototypes differ");
assert.throws(AssertionError, () => assert.deepEqual(new Map([[1, 2]]), new Map([[1, 3]])));
assert.throws(AssertionError, () => assert.deepEqual(new Set([1]), new Set([2])));
assert.throws(AssertionError, () => assert.deepEqual(new Date(1), new Date(2)));
assert.throws(AssertionError, () => assert.deepEqual(/a/g, /a/i));
const c1 = { n: 1 }, c2 = { n: 1 };
c1.self = c1;
c2.self = c2;
assert.deepEqual(c1, c2, "cycles");

const err = assert.throws(TypeError, () => null.x);
assert.ok(err instanceof TypeError, "throws returns the error");
assert.throws(AssertionError, () => assert.throws(TypeError, () => {}), "nothing thrown");
assert.throws(AssertionError, () => assert.throws(TypeError, () => { throw new RangeError("r"); }), "wrong kind");
assert.throws(AssertionError, () => assert.throws(Error, () => { throw new TypeError("t"); }), "kind is exact");

const rejected = await assert.rejects(RangeError, Promise.reject(new RangeError("r")));
assert.sameValue(rejected.message, "r", "rejects returns the error");
await assert.rejects(RangeError, async () => { throw new RangeError("r"); }, "async function");
await assert.rejects(AssertionError, assert.rejects(Error, Promise.resolve(1)), "fulfilled");
await assert.rejects(AssertionError, assert.rejects(Error, Promise.reject(new TypeError("t"))), "wrong kind");

const failure = assert.throws(AssertionError, () => assert.sameValue(1, 2, "context"));
assert.sameValue(failure.message, "context: 1 !== 2", "message");
assert.ok(failure instanceof Error, "an Error");
