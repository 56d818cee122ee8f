// The TaskRouter Reservation of a task tells its listeners of every move,
// whichever way the task moved: a built-in action (HangupCall wraps up), the
// reservation's own methods, or SetActivity rejecting pending ones.
import { Actions, Manager } from "@twilio/flex-ui";
import { world } from "flexrun";
import { assert } from "../../../testdata/assert.js";

const events = [];
Manager.getInstance().workerClient.on("reservationCreated", (r) => {
  for (const e of ["accepted", "rejected", "wrapup", "completed"]) r.on(e, () => events.push(`${r.sid} ${e}`));
});
const call = world.reserve({ sid: "WR1" });
world.reserve({ sid: "WR2" });
world.reserve({ sid: "WR3", taskChannelUniqueName: "chat" });
await Actions.invokeAction("AcceptTask", { sid: "WR1" });
await Actions.invokeAction("HangupCall", { sid: "WR1" });
await Actions.invokeAction("CompleteTask", { sid: "WR1" });
await Actions.invokeAction("SetActivity", { activityName: "Break", options: { rejectPendingReservations: true } });
const r3 = Manager.getInstance().workerClient.reservations;
assert.deepEqual([...r3.keys()], [], "rejected and completed ones are no longer the worker's");
await world.settle();
assert.deepEqual(events, ["WR1 accepted", "WR1 wrapup", "WR1 completed", "WR2 rejected", "WR3 rejected"]);

// The shapes plugins read on a live call.
const t = world.reserve({ sid: "WR4" });
await Actions.invokeAction("AcceptTask", { sid: "WR4" });
assert.deepEqual([t.conference.liveParticipantCount, t.conference.liveWorkerCount], [2, 1]);
assert.deepEqual(t.conference.participants.map((p) => p.isMyself), [false, true]);
assert.sameValue(t.sourceObject.sid, "WR4", "the TaskRouter reservation behind the task");
assert.sameValue(call.conference.liveParticipantCount, 0, "the hung-up call");
assert.sameValue(Manager.getInstance().workerClient.accountSid.slice(0, 2), "AC");
assert.sameValue(Manager.getInstance().workerClient.channels.get("WCvoice").capacity, 1);
assert.ok(Manager.getInstance().store.getState().flex.conferences.states.get("WT4").source === t.conference);
