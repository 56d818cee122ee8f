// TaskRouter offers the agent a chat, an SMS and a call (world.reserve
// announces each reservation on the workerClient, as TaskRouter does).
//
//	flexrun run --world world.json --plugins plugins scenario.js
import { Actions } from "@twilio/flex-ui";
import { world } from "flexrun";

const offers = [
  { sid: "WR0001", taskChannelUniqueName: "chat", queueName: "Chat", attributes: { name: "Ann" } },
  { sid: "WR0002", taskChannelUniqueName: "sms", queueName: "SMS", attributes: { name: "+15550102" } },
  { sid: "WR0003", taskChannelUniqueName: "voice", queueName: "Support", attributes: { name: "Cat" } },
];
for (const offer of offers) {
  const task = world.reserve(offer);
  await world.settle();
  console.log(`${task.sid} (${task.taskChannelUniqueName} from ${task.attributes.name}) offered: now ${task.status}`);
}

console.log("\nThe agent answers the call");
await Actions.invokeAction("AcceptTask", { sid: "WR0003" });
console.log(`WR0003 is ${world.task("WR0003").status}`);

console.log(`\nAcceptTask ran for: ${world.actions.filter((a) => a.name === "AcceptTask").map((a) => a.payload.sid).join(", ")}`);
