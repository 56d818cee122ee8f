// Runtime errors get a code frame at the innermost frame of user code.
const { Actions } = flex;

Actions.addListener("beforeAcceptTask", (payload) => {
	if ("sid" in payload.task) return; // tab-indented: the caret keeps the tab
});
await Actions.invokeAction("AcceptTask", { sid: "WR1" }).catch(() => {});

const { pick } = require("pick-lib");
const greeting = "héllo 😀"; pick({}, greeting);
