// TypeScript and modern syntax that plugins use run as written: esbuild
// strips the types and lowers what goja lacks (async generators).
import type { Actions as ActionsType } from "@twilio/flex-ui";
import { assert } from "../assert.js";

enum Channel {
  Voice = "voice",
  Chat = "chat",
}
assert.sameValue(Channel.Voice, "voice", "string enum");
assert.deepEqual(Object.keys(Channel), ["Voice", "Chat"], "a string enum has no reverse mapping");

enum Level {
  Low,
  High = 10,
  Higher,
}
assert.sameValue(Level.Higher, 11, "numeric enum");
assert.sameValue(Level[10], "High", "numeric enum reverse mapping");

type Handler = (payload: { n: number }) => void;
const handlers: Handler[] = [];
let actionsType: typeof ActionsType | undefined; // only a type: import type is erased
assert.sameValue(actionsType, undefined, "import type");

class Agent {
  #calls = 0;
  static #count = 0;
  constructor(private readonly name: string, public skill?: string) {
    Agent.#count++;
  }
  greet(): string {
    this.#calls++;
    return `hi ${this.name}`;
  }
  get calls(): number {
    return this.#calls;
  }
  static get count(): number {
    return Agent.#count;
  }
  static isAgent(x: unknown): x is Agent {
    return typeof x === "object" && x !== null && #calls in x;
  }
}
const ada = new Agent("Ada", "voice");
assert.sameValue(ada.greet(), "hi Ada", "private readonly parameter property");
ada.greet();
assert.sameValue(ada.calls, 2, "private #field");
assert.sameValue(ada.skill, "voice", "public parameter property");
assert.sameValue(Agent.count, 1, "static private #field");
assert.ok(Agent.isAgent(ada) && !Agent.isAgent({}), "#x in obj");
assert.ok(!("calls" in Object.getOwnPropertyDescriptors(ada)), "#fields are not properties");

// Optional chaining, nullish coalescing and logical assignment.
type Task = { attributes?: { customer?: { name?: string } }; queue?: string | null; tries?: number };
const task: Task = { attributes: {} };
assert.sameValue(task.attributes?.customer?.name, undefined, "?.");
assert.sameValue(task.attributes?.customer?.name?.toUpperCase(), undefined, "?.()");
assert.sameValue((task as any).missing?.[0], undefined, "?.[]");
task.queue ??= "default";
assert.sameValue(task.queue, "default", "??=");
task.queue ??= "other";
assert.sameValue(task.queue, "default", "??= keeps a value");
task.tries ||= 1;
task.tries &&= task.tries + 1;
assert.sameValue(task.tries, 2, "||= and &&=");
assert.sameValue(null ?? 0 ?? 5, 0, "??");

// Generics, non-null assertion, satisfies, as const.
function first<T>(xs: readonly T[]): T | undefined {
  return xs[0];
}
const channels = ["voice", "chat"] as const;
assert.sameValue(first(channels)!, "voice", "generic function");
const cfg = { retries: 3 } satisfies Record<string, number>;
assert.sameValue(cfg.retries, 3, "satisfies");

// Promises and async/await.
const done = new Promise<void>((resolve) => setTimeout(resolve, 1));
assert.sameValue(await done, undefined, "new Promise<void>");
async function double(n: number): Promise<number> {
  await null;
  return n * 2;
}
assert.sameValue(await double(21), 42, "async function");
const results = await Promise.all([double(1), double(2)]);
assert.deepEqual(results, [2, 4], "Promise.all");

// for await over an async generator (goja lacks both; esbuild lowers them).
async function* ticks(n: number): AsyncGenerator<number> {
  for (let i = 0; i < n; i++) {
    await new Promise<void>((resolve) => setTimeout(resolve, 1));
    yield i;
  }
}
const seen: number[] = [];
for await (const t of ticks(3)) {
  seen.push(t);
}
assert.deepEqual(seen, [0, 1, 2], "for await over async function*");
for await (const x of [Promise.resolve("a"), "b"]) {
  seen.push(x as unknown as number);
}
assert.deepEqual(seen, [0, 1, 2, "a", "b"], "for await over an array of promises");

// Destructuring with defaults and rest, spread, computed keys.
const { a = 1, ...rest } = { b: 2, c: 3 } as { a?: number; b: number; c: number };
assert.sameValue(a, 1, "default in destructuring");
assert.deepEqual(rest, { b: 2, c: 3 }, "object rest");
const key = "dyn";
assert.deepEqual({ ...rest, [key]: true }, { b: 2, c: 3, dyn: true }, "spread and computed key");
handlers.push(({ n }) => assert.sameValue(n, 1, "destructured parameter"));
handlers.forEach((h) => h({ n: 1 }));
