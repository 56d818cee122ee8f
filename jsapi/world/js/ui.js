// The UI surface plugins touch when they load: higher-order components,
// styled, the components they render, and the containers whose Content
// they add to. Nothing renders; what plugins add is recorded in the world
// (world.components).
(function (w) {
	"use strict";
	const {
		ArrayPrototypeFind, ArrayPrototypeFindIndex, ArrayPrototypeIndexOf, ArrayPrototypeMap, ArrayPrototypePush,
		ArrayPrototypeSlice, ArrayPrototypeSome, ArrayPrototypeSplice, ArrayPrototypeUnshift, JSONStringify,
		ObjectDefineProperty, ObjectKeys, ReflectApply, Set, TypeError,
	} = w.primordials;
	const React = w.React;
	const h = (type) => {
		const c = function (props) { return React.createElement(type, props); };
		ObjectDefineProperty(c, "name", { value: type });
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
		c.withComponent = (other) => ReflectApply(styledFor(other), undefined, styles);
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
			ArrayPrototypePush(w.records.components, { container: name, op, key: keyOf(el, options), component: nameOf(el), options: w.snapshot(options || {}) });
		// What a plugin added goes with the plugin (w.own).
		const keep = (entry) => {
			ArrayPrototypePush(content, entry);
			w.changed();
			w.own(() => {
				const i = ArrayPrototypeIndexOf(content, entry);
				if (i >= 0) ArrayPrototypeSplice(content, i, 1);
				w.changed();
			});
		};
		Container.Content = {
			add(el, options) { keep({ el, options }); record("add", el, options); },
			replace(el, options) { content.length = 0; keep({ el, options }); record("replace", el, options); },
			remove(key, options) {
				for (let i = content.length - 1; i >= 0; i--) if (keyOf(content[i].el, content[i].options) === key) ArrayPrototypeSplice(content, i, 1);
				ArrayPrototypePush(w.records.components, { container: name, op: "remove", key: String(key), component: null, options: w.snapshot(options || {}) });
				w.changed();
			},
			get children() { return ArrayPrototypeMap(content, (c) => c.el); },
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
	// As @twilio/flex-ui 1.34.6 defines them: names, what each applies to,
	// and the character limit its chat input (and Flex's beforeSendMessage
	// check) enforces.
	const channel = (name, isApplicable, capabilities, icon, iconActive, color, charLimit = 32768) => ({
		name, isApplicable: typeof isApplicable === "function" ? isApplicable : () => false,
		templates: templates(), icons: { list: icon, main: icon, active: iconActive || icon }, colors: { main: color },
		capabilities: new Set(capabilities), charLimit, addedComponents: [], removedComponents: [], replacedComponents: [],
	});
	const { Info, Call, Chat, Transfer, Wrapup } = TaskChannelCapability;
	const dtc = ui.DefaultTaskChannels;
	dtc.createDefaultTaskChannel = (name, isApplicable, icon = "GenericTask", iconActive = "GenericTaskBold", color) => channel(name, isApplicable, [Info], icon, iconActive, color);
	dtc.createChatTaskChannel = (name, isApplicable, icon = "Message", iconActive = "MessageBold", color, reservedTemplate, charLimit = 32768) =>
		channel(name, isApplicable, [Chat, Info, Wrapup], icon, iconActive, color, charLimit);
	dtc.createCallTaskChannel = (name, isApplicable, icon = "Call", iconActive = "CallBold", color) => channel(name, isApplicable, [Call, Info, Wrapup, Transfer], icon, iconActive, color);
	const chatWith = (type) => (t) => dtc.Chat.isApplicable(t) && t.channelType === type;
	dtc.Call = dtc.createCallTaskChannel("call", (t) => !!t && t.taskChannelUniqueName === "voice");
	dtc.Chat = dtc.createChatTaskChannel("chat", (t) => !!t && t.taskChannelUniqueName === "chat");
	dtc.ChatSms = dtc.createChatTaskChannel("chat-sms", (t) => (!!t && t.taskChannelUniqueName === "sms") || chatWith("sms")(t), "Sms", "SmsBold", undefined, "TaskLineSmsReserved", 1600);
	dtc.ChatMessenger = dtc.createChatTaskChannel("chat-messenger", chatWith("facebook"), "Messenger", "MessengerBold", undefined, "TaskLineChatMessengerReserved", 4000);
	dtc.ChatWhatsApp = dtc.createChatTaskChannel("chat-whatsapp", chatWith("whatsapp"), "Whatsapp", "WhatsappBold", undefined, "TaskLineChatWhatsAppReserved", 4000);
	dtc.ChatLine = dtc.createChatTaskChannel("chat-line", chatWith("line"), "Line", "LineBold", undefined, "TaskLineChatLineReserved", 4000);
	dtc.ChatEmail = dtc.createChatTaskChannel("chat-email", chatWith("email"), "Email", "EmailBold", undefined, "TaskLineEmailReserved", 3200);
	dtc.Default = dtc.createDefaultTaskChannel("default", () => true);
	const registered = [dtc.Call, dtc.ChatLine, dtc.ChatMessenger, dtc.ChatSms, dtc.ChatWhatsApp, dtc.ChatEmail, dtc.Chat];
	const tc = ui.TaskChannels;
	// register puts a custom channel first (it wins over the defaults),
	// filled in from Default unless told not to; a name already there is
	// refused, as Flex logs and ignores it.
	tc.register = (ch, mergeWithDefault = true) => {
		if (!ch || typeof ch.name !== "string") throw new TypeError("TaskChannels.register: want a task channel definition with a name");
		if (ArrayPrototypeSome(registered, (c) => c === ch || c.name === ch.name)) {
			w.warn("TaskChannels.register: a task channel named " + JSONStringify(ch.name) + " is already registered");
			return;
		}
		if (mergeWithDefault) {
			const keys = ObjectKeys(dtc.Default);
			for (let i = 0; i < keys.length; i++) if (ch[keys[i]] === undefined) ch[keys[i]] = dtc.Default[keys[i]];
		}
		ArrayPrototypeUnshift(registered, ch);
		ArrayPrototypePush(w.records.components, { container: "TaskChannels", op: "register", key: ch.name, component: null, options: {} });
		w.own(() => tc.unregister(ch));
	};
	tc.unregister = (ch) => {
		const name = ch && typeof ch === "object" ? ch.name : ch;
		const i = ArrayPrototypeFindIndex(registered, (c) => c.name === name);
		if (i >= 0) ArrayPrototypeSplice(registered, i, 1);
	};
	tc.getRegistered = () => ArrayPrototypeSlice(registered);
	tc.getForTask = (task) => ArrayPrototypeFind(registered, (c) => c.isApplicable(task)) || dtc.Default;
	ui.TaskChannelCapability = TaskChannelCapability;
	w.ui = ui;
})
