// Flex UI 1.x docs, "Actions framework" › Replace an action.
// (08-customize-action.js replaces AcceptTask again; in Flex 1.x the last
// replacement is the active one.)
import { Actions } from "@twilio/flex-ui";

Actions.replaceAction("AcceptTask", (payload, original) => {
    return new Promise((resolve, reject) => {
        alert("I have replaced this Action");
        resolve();
    }).then(() => original(payload));
});
