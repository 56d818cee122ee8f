// Stack frames must name this file, not the bundle.
import { helper } from "./helper";

enum Mode {
  Loud = "loud",
}

export function boom(): never {
  throw new Error("boom");
}

export function viaHelper(): string {
  return helper(Mode.Loud);
}
