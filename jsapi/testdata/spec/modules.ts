// Every way of reaching the Actions facade gives one object (semantics rule 1):
// the namespace import, the named import, the default import (esbuild's
// CommonJS interop: the host object itself) and the flex globals.
import * as Flex from "@twilio/flex-ui";
import FlexDefault, { Actions } from "@twilio/flex-ui";
import { assert } from "../assert.js";

assert.sameValue(Flex.Actions, Actions, "namespace Actions === named Actions");
assert.sameValue(FlexDefault.Actions, Actions, "default Actions === named Actions");
assert.sameValue(FlexDefault, flex, "the default import is the flex global");
assert.sameValue(flex.Actions, Actions, "flex.Actions === named Actions");
assert.sameValue(Twilio.Flex.Actions, Actions, "Twilio.Flex.Actions === named Actions");

// Each property read makes a new function, so identity never holds ...
assert.notSameValue(Actions.invokeAction, Actions.invokeAction, "a fresh invokeAction per read");
assert.notSameValue(Flex.Actions.registerAction, Actions.registerAction, "a fresh registerAction per read");
assert.sameValue(typeof Actions.invokeAction, "function", "typeof invokeAction");

// ... but the methods are the same behaviour, detached too.
const calls: string[] = [];
Actions.registerAction("SpecModules", (payload: { via: string }) => {
  calls.push(payload.via);
});
const { invokeAction } = Actions;
await Flex.Actions.invokeAction("SpecModules", { via: "namespace" });
await Actions.invokeAction("SpecModules", { via: "named" });
await FlexDefault.Actions.invokeAction("SpecModules", { via: "default" });
await flex.Actions.invokeAction("SpecModules", { via: "flex" });
await Twilio.Flex.Actions.invokeAction("SpecModules", { via: "Twilio.Flex" });
await invokeAction("SpecModules", { via: "detached" });
assert.deepEqual(calls, ["namespace", "named", "default", "flex", "Twilio.Flex", "detached"], "body calls");

// A listener added through one import sees invocations made through another.
const seen: string[] = [];
Flex.Actions.addListener("beforeSpecModules", (payload: { via: string }) => {
  seen.push("before:" + payload.via);
});
FlexDefault.Actions.addListener("afterSpecModules", (payload: { via: string }) => {
  seen.push("after:" + payload.via);
});
await Actions.invokeAction("SpecModules", { via: "named" });
assert.deepEqual(seen, ["before:named", "after:named"], "listeners across imports");

// invokeAction never throws, even for a bad name: it rejects (rule 3).
const bad = Actions.invokeAction(42 as unknown as string);
assert.ok(bad instanceof Promise, "invokeAction(42) returns a promise");
await assert.rejects(TypeError, bad, "invokeAction(42)");
await assert.rejects(Error, Actions.invokeAction("SpecNoSuchAction"), "unknown action");
