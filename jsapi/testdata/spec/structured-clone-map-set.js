// structuredClone of Map and Set: new containers, entries cloned in order,
// identities and cycles kept, functions inside refused.
import { assert } from "../assert.js";

const key = { k: 1 };
const map = new Map([["a", { v: 1 }], [key, [2]]]);
const mapCopy = structuredClone(map);
assert.ok(mapCopy instanceof Map, "Map stays a Map");
assert.notSameValue(mapCopy, map, "a new Map");
assert.deepEqual(mapCopy, map, "Map entries");
assert.notSameValue(mapCopy.get("a"), map.get("a"), "Map values are copied");
assert.sameValue(mapCopy.has(key), false, "object keys are copied, not shared");

const set = new Set([1, "two", { three: 3 }]);
const setCopy = structuredClone(set);
assert.ok(setCopy instanceof Set, "Set stays a Set");
assert.notSameValue(setCopy, set, "a new Set");
assert.deepEqual(setCopy, set, "Set entries");

const nested = structuredClone({ m: new Map([[1, new Set(["x"])]]) });
assert.ok(nested.m.get(1) instanceof Set, "a Set inside a Map inside an object");

const shared = { tag: "shared" };
const viaMap = structuredClone({ a: shared, m: new Map([["s", shared]]), s: new Set([shared]) });
assert.sameValue(viaMap.m.get("s"), viaMap.a, "shared through a Map");
assert.sameValue([...viaMap.s][0], viaMap.a, "shared through a Set");

const cyclicMap = new Map();
cyclicMap.set("me", cyclicMap);
const cyclicMapCopy = structuredClone(cyclicMap);
assert.sameValue(cyclicMapCopy.get("me"), cyclicMapCopy, "Map cycle");

for (const [value, what] of [[new Map([["f", () => 1]]), "function in a Map"], [new Set([() => 1]), "function in a Set"]]) {
  let thrown;
  try {
    structuredClone(value);
  } catch (err) {
    thrown = err;
  }
  assert.sameValue(thrown?.name, "DataCloneError", what);
}
