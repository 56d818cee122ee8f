import { Actions } from "@twilio/flex-ui";
import { helper } from "./helpers/does-not-exist"; // <- missing import

Actions.registerAction("MissingRelative", () => helper);
