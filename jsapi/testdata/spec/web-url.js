// URL follows the URL Standard (web/urlparse.go); URLSearchParams comes
// from goja_nodejs. Expected values checked against Node 20.
import { assert } from "../assert.js";

const u = new URL("https://user:pw@Example.COM:8443/a/b c?x=1&y=two#frag");
assert.sameValue(u.href, "https://user:pw@example.com:8443/a/b%20c?x=1&y=two#frag");
assert.sameValue(u.protocol, "https:");
assert.sameValue(u.username, "user");
assert.sameValue(u.password, "pw");
assert.sameValue(u.host, "example.com:8443");
assert.sameValue(u.hostname, "example.com", "hosts are lowercased");
assert.sameValue(u.port, "8443");
assert.sameValue(u.origin, "https://example.com:8443");
assert.sameValue(u.pathname, "/a/b%20c", "spaces are percent-encoded");
assert.sameValue(u.search, "?x=1&y=two");
assert.sameValue(u.hash, "#frag");
assert.sameValue(String(u), u.href, "String(url) is its href");
assert.sameValue(JSON.stringify({ u }), `{"u":"${u.href}"}`, "toJSON");
assert.ok(u instanceof URL);

// What goja_nodejs's URL got wrong, and the rest of the common cases.
const cases = [
  ["https://example.com/v1/", undefined, "https://example.com/v1/"],
  ["https://example.com", undefined, "https://example.com/"],
  ["https://example.com/a//b", undefined, "https://example.com/a//b"],
  ["https://example.com:443/x", undefined, "https://example.com/x"],
  ["http://example.com:80", undefined, "http://example.com/"],
  ["HTTP://EXAMPLE.com/%7Efoo?a=b c'd", undefined, "http://example.com/%7Efoo?a=b%20c%27d"],
  ["https://example.com/a/b/../c/./d", undefined, "https://example.com/a/c/d"],
  ["https://example.com/a/..", undefined, "https://example.com/"],
  ["http:\\\\example.com\\a\\b", undefined, "http://example.com/a/b"],
  ["  https://example.com/\t\nx  ", undefined, "https://example.com/x"],
  ["https://example.com/é?é#é", undefined, "https://example.com/%C3%A9?%C3%A9#%C3%A9"],
  ["https://bücher.de/", undefined, "https://xn--bcher-kva.de/"],
  ["http://[::1]:3000/x", undefined, "http://[::1]:3000/x"],
  ["tasks", "https://example.com/v1/", "https://example.com/v1/tasks"],
  ["tasks", "https://example.com/v1/queues", "https://example.com/v1/tasks"],
  ["../c?q", "https://example.com/a/b/", "https://example.com/a/c?q"],
  ["/api/x", "https://example.com/a/b/", "https://example.com/api/x"],
  ["?x=1", "https://example.com/v1/p?old#h", "https://example.com/v1/p?x=1"],
  ["#top", "https://example.com/v1/p?q", "https://example.com/v1/p?q#top"],
  ["", "https://example.com/v1/p?q#h", "https://example.com/v1/p?q"],
  ["//cdn.example.com/lib.js", "https://example.com/", "https://cdn.example.com/lib.js"],
  ["https://other.com/x", "https://example.com/", "https://other.com/x"],
  ["mailto:ada@example.com", undefined, "mailto:ada@example.com"],
  ["data:text/plain,hi there", undefined, "data:text/plain,hi there"],
  ["file:///etc/hosts", undefined, "file:///etc/hosts"],
  ["wss://example.com:443/socket", undefined, "wss://example.com/socket"],
  ["foo://host/path?q", undefined, "foo://host/path?q"],
];
for (const [input, base, want] of cases) {
  assert.sameValue(new URL(input, base).href, want, `new URL(${JSON.stringify(input)}, ${JSON.stringify(base)})`);
}
assert.sameValue(new URL("mailto:ada@example.com").pathname, "ada@example.com", "an opaque path");
assert.sameValue(new URL("mailto:x").origin, "null");
assert.sameValue(new URL("tasks", new URL("https://example.com/v1/")).href, "https://example.com/v1/tasks", "a URL as the base");

