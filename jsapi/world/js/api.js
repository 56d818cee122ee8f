// The flexrun module's world API (a public contract: README, DESIGN.md):
// what scripts and tests read and drive.
(function (w) {
	"use strict";
	const {
		ArrayIsArray, ArrayPrototypeMap, Date, JSONStringify, Map, MapPrototypeForEach, ObjectAssign, ObjectKeys, Set,
		SetPrototypeAdd, SetPrototypeDelete, SetPrototypeHas,
	} = w.primordials;

	// snapshot is the JSON copy world.actions keeps of a payload: functions
	// dropped, a task written as its reservation SID and a conversation as
	// its SID, cycles cut.
	w.snapshot = (value) => {
		const seen = new Set();
		const copy = (x) => {
			if (w.isTask(x) || w.isConversation(x)) return x.sid;
			if (typeof x === "function" || typeof x === "symbol" || x === undefined) return undefined;
			if (x === null || typeof x !== "object") return typeof x === "bigint" ? String(x) : x;
			if (x instanceof Date) return x.toJSON();
			if (SetPrototypeHas(seen, x)) return "[Circular]";
			SetPrototypeAdd(seen, x);
			let out;
			if (ArrayIsArray(x)) out = ArrayPrototypeMap(x, (v) => { const c = copy(v); return c === undefined ? null : c; });
			else if (x instanceof Map) {
				out = {};
				MapPrototypeForEach(x, (v, k) => { out[String(k)] = copy(v); });
			} else {
				out = {};
				const keys = ObjectKeys(x);
				for (let i = 0; i < keys.length; i++) { const c = copy(x[keys[i]]); if (c !== undefined) out[keys[i]] = c; }
			}
			SetPrototypeDelete(seen, x);
			return out;
		};
		return copy(value);
	};

	const taskState = (t) => ({
		sid: t.sid, taskSid: t.taskSid, status: t.status, taskStatus: t.taskStatus,
		taskChannelUniqueName: t.taskChannelUniqueName, queueName: t.queueName, queueSid: t.queueSid,
		attributes: w.snapshot(t.attributes),
		conversationSid: t.conversationSid,
		conference: t.conference && { sid: t.conference.conferenceSid, participants: w.snapshot(t.conference.participants) },
		outgoingTransferObject: w.snapshot(t.outgoingTransferObject),
		dtmf: t.dtmf || undefined,
		holdMusicUrl: t.holdMusicUrl,
	});
	const state = () => ({
		worker: { sid: w.worker.sid, name: w.worker.name, activity: w.worker.activity.name, available: w.worker.activity.available,
			attributes: w.snapshot(w.worker.attributes), loggedOut: w.worker.loggedOut },
		otherWorkers: w.snapshot(w.otherWorkers),
		tasks: ArrayPrototypeMap(w.tasks, taskState),
		conversations: ArrayPrototypeMap(w.conversations, (c) => ({ sid: c.sid, messages: w.snapshot(c.messages), inputText: c.inputText, typing: c.typing })),
		view: w.snapshot(w.view),
		notifications: w.snapshot(ArrayPrototypeMap(w.activeNotifications(), (n) => ({ id: n.id, context: n.context }))),
		actions: w.records.actions,
		components: w.records.components,
		fetches: w.fetches(),
		alerts: w.records.alerts,
		confirms: w.records.confirms,
	});
	w.state = () => JSONStringify(state());

	const conversationView = (c) => c && { sid: c.sid, friendlyName: c.friendlyName, messages: c.messages, get inputText() { return c.inputText; }, get typing() { return c.typing; } };
	const world = {
		get actions() { return w.records.actions; },
		get notifications() { return w.records.notifications; },
		get fetches() { return w.fetches(); },
		get alerts() { return w.records.alerts; },
		get confirms() { return w.records.confirms; },
		get components() { return w.records.components; },
		task: (sid) => w.task(sid),
		get tasks() { return w.tasks; },
		addTask: (def) => w.addTask(def),
		reserve(def) {
			const t = w.addTask(ObjectAssign({}, def, { status: "pending" }));
			w.workerClient.emit("reservationCreated", w.reservation(t));
			return t;
		},
		get worker() {
			return { sid: w.worker.sid, name: w.worker.name, attributes: w.worker.attributes,
				activity: w.worker.activity.name, available: w.worker.activity.available, loggedOut: w.worker.loggedOut };
		},
		get view() { return w.view; },
		conversation: (sid) => conversationView(w.conversation(sid)),
		advance: (ms) => w.advance(ms),
		settle: () => w.settle(),
		state: () => state(),
	};
	w.world = world;
})
