// AbortController: before, during and after the request.
import { assert } from "../../../testdata/assert.js";

// During: rejects at once with the AbortError.
const during = new AbortController();
const slow = fetch(BASE + "/slow", { signal: during.signal });
await fetch(BASE + "/wait-slow");
during.abort();
const err = await assert.rejects(DOMException, slow, "aborted while in flight");
assert.sameValue(err.name, "AbortError");
assert.sameValue(err.message, "This operation was aborted");

// With a reason: rejects with it.
const why = new AbortController();
const slow2 = fetch(BASE + "/slow", { signal: why.signal });
const reason = new Error("the user navigated away");
why.abort(reason);
assert.sameValue(await slow2.catch((e) => e), reason);

// After the response: reading the body rejects, as the stream would error.
const after = new AbortController();
const res = await fetch(BASE + "/json", { signal: after.signal });
after.abort();
await assert.rejects(DOMException, () => res.json(), "body read after abort");

// Once done, aborting changes nothing.
const done = new AbortController();
const ok = await fetch(BASE + "/text", { signal: done.signal });
assert.sameValue(await ok.text(), "hello, flexrun");
done.abort();

// A look-alike signal (a bundled polyfill) works too.
const listeners = [];
const fake = {
  aborted: false,
  addEventListener(type, fn) { listeners.push(fn); },
  removeEventListener(type, fn) { listeners.splice(listeners.indexOf(fn), 1); },
};
const viaFake = fetch(BASE + "/slow", { signal: fake });
assert.sameValue(listeners.length, 1, "fetch listens to the look-alike");
fake.aborted = true;
listeners[0]();
const fakeErr = await viaFake.catch((e) => e);
assert.sameValue(fakeErr.name, "AbortError");
assert.sameValue(listeners.length, 0, "and stops listening once settled");
