// Listener failures are logged (with the listener's file:line:col) and the
// invocation goes on, as in Flex.
import { Actions } from "@twilio/flex-ui";

Actions.registerAction("AcceptTask", (p) => `accepted ${p.sid}`);
Actions.addListener("beforeAcceptTask", () => {
  throw new Error("analytics is down");
});
Actions.addListener("afterAcceptTask", async () => {
  await null;
  throw new RangeError("late failure");
});
console.log(await Actions.invokeAction("AcceptTask", { sid: "WR1" }));
