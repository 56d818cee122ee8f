// URLSearchParams serializes as application/x-www-form-urlencoded, as
// browsers and Node do: space is "+", letters, digits and *-._ stay, every
// other byte is percent-encoded. Expected values from Node 20.
import { assert } from "../../../testdata/assert.js";

assert.sameValue(new URLSearchParams({ phone: "+1555" }).toString(), "phone=%2B1555", "+ is encoded");
const cases = [
  ["a b", "a+b"],
  ["+", "%2B"],
  ["&", "%26"],
  ["=", "%3D"],
  ["~", "%7E"],
  ["*", "*"],
  ["-._", "-._"],
  ["é", "%C3%A9"],
  ["日本", "%E6%97%A5%E6%9C%AC"],
  ["😀", "%F0%9F%98%80"],
  ["\ud800", "%EF%BF%BD"],
  ["!'()", "%21%27%28%29"],
  ["/?#:@", "%2F%3F%23%3A%40"],
  ["%", "%25"],
];
for (const [value, want] of cases) {
  assert.sameValue(new URLSearchParams([["k", value]]).toString(), "k=" + want, JSON.stringify(value));
  assert.sameValue(new URLSearchParams([[value, ""]]).toString(), want + "=", "name " + JSON.stringify(value));
  assert.sameValue(new URLSearchParams(new URLSearchParams([["k", value]]).toString()).get("k"), value === "\ud800" ? "\ufffd" : value, "round trip " + JSON.stringify(value));
}
assert.sameValue(new URLSearchParams("a=1&b=x+y&c=%2B").toString(), "a=1&b=x+y&c=%2B");
assert.sameValue(String(new URLSearchParams({ to: "+1 555", body: "a&b=c" })), "to=%2B1+555&body=a%26b%3Dc");

// URL.searchParams writes the same into the URL's query.
const u = new URL("https://api.example.com/call");
u.searchParams.set("to", "+1555");
assert.sameValue(u.href, "https://api.example.com/call?to=%2B1555");
assert.sameValue(u.search, "?to=%2B1555");

// And a fetch body: Response reads it back.
assert.sameValue(await new Response(new URLSearchParams({ phone: "+1555" })).text(), "phone=%2B1555");
assert.throws(TypeError, () => URLSearchParams.prototype.toString.call({}), "this must be a URLSearchParams");
