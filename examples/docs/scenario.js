// Drives the snippets of Twilio's Flex UI 1.x docs page "Actions framework"
// (https://www.twilio.com/docs/flex/developer/ui/v1/actions). Each snippet is
// a plugin in ./plugins, as the docs write it; flexrun loads them all, in file
// order, before this script runs, on the headless Flex world of world.json:
//
//	go run ./cmd/flexrun run --world examples/docs/world.json --plugins examples/docs/plugins examples/docs/scenario.js
//
// The world holds a chat task and its conversation, a pending and an
// accepted voice task, what confirm() answers, and the docs' backend URL.
import { Actions } from "@twilio/flex-ui";
import { world } from "flexrun";

// 04-add-listeners.js cancels AcceptTask when this global is truthy (the docs
// leave `someCondition` to the reader).
window.someCondition = false;

// invoke runs an action and says how its invocation ended.
async function invoke(name, payload) {
  try {
    await Actions.invokeAction(name, payload);
    console.log(`-> ${name} done`);
  } catch (e) {
    console.log(`-> ${name} rejected: ${e.message}`);
  }
}
const status = (sid) => world.task(sid).status;

console.log("0. While loading, 02-invoke-action.js invoked AcceptTask on the body");
console.log("   01-register-action.js registered over Flex's own (a comment: it prints");
console.log("   nothing); 05-remove-listeners.js added its named listeners and removed them.");

console.log("\n1. Accept a task: before listeners (04, 07), the replacement");
console.log("   (08 took over from 03), 01's body, after listeners (04, 06)");
await invoke("AcceptTask", { sid: "WR0000000000000000002" });

console.log("\n2. The same with someCondition: 04's listener cancels the invocation");
window.someCondition = true;
await invoke("AcceptTask", { sid: "WR0000000000000000002" });
window.someCondition = false;

console.log("\n3. The world's confirm() says no this time: 07's listener cancels");
await invoke("AcceptTask", { sid: "WR0000000000000000002" });
console.log(`   (01's body does nothing, as the docs write it: the task is still ${status("WR0000000000000000002")})`);

console.log("\n4. Wrap up the chat task: 10's replacement sends the message into the");
console.log("   task's conversation first, then Flex's WrapupTask runs");
await invoke("WrapupTask", { sid: "WR0000000000000000001" });
for (const m of world.conversation("CH0000000000000000001").messages) console.log(`   ${m.author}: ${m.body}`);
console.log(`   WR0000000000000000001 is ${status("WR0000000000000000001")}`);

console.log("\n5. Complete it: 09's afterCompleteTask listener invokes MyAction,");
console.log("   which fetches https://my.server.backend.com/test (the world answers)");
await invoke("CompleteTask", { sid: "WR0000000000000000001" });
console.log(`   WR0000000000000000001 is ${status("WR0000000000000000001")}; fetched ${world.fetches.map((f) => f.method + " " + f.url)}`);

console.log("\n6. Wrap up a voice task: no message");
await invoke("WrapupTask", { sid: "WR0000000000000000003" });
console.log(`   WR0000000000000000003 is ${status("WR0000000000000000003")}`);

console.log("\nFlex's built-ins that ran:", world.actions.map((a) => a.name).join(", "));
