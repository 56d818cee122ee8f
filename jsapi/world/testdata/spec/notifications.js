// Notifications and TaskHelper, as @twilio/flex-ui 1.x exports them.
import { Notifications, NotificationType, TaskHelper, VERSION } from "@twilio/flex-ui";
import { world } from "flexrun";
import { assert } from "../../../testdata/assert.js";

assert.sameValue(VERSION, "1.34.6");
Notifications.registerNotification({ id: "crmDown", content: "CRM is down", type: NotificationType.error });
assert.ok(Notifications.registeredNotifications.has("crmDown"));
assert.throws(TypeError, () => Notifications.registerNotification({ content: "no id" }));

const shown = Notifications.showNotification("crmDown", { since: 3 });
assert.deepEqual([shown.id, shown.type, shown.content], ["crmDown", "error", "CRM is down"]);
assert.deepEqual(world.notifications, [{ id: "crmDown", context: { since: 3 } }]);
assert.deepEqual(world.state().notifications, [{ id: "crmDown", context: { since: 3 } }], "active");
Notifications.dismissNotificationById("crmDown");
assert.deepEqual(world.state().notifications, [], "dismissed");
assert.deepEqual(world.notifications.length, 1, "world.notifications keeps what was shown");

// A beforeAddNotification listener may cancel.
Notifications.addListener("beforeAddNotification", (n, cancel) => { if (n.context && n.context.quiet) cancel(); });
assert.sameValue(Notifications.showNotification("crmDown", { quiet: true }), undefined);
assert.sameValue(world.notifications.length, 1);
assert.sameValue(Notifications.showNotification("nope"), undefined, "unregistered: a warning, nothing shown");

// TaskHelper.
const call = world.addTask({ sid: "WR1", status: "accepted" });
const chat = world.addTask({ sid: "WR2", taskChannelUniqueName: "chat", status: "wrapping", conversationSid: "CH1" });
const sms = world.addTask({ sid: "WR3", taskChannelUniqueName: "sms", status: "pending" });
assert.sameValue(TaskHelper.getTaskByTaskSid("WT1"), call);
assert.sameValue(TaskHelper.getTaskByTaskSid("WR1"), call, "a reservation SID works too");
assert.sameValue(TaskHelper.getTaskByReservationSid("WR2"), chat);
assert.deepEqual([TaskHelper.isCallTask(call), TaskHelper.isCallTask(chat)], [true, false]);
assert.deepEqual([TaskHelper.isChatBasedTask(chat), TaskHelper.isChatBasedTask(sms), TaskHelper.isCBMTask(sms)], [true, true, false]);
assert.deepEqual([TaskHelper.isTaskAccepted(call), TaskHelper.isTaskAccepted(sms), TaskHelper.isInWrapupMode(chat)], [true, false, true]);
assert.deepEqual([TaskHelper.isLiveCall(call), TaskHelper.canHold(call), TaskHelper.isPending(sms)], [true, true, true]);
assert.deepEqual([TaskHelper.isCallTask(undefined), TaskHelper.isLiveCall(null)], [false, false]);
assert.sameValue(call.taskStatus, "assigned");
assert.sameValue(sms.channelType, "sms");

// A notification's timeout (ms) ends it on the engine's clock; 0 keeps it.
Notifications.registerNotification({ id: "brief", content: "saved", timeout: 1000 });
Notifications.registerNotification({ id: "sticky", content: "offline", timeout: 0 });
Notifications.showNotification("brief");
Notifications.showNotification("sticky");
assert.deepEqual(Notifications.activeNotifications.map((n) => n.id), ["brief", "sticky"]);
await world.advance(999);
assert.deepEqual(Notifications.activeNotifications.map((n) => n.id), ["brief", "sticky"]);
await world.advance(1);
assert.deepEqual(Notifications.activeNotifications.map((n) => n.id), ["sticky"]);
