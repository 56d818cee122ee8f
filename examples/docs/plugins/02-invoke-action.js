// Flex UI 1.x docs, "Actions framework" › Register and invoke an action:
// invokeAction. It runs while the plugins load, right after 01 registered
// AcceptTask and before any listener or replacement exists.
import { Actions } from "@twilio/flex-ui";
Actions.invokeAction("AcceptTask", { sid: "WRXXXXXXXXXXXXXXXXX" });
