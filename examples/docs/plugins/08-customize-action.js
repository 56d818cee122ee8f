// Flex UI 1.x docs, "Actions framework" › Common use cases: customize an
// existing action. It takes over from 03-replace-action.js's replacement.
flex.Actions.replaceAction("AcceptTask", (payload, original) => {
  return new Promise((resolve, reject) => {
    alert("I have replaced this Action");
    resolve();
  }).then(() => original(payload));
});
