// TextEncoder and TextDecoder: UTF-8 only, with the Encoding Standard's
// replacement of malformed input.
import { assert } from "../assert.js";

const enc = new TextEncoder();
assert.sameValue(enc.encoding, "utf-8");
const bytes = enc.encode("a€😀");
assert.ok(bytes instanceof Uint8Array, "encode returns a Uint8Array");
assert.deepEqual([...bytes], [0x61, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
assert.sameValue(enc.encode().length, 0, "encode() is empty");
assert.deepEqual([...enc.encode("\ud800")], [0xef, 0xbf, 0xbd], "a lone surrogate becomes U+FFFD");
const dst = new Uint8Array(5);
assert.deepEqual(enc.encodeInto("a€😀", dst), { read: 2, written: 4 }, "encodeInto stops before a character that does not fit");
assert.deepEqual([...dst], [0x61, 0xe2, 0x82, 0xac, 0]);

const dec = new TextDecoder();
assert.sameValue(dec.encoding, "utf-8");
assert.sameValue(dec.fatal, false);
assert.sameValue(dec.decode(bytes), "a€😀");
assert.sameValue(dec.decode(bytes.buffer), "a€😀", "an ArrayBuffer");
assert.sameValue(dec.decode(new DataView(bytes.buffer, 1, 3)), "€", "a DataView window");
assert.sameValue(dec.decode(bytes.subarray(4)), "😀", "a subarray");
assert.sameValue(dec.decode(), "", "decode() is empty");
assert.sameValue(dec.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])), "A", "the BOM is dropped");
assert.sameValue(new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])), "\ufeffA", "unless ignoreBOM");
assert.sameValue(dec.decode(new Uint8Array([0x61, 0xff, 0x62])), "a\ufffdb", "an invalid byte");
assert.sameValue(dec.decode(new Uint8Array([0xe2, 0x82, 0x41])), "\ufffdA", "a truncated sequence is one U+FFFD");
assert.sameValue(dec.decode(new Uint8Array([0xed, 0xa0, 0x80])), "\ufffd\ufffd\ufffd", "an encoded surrogate is three");

// Streaming keeps an incomplete sequence for the next call.
const s = new TextDecoder();
assert.sameValue(s.decode(new Uint8Array([0xe2, 0x82]), { stream: true }), "");
assert.sameValue(s.decode(new Uint8Array([0xac, 0x21]), { stream: true }), "€!");
assert.sameValue(s.decode(), "");

const fatal = new TextDecoder("utf8", { fatal: true });
assert.sameValue(fatal.fatal, true);
const e = assert.throws(TypeError, () => fatal.decode(new Uint8Array([0xff])), "fatal rejects malformed input");
assert.sameValue(e.message, "The encoded data was not valid for encoding utf-8");

assert.sameValue(new TextDecoder(" UTF-8 ").encoding, "utf-8", "labels are trimmed and case-insensitive");
// Only UTF-8 (Node also knows latin1, utf-16le, ...: flexrun does not).
const r = assert.throws(RangeError, () => new TextDecoder("x-nope"), "an unknown label");
assert.sameValue(r.message, 'The "x-nope" encoding is not supported');
assert.throws(TypeError, () => dec.decode("not bytes"), "decode needs bytes");
