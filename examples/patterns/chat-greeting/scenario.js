// An agent accepts a web chat from Ann, then a call from Ben.
//
//	flexrun run --world world.json --plugins plugins scenario.js
import { Actions } from "@twilio/flex-ui";
import { world } from "flexrun";

const transcript = () => world.conversation("CH0001").messages.map((m) => `   ${m.author}: ${m.body}`).join("\n");

console.log("Ann's chat, before the agent accepts:");
console.log(transcript());

console.log("\n1. Accept Ann's chat (WR0001)");
await Actions.invokeAction("AcceptTask", { sid: "WR0001" });
await world.settle(); // the greeting is sent after AcceptTask, by an after-listener
console.log(transcript());

console.log("\n2. Accept Ben's call (WR0002): no greeting");
await Actions.invokeAction("AcceptTask", { sid: "WR0002" });
await world.settle();

console.log(`\nFlex's built-ins that ran: ${world.actions.map((a) => `${a.name} ${a.payload.sid ?? a.payload.channelSid}`).join(", ")}`);
