import { Actions } from "@twilio/flex-ui";

Actions.registerAction("Greet", () => "base");
