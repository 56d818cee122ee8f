// What Flex refuses, the built-ins refuse: each rejection is a core error
// naming the action.
import { Actions } from "@twilio/flex-ui";
for (const [name, payload] of [
  ["WrapupTask", { sid: "WR1" }],          // an invalid transition: pending, not accepted
  ["SetActivity", { activityName: "Lunch" }], // an unknown activity
  ["AcceptTask", { sid: "WR404" }],        // an unknown task SID
  ["HoldCall", { sid: "WR1" }],            // a call action on a call not live
]) {
  try {
    await Actions.invokeAction(name, payload);
  } catch (e) {
    console.log(`${name}: ${e.message}`);
  }
}
await Actions.invokeAction("AcceptTask", { sid: "WR1" });
await Actions.invokeAction("WrapupTask", { sid: "WR1" });
// An uncaught one ends the run with exit 1, naming the action.
await Actions.invokeAction("CompleteTask", { sid: "WR2" });
