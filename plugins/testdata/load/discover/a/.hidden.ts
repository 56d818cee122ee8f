throw new Error("a dot file is not a plugin");
