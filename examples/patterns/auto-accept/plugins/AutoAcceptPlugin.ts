// Auto-accept for messaging. Chat and SMS customers should not wait while a
// task rings on an agent's screen, and agents handling several chats at once
// lose time clicking Accept. This plugin accepts every chat and SMS
// reservation as soon as TaskRouter offers it, through Flex's AcceptTask
// action (so other plugins' AcceptTask listeners still run). Calls keep
// ringing: the agent answers them.
import * as Flex from "@twilio/flex-ui";
import { FlexPlugin } from "@twilio/flex-plugin";

const PLUGIN_NAME = "AutoAcceptPlugin";
const AUTO_ACCEPT_CHANNELS = ["chat", "sms"];

export default class AutoAcceptPlugin extends FlexPlugin {
  constructor() {
    super(PLUGIN_NAME);
  }

  async init(flex: typeof Flex, manager: Flex.Manager): Promise<void> {
    manager.workerClient.on("reservationCreated", (reservation: any) => {
      if (AUTO_ACCEPT_CHANNELS.includes(reservation.task.taskChannelUniqueName)) {
        flex.Actions.invokeAction("AcceptTask", { sid: reservation.sid });
      }
    });
  }
}
