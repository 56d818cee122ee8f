// Headers, as in the Fetch standard (and Node 20).
import { assert } from "../assert.js";

const h = new Headers({ "Content-Type": "application/json", "X-B": " padded " });
assert.sameValue(h.get("content-type"), "application/json", "get is case-insensitive");
assert.sameValue(h.get("CONTENT-TYPE"), "application/json");
assert.sameValue(h.get("x-b"), "padded", "values are trimmed");
assert.sameValue(h.get("missing"), null);
assert.sameValue(h.has("X-b"), true);
assert.sameValue(h.has("nope"), false);

h.append("Accept", "text/html");
h.append("accept", "application/json");
assert.sameValue(h.get("accept"), "text/html, application/json", "repeated headers combine");
h.set("Accept", "*/*");
assert.sameValue(h.get("accept"), "*/*", "set replaces all");
h.delete("x-b");
assert.sameValue(h.has("x-b"), false);

// Iteration is sorted by lowercase name.
h.append("Set-Cookie", "a=1");
h.append("set-cookie", "b=2");
h.append("b-header", "1");
assert.deepEqual([...h], [["accept", "*/*"], ["b-header", "1"], ["content-type", "application/json"], ["set-cookie", "a=1"], ["set-cookie", "b=2"]]);
assert.deepEqual([...h.keys()], ["accept", "b-header", "content-type", "set-cookie", "set-cookie"]);
assert.deepEqual([...h.values()], ["*/*", "1", "application/json", "a=1", "b=2"]);
assert.deepEqual([...h.entries()][0], ["accept", "*/*"]);
assert.deepEqual(h.getSetCookie(), ["a=1", "b=2"]);
assert.sameValue(h.get("set-cookie"), "a=1, b=2");
const seen = [];
h.forEach(function (value, name, headers) { seen.push(`${name}=${value} ${headers === h} ${this.tag}`); }, { tag: "t" });
assert.sameValue(seen[0], "accept=*/* true t", "forEach(value, name, headers) with thisArg");
assert.deepEqual(Object.fromEntries(new Headers([["a", "1"], ["b", "2"]])), { a: "1", b: "2" }, "from pairs, to an object");
assert.deepEqual([...new Headers(h)], [...h], "copied from another Headers");
assert.deepEqual([...new Headers(new Map([["m", "v"]]))], [["m", "v"]], "from any iterable of pairs");
assert.deepEqual([...new Headers()], [], "empty");
assert.sameValue(Object.prototype.toString.call(h), "[object Headers]");

assert.throws(TypeError, () => new Headers({ "bad name": "x" }), "an invalid name");
assert.throws(TypeError, () => h.append("x", "a\nb"), "an invalid value");
assert.throws(TypeError, () => new Headers([["only-name"]]), "a pair of length 1");
assert.throws(TypeError, () => new Headers("x: y"), "a string init");
assert.throws(TypeError, () => h.get(), "get needs a name");
assert.throws(TypeError, () => Headers.prototype.get.call({}, "x"), "methods need a Headers");
