import { Actions } from "@twilio/flex-ui";

Actions.registerAction("Greet", async (payload: { name: string }) => `hello ${payload.name}`);
Actions.addListener("beforeGreet", (payload: { name: string }) => {
  payload.name = payload.name.trim();
});
