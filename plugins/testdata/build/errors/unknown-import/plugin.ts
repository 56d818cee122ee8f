import { Actions } from "@twilio/flex-ui";
import { chunk } from "lodash-es";

export const parts = chunk([Actions], 1);
