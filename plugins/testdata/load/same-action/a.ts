import { Actions } from "@twilio/flex-ui";

Actions.registerAction("Same", () => "a");
Actions.addListener("beforeSame", (payload: any) => {
  payload.seen = (payload.seen ?? "") + "a";
});
