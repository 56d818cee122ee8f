// Registers through the global flex.Actions, at the top level.
flex.Actions.registerAction("GlobalFlex", () => "global body");
flex.Actions.replaceAction("GlobalFlex", async (payload, original) => "replaced " + (await original(payload)));
flex.Actions.addListener("afterGlobalFlex", () => {});
// Also replaces another plugin's action: the layer is this plugin's.
flex.Actions.replaceAction("Imported", () => "imported, replaced by global-flex");
