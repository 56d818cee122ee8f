// Manager.getInstance(): the store (Redux's contract plus addReducer, the
// flex slice mirroring the world), the workerClient, the user, the
// configurations, and process.env.
import { Actions, Manager } from "@twilio/flex-ui";
import { world } from "flexrun";
import { assert } from "../../../testdata/assert.js";

const manager = Manager.getInstance();
assert.sameValue(manager, Manager.getInstance(), "one instance");
assert.sameValue(manager.user.token, "tok-spec");
assert.deepEqual(manager.serviceConfiguration, { account_sid: "AC1", ui_attributes: { theme: "dark" } }, "keys sorted, as the world file is read into Go");
assert.deepEqual(manager.configuration, { theme: "dark", sso: { accountSid: "AC1" } }, "ui_attributes under appConfig, as Flex merges them");
assert.sameValue(process.env.FLEX_APP_CRM_URL, "https://crm.example.com");
assert.sameValue(process.env.NODE_ENV, "development");
process.env.FLEX_APP_SET_AT_RUN_TIME = "1";
assert.sameValue(window.process.env.FLEX_APP_SET_AT_RUN_TIME, "1", "one live object");

// The store's flex slice.
const { store } = manager;
let flex = store.getState().flex;
assert.deepEqual([flex.worker.worker.name, flex.worker.activity.name, flex.worker.attributes.skills[0]], ["ada", "Available", "fr"]);
assert.ok(flex.worker.tasks instanceof Map);
assert.sameValue(flex.session.ssoTokenPayload.token, "tok-spec");
assert.sameValue(flex.view.activeView, "agent-desktop");

// Subscribers hear of world changes, once per burst, after the change.
let calls = 0;
const unsubscribe = store.subscribe(() => calls++);
world.addTask({ sid: "WR1" });
world.addTask({ sid: "WR2" });
assert.sameValue(store.getState().flex.worker.tasks.size, 0, "not yet: dispatched after the change");
await Promise.resolve();
assert.sameValue(calls, 1);
assert.deepEqual([...store.getState().flex.worker.tasks.keys()], ["WR1", "WR2"]);
assert.sameValue(store.getState().flex.worker.tasks.get("WR1"), world.task("WR1"), "the live task");
assert.notSameValue(store.getState().flex, flex, "a new slice for a new world");
flex = store.getState().flex;
store.dispatch({ type: "UNRELATED" });
assert.sameValue(store.getState().flex, flex, "the same slice while the world is unchanged");
unsubscribe();
unsubscribe();

// addReducer: a plugin's slice under its key, with Redux's rules.
const initial = { count: 0 };
store.addReducer("counter", (state = initial, action) => (action.type === "INC" ? { count: state.count + 1 } : state));
assert.deepEqual(store.getState().counter, { count: 0 });
store.dispatch({ type: "INC" });
assert.deepEqual(store.getState().counter, { count: 1 });
assert.throws(Error, () => store.dispatch("INC"));
assert.throws(Error, () => store.dispatch({}));
store.addReducer("broken", (state, action) => (action.type === "BREAK" ? undefined : state || {}));
const broken = assert.throws(Error, () => store.dispatch({ type: "BREAK" }));
assert.ok(broken.message.startsWith('When called with an action of type "BREAK", the slice reducer for key "broken" returned undefined.'), broken.message);
assert.throws(TypeError, () => store.addReducer("x", "not a function"));

// The workerClient, as the TaskRouter SDK's Worker.
const wc = manager.workerClient;
assert.deepEqual([wc.sid, wc.name, wc.available], ["WK1", "ada", true]);
const updated = [];
wc.on("attributesUpdated", (w) => updated.push(w.attributes));
await wc.setAttributes({ skills: ["fr", "de"] });
await Promise.resolve();
assert.deepEqual(updated, [{ skills: ["fr", "de"] }]);
assert.deepEqual(world.worker.attributes, { skills: ["fr", "de"] });
await assert.rejects(TypeError, wc.setAttributes(null));

// A plugin replacing a built-in still reaches the world through original.
Actions.replaceAction("SetActivity", (payload, original) => original({ ...payload, activityName: "Busy", activitySid: "WA5" }));
await Actions.invokeAction("SetActivity", { activityName: "Break" });
assert.sameValue(world.worker.activity, "Busy");
