// window.Handlebars, as the Flex 1.x page has it: plugins register helpers
// for Flex's string templates.
import { Manager } from "@twilio/flex-ui";
import { assert } from "../../../testdata/assert.js";

Handlebars.registerHelper("holdTime", (task, options) => `${task.attributes.name} held ${options.hash.unit === "s" ? "12s" : "0:12"}`);
const tpl = Handlebars.compile("{{task.attributes.name}}: {{holdTime task unit=\"s\"}} {{{raw}}} {{html}} {{missing}}");
assert.sameValue(tpl({ task: { attributes: { name: "Bob" } }, raw: "<b>", html: "<i>" }), "Bob: Bob held 12s <b> &lt;i&gt; ");
assert.sameValue(Handlebars.compile("{{safe}}")({ safe: new Handlebars.SafeString("<u>") }), "<u>");
assert.ok("holdTime" in Handlebars.helpers);
const err = assert.throws(Error, () => Handlebars.compile("{{#if x}}y{{/if}}"));
assert.sameValue(err.message, 'Handlebars.compile: "{{#if x}}": blocks and partials are not supported headlessly');
assert.throws(TypeError, () => Handlebars.registerHelper("x", "not a function"));
Manager.getInstance().strings.TaskLineCallAssigned = "Talking to {{task.attributes.name}}";
assert.sameValue(Handlebars.compile(Manager.getInstance().strings.TaskLineCallAssigned)({ task: { attributes: { name: "Ann" } } }), "Talking to Ann");
