// localStorage and sessionStorage: in memory, per engine, strings only.
import { assert } from "../assert.js";

for (const [name, store] of [["localStorage", localStorage], ["sessionStorage", sessionStorage]]) {
  assert.sameValue(window[name], store, `window.${name}`);
  assert.sameValue(store.length, 0, `${name} starts empty`);
  assert.sameValue(store.getItem("missing"), null, `${name}.getItem of a missing key`);
  assert.sameValue(store.key(0), null, `${name}.key out of range`);
}
assert.notSameValue(localStorage, sessionStorage, "two separate stores");
assert.sameValue(Object.prototype.toString.call(localStorage), "[object Storage]", "toStringTag");

localStorage.setItem("theme", "dark");
localStorage.setItem("count", 3);
localStorage.setItem("obj", { a: 1 });
localStorage.setItem("nothing", null);
assert.sameValue(localStorage.getItem("theme"), "dark");
assert.sameValue(localStorage.getItem("count"), "3", "values are stringified");
assert.sameValue(localStorage.getItem("obj"), "[object Object]", "objects too, as in browsers");
assert.sameValue(localStorage.getItem("nothing"), "null", "null becomes \"null\"");
assert.sameValue(localStorage.length, 4);
assert.sameValue(sessionStorage.length, 0, "sessionStorage is separate");
assert.deepEqual([0, 1, 2, 3, 4].map((i) => localStorage.key(i)), ["theme", "count", "obj", "nothing", null], "key(i) in insertion order");

localStorage.setItem("theme", "light");
assert.sameValue(localStorage.getItem("theme"), "light", "setItem replaces");
assert.sameValue(localStorage.key(0), "theme", "replacing keeps the key's place");

// Named properties, as in browsers.
assert.sameValue(localStorage.theme, "light", "items read as properties");
localStorage.viaProperty = 5;
assert.sameValue(localStorage.getItem("viaProperty"), "5", "assignment stores a string");
assert.deepEqual(Object.keys(localStorage), ["theme", "count", "obj", "nothing", "viaProperty"], "Object.keys lists the items");
assert.ok("theme" in localStorage, "in");
delete localStorage.viaProperty;
assert.sameValue(localStorage.getItem("viaProperty"), null, "delete removes the item");
localStorage.setItem("getItem", "x");
assert.sameValue(typeof localStorage.getItem, "function", "an item cannot hide a method");
assert.sameValue(localStorage.getItem("getItem"), "x");
localStorage.removeItem("getItem");

localStorage.removeItem("count");
localStorage.removeItem("never-there");
assert.sameValue(localStorage.length, 3, "removeItem");
assert.sameValue(localStorage.key(1), "obj", "keys close up after a removal");

// JSON round trip, the common use.
localStorage.setItem("prefs", JSON.stringify({ lang: "en", size: 2 }));
assert.deepEqual(JSON.parse(localStorage.getItem("prefs")), { lang: "en", size: 2 });

localStorage.clear();
assert.sameValue(localStorage.length, 0, "clear");
assert.sameValue(localStorage.theme, undefined, "cleared items are gone");

sessionStorage.setItem("k", "v");
assert.sameValue(sessionStorage.getItem("k"), "v");
assert.sameValue(localStorage.getItem("k"), null);

const e = assert.throws(TypeError, () => localStorage.setItem("only key"), "setItem needs two arguments");
assert.sameValue(e.message, "Storage.setItem: 2 arguments required, but only 1 present.");
assert.throws(TypeError, () => localStorage.getItem(), "getItem needs an argument");
assert.throws(TypeError, () => localStorage.getItem.call({}, "k"), "methods need a Storage");
