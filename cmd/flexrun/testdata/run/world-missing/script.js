console.log("never runs");
