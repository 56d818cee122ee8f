// The plugin side of the embed example: it wraps the Go-implemented
// LookupCustomer action the way a Flex plugin wraps a built-in one.
import { Actions } from "@twilio/flex-ui";

interface LookupPayload {
  id: string;
}

interface Customer {
  name: string;
  tier: string;
  openTasks: number;
}

// Normalise what the agent typed, let the Go body do the lookup, then
// decorate its answer for the UI.
Actions.replaceAction("LookupCustomer", async (payload: LookupPayload, original) => {
  const typed = payload.id;
  payload.id = typed.trim().toUpperCase();
  console.log(`plugin: normalised id ${JSON.stringify(typed)} to ${JSON.stringify(payload.id)}`);
  const customer: Customer = await original(payload);
  return {
    ...customer,
    displayName: `${customer.name} (${customer.tier})`,
    priority: customer.tier === "gold" || customer.openTasks > 2 ? "high" : "normal",
  };
});

Actions.addListener("afterLookupCustomer", (payload: LookupPayload) => {
  console.log(`plugin: afterLookupCustomer for ${payload.id}`);
});

console.log("plugin: loaded");
