// document and its elements (document.go, element.go, htmlelement.go,
// style.go): what plugins and the libraries they bundle touch at load time.
import { assert } from "../../../testdata/assert.js";

assert.sameValue(document.readyState, "complete");
assert.sameValue(document.visibilityState, "visible");
assert.sameValue(document.hidden, false);
assert.sameValue(document.location, location, "document.location is window.location");
assert.sameValue(document.URL, "https://flex.twilio.com/agent-desktop/");
assert.sameValue(document.defaultView, window);
assert.ok(document instanceof EventTarget, "document is an EventTarget");
assert.sameValue(String(document), "[object HTMLDocument]");
assert.sameValue(document.head.tagName, "HEAD");
assert.sameValue(document.body.tagName, "BODY");
assert.sameValue(document.documentElement.tagName, "HTML");
assert.deepEqual(document.documentElement.children, [document.head, document.body]);
assert.sameValue(document.head.parentNode, document.documentElement);
assert.sameValue(document.head.nextSibling, document.body);

// title
assert.sameValue(document.title, "");
document.title = "Flex";
assert.sameValue(document.title, "Flex");

// createElement: tagName, attributes, style, classList, children, text.
const div = document.createElement("Div");
assert.sameValue(div.tagName, "DIV", "tagName is upper case");
assert.sameValue(div.nodeName, "DIV");
assert.sameValue(div.nodeType, 1);
assert.ok(div instanceof EventTarget, "an element is an EventTarget");
assert.sameValue(div.getAttribute("data-x"), null, "absent attribute: null");
div.setAttribute("Data-X", 7);
assert.sameValue(div.getAttribute("data-x"), "7", "names are lower case, values strings");
assert.sameValue(div.hasAttribute("DATA-X"), true);
div.removeAttribute("data-x");
assert.sameValue(div.hasAttribute("data-x"), false);
assert.sameValue(assert.throws(DOMException, () => div.setAttribute("a b", "")).name, "InvalidCharacterError");
assert.sameValue(assert.throws(TypeError, () => div.setAttribute("a")).message, "Element.setAttribute: 2 arguments required, but only 1 present.");
assert.sameValue(assert.throws(DOMException, () => document.createElement("")).name, "InvalidCharacterError");
div.id = "crm-panel";
assert.sameValue(div.getAttribute("id"), "crm-panel", "id reflects the attribute");

div.style.display = "none";
div.style.opacity = 0.5;
div.style.setProperty("background-color", "red");
assert.sameValue(div.style.opacity, "0.5", "style values are strings");
assert.sameValue(div.style.backgroundColor, "red", "setProperty takes CSS names");
assert.sameValue(div.style.getPropertyValue("display"), "none");
assert.sameValue(div.style.cssText, "display: none; opacity: 0.5; background-color: red;");
Object.assign(div.style, { color: "blue" });
assert.deepEqual(Object.keys(div.style), ["display", "opacity", "backgroundColor", "color"]);
assert.sameValue(div.style.removeProperty("color"), "blue");
div.style.display = "";
assert.sameValue(div.style.display, undefined, "\"\" removes a property");
div.style.cssText = "margin: 0; padding: 4px";
assert.deepEqual(Object.keys(div.style), ["margin", "padding"]);
assert.sameValue(div.style, div.style, "one style object");

div.classList.add("a", "b");
div.classList.add("a");
assert.sameValue(div.className, "a b");
assert.sameValue(div.classList.contains("b"), true);
div.classList.remove("a");
assert.sameValue(div.getAttribute("class"), "b");
assert.sameValue(div.classList.toggle("c"), true);
assert.sameValue(div.classList.toggle("c"), false);
assert.sameValue(div.classList.toggle("d", false), false);
assert.sameValue(div.classList.length, 1);
assert.sameValue(String(div.classList), "b");
assert.sameValue(assert.throws(DOMException, () => div.classList.add("")).name, "SyntaxError");
assert.sameValue(assert.throws(DOMException, () => div.classList.add("x y")).name, "InvalidCharacterError");
const bare = document.createElement("span");
bare.classList.remove("x");
assert.sameValue(bare.hasAttribute("class"), false, "no class attribute made for nothing");

