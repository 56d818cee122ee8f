import { Actions } from "@twilio/flex-ui";

console.log("before");
async function lookup(id) {
  throw new TypeError(`no customer ${id}`);
}
Actions.registerAction("Lookup", (p) => lookup(p.id));
Actions.invokeAction("Lookup", { id: 7 }); // nobody handles the rejection
