// Task actions: payload enrichment as Flex does it, and the state changes
// of a reservation's life (pending → accepted → wrapping → completed).
import { Actions, TaskHelper } from "@twilio/flex-ui";
import { world } from "flexrun";
import { assert } from "../../../testdata/assert.js";

const seen = [];
Actions.addListener("beforeAcceptTask", (p) => seen.push(p));

// {sid} as a task SID or a reservation SID gains the task; the caller's
// object is copied (task (copy)), extra fields are kept.
const given = { sid: "WT1", note: "from a test" };
await Actions.invokeAction("AcceptTask", given);
const p = seen[0];
assert.notSameValue(p, given, "AcceptTask copies the payload");
assert.sameValue(given.task, undefined, "the caller's object is not changed");
assert.sameValue(p.task, world.task("WR1"), "the live task");
assert.sameValue(p.sid, "WT1", "the sid stays as given");
assert.sameValue(p.note, "from a test");
assert.deepEqual(p.conferenceOptions, { endConferenceOnExit: true, endConferenceOnCustomerExit: true, conferenceRecord: false },
  "conferenceOptions as Flex fills them: no worker on the call yet, no recording configured");
assert.sameValue(world.task("WR1").status, "accepted");
assert.sameValue(world.task("WT1").taskStatus, "assigned");

// {task} gains sid.
const t2 = world.task("WR2");
await Actions.invokeAction("AcceptTask", { task: t2, conferenceOptions: { record: true } });
assert.sameValue(seen[1].sid, "WR2");
assert.deepEqual(seen[1].conferenceOptions, { record: true, endConferenceOnExit: true, endConferenceOnCustomerExit: true, conferenceRecord: false },
  "given conferenceOptions are kept and completed");

// A task the world does not have, and transitions the state does not allow.
const unknown = await assert.rejects(Error, Actions.invokeAction("AcceptTask", { sid: "WR404" }));
assert.sameValue(unknown.message, "Reservation WR404 for task not found (the world has WR1, WR2, WR3)", "Flex's wording");
assert.sameValue(unknown.content.description, "Error in action AcceptTask body: Reservation WR404 for task not found (the world has WR1, WR2, WR3)");
const twice = await assert.rejects(Error, Actions.invokeAction("AcceptTask", { sid: "WR1" }));
assert.sameValue(twice.message, "Reservation WR1 is not in pending state");
const early = await assert.rejects(Error, Actions.invokeAction("CompleteTask", { sid: "WR2" }).then(() => Actions.invokeAction("CompleteTask", { sid: "WR2" })));
assert.sameValue(early.message, "Reservation WR2 is in completed state");
const noSid = await assert.rejects(Error, Actions.invokeAction("WrapupTask"));
assert.sameValue(noSid.message, "WrapupTask: the payload needs a task or a sid");

// The life of a task, and the worker's tasks in the store.
await Actions.invokeAction("WrapupTask", { sid: "WR1" });
assert.sameValue(world.task("WR1").status, "wrapping");
assert.ok(TaskHelper.isInWrapupMode(world.task("WR1")));
await Actions.invokeAction("CompleteTask", { sid: "WR1" });
assert.sameValue(world.task("WR1").status, "completed");
assert.deepEqual(world.tasks.map((t) => t.sid + " " + t.status), ["WR1 completed", "WR2 completed", "WR3 accepted"]);
await Promise.resolve();
const state = (await import("@twilio/flex-ui")).Manager.getInstance().store.getState();
assert.deepEqual([...state.flex.worker.tasks.keys()], ["WR3"], "completed tasks leave the worker's tasks");

// RejectTask only for a pending reservation.
world.addTask({ sid: "WR4" });
await Actions.invokeAction("RejectTask", { sid: "WR4" });
assert.sameValue(world.task("WR4").status, "rejected");
await assert.rejects(Error, Actions.invokeAction("RejectTask", { sid: "WR3" }));

// task.setAttributes resolves and changes the live task.
const t3 = world.task("WR3");
const back = await t3.setAttributes({ vip: true });
assert.sameValue(back, t3);
assert.deepEqual(t3.attributes, { vip: true });

// world.actions: each body that ran, with a JSON copy of its payload made
// when it started: the task written as its reservation SID, functions dropped.
const fn = () => {};
await Actions.invokeAction("SelectTask", { task: t3, callback: fn, nested: { n: 1 } });
const rec = world.actions.find((a) => a.name === "SelectTask");
assert.deepEqual(rec, { name: "SelectTask", payload: { task: "WR3", nested: { n: 1 }, sid: "WR3" } });
assert.deepEqual(world.actions.map((a) => a.name), [
  "AcceptTask", "AcceptTask", "AcceptTask", "AcceptTask", "CompleteTask", "CompleteTask", "WrapupTask", "WrapupTask",
  "CompleteTask", "RejectTask", "RejectTask", "SelectTask", "HistoryPush",
]);

// A plugin's registerAction of a built-in name shadows it.
Actions.registerAction("RejectTask", () => "mine");
assert.sameValue(await Actions.invokeAction("RejectTask", { sid: "WR3" }), "mine");

// With call recording on in the service configuration, Flex's webhook.
(await import("@twilio/flex-ui")).Manager.getInstance().serviceConfiguration.call_recording_enabled = true;
Object.assign((await import("@twilio/flex-ui")).Manager.getInstance().serviceConfiguration, { account_sid: "AC1", taskrouter_workspace_sid: "WS1" });
world.addTask({ sid: "WR5" });
const before = seen.length;
await Actions.invokeAction("AcceptTask", { sid: "WR5" });
assert.deepEqual(seen[before].conferenceOptions, {
  endConferenceOnExit: true, endConferenceOnCustomerExit: true, conferenceRecord: true,
  conferenceRecordingStatusCallback: "https://webhooks.twilio.com/v1/Accounts/AC1/Workspaces/WS1/Tasks/WT5/FlexRecordingWebhook",
  conferenceRecordingStatusCallbackMethod: "POST",
});
