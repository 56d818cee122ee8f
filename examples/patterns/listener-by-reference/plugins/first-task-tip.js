// First-task tip. New agents miss the wrap-up notes field, so on the first
// task they accept in a session Flex shows them a tip pointing at it, and
// then never again (a tip on every task is noise). The listener removes
// itself after it ran: removeListener needs the very function that was
// added, so it is a named function, not an inline arrow.
import { Actions, Notifications, NotificationType } from "@twilio/flex-ui";

const FIRST_TASK_TIP = "FirstTaskTip";

Notifications.registerNotification({
  id: FIRST_TASK_TIP,
  type: NotificationType.info,
  content: "Tip: write your notes in the Wrap-up tab before completing the task.",
  timeout: 0,
});

function showFirstTaskTip(payload) {
  Notifications.showNotification(FIRST_TASK_TIP, { taskSid: payload.task.taskSid });
  Actions.removeListener("afterAcceptTask", showFirstTaskTip);
}

Actions.addListener("afterAcceptTask", showFirstTaskTip);
