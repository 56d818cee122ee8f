// Response built by hand (what fetch resolves to is tested in web/fetch_test.go).
import { assert } from "../assert.js";

const r = new Response('{"a":1}', { status: 201, statusText: "Created", headers: { "X-Id": "7" } });
assert.sameValue(r.status, 201);
assert.sameValue(r.statusText, "Created");
assert.sameValue(r.ok, true);
assert.sameValue(r.type, "default");
assert.sameValue(r.url, "");
assert.sameValue(r.redirected, false);
assert.sameValue(r.headers.get("x-id"), "7");
assert.sameValue(r.headers.get("content-type"), "text/plain;charset=UTF-8", "a string body brings its type");
assert.sameValue(r.bodyUsed, false);
assert.deepEqual(await r.clone().json(), { a: 1 }, "clone, then json");
assert.sameValue(await r.text(), '{"a":1}');
assert.sameValue(r.bodyUsed, true, "read once");
const used = await assert.rejects(TypeError, () => r.text(), "a body reads once");
assert.sameValue(used.message, "Body is unusable: Body has already been read");
assert.throws(TypeError, () => r.clone(), "a used body cannot be cloned");

const empty = new Response();
assert.sameValue(empty.status, 200);
assert.sameValue(empty.statusText, "");
assert.sameValue(await empty.text(), "");
assert.sameValue(empty.bodyUsed, false, "a null body is never used");

assert.sameValue(new Response(null, { status: 404 }).ok, false);
const bytes = await new Response(new Uint8Array([104, 105])).arrayBuffer();
assert.ok(bytes instanceof ArrayBuffer);
assert.sameValue(new TextDecoder().decode(bytes), "hi");
assert.sameValue(await new Response({ a: 1 }).text(), "[object Object]", "objects are not JSON-encoded, as in browsers");
const form = new Response(new URLSearchParams({ q: "a b" }));
assert.sameValue(form.headers.get("content-type"), "application/x-www-form-urlencoded;charset=UTF-8");
assert.sameValue(await form.text(), "q=a+b");
assert.sameValue(await new Response(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xff])).text(), "A\ufffd", "UTF-8 decode: BOM dropped, bad bytes replaced");

const bad = await assert.rejects(SyntaxError, () => new Response("{oops").json(), "malformed JSON");
assert.ok(bad instanceof SyntaxError);

const j = Response.json({ ok: true }, { status: 202 });
assert.sameValue(j.status, 202);
assert.sameValue(j.headers.get("content-type"), "application/json");
assert.deepEqual(await j.json(), { ok: true });

const e = Response.error();
assert.sameValue(e.type, "error");
assert.sameValue(e.status, 0);
assert.throws(TypeError, () => e.headers.set("a", "b"), "the headers of an error response are immutable");

const redirect = Response.redirect("https://example.com/next", 301);
assert.sameValue(redirect.status, 301);
assert.sameValue(redirect.headers.get("location"), "https://example.com/next");
assert.throws(RangeError, () => Response.redirect("https://example.com/", 200), "not a redirect status");

assert.throws(RangeError, () => new Response("x", { status: 99 }), "status out of range");
assert.throws(TypeError, () => new Response("x", { status: 204 }), "a null-body status with a body");
assert.ok(r instanceof Response);
assert.sameValue(Object.prototype.toString.call(r), "[object Response]");
