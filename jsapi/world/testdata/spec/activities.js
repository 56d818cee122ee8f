// The worker's activity: SetActivity by sid or name (enriched both ways),
// SetWorkerActivity, Logout, and the workerClient's activityUpdated event.
import { Actions, Manager } from "@twilio/flex-ui";
import { world } from "flexrun";
import { assert } from "../../../testdata/assert.js";

const manager = Manager.getInstance();
const events = [];
manager.workerClient.on("activityUpdated", (w) => events.push(w.activity.name));
const seen = [];
Actions.addListener("beforeSetActivity", (p) => seen.push({ ...p }));

await Actions.invokeAction("SetActivity", { activityName: "Break" });
assert.deepEqual(seen[0], { activityName: "Break", activitySid: "WA3", activityAvailable: false, options: { rejectPendingReservations: false } });
assert.deepEqual([world.worker.activity, world.worker.available], ["Break", false]);
assert.deepEqual(events, ["Break"], "activityUpdated, after the change");
assert.sameValue(manager.workerClient.activity.name, "Break");
assert.sameValue(manager.store.getState().flex.worker.activity.name, "Break");

await Actions.invokeAction("SetActivity", { activitySid: "WA1" });
assert.sameValue(seen[1].activityName, "Available");
assert.sameValue(world.worker.activity, "Available");

const unknown = await assert.rejects(Error, Actions.invokeAction("SetActivity", { activityName: "Lunch" }));
assert.sameValue(unknown.message, 'SetActivity: no activity "Lunch" (the world has Available, On a Task, Break, Offline, Busy)');
assert.sameValue(world.worker.activity, "Available", "unchanged");

// rejectPendingReservations.
world.addTask({ sid: "WR1" });
await Actions.invokeAction("SetActivity", { activityName: "Busy", options: { rejectPendingReservations: true } });
assert.sameValue(world.task("WR1").status, "rejected");

// Activities through the workerClient, as the TaskRouter SDK has them.
assert.deepEqual([...manager.workerClient.activities.values()].map((a) => a.name), ["Available", "On a Task", "Break", "Offline", "Busy"]);
await manager.workerClient.activities.get("WA2").setAsCurrent();
assert.sameValue(world.worker.activity, "On a Task");

// Another worker's activity, and our own through SetWorkerActivity.
await Actions.invokeAction("SetWorkerActivity", { workerSid: "WK7", activityName: "Offline" });
assert.deepEqual(world.state().otherWorkers, { WK7: { activity: "Offline" } });
await Actions.invokeAction("SetWorkerActivity", { workerSid: "WK1", activitySid: "WA1" });
assert.sameValue(world.worker.activity, "Available");

// Logout goes Offline.
await Actions.invokeAction("Logout");
assert.deepEqual([world.worker.activity, world.worker.loggedOut], ["Offline", true]);
await Promise.resolve();
assert.deepEqual(events, ["Break", "Available", "Busy", "On a Task", "Available", "Offline"]);
