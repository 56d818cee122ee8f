// The docs' confirm-before-accept snippet: with --confirm no the agent says no.
flex.Actions.addListener("beforeAcceptTask", (payload, abortFunction) => {
  if (!window.confirm("Are you sure you want to accept the task?")) {
    abortFunction();
  }
});
