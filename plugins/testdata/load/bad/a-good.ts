import { Actions } from "@twilio/flex-ui";

Actions.registerAction("GoodA", () => "a works");
