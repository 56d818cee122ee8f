// The payload update of every built-in, as flex-builtin-actions.md gives
// it: which fields it adds, and whether it copies the caller's payload or
// changes it. Each action is invoked with a before listener that aborts,
// so only the update runs (and the listener sees its result).
import { Actions, Manager } from "@twilio/flex-ui";
import { world } from "flexrun";
import { assert } from "../../../testdata/assert.js";

const task = world.task("WR1");
const channel = world.conversation("CH1") && Manager.getInstance().store.getState().flex.chat.channels.CH1.source;
const taskCopy = { given: () => ({ sid: "WT1", extra: 1 }), check: (p, g) => p !== g && p.task === task && p.sid === "WT1" && p.extra === 1 && g.task === undefined };
const taskMutates = { given: () => ({ sid: "WR1", extra: 1 }), check: (p, g) => p === g && p.task === task && p.extra === 1 };
const taskBySid = { given: () => ({ task, extra: 1 }), check: (p) => p.sid === "WR1" && p.extra === 1 };
const chat = { given: () => ({ channelSid: "CH1", extra: 1 }), check: (p, g) => p === g && p.channel === channel && p.extra === 1 };
const worker = { given: () => ({ workerSid: "WK1", extra: 1 }), check: (p, g) => p === g && p.worker === Manager.getInstance().workerClient };
const activity = { given: () => ({ activityName: "Break" }), check: (p) => p.activitySid === "WA3" && p.activityAvailable === false && p.options.rejectPendingReservations === false };
const none = { given: () => ({ extra: 1 }), check: (p, g) => p === g && Object.keys(p).join() === "extra" };
const participant = { given: () => ({ sid: "WR1", targetSid: "WK9" }), check: (p, g) => p !== g && p.task === task && p.participant.sid === "CA3" };

const catalogue = {
  AcceptTask: taskCopy, RejectTask: taskCopy, CompleteTask: taskCopy, WrapupTask: taskCopy, SelectTask: taskCopy,
  TransferTask: taskCopy, CancelTransfer: taskCopy, ToggleDTMFDialpad: taskCopy, SetDTMFDialpadDigits: taskCopy,
  SendDTMFDigits: taskCopy,
  KickParticipant: participant, HoldParticipant: participant, UnholdParticipant: participant,
  SetActivity: activity, SetWorkerActivity: activity,
  HoldCall: taskMutates, UnholdCall: taskMutates, HangupCall: taskMutates, EndConferenceForAll: taskMutates,
  StartExternalWarmTransfer: taskMutates, MonitorCall: taskMutates, StopMonitoringCall: taskMutates,
  SelectTaskInSupervisor: taskMutates, SelectWorkerInSupervisor: worker,
  SendMessage: chat, SendMediaMessage: chat, SendTyping: chat, SetInputText: chat, AttachFile: chat,
  DetachFile: chat, DownloadMedia: chat,
  Logout: none, ToggleMute: none, StartOutboundCall: none, ToggleOutboundDialer: none, NavigateToView: none,
  ShowDirectory: none, HideDirectory: none, ToggleSidebar: none, SetComponentState: none, ApplyListFilters: none,
  RemoveListFilters: none, ReloadWindow: none, HistoryPush: none, HistoryReplace: none, HistoryGo: none,
  HistoryGoBack: none, HistoryGoForward: none,
  "InsightsPlayer:play": none, "InsightsPlayer:show": none, "InsightsPlayer:hide": none,
  "InsightsPlayer:initialized": none, "HistoricalReporting:view": none,
};
assert.sameValue(Object.keys(catalogue).length, 53);

let seen;
const stop = (p, abort) => { seen = p; abort(); };
for (const [name, kind] of Object.entries(catalogue)) {
  const given = kind.given();
  Actions.addListener("before" + name, stop);
  const err = await assert.rejects(Error, Actions.invokeAction(name, given), name);
  assert.sameValue(err.message, `Action ${name} cancelled by before event`, name);
  Actions.removeListener("before" + name, stop);
  assert.ok(kind.check(seen, given), `${name}: the update gives ${JSON.stringify(world.state && Object.keys(seen))}`);
}
// {task} gains sid for every task action.
for (const name of ["AcceptTask", "HoldCall", "KickParticipant"]) {
  Actions.addListener("before" + name, stop);
  await Actions.invokeAction(name, taskBySid.given()).catch(() => {});
  Actions.removeListener("before" + name, stop);
  assert.ok(taskBySid.check(seen), name + " {task} → sid");
}
assert.deepEqual(world.actions, [], "no body ran");

// The two bodies no other spec runs.
await Actions.invokeAction("SetDTMFDialpadDigits", { sid: "WR1", digits: "12" });
assert.sameValue(task.dtmfDialpadDigits, "12");
await Actions.invokeAction("EndConferenceForAll", { sid: "WR1" });
assert.deepEqual([task.status, task.conference.participants.map((p) => p.status)], ["wrapping", ["left", "left"]]);
