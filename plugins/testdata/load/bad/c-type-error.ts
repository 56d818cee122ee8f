// A type error: flexrun strips types and does not check them, like the
// Flex plugin builder's transpile step, so this loads.
import { Actions } from "@twilio/flex-ui";

const x: number = "s";
Actions.registerAction("TypeError", () => x);
