// Method, headers and body reach the server as a browser would send them.
import { assert } from "../../../testdata/assert.js";

const echo = async (init, path = "/echo") => (await fetch(BASE + path, init)).json();

const posted = await echo({
  method: "POST",
  headers: { "Content-Type": "application/json", "X-Flex-Token": "abc" },
  body: JSON.stringify({ taskSid: "WT1" }),
});
assert.sameValue(posted.method, "POST");
assert.sameValue(posted.headers["content-type"], "application/json");
assert.sameValue(posted.headers["x-flex-token"], "abc");
assert.sameValue(posted.headers["accept"], "*/*", "the default Accept");
assert.deepEqual(JSON.parse(posted.body), { taskSid: "WT1" });

const text = await echo({ method: "post", body: "plain" });
assert.sameValue(text.method, "POST", "standard methods are upper-cased");
assert.sameValue(text.headers["content-type"], "text/plain;charset=UTF-8", "a string body brings its type");
assert.sameValue((await echo({ method: "patch", body: "x" })).method, "patch", "others are not (as in browsers)");

const form = await echo({ method: "POST", body: new URLSearchParams({ q: "a b", n: "1" }) });
assert.sameValue(form.body, "q=a+b&n=1");
assert.sameValue(form.headers["content-type"], "application/x-www-form-urlencoded;charset=UTF-8");

const object = await echo({ method: "POST", body: { not: "json" } });
assert.sameValue(object.body, "[object Object]", "objects are not JSON-encoded, as in browsers");

const bytes = await echo({ method: "PUT", body: new TextEncoder().encode("bytes") });
assert.sameValue(bytes.body, "bytes");
assert.sameValue(bytes.headers["content-type"], undefined, "bytes bring no type");

const pairs = await echo({ headers: [["X-A", "1"], ["X-A", "2"]] });
assert.sameValue(pairs.headers["x-a"], "1, 2", "headers as pairs");
const h = new Headers({ Authorization: "Bearer t" });
assert.sameValue((await echo({ headers: h })).headers["authorization"], "Bearer t", "a Headers object");
assert.sameValue((await echo({ headers: { accept: "application/json" } })).headers["accept"], "application/json", "Accept can be set");
assert.sameValue((await echo({ method: "DELETE" })).method, "DELETE");
