flex.Actions.addListener("beforeAcceptTask", (p) => console.log("b-listen before", p.sid));
