import { Actions } from "@twilio/flex-ui";

Actions.registerAction("SyntaxError", () => "never");
const a b = 1; // <- syntax error
