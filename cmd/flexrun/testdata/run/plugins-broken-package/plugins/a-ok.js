import { Actions } from "@twilio/flex-ui";
Actions.registerAction("Hello", (p) => console.log("hello", p.name));
