// The virtual clock: timers fire in time order as soon as nothing else is
// left, world.advance(ms) runs the timers due within ms, world.settle()
// waits for everything but future timers; Date.now() follows the clock.
import { Actions } from "@twilio/flex-ui";
import { world } from "flexrun";
import { assert } from "../../../testdata/assert.js";

const t0 = Date.now();
const perf0 = performance.now();
const log = [];
setTimeout(() => log.push("30s at " + (Date.now() - t0)), 30000);
setTimeout(() => log.push("10s at " + (Date.now() - t0)), 10000);
const iv = setInterval(() => log.push("tick at " + (Date.now() - t0)), 4000);

await world.advance(9000);
assert.deepEqual(log, ["tick at 4000", "tick at 8000"]);
assert.sameValue(Date.now() - t0, 9000);
assert.sameValue(performance.now() - perf0, 9000);
await world.advance(1000);
assert.deepEqual(log, ["tick at 4000", "tick at 8000", "10s at 10000"], "a timer due at the end of the advance runs");
clearInterval(iv);

// settle: nothing but future timers left.
let done = false;
Actions.registerAction("Slow", async () => { await null; await null; done = true; });
Actions.invokeAction("Slow");
await world.settle();
assert.ok(done, "the invocation's microtasks ran");
assert.sameValue(Date.now() - t0, 10000, "settle does not move the clock");

// An auto-wrap-up after 30 s of virtual time, without waiting.
const wrapped = new Promise((resolve) => setTimeout(() => resolve(Date.now() - t0), 20000));
assert.sameValue(await wrapped, 30000);
assert.deepEqual(log.at(-1), "30s at 30000");
await assert.rejects(TypeError, world.advance(-1));
