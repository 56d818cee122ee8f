// Flex UI 1.x docs, "Actions framework" › Register and invoke an action:
// registerAction. Run by examples/docs/scenario.js.
import { Actions } from "@twilio/flex-ui";

Actions.registerAction("AcceptTask", (payload) => {
   // Custom Logic Goes Here
});
