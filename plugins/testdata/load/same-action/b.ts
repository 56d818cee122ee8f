import { Actions } from "@twilio/flex-ui";

Actions.registerAction("Same", () => "b");
Actions.addListener("beforeSame", (payload: any) => {
  payload.seen = (payload.seen ?? "") + "b";
});
