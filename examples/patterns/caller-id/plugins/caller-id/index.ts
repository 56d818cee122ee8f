// Outbound caller ID. A contact centre dials out from several numbers: each
// queue has its own (customers recognise the sales line), and each
// environment a default one. Agents rarely pick one in the dialer, so this
// feature fills payload.callerId on StartOutboundCall when the agent left it
// empty: the queue's number from the Flex configuration's ui_attributes
// (custom_data.caller_id.by_queue, editable by admins without a deploy), else
// the default baked into the build (FLEX_APP_DEFAULT_CALLER_ID in .env).
// appConfig's feature flag switches it off. It is written as a feature of a
// feature-loader plugin: the loader calls every feature's actionHook.
import * as Flex from "@twilio/flex-ui";
import { FlexAction, FlexActionEvent } from "./types/FlexAction";

interface CallerIdConfig {
  by_queue?: Record<string, string>;
}

// What this feature reads of the Flex configuration's ui_attributes and of
// appConfig.js (both are free-form objects in Flex's types).
type UIAttributes = { custom_data?: { caller_id?: CallerIdConfig } };
type AppConfig = { custom_data?: { features?: { caller_id?: { enabled?: boolean } } } };

interface OutboundCallPayload {
  destination: string;
  queueSid?: string;
  callerId?: string;
  taskAttributes?: Record<string, unknown>;
}

export const actionEvent = FlexActionEvent.before;
export const actionName = FlexAction.StartOutboundCall;

export const actionHook = function setDefaultCallerId(flex: typeof Flex, manager: Flex.Manager) {
  const enabled = (manager.configuration as AppConfig).custom_data?.features?.caller_id?.enabled ?? true;
  if (!enabled) return;
  const config = (manager.serviceConfiguration.ui_attributes as UIAttributes).custom_data?.caller_id ?? {};

  flex.Actions.addListener(`${actionEvent}${actionName}`, async (payload: OutboundCallPayload) => {
    if (payload.callerId) return; // the agent chose one
    const byQueue = payload.queueSid ? config.by_queue?.[payload.queueSid] : undefined;
    payload.callerId = byQueue ?? process.env.FLEX_APP_DEFAULT_CALLER_ID;
  });
};
