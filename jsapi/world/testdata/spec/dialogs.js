// confirm answers from the world's list (then the CLI's --confirm), alerts
// and confirms are recorded; fetch answers from the world's http list, in
// order, and a hermetic world refuses anything else.
import { world } from "flexrun";
import { assert } from "../../../testdata/assert.js";

assert.sameValue(confirm("Accept?"), false);
assert.sameValue(confirm("Sure?"), true);
assert.sameValue(confirm("Again?"), true, "the list is used up: the default answer");
alert("saved");
assert.deepEqual(world.confirms, ["Accept?", "Sure?", "Again?"]);
assert.deepEqual(world.alerts, ["saved"]);

const r = await fetch("https://crm.example.com/customers?phone=%2B1555", { headers: { "X-Api-Key": "k" } });
assert.deepEqual(await r.json(), { name: "Bob", tier: "gold" });
const again = await fetch("https://crm.example.com/customers?phone=%2B1555").catch((e) => e);
assert.ok(again instanceof TypeError && again.message === "fetch failed", "each entry answers once");
const post = await fetch("https://crm.example.com/notes", { method: "POST", body: JSON.stringify({ note: 1 }) });
assert.deepEqual([post.status, await post.text()], [201, "created"]);
for (let i = 0; i < 3; i++) assert.ok((await fetch("https://crm.example.com/health")).ok, "repeat answers every time");
assert.deepEqual(world.fetches.map((f) => f.method + " " + f.url), [
  "GET https://crm.example.com/customers?phone=%2B1555",
  "GET https://crm.example.com/customers?phone=%2B1555",
  "POST https://crm.example.com/notes",
  "GET https://crm.example.com/health",
  "GET https://crm.example.com/health",
  "GET https://crm.example.com/health",
]);
assert.sameValue(world.fetches[0].headers["x-api-key"], "k");
assert.sameValue(world.fetches[2].body, '{"note":1}');
