// A new agent accepts three tasks, one after another: the tip shows on the
// first only.
//
//	flexrun run --world world.json --plugins plugins scenario.js
import { Actions } from "@twilio/flex-ui";
import { world } from "flexrun";

// Flex's listener registry is an EventEmitter: it tells when a listener goes.
Actions.addListener("removeListener", (event, listener) => console.log(`   ${listener.name} removed from ${event}`));

for (const task of world.tasks) {
  console.log(`Accept ${task.sid} (${task.attributes.name})`);
  const before = world.notifications.length;
  await Actions.invokeAction("AcceptTask", { sid: task.sid });
  console.log(world.notifications.length > before ? `   tip shown ${JSON.stringify(world.notifications.at(-1).context)}` : "   no tip");
  await Actions.invokeAction("HangupCall", { sid: task.sid });
  await Actions.invokeAction("CompleteTask", { sid: task.sid });
}

console.log(`\nNotifications shown: ${world.notifications.map((n) => n.id).join(", ")}`);
