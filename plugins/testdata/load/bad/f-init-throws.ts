import * as Flex from "@twilio/flex-ui";

export default function init(flex: typeof Flex): void {
  flex.Actions.registerAction("InitThrows", () => "never");
  flex.Actions.addListener("beforeGoodA", () => {});
  flex.Actions.replaceAction("GoodA", () => "replaced by a plugin that failed");
  throw new Error("init failed on purpose"); // <- throws
}
