import { Actions } from "@twilio/flex-ui";

Actions.registerAction("Broken", (payload) => {
  return payload.;
});
