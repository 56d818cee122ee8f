// Run from a plugin project, flexrun reads what Flex's tooling reads: .env,
// then .<profile>.env (only FLEX_APP_* and REACT_APP_* reach process.env),
// and public/appConfig.js (manager.configuration).
import { Manager } from "@twilio/flex-ui";
console.log(process.env.FLEX_APP_CRM_URL, process.env.REACT_APP_MODE, process.env.TWILIO_AUTH_TOKEN);
console.log(JSON.stringify(Manager.getInstance().configuration));
