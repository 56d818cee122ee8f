// An agent with a call in wrap-up tries to go Available, takes a break
// instead, completes the wrap-up, then goes Available.
//
//	flexrun run --world world.json --plugins plugins scenario.js
import { Actions } from "@twilio/flex-ui";
import { world } from "flexrun";

async function setActivity(activityName) {
  try {
    await Actions.invokeAction("SetActivity", { activityName });
    console.log(`   SetActivity ${activityName} done: the worker is ${world.worker.activity}`);
  } catch (e) {
    console.log(`   SetActivity ${activityName} refused: ${e.message}; the worker is still ${world.worker.activity}`);
  }
}

console.log(`The worker is ${world.worker.activity}; WR0001 is ${world.task("WR0001").status}`);

console.log("\n1. Go Available during wrap-up");
await setActivity("Available");

console.log("\n2. Take a break (not available): allowed");
await setActivity("Break");

console.log("\n3. Complete the wrap-up, then go Available");
await Actions.invokeAction("CompleteTask", { sid: "WR0001" });
console.log(`   WR0001 is ${world.task("WR0001").status}`);
await setActivity("Available");

console.log(`\nFlex's SetActivity ran for: ${world.actions.filter((a) => a.name === "SetActivity").map((a) => a.payload.activityName).join(", ")}`);
