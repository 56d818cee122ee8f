// Built-ins goja runs in Go, where the job budget cannot stop them, throw
// V8's RangeError up front (natives.go); normal inputs give what they
// always gave. The expected output in native-bounds.js.stdout is Node
// 20's: `node native-bounds.mjs` prints the same lines. Each deep case
// is a job of its own (`await tick()`): under -race one takes seconds.
function show(label, f) {
  let out;
  try {
    out = f();
  } catch (e) {
    out = `${e.constructor.name}: ${e.message}`;
  }
  console.log(`${label}: ${typeof out === "string" ? out : String(out)}`);
}
function nest(depth, make) {
  let o = {};
  for (let i = 0; i < depth; i++) o = make(o);
  return o;
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const huge = () => {
  const a = [];
  a.length = 2 ** 32 - 1;
  return a;
};

// Too big or too deep: V8's RangeError, at once.
show("stringify 20k-deep object", () => JSON.stringify(nest(20000, (o) => ({ a: o }))));
await tick();
show("stringify 20k-deep array", () => JSON.stringify(nest(20000, (o) => [o])));
await tick();
show("stringify 20k-deep, replacer", () => JSON.stringify(nest(20000, (o) => ({ a: o })), (k, v) => v));
await tick();
show("stringify 20k-deep via toJSON", () => JSON.stringify(nest(20000, (o) => ({ toJSON: () => ({ a: o }) }))));
await tick();
show("String(huge)", () => String(huge()));
show("huge.join()", () => huge().join());
show("huge.toString()", () => huge().toString());
show("huge.join(' | ')", () => huge().join(" | "));
show("Array(2**32-1).join('x')", () => Array(2 ** 32 - 1).join("x"));
show("Array.prototype.join.call", () => Array.prototype.join.call(huge(), "-"));
show("repeat 2**30", () => "x".repeat(2 ** 30));
show("repeat 2**28 of 2", () => "ab".repeat(2 ** 28));
show("padStart 2**30", () => "x".padStart(2 ** 30));
show("padEnd 2**30", () => "x".padEnd(2 ** 30, "ab"));
show("concat huge", () => huge().concat([1]));
show("concat huge, 1", () => huge().concat(1));

// Normal inputs: unchanged.
show("stringify depth 4000", () => JSON.stringify(nest(4000, (o) => ({ a: o }))).length);
await tick();
const value = {
  s: "x\u2028\"", n: 1.5, neg: -0, nan: NaN, b: true, nul: null, u: undefined, f() {},
  sym: Symbol("s"), date: new Date(0), list: [1, undefined, () => 1, "z", [[]], {}],
  boxed: [new Number(3), new String("s"), new Boolean(false)], nested: { a: { b: { c: [1, { d: 2 }] } } },
  withToJSON: { toJSON(key) { return { key, inner: { toJSON: () => "inner" } }; } },
  get getter() { return { got: 1 }; },
};
show("stringify", () => JSON.stringify(value));
show("stringify space 2", () => JSON.stringify(value, null, 2));
show("stringify space tab", () => JSON.stringify(value.nested, undefined, "\t"));
show("stringify space 20", () => JSON.stringify([1, [2]], null, 20));
show("stringify replacer fn", () => JSON.stringify(value, function (k, v) {
  if (typeof v === "number") return v * 2;
  if (k === "list") return `${Array.isArray(this.list)}:${v.length}`;
  return v;
}));
show("stringify replacer drops", () => JSON.stringify({ a: 1, b: { a: 2, c: 3 } }, (k, v) => (k === "a" ? undefined : v)));
show("stringify replacer replaces root", () => JSON.stringify({ a: 1 }, (k, v) => (k === "" ? [v, v] : v)));
show("stringify replacer list", () => JSON.stringify({ b: 1, a: { b: 2, c: 3, a: 4 }, c: [{ a: 5, z: 6 }] }, ["a", "b", 1]));
show("stringify replacer list, space", () => JSON.stringify({ b: 1, a: 2 }, ["a", "b"], 1));
show("stringify replacer object", () => JSON.stringify({ a: 1 }, {}));
show("stringify primitives", () => [JSON.stringify(1), JSON.stringify("s"), JSON.stringify(undefined), JSON.stringify(null), JSON.stringify(() => 1)].join(" "));
show("stringify shared, not a cycle", () => { const s = { x: 1 }; return JSON.stringify({ a: s, b: [s, s] }); });
show("stringify replacer throws", () => JSON.stringify({ a: 1 }, () => { throw new TypeError("from replacer"); }));
show("stringify getter throws", () => JSON.stringify({ get a() { throw new SyntaxError("from getter"); } }));
const cyc = { a: [] };
cyc.a.push({ back: cyc });
show("stringify cycle", () => { try { JSON.stringify(cyc); } catch (e) { return e.constructor.name; } });
show("stringify BigInt", () => { try { JSON.stringify({ n: 1n }); } catch (e) { return e.constructor.name; } });
const order = [];
const spy = { get a() { order.push("get a"); return { toJSON() { order.push("toJSON a"); return 1; } }; }, get b() { order.push("get b"); return 2; } };
JSON.stringify(spy, function (k, v) { order.push(`replacer ${k}`); return v; });
show("stringify call order", () => order.join(", "));
const sparse = [];
sparse.length = 5;
sparse[2] = "two";
show("join", () => [1, null, undefined, "s", [2, 3], { toString: () => "o" }].join());
show("join sep", () => [1, 2, 3].join(" - ") + "|" + [1, 2].join("") + "|" + [1, 2].join(undefined) + "|" + [1, 2].join(0));
show("join sparse", () => sparse.join("x") + "|" + String(sparse) + "|" + Array(3).join("ab"));
show("join array-like", () => Array.prototype.join.call({ length: 3, 0: "a", 2: "c" }, "+"));
show("join cycle", () => { const a = [1]; a.push(a, 2); return a.join(); });
show("join sep object", () => [1, 2].join({ toString: () => "~" }));
show("repeat", () => ["ab".repeat(3), "".repeat(2 ** 40), "x".repeat(0), "x".repeat("2"), "x".repeat(2.9)].join("|"));
// goja's own wording for a bad count ("Invalid count value") lacks V8's ": -1".
show("repeat Infinity, -1", () => [Infinity, -1].map((n) => { try { "x".repeat(n); } catch (e) { return e.constructor.name; } }).join());
show("repeat empty, huge", () => "".repeat(2 ** 30).length);
show("pad", () => ["x".padStart(4), "x".padEnd(4, "ab"), "abc".padStart(2), "x".padStart(2 ** 30, ""), "x".padEnd("3", "-")].join("|"));
show("concat", () => JSON.stringify([1].concat([2, [3]], 4, "s", { length: 1, 0: "o" })));
const notSpread = [5, 6];
notSpread[Symbol.isConcatSpreadable] = false;
show("concat not spreadable", () => [1].concat(notSpread).length);
show("concat of huge, spread off", () => { const h = huge(); h[Symbol.isConcatSpreadable] = false; return [1].concat(h).length; });
show("names", () => [Array.prototype.join, Array.prototype.concat, String.prototype.repeat, String.prototype.padStart, String.prototype.padEnd, JSON.stringify]
  .map((f) => `${f.name}/${f.length} ${Function.prototype.toString.call(f)}`).join(", "));
show("descriptors", () => [[Array.prototype, "join"], [String.prototype, "padEnd"], [JSON, "stringify"]]
  .map(([o, k]) => { const d = Object.getOwnPropertyDescriptor(o, k); return `${d.writable}${d.enumerable}${d.configurable}`; }).join(" "));
show("keys", () => `${Object.keys(Array.prototype).length} ${Object.keys(String.prototype).length} ${Object.keys(JSON).length}`);
