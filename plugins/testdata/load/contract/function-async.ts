// want: {"steps":["start","after await","after timer"]}
// counts: {"action":1,"replacement":1,"listener":1}
// Every registration here is made after an await: the loader waits for the
// default export's promise before it counts them.
const steps: string[] = [];

export default async function init(flex: any, manager: any): Promise<void> {
  steps.push("start");
  await Promise.resolve();
  steps.push("after await");
  flex.Actions.addListener("afterProbe", () => {});
  await new Promise<void>((resolve) => setTimeout(resolve, 20));
  steps.push("after timer");
  flex.Actions.registerAction("Probe", () => ({ steps }));
  await null;
  flex.Actions.replaceAction("Probe", (payload: any, original: (p: any) => any) => original(payload));
}
