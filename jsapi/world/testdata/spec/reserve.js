// world.reserve: a new reservation, announced on the workerClient as
// TaskRouter does; accepting it makes the task live.
import { Actions, Manager } from "@twilio/flex-ui";
import { world } from "flexrun";
import { assert } from "../../../testdata/assert.js";

const accepted = [];
const created = [];
Manager.getInstance().workerClient.on("reservationCreated", (reservation) => {
  created.push([reservation.sid, reservation.status, reservation.task.sid]);
  reservation.on("accepted", (r) => accepted.push(r.sid));
  if (reservation.sid === "WR7") Actions.invokeAction("AcceptTask", { sid: reservation.sid });
});
const task = world.reserve({ sid: "WR7", taskChannelUniqueName: "chat", attributes: { from: "bob" } });
assert.sameValue(task, world.task("WR7"));
await world.settle();
assert.sameValue(task.status, "accepted");
assert.deepEqual(accepted, ["WR7"]);
assert.deepEqual(created, [["WR7", "pending", "WT7"]]);
assert.deepEqual([...Manager.getInstance().workerClient.reservations.keys()], ["WR7"]);

// The reservation's own methods.
world.reserve({ sid: "WR8" });
const r8 = Manager.getInstance().workerClient.reservations.get("WR8");
await r8.reject();
assert.sameValue(world.task("WR8").status, "rejected");
await assert.rejects(Error, r8.accept());
assert.throws(TypeError, () => world.addTask({}));
assert.throws(Error, () => world.addTask({ sid: "WR7" }));
