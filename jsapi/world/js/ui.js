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
		Container.Content = {
			add(el, options) { content.push({ el, options }); record("add", el, options); w.changed(); },
			replace(el, options) { content.splice(0, content.length, { el, options }); record("replace", el, options); w.changed(); },
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
		"ChatOrchestrator", "DefaultTaskChannels", "TaskChannels",
	];
	const ui = {};
	for (const n of containers) {
		const [base, sub] = n.split(".");
		if (sub) ui[base][sub] = container(n);
		else ui[base] = container(n);
	}
	for (const n of ["IconButton", "Button", "Icon", "Tab", "Tabs", "Template", "SidebarItem", "SideLink", "FlexBox", "Actions",
		"TaskContextProvider", "TaskCanvasHeaderActions", "ContentFragment", "ModalPopupWithEntryControl", "UserCard"]) {
		if (n !== "Actions") ui[n] = h(n);
	}
	ui.withTaskContext = hoc("withTaskContext");
	ui.withTheme = hoc("withTheme");
	ui.withWorkerContext = hoc("withWorkerContext");
	ui.withIconContext = hoc("withIconContext");
	ui.withMessageContext = hoc("withMessageContext");
	ui.styled = styled;
	ui.templates = new Proxy({}, { get: (t, k) => (k in t ? t[k] : typeof k === "string" ? (ctx) => k : undefined), set: (t, k, v) => ((t[k] = v), true) });
	ui.DefaultTaskChannels.Call = { name: "Call", templates: {}, icons: {}, addedComponents: [] };
	ui.DefaultTaskChannels.Chat = { name: "Chat", templates: {}, icons: {}, addedComponents: [] };
	ui.DefaultTaskChannels.createDefaultTaskChannel = (name, isApplicable) => ({ name, isApplicable, templates: {}, icons: {}, addedComponents: [] });
	ui.TaskChannels.register = (channel) => { w.records.components.push({ container: "TaskChannels", op: "register", key: channel && channel.name, component: null, options: {} }); };
	w.ui = ui;
})
