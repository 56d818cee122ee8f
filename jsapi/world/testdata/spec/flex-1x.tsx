// Flex 1.x exports real plugins use besides the Actions: task channels,
// NotificationBar, StateHelper, AudioPlayerManager, View and Supervisor
// containers, and the globals of the Flex page (React, global).
import * as Flex from "@twilio/flex-ui";
import { world } from "flexrun";
import { assert } from "../../../testdata/assert.js";

const { DefaultTaskChannels, TaskChannels, TaskChannelCapability, Notifications, NotificationBar, StateHelper, AudioPlayerManager } = Flex;

// A custom task channel, as callback and voicemail plugins register them.
const callback = DefaultTaskChannels.createDefaultTaskChannel("callback", (task: any) => task.taskChannelUniqueName === "callback", "Callback", "CallbackBold", "#a0a0a0");
callback.templates.TaskListItem.firstLine = "Callback from {{task.attributes.name}}";
callback.capabilities.add(TaskChannelCapability.Wrapup);
TaskChannels.register(callback);
assert.sameValue(TaskChannels.getRegistered()[0], callback, "a custom channel goes first");
assert.sameValue(callback.charLimit, 32768, "filled in from Default");
const task = world.addTask({ sid: "WR1", taskChannelUniqueName: "callback", attributes: { name: "Bob" } });
assert.sameValue(TaskChannels.getForTask(task), callback);
assert.sameValue(TaskChannels.getForTask(world.addTask({ sid: "WR2" })), DefaultTaskChannels.Call);
assert.ok(DefaultTaskChannels.Call.capabilities.has(TaskChannelCapability.Call));
const chat = DefaultTaskChannels.createChatTaskChannel("chat-x", () => false);
assert.deepEqual([...chat.capabilities], ["Chat", "Info", "Wrapup"]);
assert.deepEqual([DefaultTaskChannels.ChatSms.name, DefaultTaskChannels.ChatSms.charLimit], ["chat-sms", 1600]);
assert.sameValue(typeof DefaultTaskChannels.ChatSms.templates.TaskCanvasHeader.title, "string");
assert.deepEqual(world.components.map((c: any) => c.op + " " + c.key), ["register callback"]);

// NotificationBar.Action in a notification's content, at init.
Notifications.registerNotification({ id: "second", content: <NotificationBar.Action label="Go" onClick={() => {}} />, timeout: 0 });
assert.sameValue(Notifications.showNotification("second")!.content.type, NotificationBar.Action);

// StateHelper and AudioPlayerManager.
world.addTask({ sid: "WR3", taskChannelUniqueName: "chat", conversationSid: "CH1" });
assert.sameValue(StateHelper.getChatChannelStateForTask(world.task("WR3")), undefined, "no such conversation");
const id = AudioPlayerManager.play({ url: "https://example.com/ring.mp3", repeatable: true });
assert.deepEqual(AudioPlayerManager.playing, [{ url: "https://example.com/ring.mp3", repeatable: true }]);
AudioPlayerManager.stop(id);
assert.deepEqual(AudioPlayerManager.playing, []);

// Views and the supervisor's containers.
Flex.ViewCollection.Content.add(<Flex.View name="my-view" key="my-view"><b /></Flex.View>);
Flex.Supervisor.TaskOverviewCanvas.Content.add(<b key="barge" />);
assert.deepEqual(world.components.slice(1).map((c: any) => c.container + " " + c.component), ["ViewCollection View", "Supervisor.TaskOverviewCanvas b"]);
const El = Flex.styled(Flex.Menu)`color: red;`;
assert.sameValue(typeof El, "function");

// The page's globals.
assert.sameValue(global, window);
assert.sameValue(typeof (window as any).React.createElement, "function");
