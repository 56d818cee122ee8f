// want: "top level"
// counts: {"action":1,"listener":1}
import { Actions } from "@twilio/flex-ui";

Actions.registerAction("Probe", () => "top level");
Actions.addListener("beforeProbe", () => {});
