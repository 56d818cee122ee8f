// want: {"flexIsModule":true,"flexIsFreeFlex":true,"flexIsTwilioFlex":true,"flexIsRequired":true,"managerIsInstance":true,"managerOfImport":true,"actionsIsImport":true,"windowFlex":true,"notScriptFlex":true}
// counts: {"action":1}
// init(flex, manager) receives this plugin's @twilio/flex-ui module and the
// Manager instance.
import FlexDefault, { Actions, Manager } from "@twilio/flex-ui";

declare const Twilio: any;
declare const flex: any;

export default class Probe {
  init(f: any, manager: any) {
    const seen = {
      flexIsModule: f === FlexDefault,
      flexIsFreeFlex: f === flex,
      flexIsTwilioFlex: f === Twilio.Flex,
      flexIsRequired: f === require("@twilio/flex-ui"),
      managerIsInstance: manager === f.Manager.getInstance(),
      managerOfImport: manager === Manager.getInstance(),
      actionsIsImport: f.Actions === Actions,
      // The plugin's window is its own, and so is the flex it holds.
      windowFlex: f === (globalThis as any).flex && f === (window as any).Twilio.Flex,
      // The page's global flex is the script's instance; the plugin has its own.
      notScriptFlex: f !== Function("return this")().flex,
    };
    f.Actions.registerAction("Probe", () => seen);
  }
}
