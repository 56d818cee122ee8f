import { Actions } from "@twilio/flex-ui";
Actions.addListener("afterAcceptTask", (p) => {
  console.log("after" p.sid);
});
