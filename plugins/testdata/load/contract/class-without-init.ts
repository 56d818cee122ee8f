// want: "constructed"
// counts: {"action":1}
import { Actions } from "@twilio/flex-ui";

export default class ConstructorOnly {
  constructor() {
    Actions.registerAction("Probe", () => "constructed");
  }
}
