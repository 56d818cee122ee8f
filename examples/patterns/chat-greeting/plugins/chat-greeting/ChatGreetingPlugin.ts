// Chat greeting. The first seconds of a chat decide how the customer feels
// about the wait, and agents type the same "Hi Ann, I'm Alice" dozens of
// times a day. This plugin greets the customer by name as soon as the agent
// accepts a chat task, with the agent's full name from their worker
// attributes. Voice tasks are left alone.
import * as Flex from "@twilio/flex-ui";
import { FlexPlugin } from "@twilio/flex-plugin";

const PLUGIN_NAME = "ChatGreetingPlugin";

const greeting = (customer: string, agent: string) =>
  `Hi ${customer}, I'm ${agent} and I'll be helping you today. Let me read your messages.`;

export default class ChatGreetingPlugin extends FlexPlugin {
  constructor() {
    super(PLUGIN_NAME);
  }

  async init(flex: typeof Flex, manager: Flex.Manager): Promise<void> {
    flex.Actions.addListener("afterAcceptTask", async (payload: { task: Flex.ITask }) => {
      const { task } = payload;
      if (!flex.TaskHelper.isChatBasedTask(task)) return;
      const worker = manager.workerClient;
      const customer = task.attributes.name || task.attributes.from || "there";
      const agent = worker.attributes.full_name || worker.name;
      await flex.Actions.invokeAction("SendMessage", {
        channelSid: task.attributes.channelSid,
        body: greeting(customer, agent),
      });
    });
  }
}
