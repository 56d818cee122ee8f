console.log(await flex.Actions.invokeAction("AcceptTask", { sid: "WR1" }));
