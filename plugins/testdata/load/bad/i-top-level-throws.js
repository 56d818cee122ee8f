import { Actions } from "@twilio/flex-ui";

Actions.registerAction("TopLevelThrows", () => "never");
null.boom; // <- throws