// Children and text.
const text = document.createTextNode("Hello");
assert.sameValue(text.nodeType, 3);
assert.sameValue(text.data, "Hello");
const b = document.createElement("b");
assert.sameValue(div.appendChild(text), text, "appendChild returns the child");
div.appendChild(b);
b.textContent = " world";
div.append("!", document.createElement("i"));
assert.sameValue(div.textContent, "Hello world!");
assert.sameValue(div.childNodes.length, 4);
assert.deepEqual(div.children.map((e) => e.tagName), ["B", "I"], "children: the elements");
assert.sameValue(div.firstChild, text);
assert.sameValue(text.parentNode, div);
assert.sameValue(div.innerHTML, "Hello<b> world</b>!<i></i>");
assert.sameValue(div.removeChild(text), text);
assert.sameValue(text.parentNode, null);
assert.sameValue(assert.throws(DOMException, () => div.removeChild(text)).name, "NotFoundError");
assert.sameValue(assert.throws(TypeError, () => div.appendChild({})).message, "Node.appendChild: Argument 1 does not implement interface Node.");
assert.sameValue(assert.throws(DOMException, () => b.appendChild(div)).name, "HierarchyRequestError", "no cycles");
div.insertBefore(text, b);
assert.sameValue(div.firstChild, text, "insertBefore");
div.innerHTML = "<p class=\"x\">raw &amp; kept</p>";
assert.sameValue(div.innerHTML, "<p class=\"x\">raw &amp; kept</p>", "innerHTML keeps its string");
assert.sameValue(div.childNodes.length, 0, "innerHTML is not parsed into elements");
assert.sameValue(div.textContent, "raw &amp; kept");
div.textContent = "";
assert.sameValue(div.innerHTML, "");

// A style tag as emotion and styled-components insert one.
const style = document.createElement("style");
style.setAttribute("data-emotion", "css");
style.appendChild(document.createTextNode(".a > .b { color: red }"));
document.head.insertBefore(style, document.head.firstChild);
assert.sameValue(document.head.firstChild, style);
assert.sameValue(style.outerHTML, "<style data-emotion=\"css\">.a > .b { color: red }</style>", "style text is not escaped");
assert.sameValue(style.isConnected, true);

// Lookup by id, only among the elements in the tree.
const panel = document.createElement("div");
panel.id = "crm";
assert.sameValue(document.getElementById("crm"), null, "not in the tree yet");
document.body.appendChild(panel);
assert.sameValue(document.getElementById("crm"), panel);
assert.sameValue(document.querySelector("#crm"), panel);
assert.deepEqual(document.querySelectorAll("#crm"), [panel]);
assert.sameValue(document.querySelector("div.x"), null, "other selectors match nothing");
assert.deepEqual(document.querySelectorAll("style[data-emotion]"), []);
assert.sameValue(document.querySelector("head"), document.head);
assert.sameValue(assert.throws(DOMException, () => document.querySelector("")).name, "SyntaxError");
panel.remove();
assert.sameValue(document.getElementById("crm"), null, "removed");

// Elements are EventTargets; click() dispatches a click.
let clicks = 0;
panel.addEventListener("click", (ev) => { clicks++; assert.sameValue(ev.target, panel); });
panel.click();
assert.sameValue(clicks, 1);
let ready = 0;
document.addEventListener("DOMContentLoaded", () => ready++);
document.dispatchEvent(new Event("DOMContentLoaded"));
assert.sameValue(ready, 1, "document.addEventListener");

// document.cookie: one cookie per assignment, attributes parsed, not listed.
assert.sameValue(document.cookie, "");
document.cookie = "a=1";
assert.sameValue(document.cookie, "a=1");
document.cookie = "b=two; path=/; max-age=3600; SameSite=Lax";
assert.sameValue(document.cookie, "a=1; b=two");
document.cookie = "a=3";
assert.sameValue(document.cookie, "a=3; b=two", "same name: replaced in place");
document.cookie = "a=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
assert.sameValue(document.cookie, "b=two", "an Expires in the past deletes");
document.cookie = "b=; max-age=0";
assert.sameValue(document.cookie, "", "max-age=0 deletes");
document.cookie = "flag";
assert.sameValue(document.cookie, "flag", "a nameless cookie");
