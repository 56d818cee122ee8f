// The live call: hold and unhold of the call and of participants, kick,
// hang up, external warm transfer, transfers, DTMF, mute and outbound calls.
import { Actions, TaskHelper } from "@twilio/flex-ui";
import { world } from "flexrun";
import { assert } from "../../../testdata/assert.js";

const t = world.task("WR1");
const part = (sid) => t.conference.participants.find((p) => p.sid === sid);
assert.ok(TaskHelper.isLiveCall(t) && TaskHelper.canHold(t));

// HoldCall mutates the caller's payload (task (mutates)).
const payload = { sid: "WR1", holdMusicUrl: "https://music.example.com/a.mp3" };
await Actions.invokeAction("HoldCall", payload);
assert.sameValue(payload.task, t, "HoldCall's update changes the caller's object");
assert.sameValue(part("CA2").hold, true);
assert.sameValue(part("CA2").onHold, true, "Flex's name for it");
assert.sameValue(t.holdMusicUrl, "https://music.example.com/a.mp3");
await Actions.invokeAction("UnholdCall", { sid: "WR1" });
assert.sameValue(part("CA2").hold, false);

// Participants by targetSid (participant, call or worker SID) or object.
await Actions.invokeAction("HoldParticipant", { sid: "WR1", targetSid: "WK9" });
assert.sameValue(part("CA3").hold, true);
await Actions.invokeAction("UnholdParticipant", { task: t, participant: part("CA3") });
assert.sameValue(part("CA3").hold, false);
const nobody = await assert.rejects(Error, Actions.invokeAction("KickParticipant", { sid: "WR1", targetSid: "CA404" }));
assert.sameValue(nobody.message, "KickParticipant: task WR1 has no participant CA404");
await Actions.invokeAction("KickParticipant", { sid: "WR1", targetSid: "CA3" });
assert.sameValue(part("CA3").status, "left");

// Call actions on a task that is not a call, or not live.
const chat = await assert.rejects(Error, Actions.invokeAction("HoldCall", { sid: "WR2" }));
assert.sameValue(chat.message, "HoldCall: task WR2 is not a call (chat)");
const pending = await assert.rejects(Error, Actions.invokeAction("HangupCall", { sid: "WR3" }));
assert.sameValue(pending.message, "HangupCall: task WR3 is pending, not accepted");

// DTMF.
await Actions.invokeAction("SendDTMFDigits", { sid: "WR1", digits: "12#" });
assert.sameValue(t.dtmf, "12#");
await assert.rejects(Error, Actions.invokeAction("SendDTMFDigits", { sid: "WR1", digits: "12x" }));
await Actions.invokeAction("ToggleDTMFDialpad", { sid: "WR1" });
assert.sameValue(world.view.dialpad.WR1, true);

// External warm transfer adds a participant.
await Actions.invokeAction("StartExternalWarmTransfer", { sid: "WR1", phoneNumber: "+15550100", callerId: "+15550199" });
const ext = t.conference.participants.find((p) => p.participantType === "external");
assert.deepEqual([ext.phoneNumber, ext.callerId, ext.status], ["+15550100", "+15550199", "joined"]);

// Warm transfer to a worker, cancelled; then a cold one to a queue.
await Actions.invokeAction("TransferTask", { sid: "WR1", targetSid: "WK2", options: { mode: "WARM" } });
assert.deepEqual(t.outgoingTransferObject, { to: "WK2", mode: "WARM", status: "queued", type: "WORKER" });
await Actions.invokeAction("CancelTransfer", { sid: "WR1" });
assert.sameValue(t.outgoingTransferObject, undefined);
await assert.rejects(Error, Actions.invokeAction("CancelTransfer", { sid: "WR1" }));
const badTarget = await assert.rejects(Error, Actions.invokeAction("TransferTask", { sid: "WR1", targetSid: "XX1" }));
assert.sameValue(badTarget.message, "TransferTask: targetSid must be a worker (WK…) or queue (WQ…) SID, received XX1");

// ToggleMute.
await Actions.invokeAction("ToggleMute");
assert.sameValue(world.view.muted, true);

// HangupCall: the worker leaves, the task goes to wrap-up.
await Actions.invokeAction("HangupCall", { sid: "WR1" });
assert.sameValue(t.status, "wrapping");

// StartOutboundCall blocks itself while it runs, then an outbound task is live.
const blocked = [];
Actions.addListener("actionBlockedChanged", (on, name) => blocked.push([on, name]));
const call = Actions.invokeAction("StartOutboundCall", { destination: "+15550123", callerId: "+15550100", taskAttributes: { crm: 7 } });
assert.deepEqual(blocked, [[true, "StartOutboundCall"]], "blocked while the call is placed");
assert.deepEqual(Actions.findBlockedActions("StartOutboundCall"), { StartOutboundCall: undefined, first: { action: "StartOutboundCall", payload: undefined } });
const refused = await assert.rejects(Error, Actions.invokeAction("StartOutboundCall"));
assert.sameValue(refused.message, "Action is pending", "a second call while the first is placed");
await call;
assert.deepEqual(blocked, [[true, "StartOutboundCall"], [false, "StartOutboundCall"]]);
const out = world.tasks[world.tasks.length - 1];
assert.deepEqual([out.status, out.attributes.direction, out.attributes.to, out.attributes.from, out.attributes.crm],
  ["accepted", "outbound", "+15550123", "+15550100", 7]);
assert.ok(TaskHelper.isOutboundCallTask(out) && TaskHelper.isLiveCall(out));
const noDest = await assert.rejects(Error, Actions.invokeAction("StartOutboundCall", {}));
assert.sameValue(noDest.message, "StartOutboundCall: the payload needs a destination");
