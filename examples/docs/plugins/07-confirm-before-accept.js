// Flex UI 1.x docs, "Actions framework" › Common use cases: ask for
// confirmation before accepting a task (`flexrun run --confirm no` aborts).
flex.Actions.addListener(
  "beforeAcceptTask",
  (payload, abortFunction) => {
    alert("Triggered before event AcceptTask");
    if (!window.confirm("Are you sure you want to accept the task?")) {
      abortFunction();
  }
});
