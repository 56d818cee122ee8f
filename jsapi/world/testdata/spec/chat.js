// Chat: SendMessage addressed by channelSid, channel (Flex 1.x) or
// conversationSid (ported 2.x code), Flex's own length check, SetInputText
// invoking SendTyping, attachments, and the conversations client.
import { Actions, Manager, TaskHelper } from "@twilio/flex-ui";
import { world } from "flexrun";
import { assert } from "../../../testdata/assert.js";

const bodies = () => world.conversation("CH1").messages.map((m) => m.author + ": " + m.body);
const seen = [];
Actions.addListener("beforeSendMessage", (p) => seen.push(p));

await Actions.invokeAction("SendMessage", { channelSid: "CH1", body: "one" });
assert.sameValue(seen[0].channel.sid, "CH1", "channelSid gains channel");
await Actions.invokeAction("SendMessage", { channel: seen[0].channel, body: "two" });
assert.sameValue(seen[1].channelSid, "CH1", "channel gains channelSid");
await Actions.invokeAction("SendMessage", { conversationSid: "CH1", body: "three", messageAttributes: { tag: 1 } });
assert.sameValue(seen[2].channelSid, "CH1", "conversationSid addresses it too");
assert.deepEqual(bodies(), ["bob: hi", "alice: one", "alice: two", "alice: three"]);
assert.deepEqual(world.conversation("CH1").messages[3].attributes, { tag: 1 });

const unknown = await assert.rejects(Error, Actions.invokeAction("SendMessage", { channelSid: "CH9", body: "x" }));
assert.sameValue(unknown.message, "SendMessage: no conversation CH9 (the world has CH1, CH2)");

// Flex's beforeSendMessage listener aborts a message over its task
// channel's limit (32768 for chat, 1600 for SMS; the body trimmed) and shows
// MessageSizeExceeded.
await Actions.invokeAction("SendMessage", { channelSid: "CH1", body: "x".repeat(32768) + "   " });
const cut = await assert.rejects(Error, Actions.invokeAction("SendMessage", { channelSid: "CH1", body: "x".repeat(32769) }));
assert.sameValue(cut.message, "Action SendMessage cancelled by before event");
assert.sameValue(world.conversation("CH1").messages.length, 5, "the long one was not sent");
world.addTask({ sid: "WR9", taskChannelUniqueName: "sms", conversationSid: "CH2", status: "accepted" });
await assert.rejects(Error, Actions.invokeAction("SendMessage", { channelSid: "CH2", body: "y".repeat(1601) }));
assert.deepEqual(world.notifications, [
  { id: "MessageSizeExceeded", context: { currentCharCount: 32769, maxCharCount: 32768 } },
  { id: "MessageSizeExceeded", context: { currentCharCount: 1601, maxCharCount: 1600 } },
]);

// SetInputText invokes SendTyping.
const order = [];
Actions.addListener("afterSendTyping", (p) => order.push("typing " + p.channelSid));
await Actions.invokeAction("SetInputText", { channelSid: "CH2", body: "draft" });
assert.deepEqual([world.conversation("CH2").inputText, world.conversation("CH2").typing], ["draft", 1]);
assert.deepEqual(order, ["typing CH2"]);
await Actions.invokeAction("SendMessage", { channelSid: "CH2", body: "sent" });
assert.sameValue(world.conversation("CH2").inputText, "", "sending clears the input");

// Attachments.
await Actions.invokeAction("AttachFile", { channelSid: "CH2", file: { name: "a.png", type: "image/png", size: 3 } });
await Actions.invokeAction("AttachFile", { channelSid: "CH2", file: { name: "b.png" } });
await Actions.invokeAction("DetachFile", { channelSid: "CH2", file: { name: "a.png" } });
assert.deepEqual(world.state().conversations[1].sid, "CH2");
await Actions.invokeAction("SendMediaMessage", { channelSid: "CH2", file: { name: "c.pdf", type: "application/pdf", size: 10 } });
assert.deepEqual(world.conversation("CH2").messages[1].media, { filename: "c.pdf", contentType: "application/pdf", size: 10 });

// The conversations client plugins call.
const conv = await Manager.getInstance().conversationsClient.getConversationBySid("CH1");
const added = [];
conv.on("messageAdded", (m) => added.push(m.body));
await conv.sendMessage("via the SDK");
await Promise.resolve();
assert.deepEqual(added, ["via the SDK"]);
const page = await conv.getMessages();
assert.sameValue(page.items[page.items.length - 1].body, "via the SDK");
await assert.rejects(Error, Manager.getInstance().chatClient.getChannelBySid("CH9"));

const task = world.task("WR1");
assert.ok(TaskHelper.isChatBasedTask(task) && TaskHelper.isCBMTask(task));
assert.sameValue(TaskHelper.getTaskConversationSid(task), "CH1");
assert.sameValue(TaskHelper.getTaskFromConversationSid("CH1"), task);
