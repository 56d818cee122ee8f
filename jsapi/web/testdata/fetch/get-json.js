// GET a JSON document: the Response, its headers and its body.
import { assert } from "../../../testdata/assert.js";

const res = await fetch(BASE + "/json");
assert.ok(res instanceof Response);
assert.sameValue(res.ok, true);
assert.sameValue(res.status, 200);
assert.sameValue(res.statusText, "OK");
assert.sameValue(res.url, BASE + "/json");
assert.sameValue(res.redirected, false);
assert.sameValue(res.type, "basic");
assert.ok(res.headers instanceof Headers);
assert.sameValue(res.headers.get("Content-Type"), "application/json");
assert.sameValue(res.headers.has("content-length"), true);
assert.sameValue(res.bodyUsed, false);
const data = await res.json();
assert.deepEqual(data, { tasks: [{ sid: "WT1", status: "pending" }], count: 1, name: "é" });
assert.sameValue(res.bodyUsed, true);
await assert.rejects(TypeError, () => res.json(), "a body reads once");

// text(), arrayBuffer() and clone().
const text = await fetch(BASE + "/text");
const copy = text.clone();
assert.sameValue(await text.text(), "hello, flexrun");
assert.sameValue(new TextDecoder().decode(await copy.arrayBuffer()), "hello, flexrun");

// Many at once.
const all = await Promise.all([1, 2, 3, 4, 5].map((i) => fetch(`${BASE}/echo?i=${i}`).then((r) => r.json())));
assert.deepEqual(all.map((x) => x.path), ["/echo?i=1", "/echo?i=2", "/echo?i=3", "/echo?i=4", "/echo?i=5"]);

// A URL object, or anything with a url, as the input.
assert.sameValue((await fetch(new URL("/text", BASE))).status, 200, "a URL object");
const like = await (await fetch({ url: BASE + "/echo", method: "PUT", body: "from a Request-like" })).json();
assert.sameValue(like.method, "PUT");
assert.sameValue(like.body, "from a Request-like");
