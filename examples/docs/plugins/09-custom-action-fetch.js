// Flex UI 1.x docs, "Actions framework" › Common use cases: register a
// custom action that makes an HTTP request, invoked after CompleteTask.
//
// One change: the docs break the line after `return`, so automatic semicolon
// insertion makes MyAction return undefined and the fetch never runs; here
// `return fetch(` is one line. The URL is the docs' own: the Go test answers
// it from an httptest server (scenario_test.go); the scenario invokes
// CompleteTask only when a backend is there.
flex.Actions.registerAction("MyAction", (payload) => {
  return fetch("https://my.server.backend.com/test")
      .then(response => {
        alert("Triggered MyAction with response " + JSON.stringify(response));
      })
      .catch(error => {
        console.log(error);
        throw error;
      });
});


flex.Actions.addListener("afterCompleteTask", (payload) => {
  return flex.Actions.invokeAction("MyAction");
});
