// want: {"args":2,"hasActions":true}
// counts: {"action":1}
export default function (flex, manager) {
  const args = arguments.length;
  flex.Actions.registerAction("Probe", () => ({ args, hasActions: typeof flex.Actions.invokeAction === "function" }));
}
