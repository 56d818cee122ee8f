// want: {"name":"HoldMusic","isFlexPlugin":true,"initThis":true}
// counts: {"action":1,"listener":1}
import { FlexPlugin } from "@twilio/flex-plugin";
import * as Flex from "@twilio/flex-ui";

const PLUGIN_NAME = "HoldMusic";

export default class HoldMusicPlugin extends FlexPlugin {
  constructor() {
    super(PLUGIN_NAME);
  }

  async init(flex: typeof Flex, manager: any): Promise<void> {
    const self = this;
    const initThis = this instanceof HoldMusicPlugin;
    flex.Actions.addListener("beforeHoldCall", (payload: any) => {
      payload.music = "hold.mp3";
    });
    flex.Actions.registerAction("Probe", () => ({
      name: self.name,
      isFlexPlugin: self instanceof FlexPlugin,
      initThis,
    }));
  }
}
