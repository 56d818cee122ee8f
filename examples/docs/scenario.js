// Drives the snippets of Twilio's Flex UI 1.x docs page "Actions framework"
// (https://www.twilio.com/docs/flex/developer/ui/v1/actions). Each snippet is
// a plugin in ./plugins, as the docs write it; flexrun loads them all, in file
// order, before this script runs:
//
//	go run ./cmd/flexrun run --plugins examples/docs/plugins examples/docs/scenario.js
//
// scenario_test.go runs the same, with an HTTP backend for MyAction and once
// with confirm() answering Cancel.
import { Actions } from "@twilio/flex-ui";

// Stand-ins for Flex built-in actions, until flexrun has the headless Flex
// world. Each prints one [stand-in] line and nothing else. A plugin may
// listen to, or replace, an action before it is registered: the WrapupTask
// replacement of 10-wrapup-send-message.ts applies to the stand-in below.
// AcceptTask needs no stand-in: the docs' first snippet (01-register-action.js)
// registers it.
const standInCompleteTask = (payload) => {
  console.log(`[stand-in] CompleteTask ${payload.sid}`);
};
const standInWrapupTask = (payload) => {
  console.log(`[stand-in] WrapupTask ${payload.task.sid}`);
};
const standInSendMessage = (payload) => {
  console.log(`[stand-in] SendMessage to ${payload.channelSid}: ${payload.body}`);
};
Actions.registerAction("CompleteTask", standInCompleteTask);
Actions.registerAction("WrapupTask", standInWrapupTask);
Actions.registerAction("SendMessage", standInSendMessage);

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

console.log("0. While loading, 02-invoke-action.js invoked AcceptTask on the body");
console.log("   01-register-action.js registered (a comment: it prints nothing);");
console.log("   05-remove-listeners.js added its named listeners and removed them.");

console.log("\n1. Accept a task: before listeners (04, 07), the replacement");
console.log("   (08 took over from 03), 01's body, after listeners (04, 06)");
await invoke("AcceptTask", { sid: "WR0000000000000000001" });

console.log("\n2. The same with someCondition: 04's listener cancels the invocation");
window.someCondition = true;
await invoke("AcceptTask", { sid: "WR0000000000000000002" });
window.someCondition = false;

console.log("\n3. Complete the task: 09's afterCompleteTask listener invokes MyAction,");
console.log("   which fetches https://my.server.backend.com/test");
if (window.docsBackend) {
  await invoke("CompleteTask", { sid: "WR0000000000000000001" });
} else {
  console.log("   (skipped: no backend here; `go test ./examples/docs` serves one)");
}

console.log("\n4. Wrap up a chat task: 10's replacement sends a message first");
await invoke("WrapupTask", {
  task: {
    sid: "WR0000000000000000001",
    taskChannelUniqueName: "chat",
    attributes: { channelSid: "CH0000000000000000001" },
  },
});

console.log("\n5. Wrap up a voice task: no message");
await invoke("WrapupTask", {
  task: {
    sid: "WR0000000000000000003",
    taskChannelUniqueName: "voice",
    attributes: {},
  },
});
