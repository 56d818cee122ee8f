// Lines here differ from plugin.ts, so a frame that names the wrong file
// also names the wrong line.

interface Opts {
  loud: boolean;
}

export function helper(mode: string): string {
  const opts: Opts = { loud: mode === "loud" };
  if (opts.loud) {
    throw new TypeError("from helper: " + mode);
  }
  return mode;
}
