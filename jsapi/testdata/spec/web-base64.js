// atob and btoa: forgiving base64 over Latin-1 strings, DOMException
// InvalidCharacterError on bad input (HTML spec; messages from Node 20).
import { assert } from "../assert.js";

assert.sameValue(btoa("hello"), "aGVsbG8=");
assert.sameValue(btoa(""), "");
assert.sameValue(btoa("\u00ff\u00fe"), "//4=", "Latin-1 characters are bytes");
assert.sameValue(btoa(12), "MTI=", "the argument is converted to a string");
assert.sameValue(atob("aGVsbG8="), "hello");
assert.sameValue(atob("aGVsbG8"), "hello", "padding is optional");
assert.sameValue(atob(" aGVs\nbG8= "), "hello", "ASCII whitespace is ignored");
assert.sameValue(atob("//4="), "\u00ff\u00fe", "bytes become Latin-1 characters");
assert.sameValue(atob(btoa("\x00\x01\x80")), "\x00\x01\x80", "round trip");
// The usual UTF-8 dance.
const binary = btoa(String.fromCharCode(...new TextEncoder().encode("héllo €")));
assert.sameValue(new TextDecoder().decode(Uint8Array.from([...atob(binary)], (c) => c.charCodeAt(0))), "héllo €");

const e = assert.throws(DOMException, () => btoa("€"), "a character above U+00FF");
assert.sameValue(e.name, "InvalidCharacterError");
assert.sameValue(e.message, "Invalid character");
assert.sameValue(e.code, 5);
assert.ok(e instanceof Error, "a DOMException is an Error");
for (const [bad, message] of [
  ["a", "The string to be decoded is not correctly encoded."],
  ["ab!c", "Invalid character"],
  ["aGVsbG8===", "Invalid character"],
  ["ab=c", "Invalid character"],
]) {
  const d = assert.throws(DOMException, () => atob(bad), `atob(${JSON.stringify(bad)})`);
  assert.sameValue(d.name, "InvalidCharacterError");
  assert.sameValue(d.message, message, `atob(${JSON.stringify(bad)}) message`);
}
assert.throws(TypeError, () => atob(), "atob needs an argument");
assert.throws(TypeError, () => btoa(), "btoa needs an argument");
