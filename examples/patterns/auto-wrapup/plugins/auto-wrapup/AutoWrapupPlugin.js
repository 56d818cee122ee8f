// Auto wrap-up. Agents forget tasks in wrap-up, and a task in wrap-up keeps
// its capacity busy: the agent gets no new work and the wrap-up time in the
// reports grows. Operations allow 30 seconds of after-call work; this plugin
// completes the task itself when the agent has not done so 30 seconds after
// the call was hung up (or the chat wrapped up). A task the agent completes
// in time is left alone, and its timer is cleared.
import { FlexPlugin } from "flex-plugin";

const PLUGIN_NAME = "AutoWrapupPlugin";
const WRAPUP_TIMEOUT_MS = 30000;

export default class AutoWrapupPlugin extends FlexPlugin {
  constructor() {
    super(PLUGIN_NAME);
    this.timers = new Map(); // reservation sid → timeout id
  }

  init(flex, manager) {
    const startTimer = (payload) => {
      const { sid } = payload.task;
      clearTimeout(this.timers.get(sid));
      this.timers.set(
        sid,
        setTimeout(() => {
          this.timers.delete(sid);
          const task = flex.TaskHelper.getTaskByTaskSid(payload.task.taskSid);
          if (flex.TaskHelper.isInWrapupMode(task)) {
            flex.Actions.invokeAction("CompleteTask", { sid, autoCompleted: true });
          }
        }, WRAPUP_TIMEOUT_MS)
      );
    };
    flex.Actions.addListener("afterHangupCall", startTimer);
    flex.Actions.addListener("afterWrapupTask", startTimer);
    flex.Actions.addListener("afterCompleteTask", (payload) => {
      clearTimeout(this.timers.get(payload.task.sid));
      this.timers.delete(payload.task.sid);
    });
  }
}
