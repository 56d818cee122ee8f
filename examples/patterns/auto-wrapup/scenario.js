// Three tasks end: Ann's call, whose agent forgets it in wrap-up; Ben's
// call, which the agent completes after 10 s; Cat's chat, wrapped up and
// forgotten. The world's clock is virtual: world.advance(ms) moves it on.
//
//	flexrun run --world world.json --plugins plugins scenario.js
import { Actions } from "@twilio/flex-ui";
import { world } from "flexrun";

const t0 = Date.now();
const at = () => `t+${(Date.now() - t0) / 1000}s`.padEnd(9);
const statuses = () => world.tasks.map((t) => `${t.sid} ${t.status}`).join(", ");

console.log(`${at()} hang up Ann's call (WR0001) and Ben's (WR0002), wrap up Cat's chat (WR0003)`);
await Actions.invokeAction("HangupCall", { sid: "WR0001" });
await Actions.invokeAction("HangupCall", { sid: "WR0002" });
await Actions.invokeAction("WrapupTask", { sid: "WR0003" });
console.log(`${at()} ${statuses()}`);

await world.advance(10000);
console.log(`${at()} the agent completes Ben's call`);
await Actions.invokeAction("CompleteTask", { sid: "WR0002" });
console.log(`${at()} ${statuses()}`);

await world.advance(19999);
console.log(`${at()} ${statuses()} (1 ms to go)`);

await world.advance(1);
console.log(`${at()} ${statuses()}`);

await world.advance(60000);
console.log(`${at()} nothing more happens: ${statuses()}`);

console.log("\nCompleteTask ran for:");
for (const a of world.actions.filter((a) => a.name === "CompleteTask")) {
  console.log(`  ${a.payload.sid}${a.payload.autoCompleted ? " (auto-completed)" : " (by the agent)"}`);
}
