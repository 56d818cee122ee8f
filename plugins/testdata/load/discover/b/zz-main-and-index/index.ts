throw new Error("package.json main wins over index.ts");
