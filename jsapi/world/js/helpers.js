// TaskHelper and Notifications, as @twilio/flex-ui 1.x exports them.
(function (w) {
	"use strict";
	const {
		ArrayPrototypeFilter, ArrayPrototypeFind, ArrayPrototypeIncludes, ArrayPrototypeIndexOf, ArrayPrototypePush,
		ArrayPrototypeSlice, ArrayPrototypeSplice, DateNow, JSONStringify, Map, MapPrototypeDelete, MapPrototypeForEach,
		MapPrototypeGet, MapPrototypeSet, ObjectAssign, TypeError,
	} = w.primordials;
	const { EventEmitter } = w;

	const isTask = (t) => !!t && typeof t === "object";
	const chatChannels = ["chat", "sms", "messaging", "web", "facebook", "whatsapp", "line", "custom"];
	const live = (t) => isTask(t) && t.status === "accepted";
	const workerParticipant = (t) =>
		t.conference && ArrayPrototypeFind(t.conference.participants, (p) => p.participantType === "worker" && p.workerSid === w.worker.sid);
	const TaskHelper = {
		getTaskByTaskSid: (sid) => w.task(sid),
		getTaskByReservationSid: (sid) => ArrayPrototypeFind(w.tasks, (t) => t.sid === sid),
		getTaskFromConversationSid: (sid) => ArrayPrototypeFind(w.tasks, (t) => t.conversationSid === sid),
		getTaskByChannelSid: (sid) => ArrayPrototypeFind(w.tasks, (t) => t.conversationSid === sid),
		getTaskFromChannelSid: (sid) => ArrayPrototypeFind(w.tasks, (t) => t.conversationSid === sid),
		getTaskConversationSid: (t) => (isTask(t) ? t.conversationSid : undefined),
		getTaskChatChannelSid: (t) => (isTask(t) ? t.conversationSid : undefined),
		isCallTask: (t) => isTask(t) && t.taskChannelUniqueName === "voice",
		isChatBasedTask: (t) => isTask(t) && ArrayPrototypeIncludes(chatChannels, t.taskChannelUniqueName),
		isCBMTask: (t) => isTask(t) && ArrayPrototypeIncludes(chatChannels, t.taskChannelUniqueName) && !!t.conversationSid,
		isTaskAccepted: (t) => isTask(t) && (t.status === "accepted" || t.status === "wrapping"),
		isPending: (t) => isTask(t) && t.status === "pending",
		isInWrapupMode: (t) => isTask(t) && t.status === "wrapping",
		isCompleted: (t) => isTask(t) && t.status === "completed",
		isLiveCall: (t) => live(t) && t.taskChannelUniqueName === "voice" && (!workerParticipant(t) || workerParticipant(t).status === "joined"),
		isLiveChat: (t) => live(t) && ArrayPrototypeIncludes(chatChannels, t.taskChannelUniqueName),
		isOutboundCallTask: (t) => isTask(t) && t.taskChannelUniqueName === "voice" && t.attributes.direction === "outbound",
		isInitialOutboundAttemptTask: (t) => TaskHelper.isOutboundCallTask(t) && t.status === "pending",
		canHold: (t) => TaskHelper.isLiveCall(t),
		canTransfer: (t) => live(t),
		canComplete: (t) => isTask(t) && (t.status === "accepted" || t.status === "wrapping"),
		isGroupCall: (t) => isTask(t) && !!t.conference && ArrayPrototypeFilter(t.conference.participants, (p) => p.status === "joined").length > 2,
		isMyTask: (t) => isTask(t) && t.workerSid === w.worker.sid,
		getMyWorkerParticipant: (t) => (isTask(t) ? workerParticipant(t) : undefined),
	};
	w.TaskHelper = TaskHelper;

	// Notifications: registered definitions, shown instances, dismissals.
	const NotificationType = { error: "error", warning: "warning", info: "info", success: "success" };
	const registered = new Map();
	const active = [];
	const events = new EventEmitter();
	let shown = 0;
	const Notifications = {
		registeredNotifications: registered,
		get activeNotifications() { return ArrayPrototypeSlice(current()); },
		registerNotification(n) {
			if (n === null || typeof n !== "object" || typeof n.id !== "string") {
				throw new TypeError("Notifications.registerNotification: want a notification object with a string id");
			}
			const def = ObjectAssign({ type: NotificationType.info, timeout: 8000 }, n);
			MapPrototypeSet(registered, n.id, def);
			w.own(() => { if (MapPrototypeGet(registered, n.id) === def) MapPrototypeDelete(registered, n.id); });
		},
		showNotification(id, context) {
			const def = MapPrototypeGet(registered, id);
			if (!def) {
				w.warn("Notifications.showNotification: no notification " + JSONStringify(id) + " is registered");
				return undefined;
			}
			const n = { id, content: def.content, type: def.type, timeout: def.timeout, context, key: id + "-" + ++shown, shownAt: DateNow() };
			const cancelled = { value: false };
			events.emit("beforeAddNotification", n, () => (cancelled.value = true));
			if (cancelled.value) return undefined;
			ArrayPrototypePush(active, n);
			ArrayPrototypePush(w.records.notifications, { id, context: w.snapshot(context) });
			w.changed();
			events.emit("afterAddNotification", n);
			return n;
		},
		dismissNotificationById(id) {
			for (let i = active.length - 1; i >= 0; i--) if (active[i].id === id) ArrayPrototypeSplice(active, i, 1);
			w.changed();
		},
		dismissNotification(n) {
			const i = ArrayPrototypeIndexOf(active, n);
			if (i >= 0) ArrayPrototypeSplice(active, i, 1);
			w.changed();
		},
		dismissNotificationByIdAndContext(id, context) {
			for (let i = active.length - 1; i >= 0; i--) if (active[i].id === id && active[i].context === context) ArrayPrototypeSplice(active, i, 1);
			w.changed();
		},
		addListener: (e, fn) => (events.addListener(e, fn), Notifications),
		removeListener: (e, fn) => (events.removeListener(e, fn), Notifications),
	};
	// A notification with a timeout (ms, 0 = until dismissed) is gone once
	// it has passed, on the engine's clock; expiry is read, not scheduled,
	// so a shown notification keeps no run waiting.
	function current() {
		const now = DateNow();
		for (let i = active.length - 1; i >= 0; i--) {
			const n = active[i];
			if (n.timeout > 0 && now - n.shownAt >= n.timeout) ArrayPrototypeSplice(active, i, 1);
		}
		return active;
	}
	w.activeNotifications = current;

	// StateHelper: the chat state Flex keeps for a task.
	const chatState = (task) => {
		const c = task && w.conversation(task.conversationSid);
		return c && { source: c, channel: c, messages: c.messages, inputText: c.inputText, isLoadingMessages: false, typers: [],
			get lastReadMessageIndex() { return c.messages.length - 1; } };
	};
	w.StateHelper = {
		getChatChannelStateForTask: chatState,
		getConversationStateForTask: chatState,
		getChatChannelStateForChannelSid: (sid) => chatState({ conversationSid: sid }),
	};

	// AudioPlayerManager: Flex's ringtone and notification player. Nothing
	// sounds; what plays is kept until stopped.
	const playing = new Map();
	let played = 0;
	w.AudioPlayerManager = {
		play(media, onError) {
			if (!media || typeof media.url !== "string") {
				const err = new TypeError("AudioPlayerManager.play: want { url, repeatable? }");
				if (typeof onError === "function") { onError(err); return undefined; }
				throw err;
			}
			const id = "audio-" + ++played;
			MapPrototypeSet(playing, id, { url: media.url, repeatable: !!media.repeatable });
			return id;
		},
		stop(id) { MapPrototypeDelete(playing, id); },
		toggleSound() {},
		get playing() {
			const out = [];
			MapPrototypeForEach(playing, (v) => { out[out.length] = v; });
			return out;
		},
	};
	w.Notifications = Notifications;
	w.NotificationType = NotificationType;
})
