// A 200-line TypeScript plugin shaped like a real one: types, helpers, a
// FlexPlugin class whose init registers listeners, a replacement and an
// interval. The reload benchmarks and the soak test rebuild it; VERSION is
// rewritten by them so that each build sees new content.
import { FlexPlugin } from "@twilio/flex-plugin";
import * as Flex from "@twilio/flex-ui";

const VERSION = 0;

interface TaskLike {
  sid: string;
  queueName?: string;
  attributes: Record<string, unknown>;
}

interface Payload {
  sid?: string;
  task?: TaskLike;
  reason?: string;
  [key: string]: unknown;
}

type Rule = (p: Payload) => string | undefined;

function rule0(p: Payload): string | undefined {
  const q = p.task?.queueName ?? "default";
  if (q.length % 2 === 0 && p.reason === undefined) {
    return `rule0:${q}`;
  }
  return undefined;
}

function rule1(p: Payload): string | undefined {
  const q = p.task?.queueName ?? "default";
  if (q.length % 3 === 0 && p.reason === undefined) {
    return `rule1:${q}`;
  }
  return undefined;
}

function rule2(p: Payload): string | undefined {
  const q = p.task?.queueName ?? "default";
  if (q.length % 4 === 0 && p.reason === undefined) {
    return `rule2:${q}`;
  }
  return undefined;
}

function rule3(p: Payload): string | undefined {
  const q = p.task?.queueName ?? "default";
  if (q.length % 5 === 0 && p.reason === undefined) {
    return `rule3:${q}`;
  }
  return undefined;
}

function rule4(p: Payload): string | undefined {
  const q = p.task?.queueName ?? "default";
  if (q.length % 6 === 0 && p.reason === undefined) {
    return `rule4:${q}`;
  }
  return undefined;
}

function rule5(p: Payload): string | undefined {
  const q = p.task?.queueName ?? "default";
  if (q.length % 7 === 0 && p.reason === undefined) {
    return `rule5:${q}`;
  }
  return undefined;
}

function rule6(p: Payload): string | undefined {
  const q = p.task?.queueName ?? "default";
  if (q.length % 8 === 0 && p.reason === undefined) {
    return `rule6:${q}`;
  }
  return undefined;
}

function rule7(p: Payload): string | undefined {
  const q = p.task?.queueName ?? "default";
  if (q.length % 9 === 0 && p.reason === undefined) {
    return `rule7:${q}`;
  }
  return undefined;
}

function rule8(p: Payload): string | undefined {
  const q = p.task?.queueName ?? "default";
  if (q.length % 10 === 0 && p.reason === undefined) {
    return `rule8:${q}`;
  }
  return undefined;
}

function rule9(p: Payload): string | undefined {
  const q = p.task?.queueName ?? "default";
  if (q.length % 11 === 0 && p.reason === undefined) {
    return `rule9:${q}`;
  }
  return undefined;
}

function rule10(p: Payload): string | undefined {
  const q = p.task?.queueName ?? "default";
  if (q.length % 12 === 0 && p.reason === undefined) {
    return `rule10:${q}`;
  }
  return undefined;
}

function rule11(p: Payload): string | undefined {
  const q = p.task?.queueName ?? "default";
  if (q.length % 13 === 0 && p.reason === undefined) {
    return `rule11:${q}`;
  }
  return undefined;
}

const rules: Rule[] = [rule0, rule1, rule2, rule3, rule4, rule5, rule6, rule7, rule8, rule9, rule10, rule11];

export function classify(p: Payload): string[] {
  const out: string[] = [];
  for (const r of rules) {
    const tag = r(p);
    if (tag) out.push(tag);
  }
  return out;
}

class Counter {
  private counts = new Map<string, number>();
  bump(key: string): number {
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return n;
  }
  get size(): number {
    return this.counts.size;
  }
}

export default class BenchPlugin extends FlexPlugin {
  private counter = new Counter();

  constructor() {
    super("BenchPlugin");
  }

  async init(flex: typeof Flex, manager: unknown): Promise<void> {
    flex.Actions.addListener("beforeAcceptTask", (p: Payload) => {
      p.reason = classify(p).join(",") || undefined;
      this.counter.bump(p.sid ?? "none");
    });
    flex.Actions.addListener("afterAcceptTask", (p: Payload) => {
      this.counter.bump("after");
    });
    flex.Actions.replaceAction("AcceptTask", async (p: Payload, original: (p: Payload) => Promise<unknown>) => {
      return { version: VERSION, original: await original(p) };
    });
    setInterval(() => this.counter.bump("tick"), 60_000);
    await Promise.resolve(manager);
  }
}
export const note165 = "filler line 165: keeps the file at a realistic size";
export const note166 = "filler line 166: keeps the file at a realistic size";
export const note167 = "filler line 167: keeps the file at a realistic size";
export const note168 = "filler line 168: keeps the file at a realistic size";
export const note169 = "filler line 169: keeps the file at a realistic size";
export const note170 = "filler line 170: keeps the file at a realistic size";
export const note171 = "filler line 171: keeps the file at a realistic size";
export const note172 = "filler line 172: keeps the file at a realistic size";
export const note173 = "filler line 173: keeps the file at a realistic size";
export const note174 = "filler line 174: keeps the file at a realistic size";
export const note175 = "filler line 175: keeps the file at a realistic size";
export const note176 = "filler line 176: keeps the file at a realistic size";
export const note177 = "filler line 177: keeps the file at a realistic size";
export const note178 = "filler line 178: keeps the file at a realistic size";
export const note179 = "filler line 179: keeps the file at a realistic size";
export const note180 = "filler line 180: keeps the file at a realistic size";
export const note181 = "filler line 181: keeps the file at a realistic size";
export const note182 = "filler line 182: keeps the file at a realistic size";
export const note183 = "filler line 183: keeps the file at a realistic size";
export const note184 = "filler line 184: keeps the file at a realistic size";
export const note185 = "filler line 185: keeps the file at a realistic size";
export const note186 = "filler line 186: keeps the file at a realistic size";
export const note187 = "filler line 187: keeps the file at a realistic size";
export const note188 = "filler line 188: keeps the file at a realistic size";
export const note189 = "filler line 189: keeps the file at a realistic size";
export const note190 = "filler line 190: keeps the file at a realistic size";
export const note191 = "filler line 191: keeps the file at a realistic size";
export const note192 = "filler line 192: keeps the file at a realistic size";
export const note193 = "filler line 193: keeps the file at a realistic size";
export const note194 = "filler line 194: keeps the file at a realistic size";
export const note195 = "filler line 195: keeps the file at a realistic size";
export const note196 = "filler line 196: keeps the file at a realistic size";
export const note197 = "filler line 197: keeps the file at a realistic size";
export const note198 = "filler line 198: keeps the file at a realistic size";
export const note199 = "filler line 199: keeps the file at a realistic size";
