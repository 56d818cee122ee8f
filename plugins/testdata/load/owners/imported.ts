// Registers through the imported Actions.
import { Actions } from "@twilio/flex-ui";

Actions.registerAction("Imported", (payload: any) => "imported body");
Actions.replaceAction("Imported", (payload: any, original: (p: any) => Promise<string>) => "imported replacement");
Actions.addListener("beforeImported", () => {});
Actions.on("afterImported", () => {});
