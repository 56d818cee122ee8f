import { Actions } from "@twilio/flex-ui";

export default async function (): Promise<void> {
  Actions.registerAction("NeverSettles", () => "never");
  Actions.replaceAction("GoodA", () => "replaced by a plugin that never started");
  setInterval(() => Actions.addListener("beforeGoodA", () => {}), 10);
  await new Promise<void>(() => {}); // <- never settles
}
