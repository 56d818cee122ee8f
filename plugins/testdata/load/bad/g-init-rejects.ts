import { FlexPlugin } from "@twilio/flex-plugin";

export default class Rejects extends FlexPlugin {
  constructor() {
    super("Rejects");
  }

  async init(flex: any): Promise<void> {
    flex.Actions.registerAction("InitRejects", () => "never");
    await new Promise<void>((resolve) => setTimeout(resolve, 1));
    flex.Actions.addListener("afterGoodA", () => {});
    return Promise.reject(new TypeError("init rejected on purpose")); // <- rejects
  }
}
