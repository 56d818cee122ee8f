// The UI surface plugins touch at load time: nothing renders, what is added
// to a container is recorded in world.components.
import * as React from "react";
import { AgentDesktopView, CallCanvasActions, IconButton, styled, TaskCanvasTabs, Tab, TaskListButtons, withTaskContext, withTheme } from "@twilio/flex-ui";
import { world } from "flexrun";
import { assert } from "../../../testdata/assert.js";

const Panel = styled.div`
  padding: 4px;
`;
const Wide = styled(Panel)({ width: "100%" });
class CustomerTab extends React.Component<{ task?: unknown }> {
  render() { return <Panel>customer</Panel>; }
}
const WithTask = withTaskContext(CustomerTab);
const Themed = withTheme(({ theme }: { theme?: unknown }) => <Wide />);
assert.sameValue(WithTask.displayName, "withTaskContext(CustomerTab)");

TaskCanvasTabs.Content.add(<Tab key="customer" label="Customer"><WithTask /></Tab>, { sortOrder: 1 });
CallCanvasActions.Content.add(<IconButton key="record" icon="Record" />, { align: "end", if: (props: any) => true });
AgentDesktopView.Panel2.Content.replace(<Themed key="crm" />);
TaskListButtons.Content.remove("reject");
assert.sameValue(TaskCanvasTabs.Content.children.length, 1);
assert.deepEqual(world.components, [
  { container: "TaskCanvasTabs", op: "add", key: "customer", component: "Tab", options: { sortOrder: 1 } },
  { container: "CallCanvasActions", op: "add", key: "record", component: "IconButton", options: { align: "end" } },
  { container: "AgentDesktopView.Panel2", op: "replace", key: "crm", component: "withTheme(Component)", options: {} },
  { container: "TaskListButtons", op: "remove", key: "reject", component: null, options: {} },
]);
assert.deepEqual(TaskCanvasTabs.defaultProps, {});
