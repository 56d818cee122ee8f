// location and navigator (location.go). Navigation is recorded through
// web.Options.OnNavigate (page_test.go); here the page stays.
import { assert } from "../../../testdata/assert.js";

assert.sameValue(window.location, location);
assert.sameValue(location.href, "https://flex.twilio.com/agent-desktop/");
assert.sameValue(location.origin, "https://flex.twilio.com");
assert.sameValue(location.protocol, "https:");
assert.sameValue(location.host, "flex.twilio.com");
assert.sameValue(location.hostname, "flex.twilio.com");
assert.sameValue(location.port, "");
assert.sameValue(location.pathname, "/agent-desktop/");
assert.sameValue(location.search, "");
assert.sameValue(location.hash, "");
assert.sameValue(String(location), location.href, "toString");
assert.sameValue(`${location}`, "https://flex.twilio.com/agent-desktop/");
assert.sameValue(Object.prototype.toString.call(location), "[object Location]");
assert.ok(Object.keys(location).includes("href"), "members are own, enumerable properties");
assert.sameValue(new URL("tasks", location).href, "https://flex.twilio.com/agent-desktop/tasks", "a base for URL");

location.reload();
location.assign("/teams");
location.replace("https://example.com/");
location.href = "queues";
window.location = "/agent-desktop/x";
location.pathname = "/elsewhere";
assert.sameValue(location.href, "https://flex.twilio.com/agent-desktop/", "nothing navigates");
assert.sameValue(assert.throws(DOMException, () => location.assign("http://[")).name, "SyntaxError");
assert.sameValue(assert.throws(TypeError, () => location.assign()).message, "Location.assign: 1 argument required, but only 0 present.");
location.hash = "task/WT1";
assert.sameValue(location.hash, "#task/WT1", "the hash moves within the page");
assert.sameValue(location.href, "https://flex.twilio.com/agent-desktop/#task/WT1");
location.hash = "";
assert.sameValue(location.href, "https://flex.twilio.com/agent-desktop/#");

assert.ok(navigator.userAgent.includes("flexrun"), "the user agent says flexrun");
assert.sameValue(navigator.language, "en-US");
assert.deepEqual(navigator.languages, ["en-US", "en"]);
assert.sameValue(navigator.languages, navigator.languages, "one array");
assert.ok(Object.isFrozen(navigator.languages));
assert.sameValue(navigator.onLine, true);
assert.sameValue(navigator.cookieEnabled, true);
assert.sameValue(typeof navigator.platform, "string");
assert.sameValue(Object.prototype.toString.call(navigator), "[object Navigator]");
assert.sameValue(await navigator.clipboard.writeText("WT1"), undefined, "writeText resolves");
assert.sameValue(await navigator.clipboard.readText(), "WT1", "readText gives back the last text written");
assert.sameValue(assert.throws(TypeError, () => navigator.clipboard.writeText()).message, "Clipboard.writeText: 1 argument required, but only 0 present.");
navigator.clipboard.addEventListener("clipboardchange", () => {}); // an EventTarget
