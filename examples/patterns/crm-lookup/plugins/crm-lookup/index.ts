// CRM lookup. Agents should know who is calling before they say hello, and
// the reports need the CRM's customer id on every task. When the agent
// accepts a task, this plugin looks the caller's number up in the CRM and
// stores the customer on the task's attributes (task.attributes.crm), where
// the CRM panel and the Insights reports read it. When the CRM cannot answer,
// the agent gets an error notification and the call goes on without it.
import * as Flex from "@twilio/flex-ui";
import { FlexPlugin } from "@twilio/flex-plugin";

import { CrmError, lookupCustomer } from "./crm";

const PLUGIN_NAME = "CrmLookupPlugin";
const LOOKUP_FAILED = "CrmLookupFailed";

export default class CrmLookupPlugin extends FlexPlugin {
  constructor() {
    super(PLUGIN_NAME);
  }

  async init(flex: typeof Flex, manager: Flex.Manager): Promise<void> {
    flex.Notifications.registerNotification({
      id: LOOKUP_FAILED,
      type: flex.NotificationType.error,
      content: "We could not find this customer in the CRM. Ask for their account number.",
    });

    flex.Actions.addListener("afterAcceptTask", async (payload: { task: Flex.ITask }) => {
      const { task } = payload;
      const phone: string | undefined = task.attributes.from;
      if (!phone) return;
      const token = manager.store.getState().flex.session.ssoTokenPayload.token;
      try {
        const customer = await lookupCustomer(phone, token);
        await task.setAttributes({ ...task.attributes, crm: { customerId: customer.id, name: customer.name, tier: customer.tier } });
      } catch (err) {
        const status = err instanceof CrmError ? err.status : undefined;
        flex.Notifications.showNotification(LOOKUP_FAILED, { taskSid: task.taskSid, phone, status });
      }
    });
  }
}
