// TaskHelper and Notifications, as @twilio/flex-ui 1.x exports them.
(function (w) {
	"use strict";
	const { EventEmitter } = w;

	const isTask = (t) => !!t && typeof t === "object";
	const chatChannels = ["chat", "sms", "messaging", "web", "facebook", "whatsapp", "line", "custom"];
	const live = (t) => isTask(t) && t.status === "accepted";
	const workerParticipant = (t) =>
		t.conference && t.conference.participants.find((p) => p.participantType === "worker" && p.workerSid === w.worker.sid);
	const TaskHelper = {
		getTaskByTaskSid: (sid) => w.task(sid),
		getTaskByReservationSid: (sid) => w.tasks.find((t) => t.sid === sid),
		getTaskFromConversationSid: (sid) => w.tasks.find((t) => t.conversationSid === sid),
		getTaskByChannelSid: (sid) => w.tasks.find((t) => t.conversationSid === sid),
		getTaskFromChannelSid: (sid) => w.tasks.find((t) => t.conversationSid === sid),
		getTaskConversationSid: (t) => (isTask(t) ? t.conversationSid : undefined),
		getTaskChatChannelSid: (t) => (isTask(t) ? t.conversationSid : undefined),
		isCallTask: (t) => isTask(t) && t.taskChannelUniqueName === "voice",
		isChatBasedTask: (t) => isTask(t) && chatChannels.includes(t.taskChannelUniqueName),
		isCBMTask: (t) => isTask(t) && chatChannels.includes(t.taskChannelUniqueName) && !!t.conversationSid,
		isTaskAccepted: (t) => isTask(t) && (t.status === "accepted" || t.status === "wrapping"),
		isPending: (t) => isTask(t) && t.status === "pending",
		isInWrapupMode: (t) => isTask(t) && t.status === "wrapping",
		isCompleted: (t) => isTask(t) && t.status === "completed",
		isLiveCall: (t) => live(t) && t.taskChannelUniqueName === "voice" && (!workerParticipant(t) || workerParticipant(t).status === "joined"),
		isLiveChat: (t) => live(t) && chatChannels.includes(t.taskChannelUniqueName),
		isOutboundCallTask: (t) => isTask(t) && t.taskChannelUniqueName === "voice" && t.attributes.direction === "outbound",
		isInitialOutboundAttemptTask: (t) => TaskHelper.isOutboundCallTask(t) && t.status === "pending",
		canHold: (t) => TaskHelper.isLiveCall(t),
		canTransfer: (t) => live(t),
		canComplete: (t) => isTask(t) && (t.status === "accepted" || t.status === "wrapping"),
		isGroupCall: (t) => isTask(t) && !!t.conference && t.conference.participants.filter((p) => p.status === "joined").length > 2,
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
		get activeNotifications() { return current().slice(); },
		registerNotification(n) {
			if (n === null || typeof n !== "object" || typeof n.id !== "string") {
				throw new TypeError("Notifications.registerNotification: want a notification object with a string id");
			}
			const def = Object.assign({ type: NotificationType.info, timeout: 8000 }, n);
			registered.set(n.id, def);
			w.own(() => { if (registered.get(n.id) === def) registered.delete(n.id); });
		},
		showNotification(id, context) {
			const def = registered.get(id);
			if (!def) {
				w.warn("Notifications.showNotification: no notification " + JSON.stringify(id) + " is registered");
				return undefined;
			}
			const n = { id, content: def.content, type: def.type, timeout: def.timeout, context, key: id + "-" + ++shown, shownAt: Date.now() };
			const cancelled = { value: false };
			events.emit("beforeAddNotification", n, () => (cancelled.value = true));
			if (cancelled.value) return undefined;
			active.push(n);
			w.records.notifications.push({ id, context: w.snapshot(context) });
			w.changed();
			events.emit("afterAddNotification", n);
			return n;
		},
		dismissNotificationById(id) {
			for (let i = active.length - 1; i >= 0; i--) if (active[i].id === id) active.splice(i, 1);
			w.changed();
		},
		dismissNotification(n) {
			const i = active.indexOf(n);
			if (i >= 0) active.splice(i, 1);
			w.changed();
		},
		dismissNotificationByIdAndContext(id, context) {
			for (let i = active.length - 1; i >= 0; i--) if (active[i].id === id && active[i].context === context) active.splice(i, 1);
			w.changed();
		},
		addListener: (e, fn) => (events.addListener(e, fn), Notifications),
		removeListener: (e, fn) => (events.removeListener(e, fn), Notifications),
	};
	// A notification with a timeout (ms, 0 = until dismissed) is gone once
	// it has passed, on the engine's clock; expiry is read, not scheduled,
	// so a shown notification keeps no run waiting.
	function current() {
		const now = Date.now();
		for (let i = active.length - 1; i >= 0; i--) {
			const n = active[i];
			if (n.timeout > 0 && now - n.shownAt >= n.timeout) active.splice(i, 1);
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
			playing.set(id, { url: media.url, repeatable: !!media.repeatable });
			return id;
		},
		stop(id) { playing.delete(id); },
		toggleSound() {},
		get playing() { return [...playing.values()]; },
	};
	w.Notifications = Notifications;
	w.NotificationType = NotificationType;
})
