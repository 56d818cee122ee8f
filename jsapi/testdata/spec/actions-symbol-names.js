// A Symbol is not an action or event name: every Actions method that takes
// a name refuses it as it refuses other non-strings, instead of filing it
// under its description (goja's string form of Symbol("n") is "n"), where
// it would be another action's.
import { Actions } from "@twilio/flex-ui";
import { assert } from "../assert.js";

const n = Symbol("n");
const log = [];
Actions.registerAction("n", () => log.push("body n"));

for (const [api, what, call] of [
  ["registerAction", "action", () => Actions.registerAction(n, () => log.push("symbol body"))],
  ["replaceAction", "action", () => Actions.replaceAction(n, () => log.push("symbol replacement"))],
  ["addListener", "event", () => Actions.addListener(n, () => log.push("symbol listener"))],
  ["removeListener", "event", () => Actions.removeListener(n, () => {})],
  ["removeAllListeners", "event", () => Actions.removeAllListeners(n)],
  ["blockAction", "action", () => Actions.blockAction(n)],
  ["unblockAction", "action", () => Actions.unblockAction(n)],
]) {
  const e = assert.throws(TypeError, call, api);
  assert.sameValue(e.message, `Actions.${api}: the ${what} name must be a string, received symbol Symbol(n)`);
}
// The emitter addListener returns refuses it too, and counts none.
const emitter = Actions.addListener("beforen", () => {});
assert.throws(TypeError, () => emitter.addListener(n, () => {}));
assert.sameValue(emitter.listenerCount(n), 0);

// invokeAction never throws (spec rule 3): it rejects.
const rejected = await assert.rejects(TypeError, Actions.invokeAction(n));
assert.sameValue(rejected.message, "Actions.invokeAction: the action name must be a string, received symbol Symbol(n)");
const nameless = await assert.rejects(TypeError, Actions.invokeAction(Symbol()));
assert.sameValue(nameless.message, "Actions.invokeAction: the action name must be a string, received symbol Symbol()");

// Nothing reached action "n": it is unreplaced, unblocked, and runs its own body.
await Actions.invokeAction("n");
assert.deepEqual(log, ["body n"]);

// A Symbol matches no pending or blocked action.
Actions.blockAction("n");
assert.deepEqual(Actions.findBlockedActions(n), {});
assert.deepEqual(Actions.findBlockedActions([n, "n"]), { n: undefined, first: { action: "n", payload: undefined } });
assert.deepEqual(Actions.findPendingActions([n]), {});
