// The entry of a plugin made with the Flex Plugins CLI (flex-plugins-builder).
import * as FlexPlugin from "@twilio/flex-plugin";

import ChatGreetingPlugin from "./ChatGreetingPlugin";

FlexPlugin.loadPlugin(ChatGreetingPlugin);
