// An agent accepts two calls; the CRM knows the first caller and fails on
// the second (the world answers the second lookup with a 500).
//
//	flexrun run --world world.json --plugins plugins scenario.js
import { Actions } from "@twilio/flex-ui";
import { world } from "flexrun";

for (const task of world.tasks) {
  console.log(`Accept ${task.sid}, a call from ${task.attributes.from}`);
  await Actions.invokeAction("AcceptTask", { sid: task.sid });
  await world.settle(); // the lookup runs after AcceptTask, in an after-listener
  const fetch = world.fetches.at(-1);
  console.log(`   lookup: ${fetch.method} ${fetch.url} ${fetch.body}`);
  console.log(`   task.attributes.crm: ${JSON.stringify(task.attributes.crm)}`);
}

console.log(`\nNotifications shown: ${world.notifications.map((n) => `${n.id} ${JSON.stringify(n.context)}`).join("; ")}`);
