// want: "after top-level await"
// counts: {"action":1}
import { Actions } from "@twilio/flex-ui";

await new Promise((resolve) => setTimeout(resolve, 20));
Actions.registerAction("Probe", () => "after top-level await");
