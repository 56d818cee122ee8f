import { Actions } from "@twilio/flex-ui";
await Actions.invokeAction("Hello", { name: "ada" });
console.log("script done");
