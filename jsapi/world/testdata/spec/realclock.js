// world.advance needs the virtual clock.
import { world } from "flexrun";
import { assert } from "../../../testdata/assert.js";

const err = await assert.rejects(Error, world.advance(10));
assert.sameValue(err.message, 'world.advance needs the virtual clock: run with --virtual-time or "clock": "virtual" in the world file');
await world.settle();
