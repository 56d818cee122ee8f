console.log("%s has %d tasks (%i%%)", "Ada", 3, 42.9);
console.log({ sid: "WR123", attributes: { channel: "chat", tags: ["a", "b"] } }, [1, 2, 3]);
console.log(new Map([["a", 1]]), new Set([1]), null, undefined, 1n);
console.info("info goes to stdout");
console.error("errors go to stderr:", new Error("boom").message);
console.warn("warnings too");
