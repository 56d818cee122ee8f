throw new Error("a dot directory is not a plugin");
