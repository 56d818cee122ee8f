// The UI surface plugins touch when they load: higher-order components,
// styled, the components they render, and the containers whose Content
// they add to. Nothing renders; what plugins add is recorded in the world
// (world.components).
(function (w) {
	"use strict";
	const React = w.React;
	const h = (type) => {
		const c = function (props) { return React.createElement(type, props); };
		Object.defineProperty(c, "name", { value: type });
		c.displayName = type;
		c.defaultProps = {};
		return c;
	};
	const hoc = (name) => (C) => {
		const wrapped = function (props) { return React.createElement(C, props); };
		wrapped.displayName = name + "(" + ((C && (C.displayName || C.name)) || "Component") + ")";
		wrapped.WrappedComponent = C;
		return wrapped;
	};

	// styled: emotion's API (styled.div`…`, styled(C)(…), .withComponent).
	const styledFor = (tag) => (...styles) => {
		const c = h(typeof tag === "string" ? "Styled(" + tag + ")" : "Styled(" + (tag.displayName || tag.name || "Component") + ")");
		c.__styles = styles;
		c.withComponent = (other) => styledFor(other)(...styles);
		return c;
	};
	const styled = new Proxy(function styled(tag) { return styledFor(tag); }, {
		get(target, key) {
			if (key in target) return target[key];
			return typeof key === "string" ? styledFor(key) : undefined;
		},
	});

	const nameOf = (el) => {
		if (el === null || typeof el !== "object") return typeof el === "string" ? "text" : String(el);
		const t = el.type;
		return typeof t === "string" ? t : (t && (t.displayName || t.name)) || "Component";
	};
	const keyOf = (el, options) => (options && options.key !== undefined ? String(options.key) : el && el.key != null ? String(el.key) : null);
	function container(name) {
		const Container = h(name);
		const content = [];
		const record = (op, el, options) =>
			w.records.components.push({ container: name, op, key: keyOf(el, options), component: nameOf(el), options: w.snapshot(options || {}) });
		// What a plugin added goes with the plugin (w.own).
		const keep = (entry) => {
			content.push(entry);
			w.changed();
			w.own(() => {
				const i = content.indexOf(entry);
				if (i >= 0) content.splice(i, 1);
				w.changed();
			});
		};
		Container.Content = {
			add(el, options) { keep({ el, options }); record("add", el, options); },
			replace(el, options) { content.length = 0; keep({ el, options }); record("replace", el, options); },
			remove(key, options) {
				for (let i = content.length - 1; i >= 0; i--) if (keyOf(content[i].el, content[i].options) === key) content.splice(i, 1);
				w.records.components.push({ container: name, op: "remove", key: String(key), component: null, options: w.snapshot(options || {}) });
				w.changed();
			},
			get children() { return content.map((c) => c.el); },
		};
		return Container;
	}
	const containers = [
		"AgentDesktopView", "AgentDesktopView.Panel1", "AgentDesktopView.Panel2", "CallCanvas", "CallCanvasActions",
		"CRMContainer", "IncomingTaskCanvas", "IncomingTaskCanvasActions", "LiveCommsBar", "LiveCommsBarItem",
		"LiveCommsBarItemActions", "MainContainer", "MainHeader", "MessageBubble", "MessageInput", "MessageInputActions",
		"MessageList", "MessageListItem", "MessagingCanvas", "NoTasksCanvas", "OutboundDialerPanel", "ParticipantCanvas",
		"ParticipantsCanvas", "QueuesStats", "QueuesStatsView", "RootContainer", "SideNav", "SupervisorTaskCanvas",
		"SupervisorTaskCanvasHeader", "SupervisorTaskCanvasTabs", "TaskCanvas", "TaskCanvasHeader", "TaskCanvasTabs",
		"TaskDetailsPanel", "TaskInfoPanel", "TaskList", "TaskListButtons", "TaskListItem", "TeamsView", "ViewCollection",
		"WorkerCanvas", "WorkerDirectory", "WorkerDirectoryTabs", "WorkerProfile", "WorkersDataTable", "WorkerSkills",
		"ChatOrchestrator", "DefaultTaskChannels", "TaskChannels", "NotificationBar",
		"Supervisor.TaskOverviewCanvas", "Supervisor.TaskCanvasTabs", "Supervisor.TaskCanvasHeader", "Supervisor.TaskInfoPanel",
	];
	const ui = {};
	for (const n of containers) {
		const [base, sub] = n.split(".");
		if (sub) (ui[base] = ui[base] || {})[sub] = container(n);
		else ui[base] = container(n);
	}
	for (const n of ["IconButton", "Button", "Icon", "Tab", "Tabs", "Template", "SidebarItem", "SideLink", "FlexBox",
		"TaskContextProvider", "TaskCanvasHeaderActions", "ContentFragment", "ModalPopupWithEntryControl", "UserCard",
		"View", "Menu", "MenuItem"]) {
		ui[n] = h(n);
	}
	ui.NotificationBar.Action = h("NotificationBar.Action");
	ui.withTaskContext = hoc("withTaskContext");
	ui.withTheme = hoc("withTheme");
	ui.withWorkerContext = hoc("withWorkerContext");
	ui.withIconContext = hoc("withIconContext");
	ui.withMessageContext = hoc("withMessageContext");
	ui.styled = styled;
	ui.templates = new Proxy({}, { get: (t, k) => (k in t ? t[k] : typeof k === "string" ? (ctx) => k : undefined), set: (t, k, v) => ((t[k] = v), true) });
	// Task channels: what a channel definition holds (templates, icons,
	// capabilities), the default channels, and the registry.
	const TaskChannelCapability = { Info: "Info", Call: "Call", Chat: "Chat", Video: "Video", Transfer: "Transfer", Wrapup: "Wrapup" };
	const templates = () => ({
		TaskListItem: { firstLine: "TaskLineTitle", secondLine: "TaskLineSubtitle", extraInfo: "TaskExtraInfo" },
		TaskCanvasHeader: { title: "TaskHeaderLine", endButton: { Assigned: "HangupCallTooltip", Wrapping: "TaskHeaderComplete" } },
		IncomingTaskCanvas: { firstLine: "IncomingTaskFirstLine", secondLine: "IncomingTaskSecondLine" },
		CallCanvas: { firstLine: "CallCanvasFirstLine", secondLine: "CallCanvasSecondLine" },
		TaskCard: { firstLine: "TaskCardFirstLine", secondLine: "TaskCardSecondLine" },
		TaskInfoPanel: { content: "TaskInfoPanelContent" },
		Supervisor: {
			TaskCanvasHeader: { title: "SupervisorTaskHeaderLine", endButton: "SupervisorTaskHeaderEnd" },
			TaskInfoPanel: { content: "SupervisorTaskInfoPanelContent" },
			TaskOverviewCanvas: { firstLine: "SupervisorTaskOverviewFirstLine", secondLine: "SupervisorTaskOverviewSecondLine" },
		},
	});
	const channel = (name, isApplicable, capabilities, icon, iconActive, color) => ({
		name, isApplicable: typeof isApplicable === "function" ? isApplicable : () => false,
		templates: templates(), icons: { list: icon, main: icon, active: iconActive || icon }, colors: { main: color },
		capabilities: new Set(capabilities), addedComponents: [], removedComponents: [], replacedComponents: [],
	});
	const { Info, Call, Chat, Transfer, Wrapup } = TaskChannelCapability;
	const dtc = ui.DefaultTaskChannels;
	dtc.createDefaultTaskChannel = (name, isApplicable, icon, iconActive, color) => channel(name, isApplicable, [Info], icon, iconActive, color);
	dtc.createChatTaskChannel = (name, isApplicable, icon, iconActive, color) => channel(name, isApplicable, [Info, Chat, Wrapup, Transfer], icon, iconActive, color);
	dtc.createCallTaskChannel = (name, isApplicable, icon, iconActive, color) => channel(name, isApplicable, [Info, Call, Wrapup, Transfer], icon, iconActive, color);
	const is = (unique) => (task) => !!task && task.taskChannelUniqueName === unique;
	dtc.Call = dtc.createCallTaskChannel("Call", is("voice"), "Call", "CallBold", "#1976d2");
	dtc.Chat = dtc.createChatTaskChannel("Chat", (t) => is("chat")(t) && !t.attributes.channelType, "Message", "MessageBold", "#1976d2");
	dtc.ChatSms = dtc.createChatTaskChannel("ChatSms", is("sms"), "Sms", "SmsBold", "#e11a2c");
	dtc.ChatMessenger = dtc.createChatTaskChannel("ChatMessenger", (t) => !!t && t.attributes.channelType === "facebook", "Messenger", "MessengerBold", "#1976d2");
	dtc.ChatWhatsApp = dtc.createChatTaskChannel("ChatWhatsApp", (t) => !!t && t.attributes.channelType === "whatsapp", "Whatsapp", "WhatsappBold", "#25d366");
	dtc.ChatLine = dtc.createChatTaskChannel("ChatLine", (t) => !!t && t.attributes.channelType === "line", "Line", "LineBold", "#00c300");
	dtc.Default = dtc.createDefaultTaskChannel("Default", () => true, "GenericTask", "GenericTaskBold", "#606470");
	const registered = [dtc.Call, dtc.ChatSms, dtc.ChatMessenger, dtc.ChatWhatsApp, dtc.ChatLine, dtc.Chat, dtc.Default];
	const tc = ui.TaskChannels;
	tc.register = (ch, override = true) => {
		if (!ch || typeof ch.name !== "string") throw new TypeError("TaskChannels.register: want a task channel definition with a name");
		const i = registered.findIndex((c) => c.name === ch.name);
		if (i >= 0 && !override) return false;
		if (i >= 0) registered.splice(i, 1);
		registered.splice(Math.max(0, registered.length - 1), 0, ch); // before Default, which takes the rest
		w.records.components.push({ container: "TaskChannels", op: "register", key: ch.name, component: null, options: {} });
		return true;
	};
	tc.unregister = (name) => {
		const i = registered.findIndex((c) => c.name === name);
		if (i >= 0) registered.splice(i, 1);
		return i >= 0;
	};
	tc.getRegistered = () => registered.slice();
	tc.getForTask = (task) => registered.find((c) => c.isApplicable(task));
	ui.TaskChannelCapability = TaskChannelCapability;
	w.ui = ui;
})
