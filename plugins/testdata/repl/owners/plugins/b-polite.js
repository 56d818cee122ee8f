export default function (flex) {
  flex.Actions.replaceAction("Greet", async (payload, original) => (await original(payload)) + ", please");
  flex.Actions.addListener("beforeGreet", () => {});
  flex.Actions.addListener("afterAcceptTask", () => {});
}
