import { Actions } from "@twilio/flex-ui";

Actions.replaceAction("Greet", async (payload: { name: string }, original: (p: unknown) => Promise<string>) =>
  (await original(payload)).toUpperCase());
Actions.addListener("afterGreet", () => {});
