// Failures: the network (like Node 20, TypeError "fetch failed" with the
// cause), malformed JSON, redirects refused.
import { assert } from "../../../testdata/assert.js";

const down = await assert.rejects(TypeError, () => fetch(CLOSED + "/x"), "nothing listens there");
assert.sameValue(down.message, "fetch failed");
assert.ok(down.cause instanceof Error, "the cause is the Go error");
assert.sameValue(down.cause.code, "ECONNREFUSED");
assert.ok(down.cause.message.includes("connection refused"), down.cause.message);

const bad = await fetch(BASE + "/bad-json");
assert.sameValue(bad.ok, true);
await assert.rejects(SyntaxError, () => bad.json(), "malformed JSON rejects with a SyntaxError");
assert.sameValue(bad.bodyUsed, true);

const followed = await fetch(BASE + "/redirect");
assert.sameValue(followed.redirected, true);
assert.sameValue(followed.url, BASE + "/text");
assert.sameValue(await followed.text(), "hello, flexrun");

const refused = await assert.rejects(TypeError, () => fetch(BASE + "/redirect", { redirect: "error" }), "redirect: error");
assert.sameValue(refused.message, "fetch failed");
assert.sameValue(refused.cause.message, "unexpected redirect");

const manual = await fetch(BASE + "/redirect", { redirect: "manual" });
assert.sameValue(manual.status, 302, "redirect: manual returns the redirect (as Node does)");
assert.sameValue(manual.headers.get("location"), "/text");
assert.sameValue(manual.redirected, false);
