import { FlexPlugin } from "@twilio/flex-plugin";
import { label } from "./label";
export default class QueueStats extends FlexPlugin {
  constructor() { super("QueueStats"); }
  async init(flex: any, manager: any) {
    flex.Actions.replaceAction("AcceptTask", async (p: any, original: any) => label(await original(p)));
    console.log("init", this.name, manager === flex.Manager.getInstance());
  }
}
