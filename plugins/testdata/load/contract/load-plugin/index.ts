// want: {"name":"SamplePlugin","loaded":1}
// counts: {"action":1}
// The Flex plugin template's src/index.js.
import * as FlexPlugin from "@twilio/flex-plugin";

import SamplePlugin from "./SamplePlugin";

FlexPlugin.loadPlugin(SamplePlugin);
