import { Actions } from "@twilio/flex-ui";

Actions.registerAction("GoodZ", () => "z works");
Actions.addListener("beforeGoodZ", () => {});
