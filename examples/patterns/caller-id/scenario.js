// An agent places three outbound calls: from the sales queue, with no queue,
// and one where they picked the caller ID themselves.
//
//	flexrun run --world world.json --plugins plugins scenario.js
import { Actions } from "@twilio/flex-ui";
import { world } from "flexrun";

async function dial(label, payload) {
  await Actions.invokeAction("StartOutboundCall", payload);
  const call = world.tasks[world.tasks.length - 1];
  console.log(`${label}: ${call.sid} calls ${call.attributes.to} from ${call.attributes.from}`);
  // The agent hangs up and completes before the next call.
  await Actions.invokeAction("HangupCall", { sid: call.sid });
  await Actions.invokeAction("CompleteTask", { sid: call.sid });
}

await dial("1. from the sales queue (its number)", { destination: "+15551001", queueSid: "WQsales" });
await dial("2. no queue (the build's default)", { destination: "+15551002" });
await dial("3. the agent picked a number (kept)", { destination: "+15551003", queueSid: "WQsales", callerId: "+15550300" });

console.log("\nStartOutboundCall payloads Flex got:");
for (const a of world.actions.filter((a) => a.name === "StartOutboundCall")) console.log(`  ${JSON.stringify(a.payload)}`);