for (const [input, base] of [["/relative"], ["https://"], ["http://exa mple.com"], ["https://example.com:99999"], ["x", "not a base"], ["http://[::1/"]]) {
  const e = assert.throws(TypeError, () => new URL(input, base), `new URL(${JSON.stringify(input)}, ${JSON.stringify(base)}) throws`);
  assert.sameValue(e.code, "ERR_INVALID_URL");
  assert.sameValue(e.message, "Invalid URL");
}
assert.sameValue(URL.canParse("https://x.com"), true);
assert.sameValue(URL.canParse("nope"), false);
assert.sameValue(URL.canParse("nope", "https://x.com"), true);

// Setters.
const s = new URL("https://example.com/a?x=1#h");
s.pathname = "/b c/";
s.search = "y=2";
s.hash = "top";
s.port = "8080";
s.hostname = "API.example.com";
assert.sameValue(s.href, "https://api.example.com:8080/b%20c/?y=2#top");
s.port = "443";
assert.sameValue(s.port, "", "the default port reads as none");
s.host = "other.com:81";
assert.sameValue(s.host, "other.com:81");
s.protocol = "http";
assert.sameValue(s.href, "http://other.com:81/b%20c/?y=2#top");
s.protocol = "mailto"; // special to non-special is ignored
assert.sameValue(s.protocol, "http:");
s.username = "ada";
s.password = "pw";
assert.sameValue(s.href, "http://ada:pw@other.com:81/b%20c/?y=2#top");
s.search = "";
s.hash = "";
assert.sameValue(s.href, "http://ada:pw@other.com:81/b%20c/");
s.href = "https://reset.com/";
assert.sameValue(s.host, "reset.com");
assert.throws(TypeError, () => { s.href = "nope"; }, "a bad href throws");

// searchParams and the URL stay in step.
const q = new URL("https://example.com/find?a=1&b=x%20y");
const params = q.searchParams;
assert.sameValue(q.searchParams, params, "one URLSearchParams per URL");
assert.sameValue(params.get("b"), "x y");
assert.sameValue(q.search, "?a=1&b=x%20y", "reading params does not rewrite the query");
params.append("c", "3 4");
assert.sameValue(q.href, "https://example.com/find?a=1&b=x+y&c=3+4", "a change to the params rewrites the query");
params.delete("a");
params.delete("b");
params.delete("c");
assert.sameValue(q.href, "https://example.com/find", "no params, no ?");
q.search = "?k=v&k=w";
assert.deepEqual(params.getAll("k"), ["v", "w"], "setting search refills the params");
q.href = "https://example.com/?z=1";
assert.sameValue(params.get("z"), "1", "so does setting href");

const p = new URLSearchParams({ a: "1", b: "x y" });
p.append("a", "2");
assert.deepEqual(p.getAll("a"), ["1", "2"]);
assert.sameValue(p.toString(), "a=1&b=x+y&a=2");
assert.deepEqual([...new URLSearchParams("?k=v&k2=%C3%A9")], [["k", "v"], ["k2", "é"]], "parsed from a string, iterable");
assert.deepEqual([...new URLSearchParams([["z", "1"], ["y", "2"]]).keys()], ["z", "y"], "from pairs");

