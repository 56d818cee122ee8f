// An HTTP error status is a response, not a rejection.
import { assert } from "../../../testdata/assert.js";

const missing = await fetch(BASE + "/missing");
assert.sameValue(missing.ok, false);
assert.sameValue(missing.status, 404);
assert.sameValue(missing.statusText, "Not Found");
assert.sameValue(await missing.text(), "404 page not found\n");

const teapot = await fetch(BASE + "/teapot");
assert.sameValue(teapot.status, 418);
assert.sameValue(teapot.statusText, "I'm a teapot");

const none = await fetch(BASE + "/no-content");
assert.sameValue(none.status, 204);
assert.sameValue(await none.text(), "");
assert.sameValue(none.bodyUsed, false, "a 204 has a null body");

const head = await fetch(BASE + "/text", { method: "HEAD" });
assert.sameValue(head.status, 200);
assert.sameValue(await head.text(), "", "HEAD has no body");

const cookies = await fetch(BASE + "/cookies");
assert.deepEqual(cookies.headers.getSetCookie(), ["a=1", "b=2"]);
assert.sameValue(cookies.headers.get("x-multi"), "one, two");
assert.throws(TypeError, () => cookies.headers.set("x", "y"), "a fetched response's headers are immutable");
