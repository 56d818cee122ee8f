flex.Actions.registerAction("AcceptTask", (p) => `accepted ${p.sid}`);
alert("accepting WR1");
await flex.Actions.invokeAction("AcceptTask", { sid: "WR1" }).then(console.log, (e) => console.log("rejected:", e.message));
