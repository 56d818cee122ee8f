// fetch rejections that need no server (the HTTP cases are in web/fetch_test.go).
import { assert } from "../assert.js";

assert.sameValue(typeof fetch, "function");
assert.sameValue(window.fetch, fetch);

const noArgs = fetch();
assert.ok(noArgs instanceof Promise, "fetch never throws: it returns a promise");
await assert.rejects(TypeError, noArgs, "fetch() needs an input");

const rel = await assert.rejects(TypeError, () => fetch("/api/tasks"), "a relative URL has no base here");
assert.sameValue(rel.message, "Failed to parse URL from /api/tasks");
assert.sameValue(rel.cause.code, "ERR_INVALID_URL");
await assert.rejects(TypeError, () => fetch("http://exa mple.com/"), "a bad host");

const scheme = await assert.rejects(TypeError, () => fetch("ftp://example.com/file"), "an unsupported scheme");
assert.sameValue(scheme.message, "fetch failed");
assert.ok(scheme.cause.message.startsWith("unknown scheme"), scheme.cause.message);

const creds = await assert.rejects(TypeError, () => fetch("https://user:pw@example.com/"), "credentials in the URL");
assert.sameValue(creds.message, "Request cannot be constructed from a URL that includes credentials: https://user:pw@example.com/");

const get = await assert.rejects(TypeError, () => fetch("https://example.com/", { body: "x" }), "GET with a body");
assert.sameValue(get.message, "Request with GET/HEAD method cannot have body.");
await assert.rejects(TypeError, () => fetch("https://example.com/", { method: "HEAD", body: "x" }), "HEAD with a body");
const method = await assert.rejects(TypeError, () => fetch("https://example.com/", { method: "BAD METHOD" }), "an invalid method");
assert.sameValue(method.message, "'BAD METHOD' is not a valid HTTP method.");
await assert.rejects(TypeError, () => fetch("https://example.com/", { method: "CONNECT" }), "a forbidden method");
await assert.rejects(TypeError, () => fetch("https://example.com/", { headers: { "bad name": "x" } }), "a bad header");
await assert.rejects(TypeError, () => fetch("https://example.com/", { signal: "nope" }), "a signal that is not one");
await assert.rejects(TypeError, () => fetch("https://example.com/", { redirect: "sideways" }), "a bad redirect mode");

// An already aborted signal rejects before anything is sent.
const c = new AbortController();
c.abort();
const aborted = await assert.rejects(DOMException, () => fetch("https://example.com/", { signal: c.signal }), "an aborted signal");
assert.sameValue(aborted.name, "AbortError");
assert.sameValue(aborted.message, "This operation was aborted");
const reason = new Error("gave up");
const custom = await fetch("https://example.com/", { signal: AbortSignal.abort(reason) }).catch((e) => e);
assert.sameValue(custom, reason, "rejects with the signal's reason");
