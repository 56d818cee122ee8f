// Views and navigation: NavigateToView and SelectTask go through
// HistoryPush (a nested invocation with its own events), the supervisor
// selections through HistoryReplace; component state, filters, panels.
import { Actions, Manager } from "@twilio/flex-ui";
import { world } from "flexrun";
import { assert } from "../../../testdata/assert.js";

const log = [];
for (const name of ["NavigateToView", "HistoryPush", "HistoryReplace", "SelectTask"]) {
  Actions.addListener("before" + name, () => log.push("before" + name));
  Actions.addListener("after" + name, () => log.push("after" + name));
}
await Actions.invokeAction("NavigateToView", { viewName: "teams" });
assert.deepEqual(log, ["beforeNavigateToView", "beforeHistoryPush", "afterHistoryPush", "afterNavigateToView"]);
assert.deepEqual([world.view.activeView, world.view.location], ["teams", "/teams"]);
const bad = await assert.rejects(Error, Actions.invokeAction("NavigateToView", {}));
assert.sameValue(bad.message, "NavigateToView: the payload needs a viewName");

world.addTask({ sid: "WR1", status: "accepted" });
log.length = 0;
await Actions.invokeAction("SelectTask", { sid: "WR1" });
assert.deepEqual(log, ["beforeSelectTask", "beforeHistoryPush", "afterHistoryPush", "afterSelectTask"]);
assert.sameValue(world.view.selectedTaskSid, "WR1");
await Promise.resolve();
assert.sameValue(Manager.getInstance().store.getState().flex.view.selectedTaskSid, "WR1");

// History.
await Actions.invokeAction("HistoryPush", { pathname: "/queues-stats" });
await Actions.invokeAction("HistoryGoBack");
assert.sameValue(world.view.location, "/agent-desktop/WR1");
await Actions.invokeAction("HistoryGoForward");
assert.sameValue(world.view.location, "/queues-stats");
await Actions.invokeAction("HistoryGo", -3);
assert.sameValue(world.view.location, "/agent-desktop");
await Actions.invokeAction("HistoryReplace", "/x");
assert.deepEqual(world.view.history, ["/x", "/teams", "/agent-desktop/WR1", "/queues-stats"]);

// Supervisor selections replace the location.
log.length = 0;
await Actions.invokeAction("SelectTaskInSupervisor", { sid: "WR1" });
await Actions.invokeAction("SelectWorkerInSupervisor", { workerSid: "WK5" });
assert.deepEqual(log, ["beforeHistoryReplace", "afterHistoryReplace", "beforeHistoryReplace", "afterHistoryReplace"]);
assert.deepEqual(world.view.supervisor, { selectedTaskSid: "WR1", selectedWorkerSid: "WK5", monitoringTaskSid: null });
await Actions.invokeAction("MonitorCall", { sid: "WR1" });
assert.sameValue(world.view.supervisor.monitoringTaskSid, "WR1");
await Actions.invokeAction("StopMonitoringCall", { sid: "WR1" });
assert.sameValue(world.view.supervisor.monitoringTaskSid, null);

// Component state merges; filters; panels.
await Actions.invokeAction("SetComponentState", { name: "AgentDesktopView", state: { splitterPosition: 0.3 } });
await Actions.invokeAction("SetComponentState", { name: "AgentDesktopView", state: { hidden: true } });
assert.deepEqual(world.view.componentViewStates.AgentDesktopView, { splitterPosition: 0.3, hidden: true });
await Actions.invokeAction("ApplyListFilters", { key: "teams", filters: [{ name: "skills", values: ["fr"] }] });
assert.deepEqual(world.view.listFilters.teams.filters, [{ name: "skills", values: ["fr"] }]);
await Actions.invokeAction("RemoveListFilters", { key: "teams" });
assert.deepEqual(world.view.listFilters, {});
await Actions.invokeAction("ToggleSidebar");
await Actions.invokeAction("ShowDirectory");
await Actions.invokeAction("ToggleOutboundDialer");
assert.deepEqual([world.view.sidebarOpen, world.view.directoryOpen, world.view.outboundDialerOpen], [true, true, true]);
await Actions.invokeAction("ToggleSidebar", { open: true });
await Actions.invokeAction("HideDirectory");
assert.deepEqual([world.view.sidebarOpen, world.view.directoryOpen], [true, false]);
await Actions.invokeAction("ReloadWindow");
assert.sameValue(world.view.reloads, 1);

// Insights.
await Actions.invokeAction("InsightsPlayer:play", { segmentId: "seg1" });
assert.deepEqual(world.view.insightsPlayer, { visible: true, segmentId: "seg1", playing: true, initialized: false });
await Actions.invokeAction("InsightsPlayer:hide");
await Actions.invokeAction("InsightsPlayer:initialized");
await Actions.invokeAction("InsightsPlayer:show");
assert.deepEqual(world.view.insightsPlayer, { visible: true, segmentId: "seg1", playing: false, initialized: true });
await Actions.invokeAction("HistoricalReporting:view", { uri: "/reports/1" });
assert.deepEqual([world.view.activeView, world.view.historicalReportingUri], ["historical-reporting", "/reports/1"]);
await Actions.invokeAction("DownloadMedia", { channelSid: "CH1" }).catch((e) => assert.sameValue(e.message, "DownloadMedia: no conversation CH1 (the world has no conversations)"));

// SelectTask selects what the payload's sid says, as Flex does, without
// looking the task up; no sid goes to the agent desktop.
await Actions.invokeAction("SelectTask", { sid: "WT1" });
assert.deepEqual([world.view.selectedTaskSid, world.view.location], ["WT1", "/agent-desktop/WT1"]);
await Actions.invokeAction("SelectTask", {});
assert.deepEqual([world.view.selectedTaskSid, world.view.location], [null, "/agent-desktop/"]);
