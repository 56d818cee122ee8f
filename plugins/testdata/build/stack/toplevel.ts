const n: number = await Promise.resolve(1);

throw new RangeError("top level " + n);
