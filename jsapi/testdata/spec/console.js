// console.log formats like Node's util.inspect (the full matrix is in
// console_test.go); expected output in console.js.stdout, from Node 20.
console.log({ a: 1, s: "x", list: [1, "two", { three: 3 }], m: new Map([["k", [1]]]), set: new Set([1]), n: null, u: undefined });
console.log("%s is %d", "answer", 42, { extra: true });
