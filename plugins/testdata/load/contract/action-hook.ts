// want: {"hooked":true}
// counts: {"action":1,"listener":2}
// The feature-loader shape of the Flex plugin template's features/: each
// feature exports an actionHook called with (flex, manager).
import * as Flex from "@twilio/flex-ui";

export const actionHook = async function autoWrapup(flex: typeof Flex, manager: any) {
  await Promise.resolve();
  flex.Actions.addListener("afterAcceptTask", () => {});
  flex.Actions.addListener("beforeCompleteTask", () => {});
  flex.Actions.registerAction("Probe", () => ({ hooked: true }));
};
