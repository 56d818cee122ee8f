// The world's state: the worker, activities, tasks, conversations and the
// view, live objects that built-in actions change and plugins read. Every
// change calls w.changed(), which the store (manager.js) turns into a
// dispatch so that subscribers hear of it, as in Flex.
(function (w) {
	"use strict";
	const {
		ArrayPrototypeFilter, ArrayPrototypeFind, ArrayPrototypeIncludes, ArrayPrototypeJoin, ArrayPrototypeMap,
		ArrayPrototypePush, ArrayPrototypeSlice, ArrayPrototypeSplice, Date, DateNow, Error, JSONParse, JSONStringify, Map,
		MapPrototypeDelete, MapPrototypeGet, MapPrototypeSet, ObjectDefineProperties, ObjectDefineProperty, ObjectKeys,
		PromisePrototypeThen, PromiseReject, PromiseResolve, QueueMicrotask, ReflectApply, StringPrototypePadStart,
		StringPrototypeSlice, TypeError, WeakSet, WeakSetPrototypeAdd, WeakSetPrototypeHas,
	} = w.primordials;
	const seed = w.seed;
	w.token = seed.token;
	const clone = (x) => (x === undefined ? undefined : JSONParse(JSONStringify(x)));
	w.clone = clone;

	let version = 0;
	const watchers = [];
	w.version = () => version;
	w.onChange = (fn) => ArrayPrototypePush(watchers, fn);
	w.changed = () => {
		version++;
		for (let i = 0; i < watchers.length; i++) watchers[i]();
	};

	// A small EventEmitter with Node's surface, for the SDK objects.
	class EventEmitter {
		constructor() { ObjectDefineProperty(this, "_events", { value: new Map(), writable: true }); }
		on(event, fn) { return this.addListener(event, fn); }
		addListener(event, fn) {
			if (typeof fn !== "function") throw new TypeError('The "listener" argument must be of type function. Received ' + (fn === null ? "null" : typeof fn));
			const list = MapPrototypeGet(this._events, event) || [];
			ArrayPrototypePush(list, fn);
			MapPrototypeSet(this._events, event, list);
			w.own(() => this.removeListener(event, fn));
			return this;
		}
		once(event, fn) {
			const once = (...args) => { this.removeListener(event, once); return ReflectApply(fn, this, args); };
			once.listener = fn;
			return this.addListener(event, once);
		}
		off(event, fn) { return this.removeListener(event, fn); }
		removeListener(event, fn) {
			const list = MapPrototypeGet(this._events, event);
			if (!list) return this;
			for (let i = list.length - 1; i >= 0; i--) {
				if (list[i] === fn || list[i].listener === fn) { ArrayPrototypeSplice(list, i, 1); break; }
			}
			return this;
		}
		removeAllListeners(event) {
			if (event === undefined) this._events = new Map(); else MapPrototypeDelete(this._events, event);
			return this;
		}
		listeners(event) { return ArrayPrototypeMap(MapPrototypeGet(this._events, event) || [], (f) => f.listener || f); }
		listenerCount(event) { return (MapPrototypeGet(this._events, event) || []).length; }
		emit(event, ...args) {
			const list = MapPrototypeGet(this._events, event);
			if (!list || list.length === 0) return false;
			const now = ArrayPrototypeSlice(list);
			for (let i = 0; i < now.length; i++) ReflectApply(now[i], this, args);
			return true;
		}
	}
	w.EventEmitter = EventEmitter;

	// The SDKs tell about a change after the round trip to Twilio: events
	// are emitted in a microtask, so a listener's failure is reported as
	// uncaught instead of failing the action that caused the event.
	w.later = (emitter, event, ...args) => {
		const all = [event];
		for (let i = 0; i < args.length; i++) all[i + 1] = args[i];
		QueueMicrotask(() => ReflectApply(emitter.emit, emitter, all));
	};

	// Activities.
	const activities = ArrayPrototypeMap(seed.activities, (a) => ({ sid: a.sid, name: a.name, available: !!a.available }));
	w.activities = activities;
	w.activity = (sidOrName) =>
		ArrayPrototypeFind(activities, (a) => a.sid === sidOrName) || ArrayPrototypeFind(activities, (a) => a.name === sidOrName);

	// The worker.
	const worker = {
		sid: seed.worker.sid,
		name: seed.worker.name,
		attributes: clone(seed.worker.attributes) || {},
		activity: w.activity(seed.worker.activity) || activities[0],
		loggedOut: false,
	};
	w.worker = worker;
	w.otherWorkers = {}; // workerSid → {activity} set by SetWorkerActivity

	// Tasks, by reservation SID, in the order they arrived.
	const taskStatusOf = { pending: "reserved", reserved: "reserved", accepted: "assigned", assigned: "assigned", wrapping: "wrapping",
		completed: "completed", canceled: "canceled", rejected: "pending", timeout: "pending", transferring: "assigned", rescinded: "canceled" };
	const tasks = [];
	w.tasks = tasks;
	const isTask = new WeakSet();
	w.isTask = (x) => WeakSetPrototypeHas(isTask, x);
	let generated = 0;
	// SIDs the world makes (outbound calls): the prefix, then a counter.
	w.nextSid = (prefix) => prefix + "flexrun" + StringPrototypePadStart(String(++generated), 4, "0");

	function participant(p) {
		const part = {
			sid: p.sid, participantType: p.participantType || "customer", status: p.status || "joined",
			workerSid: p.workerSid || undefined, callSid: p.callSid || p.sid, hold: !!p.hold, muted: !!p.muted,
		};
		const keys = ObjectKeys(p);
		for (let i = 0; i < keys.length; i++) if (!(keys[i] in part)) part[keys[i]] = clone(p[keys[i]]);
		ObjectDefineProperties(part, {
			onHold: { get() { return this.hold; }, enumerable: false },
			isMyself: { get() { return this.participantType === "worker" && this.workerSid === worker.sid; }, enumerable: false },
			isCurrentWorker: { get() { return this.isMyself; }, enumerable: false },
		});
		return part;
	}
	w.participant = participant;

	w.addTask = (def) => {
		if (!def || typeof def.sid !== "string" || !def.sid) throw new TypeError("world.addTask: the task needs a sid (a reservation SID, WR…)");
		if (w.task(def.sid)) throw new Error("world.addTask: there is already a task " + def.sid);
		const sid = def.sid;
		const task = {
			sid,
			taskSid: def.taskSid || "WT" + StringPrototypeSlice(sid, 2),
			status: def.status || "pending",
			taskChannelUniqueName: def.taskChannelUniqueName || "voice",
			taskChannelSid: def.taskChannelSid || "TC" + (def.taskChannelUniqueName || "voice"),
			queueName: def.queueName || "Everyone",
			queueSid: def.queueSid || "WQ1",
			attributes: clone(def.attributes) || {},
			age: def.age || 0,
			priority: def.priority || 0,
			workerSid: def.workerSid || worker.sid,
			conversationSid: def.conversationSid || def.channelSid || undefined,
			conference: conferenceOf(def),
			dateCreated: new Date(DateNow()),
			dateUpdated: new Date(DateNow()),
			outgoingTransferObject: undefined,
			incomingTransferObject: undefined,
			dtmf: "",
			setAttributes(attributes) {
				if (attributes === null || typeof attributes !== "object") return PromiseReject(new TypeError("task.setAttributes: attributes must be an object"));
				task.attributes = clone(attributes);
				touch(task);
				return PromiseResolve(task);
			},
			wrapUp() { return PromisePrototypeThen(w.transition(task, "WrapupTask", ["accepted"], "wrapping"), () => task); },
			complete() { return PromisePrototypeThen(w.transition(task, "CompleteTask", ["accepted", "wrapping"], "completed"), () => task); },
		};
		const keys = ObjectKeys(def);
		for (let i = 0; i < keys.length; i++) {
			const k = keys[i];
			if (!(k in task) && k !== "channelSid") task[k] = clone(def[k]);
		}
		ObjectDefineProperties(task, {
			taskStatus: { get() { return taskStatusOf[task.status] || task.status; }, enumerable: true },
			channelType: { get() { return channelType(task); }, enumerable: true },
			channelSid: { get() { return task.conversationSid; }, enumerable: false },
			chatChannelSid: { get() { return task.conversationSid; }, enumerable: false },
			reservationSid: { get() { return sid; }, enumerable: false },
			sourceObject: { get() { return w.reservation(task); }, enumerable: false },
			defaultFrom: { get() { return task.attributes.from; }, enumerable: false },
		});
		WeakSetPrototypeAdd(isTask, task);
		ArrayPrototypePush(tasks, task);
		w.changed();
		return task;
	};
	// A call has its customer on the line from the start; the worker joins
	// when accepting. Other channels have no conference unless given one.
	function conferenceOf(def) {
		const suffix = StringPrototypeSlice(def.sid, 2);
		if (def.conference) {
			return conference(def.conference.sid || "CF" + suffix, ArrayPrototypeMap(def.conference.participants || [], (p) => participant(p)));
		}
		if ((def.taskChannelUniqueName || "voice") !== "voice") return undefined;
		return conference("CF" + suffix, [participant({ sid: "CA" + suffix, participantType: "customer", status: "joined" })]);
	}
	// A conference as Flex's ITask has it, with its live counts.
	function conference(sid, participants) {
		const c = { conferenceSid: sid, sid, participants };
		const live = () => ArrayPrototypeFilter(c.participants, (p) => p.status === "joined");
		const workers = () => ArrayPrototypeFilter(live(), (p) => p.participantType === "worker");
		ObjectDefineProperties(c, {
			sid: { value: sid, enumerable: false },
			liveParticipants: { get: live, enumerable: false },
			liveParticipantCount: { get: () => live().length, enumerable: false },
			liveWorkers: { get: workers, enumerable: false },
			liveWorkerCount: { get: () => workers().length, enumerable: false },
		});
		return c;
	}
	w.conference = conference;
	function touch(task) {
		task.dateUpdated = new Date(DateNow());
		w.changed();
	}
	w.touch = touch;
	// channelType is the task's attributes.channelType, as in Flex (web,
	// sms, facebook, whatsapp, line, email…); a call is "voice".
	function channelType(task) {
		if (task.attributes.channelType) return task.attributes.channelType;
		const c = task.taskChannelUniqueName;
		if (c === "voice") return "voice";
		if (c === "chat") return "web";
		return c;
	}
	w.task = (sid) => ArrayPrototypeFind(tasks, (t) => t.sid === sid) || ArrayPrototypeFind(tasks, (t) => t.taskSid === sid);
	w.activeTasks = () => ArrayPrototypeFilter(tasks, (t) => t.status === "pending" || t.status === "accepted" || t.status === "wrapping");

	// transition moves a task on, or rejects as Flex would (the SDK refuses).
	// flexMessage, when given, is Flex's own wording of the refusal.
	w.transition = (task, action, from, to, flexMessage) => {
		if (!ArrayPrototypeIncludes(from, task.status)) {
			return PromiseReject(new Error(flexMessage ||
				action + ": task " + task.sid + " is " + task.status + ", not " + ArrayPrototypeJoin(from, " or ")));
		}
		w.setStatus(task, to);
		return PromiseResolve();
	};
	// setStatus moves a reservation on and tells its listeners, as the
	// TaskRouter SDK's Reservation events do (accepted, rejected, wrapup,
	// completed, canceled, timeout), after the change.
	const reservationEvents = { accepted: "accepted", rejected: "rejected", wrapping: "wrapup", completed: "completed", canceled: "canceled", timeout: "timeout" };
	w.setStatus = (task, to) => {
		if (task.status === to) return;
		task.status = to;
		touch(task);
		const event = reservationEvents[to];
		if (event && w.reservation) {
			const r = w.reservation(task);
			w.later(r, event, r);
		}
	};

	// Conversations (Flex 1.x chat channels and 2.x-era conversations alike).
	const conversations = [];
	w.conversations = conversations;
	const isConversation = new WeakSet();
	w.isConversation = (x) => WeakSetPrototypeHas(isConversation, x);
	w.addConversation = (def) => {
		const c = {
			sid: def.sid, friendlyName: def.friendlyName || def.sid,
			messages: [], typing: 0, inputText: "", attachedFiles: [],
		};
		const messages = def.messages || [];
		for (let i = 0; i < messages.length; i++) {
			const m = messages[i];
			w.appendMessage(c, m.author, m.body, m.attributes, m.sid);
		}
		ArrayPrototypePush(conversations, c);
		WeakSetPrototypeAdd(isConversation, c);
		return c;
	};
	w.appendMessage = (c, author, body, attributes, sid) => {
		const index = c.messages.length;
		const m = { sid: sid || "IM" + StringPrototypeSlice(c.sid, 2) + "-" + index, index, author, body, attributes: clone(attributes) || {} };
		ArrayPrototypePush(c.messages, m);
		w.changed();
		return m;
	};
	w.conversation = (sid) => ArrayPrototypeFind(conversations, (c) => c.sid === sid);
	// The seed is read at Setup, before any plugin: for-of is safe here.
	for (const c of seed.conversations || []) w.addConversation(c);
	for (const t of seed.tasks || []) w.addTask(t);

	// The view: what Flex's router and layout state hold.
	w.view = {
		activeView: "agent-desktop",
		location: "/agent-desktop",
		history: ["/agent-desktop"],
		historyIndex: 0,
		selectedTaskSid: null,
		sidebarOpen: false,
		directoryOpen: false,
		outboundDialerOpen: false,
		muted: false,
		dialpad: {},
		componentViewStates: {},
		listFilters: {},
		supervisor: { selectedTaskSid: null, selectedWorkerSid: null, monitoringTaskSid: null },
		insightsPlayer: { visible: false, segmentId: null, playing: false, initialized: false },
		historicalReportingUri: null,
		reloads: 0,
	};

	// What the world records for scripts and tests (api.js).
	w.records = { actions: [], notifications: [], alerts: [], confirms: [], components: [] };
})
