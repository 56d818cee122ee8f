// want: "arrow"
// counts: {"action":1}
export default async (flex: any) => {
  await 0;
  flex.Actions.registerAction("Probe", () => "arrow");
};
