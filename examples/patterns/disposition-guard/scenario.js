// An agent wraps up a call and tries to complete it three times: with no
// disposition, with a code the CRM does not know, then with "resolved".
//
//	flexrun run --world world.json --plugins plugins scenario.js
import { Actions } from "@twilio/flex-ui";
import { world } from "flexrun";

const task = world.task("WR0001");

async function complete() {
  try {
    await Actions.invokeAction("CompleteTask", { sid: task.sid });
    console.log(`   CompleteTask done: ${task.sid} is ${task.status}`);
  } catch (e) {
    console.log(`   CompleteTask refused (${e.message}): ${task.sid} is ${task.status}`);
  }
}
// What the agent sees: the notifications on screen.
const onScreen = () => world.state().notifications.map((n) => `${n.id} ${JSON.stringify(n.context)}`).join("; ") || "none";

console.log(`${task.sid} (${task.attributes.name}) is ${task.status}, no disposition yet`);

console.log("\n1. Complete without a disposition");
await complete();
console.log(`   on screen: ${onScreen()}`);

console.log('\n2. The agent picks "sorted", which the CRM does not know');
await task.setAttributes({ ...task.attributes, disposition: "sorted" });
await complete();
console.log(`   on screen: ${onScreen()}`);

console.log('\n3. The agent picks "resolved"');
await task.setAttributes({ ...task.attributes, disposition: "resolved" });
await complete();
console.log(`   on screen: ${onScreen()}`);

console.log(`\nThe CRM was asked ${world.fetches.length} times: ${[...new Set(world.fetches.map((f) => `${f.method} ${f.url} (${f.headers.authorization})`))]}`);
console.log(`Flex's built-ins that ran: ${world.actions.map((a) => a.name).join(", ")}`);
