// An agent takes three calls one after another, from the Sales, Support and
// Billing queues: accept, hold, unhold, hang up, complete.
//
//	flexrun run --world world.json --plugins plugins scenario.js
import { Actions } from "@twilio/flex-ui";
import { world } from "flexrun";

const customer = (task) => task.conference.participants.find((p) => p.participantType === "customer");

for (const task of world.tasks) {
  await Actions.invokeAction("AcceptTask", { sid: task.sid });
  console.log(`${task.sid}: ${task.attributes.name} on the ${task.queueName} line`);
  await Actions.invokeAction("HoldCall", { sid: task.sid });
  console.log(`   hold:   customer on hold ${customer(task).hold}, music ${task.holdMusicUrl ?? "Twilio's default"}`);
  await Actions.invokeAction("UnholdCall", { sid: task.sid });
  console.log(`   unhold: customer on hold ${customer(task).hold}`);
  await Actions.invokeAction("HangupCall", { sid: task.sid });
  await Actions.invokeAction("CompleteTask", { sid: task.sid });
}

console.log("\nHoldCall payloads Flex got:");
for (const a of world.actions.filter((a) => a.name === "HoldCall")) console.log(`   ${JSON.stringify(a.payload)}`);
