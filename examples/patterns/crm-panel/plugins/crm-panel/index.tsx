// CRM panel. Agents switch to the CRM in another browser tab to see who
// they are talking to, and lose the conversation while they do. This plugin
// adds a "Customer" tab to the task canvas, first among the tabs, showing the
// CRM record of the task's customer (what the CRM lookup stored in
// task.attributes.crm). withTaskContext gives the panel the selected task.
import React from "react";
import * as Flex from "@twilio/flex-ui";
import { Tab, TaskCanvasTabs } from "@twilio/flex-ui";
import { FlexPlugin } from "@twilio/flex-plugin";

import CrmPanel from "./CrmPanel";

const PLUGIN_NAME = "CrmPanelPlugin";

export default class CrmPanelPlugin extends FlexPlugin {
  constructor() {
    super(PLUGIN_NAME);
  }

  async init(flex: typeof Flex, manager: Flex.Manager): Promise<void> {
    TaskCanvasTabs.Content.add(
      <Tab key="crm-panel" label="Customer">
        <CrmPanel />
      </Tab>,
      { sortOrder: 1 }
    );
  }
}
