import { Actions } from "@twilio/flex-ui";

Actions.replaceAction("Greet", async (payload: any, original: (p: any) => Promise<string>) => "second(" + (await original(payload)) + ")");
