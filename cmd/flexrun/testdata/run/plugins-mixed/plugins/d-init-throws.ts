export default function (flex: any) {
  flex.Actions.addListener("beforeAcceptTask", () => console.log("never: unloaded"));
  throw new Error("init failed on purpose");
}
