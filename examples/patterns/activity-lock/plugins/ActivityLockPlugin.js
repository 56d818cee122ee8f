// Activity lock. An agent who goes Available while a task is still in
// wrap-up gets new work before the last customer's notes are written, and
// the wrap-up is then forgotten. Flex lets an agent pick any activity, so
// this plugin replaces SetActivity: going to an available activity while a
// task is in wrap-up is refused with an error that says which task to
// finish; anything else goes through to Flex's own SetActivity.
import { FlexPlugin } from "flex-plugin";

const PLUGIN_NAME = "ActivityLockPlugin";

export default class ActivityLockPlugin extends FlexPlugin {
  constructor() {
    super(PLUGIN_NAME);
  }

  init(flex, manager) {
    flex.Actions.replaceAction("SetActivity", (payload, original) => {
      const activity = manager.workerClient.activities.get(payload.activitySid);
      const goingAvailable = payload.activityAvailable ?? (activity && activity.available);
      const tasks = [...manager.store.getState().flex.worker.tasks.values()];
      const inWrapup = tasks.filter((task) => flex.TaskHelper.isInWrapupMode(task));
      if (goingAvailable && inWrapup.length > 0) {
        const names = inWrapup.map((task) => `${task.attributes.name} (${task.sid})`).join(", ");
        return Promise.reject(new Error(`Finish the wrap-up of ${names} before going ${payload.activityName}`));
      }
      return original(payload);
    });
  }
}
