import { Actions } from "@twilio/flex-ui";
Actions.registerAction("AcceptTask", async (p: { sid: string }) => `accepted ${p.sid}`);
