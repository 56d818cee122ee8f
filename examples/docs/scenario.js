// The snippets of Twilio's Flex UI 1.x docs page "Actions framework"
// (https://www.twilio.com/docs/flex/developer/ui/v1/actions), run as one
// script. The snippets are as the docs write them; only the code around them
// (step labels, stand-ins, awaits) is ours. The "Registering a custom action"
// example that calls fetch is left out: flexrun has no fetch yet.
//
//	go run ./cmd/flexrun run examples/docs/scenario.js
import { Actions } from "@twilio/flex-ui";

// Stand-ins until flexrun provides window.alert and window.confirm: alert
// prints, confirm prints and answers OK.
globalThis.alert = (msg) => console.log("[alert] " + msg);
globalThis.confirm = (msg) => {
  console.log("[confirm] " + msg + " -> OK");
  return true;
};

console.log("1. Register and invoke a custom action");
Actions.registerAction("MyAction", (payload) => {
  // Custom Logic Goes Here
  console.log("MyAction ran with", payload);
});
await Actions.invokeAction("MyAction", { foo: "bar" });

// Stand-in for Flex's built-in AcceptTask until the headless Flex world exists
Actions.registerAction("AcceptTask", (payload) => {
  console.log("AcceptTask accepted reservation " + payload.sid);
});

console.log("\n2. Replace an action");
flex.Actions.replaceAction("AcceptTask", (payload, original) => {
  return new Promise((resolve, reject) => {
    alert("I have replaced this Action");
    resolve();
  }).then(() => original(payload));
});
await Actions.invokeAction("AcceptTask", { sid: "WRXXXXXXXXXXXXXXXXX" });

console.log("\n3. Listen before and after an action");
flex.Actions.addListener("beforeAcceptTask", (payload, abortFunction) => {
  alert("Triggered before event AcceptTask");
  if (!window.confirm("Are you sure you want to accept the task?")) {
    abortFunction();
  }
});
flex.Actions.addListener("afterAcceptTask", (payload) => {
  alert("Triggered after event AcceptTask");
});
await Actions.invokeAction("AcceptTask", { sid: "WRXXXXXXXXXXXXXXXXX" });

console.log("\n4. Add a named listener, then remove it");
const handler = (payload) => {
  console.log("handler saw reservation " + payload.sid);
};
Actions.addListener("beforeAcceptTask", handler);
console.log("-- with handler:");
await Actions.invokeAction("AcceptTask", { sid: "WR0000000000000000001" });
Actions.removeListener("beforeAcceptTask", handler);
console.log("-- handler removed:");
await Actions.invokeAction("AcceptTask", { sid: "WR0000000000000000002" });

console.log("\n5. Abort an action from a before listener");
Twilio.Flex.Actions.addListener("beforeAcceptTask", (payload, abortFunction) => {
  if (payload.sid.startsWith("WRblocked")) {
    console.log("abort listener: aborting AcceptTask for " + payload.sid);
    abortFunction();
  }
});
try {
  await Twilio.Flex.Actions.invokeAction("AcceptTask", { sid: "WRblocked000000000003" });
  console.log("AcceptTask fulfilled (unexpected)");
} catch (e) {
  console.log("invokeAction rejected: " + e.message);
}