// Edge cases, expected values generated with Node 20: [input, base, [href, origin] or null for a throw].
const edges = [
  ["http://example.com/a/b/c/../../d",null,["http://example.com/a/d","http://example.com"]],
  ["http://example.com/%2e%2E/x",null,["http://example.com/x","http://example.com"]],
  ["http://example.com/a/./b/.",null,["http://example.com/a/b/","http://example.com"]],
  ["http://example.com?",null,["http://example.com/?","http://example.com"]],
  ["http://example.com#",null,["http://example.com/#","http://example.com"]],
  ["http://example.com/?#",null,["http://example.com/?#","http://example.com"]],
  ["HTTP://Ex%41mple.com/",null,["http://example.com/","http://example.com"]],
  ["http://example.com:/x",null,["http://example.com/x","http://example.com"]],
  ["http://example.com:0080/",null,["http://example.com/","http://example.com"]],
  ["http://user@example.com",null,["http://user@example.com/","http://example.com"]],
  ["http://:pw@example.com",null,["http://:pw@example.com/","http://example.com"]],
  ["http://us er:p@ss@example.com/",null,["http://us%20er:p%40ss@example.com/","http://example.com"]],
  ["https://example.com/{}|^`",null,["https://example.com/%7B%7D|^%60","https://example.com"]],
  ["https://example.com/?q={}|^`\"",null,["https://example.com/?q={}|^`%22","https://example.com"]],
  ["https://example.com/#frag ment<>",null,["https://example.com/#frag%20ment%3C%3E","https://example.com"]],
  ["foo:bar",null,["foo:bar","null"]],
  ["foo:/bar/../baz",null,["foo:/baz","null"]],
  ["foo://HOST/x",null,["foo://HOST/x","null"]],
  ["javascript:alert(1)",null,["javascript:alert(1)","null"]],
  ["blob:https://example.com/uuid",null,["blob:https://example.com/uuid","https://example.com"]],
  ["http://[2001:DB8::1]/",null,["http://[2001:db8::1]/","http://[2001:db8::1]"]],
  ["file:///C:/x/../y",null,["file:///C:/y","null"]],
  ["file://localhost/etc",null,["file:///etc","null"]],
  ["..","http://example.com/a/b/c",["http://example.com/a/","http://example.com"]],
  [".","http://example.com/a/b/c",["http://example.com/a/b/","http://example.com"]],
  ["./","http://example.com/a/b/c",["http://example.com/a/b/","http://example.com"]],
  ["../../../../x","http://example.com/a/",["http://example.com/x","http://example.com"]],
  ["x","foo://host",["foo://host/x","null"]],
  ["x","foo://host/",["foo://host/x","null"]],
  ["x/y","foo:/a/b",["foo:/a/x/y","null"]],
  ["http:x","http://example.com/a/b",["http://example.com/a/x","http://example.com"]],
  ["https:x","http://example.com/a/b",["https://x/","https://x"]],
  ["\\\\other.com\\p","http://example.com/",["http://other.com/p","http://other.com"]],
  ["//x","foo://host/a",["foo://x","null"]],
  ["?q","mailto:a@b",null],
  ["#f","mailto:a@b",["mailto:a@b#f","null"]],
  ["ws://example.com:80/",null,["ws://example.com/","ws://example.com"]],
  ["http://exa mple.com",null,null],
  ["http://example.com:65536/",null,null],
  ["http://example.com:8o/",null,null],
  ["http://a b/",null,null],
  ["http://%41.com/",null,["http://a.com/","http://a.com"]],
  ["http://example.com/a%zzb",null,["http://example.com/a%zzb","http://example.com"]],
  ["http://example.com/a%2Fb",null,["http://example.com/a%2Fb","http://example.com"]],
  ["https://例え.jp/パス",null,["https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9","https://xn--r8jz45g.jp"]],
  ["http://example.com/ x",null,["http://example.com/%C2%A0x","http://example.com"]],
];
for (const [input, base, want] of edges) {
  const what = `new URL(${JSON.stringify(input)}, ${JSON.stringify(base)})`;
  if (want === null) {
    assert.throws(TypeError, () => new URL(input, base ?? undefined), what);
    continue;
  }
  const u = new URL(input, base ?? undefined);
  assert.deepEqual([u.href, u.origin], want, what);
}
