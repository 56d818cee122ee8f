import * as Flex from "@twilio/flex-ui";
import { FlexPlugin } from "@twilio/flex-plugin";

const PLUGIN_NAME = "SamplePlugin";
let loaded = 0;

export default class SamplePlugin extends FlexPlugin {
  constructor() {
    super(PLUGIN_NAME);
    loaded++;
  }

  async init(flex: typeof Flex, manager: Flex.Manager): Promise<void> {
    const name = this.name;
    flex.Actions.registerAction("Probe", () => ({ name, loaded }));
  }
}
