// Manager.getInstance(): the workerClient (a TaskRouter Worker), the Redux
// store whose flex slice mirrors the world, the user, the configuration and
// the SDK clients plugins read.
(function (w) {
	"use strict";
	const {
		ArrayPrototypeFilter, ArrayPrototypeMap, ArrayPrototypeSlice, Error, Map, ObjectAssign, ObjectDefineProperties,
		ObjectFromPairs, PromisePrototypeThen, PromiseReject, PromiseResolve, QueueMicrotask, SafeMap, StringPrototypeSlice,
		TypeError, WeakMap, WeakMapPrototypeGet, WeakMapPrototypeHas, WeakMapPrototypeSet,
	} = w.primordials;
	const { EventEmitter, worker } = w;

	// workerClient: a twilio-taskrouter Worker.
	class Worker extends EventEmitter {
		get sid() { return worker.sid; }
		get name() { return worker.name; }
		get attributes() { return worker.attributes; }
		get activity() { return activityObject(worker.activity); }
		get available() { return worker.activity.available; }
		get activities() { return SafeMap(ArrayPrototypeMap(w.activities, (a) => [a.sid, activityObject(a)])); }
		get reservations() { return SafeMap(ArrayPrototypeMap(w.activeTasks(), (t) => [t.sid, w.reservation(t)])); }
		get accountSid() { return accountSid; }
		get workspaceSid() { return "WS" + StringPrototypeSlice(accountSid, 2); }
		get channels() { return channels; }
		setAttributes(attributes) {
			if (attributes === null || typeof attributes !== "object") return PromiseReject(new TypeError("Worker.setAttributes: attributes must be an object"));
			worker.attributes = w.clone(attributes);
			w.changed();
			w.later(this, "attributesUpdated", this);
			return PromiseResolve(this);
		}
		updateToken() {}
	}
	const accountSid = (w.seed.serviceConfiguration && w.seed.serviceConfiguration.account_sid) || "AC00000000000000000000000000000000";
	// The worker's task channels, with TaskRouter's default capacities.
	const channels = new Map([["voice", 1], ["chat", 3], ["sms", 3], ["video", 1], ["default", 1]].map(([name, capacity]) => [
		"WC" + name, { sid: "WC" + name, taskChannelUniqueName: name, capacity, available: true, availableCapacityPercentage: 100, assignedTasks: 0 },
	]));
	const workerClient = new Worker();
	w.workerClient = workerClient;
	function activityObject(a) {
		return {
			sid: a.sid, name: a.name, available: a.available,
			get isCurrent() { return worker.activity === a; },
			setAsCurrent: () => PromisePrototypeThen(w.setActivity(a), () => activityObject(a)),
		};
	}
	w.setActivity = (a) => {
		if (worker.activity !== a) {
			worker.activity = a;
			w.changed();
			w.later(workerClient, "activityUpdated", workerClient);
		}
		return PromiseResolve();
	};

	// A TaskRouter Reservation for a task, as reservationCreated gives it.
	const reservations = new WeakMap();
	w.reservation = (task) => {
		if (WeakMapPrototypeHas(reservations, task)) return WeakMapPrototypeGet(reservations, task);
		const r = new EventEmitter();
		ObjectDefineProperties(r, {
			sid: { get: () => task.sid, enumerable: true },
			status: { get: () => task.status, enumerable: true },
			task: { value: { sid: task.taskSid, get attributes() { return task.attributes; }, get status() { return task.taskStatus; },
				taskChannelUniqueName: task.taskChannelUniqueName, queueName: task.queueName, queueSid: task.queueSid }, enumerable: true },
			workerSid: { get: () => worker.sid, enumerable: true },
		});
		r.accept = () => PromisePrototypeThen(w.transition(task, "Reservation.accept", ["pending"], "accepted"), () => r);
		r.reject = () => PromisePrototypeThen(w.transition(task, "Reservation.reject", ["pending"], "rejected"), () => r);
		r.wrap = () => PromisePrototypeThen(w.transition(task, "Reservation.wrap", ["accepted"], "wrapping"), () => r);
		r.complete = () => PromisePrototypeThen(w.transition(task, "Reservation.complete", ["accepted", "wrapping"], "completed"), () => r);
		WeakMapPrototypeSet(reservations, task, r);
		return r;
	};

	// manager.configuration, which the store's flex.config holds too.
	// Flex merges the service configuration's ui_attributes under the
	// local appConfig (where custom_data and feature flags live).
	const configuration = ObjectAssign({}, w.clone((w.seed.serviceConfiguration || {}).ui_attributes), w.clone(w.seed.appConfig));

	// The store: a Redux store (redux.js) with Flex's addReducer; the flex
	// slice is derived from the world each time it changes.
	const reducers = { flex: flexReducer };
	let cachedVersion = -1;
	let cachedFlex;
	function flexReducer() {
		if (cachedVersion !== w.version()) {
			cachedVersion = w.version();
			cachedFlex = flexState();
		}
		return cachedFlex;
	}
	function flexState() {
		const activity = { sid: worker.activity.sid, name: worker.activity.name, available: worker.activity.available };
		return {
			worker: {
				source: workerClient,
				worker: { sid: worker.sid, name: worker.name, attributes: worker.attributes, activity },
				activity,
				activities: SafeMap(ArrayPrototypeMap(w.activities, (a) => [a.sid, { sid: a.sid, name: a.name, available: a.available }])),
				attributes: worker.attributes,
				tasks: SafeMap(ArrayPrototypeMap(w.activeTasks(), (t) => [t.sid, t])),
			},
			view: {
				activeView: w.view.activeView,
				selectedTaskSid: w.view.selectedTaskSid,
				selectedTaskInSupervisorSid: w.view.supervisor.selectedTaskSid,
				selectedWorkerInSupervisorSid: w.view.supervisor.selectedWorkerSid,
				componentViewStates: w.view.componentViewStates,
				isSideNavOpen: w.view.sidebarOpen,
				isOutboundDialerOpen: w.view.outboundDialerOpen,
			},
			router: { location: { pathname: w.view.location } },
			session: {
				ssoTokenPayload: { token: w.token },
				identity: worker.name,
				isLoggedIn: !worker.loggedOut,
			},
			chat: {
				channels: ObjectFromPairs(ArrayPrototypeMap(w.conversations, (c) => [c.sid, { source: c, messages: c.messages, inputText: c.inputText }])),
			},
			config: configuration,
			conferences: { states: SafeMap(ArrayPrototypeMap(ArrayPrototypeFilter(w.activeTasks(), (t) => t.conference), (t) => [t.taskSid, { source: t.conference, isLoading: false }])) },
			supervisor: { tasks: [], workers: [], selectedTaskSid: w.view.supervisor.selectedTaskSid, selectedWorkerSid: w.view.supervisor.selectedWorkerSid },
			phone: { connection: null, isMuted: w.view.muted },
		};
	}
	// The root reducer: the flex slice and the keys plugins added.
	let root = w.redux.combineReducers(reducers);
	const store = w.redux.createStore((state, action) => root(state, action));
	// Flex's own: a plugin adds its reducer under a key of the root state.
	store.addReducer = (key, reducer) => {
		if (typeof key !== "string") throw new TypeError("store.addReducer: the key must be a string");
		if (typeof reducer !== "function") throw new TypeError("store.addReducer: the reducer must be a function");
		reducers[key] = reducer;
		root = w.redux.combineReducers(reducers);
		store.dispatch({ type: "@@flex/ADD_REDUCER/" + key });
		w.own(() => {
			if (reducers[key] !== reducer) return; // another took the key since
			delete reducers[key];
			root = w.redux.combineReducers(reducers);
			store.dispatch({ type: "@@flex/REMOVE_REDUCER/" + key });
		});
	};
	const subscribe = store.subscribe;
	store.subscribe = (listener) => {
		const unsubscribe = subscribe(listener);
		w.own(unsubscribe);
		return unsubscribe;
	};
	w.store = store;
	let pendingChange = false;
	w.onChange(() => {
		// One dispatch per burst of changes, after the change that caused it.
		if (pendingChange) return;
		pendingChange = true;
		QueueMicrotask(() => { pendingChange = false; store.dispatch({ type: "flexrun/WORLD_CHANGED" }); });
	});

	// The SDK clients real plugins call.
	const conversationObject = (c) => {
		const o = new EventEmitter();
		ObjectAssign(o, {
			sid: c.sid, friendlyName: c.friendlyName,
			sendMessage: (body, attributes) => {
				const m = w.appendMessage(c, worker.name, String(body), attributes);
				w.later(o, "messageAdded", m);
				return PromiseResolve(m.index);
			},
			getMessages: (pageSize = 30) => PromiseResolve({ items: ArrayPrototypeSlice(c.messages, -pageSize), hasPrevPage: c.messages.length > pageSize, hasNextPage: false }),
			getAttributes: () => PromiseResolve({}),
			typing: () => { c.typing++; return PromiseResolve(); },
		});
		return o;
	};
	const lookup = (kind) => (sid) => {
		const c = w.conversation(sid);
		return c ? PromiseResolve(conversationObject(c)) : PromiseReject(new Error(kind + " " + sid + " not found"));
	};
	const conversationsClient = ObjectAssign(new EventEmitter(), {
		getConversationBySid: lookup("Conversation"),
		getSubscribedConversations: () => PromiseResolve({ items: ArrayPrototypeMap(w.conversations, conversationObject), hasNextPage: false }),
		user: { identity: worker.name },
	});
	const chatClient = ObjectAssign(new EventEmitter(), {
		getChannelBySid: lookup("Channel"),
		getSubscribedChannels: () => PromiseResolve({ items: ArrayPrototypeMap(w.conversations, conversationObject), hasNextPage: false }),
		user: { identity: worker.name },
	});
	const voiceClient = ObjectAssign(new EventEmitter(), {
		activeConnection: () => null,
		status: () => "ready",
		audio: { incoming: () => {}, outgoing: () => {}, disconnect: () => {} },
	});
	const insightsClient = ObjectAssign(new EventEmitter(), {
		instantQuery: (index) => {
			const q = ObjectAssign(new EventEmitter(), { index, search: () => { w.later(q, "searchResult", {}); return PromiseResolve(); } });
			return PromiseResolve(q);
		},
		liveQuery: (index) => PromiseResolve(ObjectAssign(new EventEmitter(), { index, getItems: () => ({}), close: () => {} })),
	});

	const manager = {
		workerClient,
		store,
		user: { token: w.token, identity: worker.name, isLoggedIn: true },
		serviceConfiguration: w.clone(w.seed.serviceConfiguration),
		configuration,
		strings: {},
		conversationsClient,
		chatClient,
		voiceClient,
		insightsClient,
		events: new EventEmitter(),
		updateConfig(config) { ObjectAssign(manager.configuration, config); },
		version: w.VERSION,
	};
	w.manager = manager;
	// Flex tells plugins once every plugin has started.
	w.pluginsLoaded = () => manager.events.emit("pluginsLoaded");
})
