// want: {"name":"Legacy"}
// counts: {"action":1}
const { FlexPlugin } = require("@twilio/flex-plugin");

module.exports = class Legacy extends FlexPlugin {
  constructor() {
    super("Legacy");
  }
  init(flex) {
    flex.Actions.registerAction("Probe", () => ({ name: this.name }));
  }
};
