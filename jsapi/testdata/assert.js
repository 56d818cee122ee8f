// assert.js: the tiny assertion library of the JS behaviour specs in
// testdata/spec (run by TestSpecs). A failed check throws an
// AssertionError whose stack points at the spec line.
//
//	import { assert } from "../assert.js";
//	assert.sameValue(1 + 1, 2, "sum");

export class AssertionError extends Error {
  constructor(message) {
    super(message);
    this.name = "AssertionError";
  }
}

function show(v) {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "symbol" || typeof v === "function") return String(v);
  if (Object.is(v, -0)) return "-0";
  try {
    const s = JSON.stringify(v);
    if (s !== undefined) return s;
  } catch {
    // cycles, BigInt: fall through
  }
  return String(v);
}

function fail(message, detail) {
  throw new AssertionError((message ? message + ": " : "") + detail);
}

// deepEqualAt returns "" when a and b are deeply equal, else where they differ.
function deepEqualAt(a, b, path, seen) {
  if (Object.is(a, b)) return "";
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    return `${path || "value"}: ${show(a)} !== ${show(b)}`;
  }
  const pair = seen.get(a);
  if (pair === b) return ""; // a cycle already being compared
  seen.set(a, b);
  const at = path || "value";
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) {
    return `${at}: different prototypes (${a.constructor?.name} vs ${b.constructor?.name})`;
  }
  if (a instanceof Date) {
    return Object.is(a.getTime(), b.getTime()) ? "" : `${at}: ${a.toISOString()} !== ${b.toISOString()}`;
  }
  if (a instanceof RegExp) {
    return String(a) === String(b) && a.lastIndex === b.lastIndex ? "" : `${at}: ${a} !== ${b}`;
  }
  if (a instanceof Map) {
    if (a.size !== b.size) return `${at}: Map size ${a.size} !== ${b.size}`;
    const ea = [...a], eb = [...b];
    for (let i = 0; i < ea.length; i++) {
      const d = deepEqualAt(ea[i][0], eb[i][0], `${at}.<key ${i}>`, seen) ||
        deepEqualAt(ea[i][1], eb[i][1], `${at}.<value ${i}>`, seen);
      if (d) return d;
    }
    return "";
  }
  if (a instanceof Set) {
    if (a.size !== b.size) return `${at}: Set size ${a.size} !== ${b.size}`;
    const ea = [...a], eb = [...b];
    for (let i = 0; i < ea.length; i++) {
      const d = deepEqualAt(ea[i], eb[i], `${at}.<entry ${i}>`, seen);
      if (d) return d;
    }
    return "";
  }
  if (Array.isArray(a) && a.length !== b.length) {
    return `${at}: length ${a.length} !== ${b.length}`;
  }
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.join() !== kb.join()) return `${at}: keys [${ka}] !== [${kb}]`;
  for (const k of ka) {
    const d = deepEqualAt(a[k], b[k], `${path}${Array.isArray(a) ? `[${k}]` : `.${k}`}`, seen);
    if (d) return d;
  }
  return "";
}

// checkThrown verifies that err is an instance of ErrorCtor (exactly: its
// constructor, so a TypeError does not pass for Error).
function checkThrown(ErrorCtor, err, message) {
  if (err === null || typeof err !== "object" || err.constructor !== ErrorCtor) {
    const got = err && err.constructor ? err.constructor.name : show(err);
    fail(message, `expected a ${ErrorCtor.name} to be thrown, got ${got}: ${err && err.message}`);
  }
  return err;
}

export const assert = {
  // sameValue checks Object.is(actual, expected).
  sameValue(actual, expected, message) {
    if (!Object.is(actual, expected)) {
      const same = show(actual) === show(expected) ? " (equal, but not the same object)" : "";
      fail(message, `${show(actual)} !== ${show(expected)}${same}`);
    }
  },
  // notSameValue checks !Object.is(actual, expected).
  notSameValue(actual, unexpected, message) {
    if (Object.is(actual, unexpected)) fail(message, `expected something other than ${show(unexpected)}`);
  },
  // ok checks that value is truthy.
  ok(value, message) {
    if (!value) fail(message, `${show(value)} is not truthy`);
  },
  // deepEqual compares own enumerable keys (in order), arrays, Map, Set,
  // Date and RegExp recursively, with prototypes; cycles are allowed.
  deepEqual(actual, expected, message) {
    const d = deepEqualAt(actual, expected, "", new Map());
    if (d) fail(message, d);
  },
  // throws calls fn and checks that it throws an ErrorCtor; it returns the error.
  throws(ErrorCtor, fn, message) {
    try {
      fn();
    } catch (err) {
      return checkThrown(ErrorCtor, err, message);
    }
    fail(message, `expected ${ErrorCtor.name} to be thrown, nothing was thrown`);
  },
  // rejects awaits fnOrPromise (a promise, or a function returning one) and
  // checks that it rejects with an ErrorCtor; it resolves to the error.
  async rejects(ErrorCtor, fnOrPromise, message) {
    try {
      await (typeof fnOrPromise === "function" ? fnOrPromise() : fnOrPromise);
    } catch (err) {
      return checkThrown(ErrorCtor, err, message);
    }
    fail(message, `expected a rejection with ${ErrorCtor.name}, the promise fulfilled`);
  },
};
