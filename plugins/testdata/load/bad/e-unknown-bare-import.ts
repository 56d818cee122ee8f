import { Actions } from "@twilio/flex-ui";
import moment from "@acme/flexrun-not-installed"; // <- unknown module

Actions.registerAction("UnknownBare", () => moment());
