// Disposition guard. Reporting needs every task to end with a disposition
// code (why the customer got in touch, how it ended), and the list of codes
// belongs to the CRM, not to Flex. This plugin refuses CompleteTask until the
// task's attributes hold a code the CRM knows: before each completion it asks
// the CRM for the current codes and, when the task has none or an unknown
// one, shows the agent a notification and aborts. The panel where the agent
// picks the code (it writes task.attributes.disposition) is another plugin.
import * as Flex from "@twilio/flex-ui";
import { FlexPlugin } from "@twilio/flex-plugin";

const PLUGIN_NAME = "DispositionGuardPlugin";
const CODES_URL = "https://crm.example.com/api/disposition-codes";
const DISPOSITION_REQUIRED = "DispositionRequired";

interface CodesResponse {
  codes: string[];
}

async function fetchDispositionCodes(token: string): Promise<string[]> {
  const res = await fetch(CODES_URL, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) {
    throw new Error(`disposition codes: the CRM answered ${res.status}`);
  }
  const body = (await res.json()) as CodesResponse;
  return body.codes;
}

export default class DispositionGuardPlugin extends FlexPlugin {
  constructor() {
    super(PLUGIN_NAME);
  }

  async init(flex: typeof Flex, manager: Flex.Manager): Promise<void> {
    flex.Notifications.registerNotification({
      id: DISPOSITION_REQUIRED,
      type: flex.NotificationType.warning,
      content: "Pick a disposition before completing the task.",
    });

    flex.Actions.addListener("beforeCompleteTask", async (payload: { task: Flex.ITask }, abortFunction: () => void) => {
      flex.Notifications.dismissNotificationById(DISPOSITION_REQUIRED);
      const codes = await fetchDispositionCodes(manager.user.token);
      const disposition: string | undefined = payload.task.attributes.disposition;
      if (!disposition || !codes.includes(disposition)) {
        flex.Notifications.showNotification(DISPOSITION_REQUIRED, { taskSid: payload.task.taskSid, disposition });
        abortFunction();
      }
    });
  }
}
