// want: {"ctor":"PlainPlugin","name":"set in the constructor"}
// counts: {"action":1}
export default class PlainPlugin {
  constructor() {
    this.name = "set in the constructor";
  }
  init(flex, manager) {
    flex.Actions.registerAction("Probe", () => ({ ctor: this.constructor.name, name: this.name }));
  }
}
