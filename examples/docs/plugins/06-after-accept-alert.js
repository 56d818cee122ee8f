// Flex UI 1.x docs, "Actions framework" › Common use cases: add an action
// after a task is accepted. `flex` is the plugin's Flex module, as in init(flex).
flex.Actions.addListener(
  "afterAcceptTask",
  (payload) => alert("Triggered after event AcceptTask")
);
