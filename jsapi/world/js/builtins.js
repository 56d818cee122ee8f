// The 53 actions Flex UI 1.x registers itself (flex-builtin-actions.md),
// each with its payload update and a body that changes the world as Flex
// would, or rejects where Flex would fail. Registered through a facade
// owned by "flex", so a plugin's registerAction of the same name shadows
// the built-in and unloading the plugin brings it back.
(function (w) {
	"use strict";
	const {
		ArrayPrototypeFilter, ArrayPrototypeFind, ArrayPrototypeJoin, ArrayPrototypeMap, ArrayPrototypePush,
		ArrayPrototypeSlice, ArrayPrototypeSplice, Error, JSONStringify, MathMax, MathMin, ObjectAssign, ObjectKeys,
		PromisePrototypeThen, PromiseResolve, RegExpPrototypeExec, StringPrototypeReplace, StringPrototypeSlice,
		StringPrototypeStartsWith, StringPrototypeTrim,
	} = w.primordials;
	const { Actions, worker, view } = w;

	// Payload updates (the catalogue's "enrich" column).
	const fillTask = (p) => {
		if (p.task) p.sid = p.task.sid;
		else if (typeof p.sid === "string") p.task = w.task(p.sid);
		return p;
	};
	const copy = (p) => (p !== null && typeof p === "object" ? ObjectAssign({}, p) : {});
	const own = (p) => (p !== null && typeof p === "object" ? p : {});
	const taskCopy = (p) => fillTask(copy(p));
	const taskMutates = (p) => fillTask(own(p));
	const chat = (p) => {
		p = own(p);
		if (p.channel && typeof p.channel === "object") p.channelSid = p.channel.sid;
		else if (typeof p.channelSid === "string") p.channel = w.conversation(p.channelSid);
		else if (typeof p.conversationSid === "string") {
			// What code ported from Flex 2.x sends.
			p.channelSid = p.conversationSid;
			p.channel = w.conversation(p.conversationSid);
		}
		return p;
	};
	const workerUpdate = (p) => {
		p = own(p);
		if (p.worker && typeof p.worker === "object") p.workerSid = p.worker.sid;
		else if (typeof p.workerSid === "string" && p.workerSid === worker.sid) p.worker = w.workerClient;
		return p;
	};
	const activityUpdate = (p) => {
		p = own(p);
		const a = w.activity(p.activitySid) || w.activity(p.activityName);
		if (a) {
			p.activitySid = a.sid;
			p.activityName = a.name;
			p.activityAvailable = a.available;
		}
		p.options = ObjectAssign({ rejectPendingReservations: false }, p.options);
		return p;
	};
	// AcceptTask's update, as Flex 1.34.6 writes it: the conference ends when
	// the worker leaves unless other workers are on it, and when the
	// customer leaves; recording follows the service configuration's
	// call_recording_enabled, with Flex's recording webhook.
	const defaultRecordingWebhook = "https://webhooks.twilio.com/v1/Accounts/{accountSid}/Workspaces/{workspaceSid}/Tasks/{taskSid}/FlexRecordingWebhook";
	const acceptUpdate = (p) => {
		p = taskCopy(p);
		const conference = p.task && p.task.conference;
		const options = (p.conferenceOptions = p.conferenceOptions || {});
		options.endConferenceOnExit = !conference || conference.liveWorkerCount === 0;
		options.endConferenceOnCustomerExit = true;
		const svc = w.manager.serviceConfiguration || {};
		options.conferenceRecord = !!svc.call_recording_enabled;
		if (options.conferenceRecord) {
			const cfg = ObjectAssign({}, svc, w.manager.configuration);
			const fields = { accountSid: svc.account_sid, workspaceSid: svc.taskrouter_workspace_sid, taskSid: p.task && p.task.taskSid };
			let url = cfg.callRecordingCallbackUrl || cfg.call_recording_webhook_url || defaultRecordingWebhook;
			const keys = ObjectKeys(fields);
			for (let i = 0; i < keys.length; i++) url = StringPrototypeReplace(url, "{" + keys[i] + "}", fields[keys[i]]);
			options.conferenceRecordingStatusCallback = url;
			options.conferenceRecordingStatusCallbackMethod = "POST";
		}
		return p;
	};
	const participantUpdate = (p) => {
		p = taskCopy(p);
		const parts = p.task && p.task.conference ? p.task.conference.participants : [];
		if (p.participant && typeof p.participant === "object") p.targetSid = p.participant.callSid || p.participant.sid;
		else if (typeof p.targetSid === "string") {
			p.participant = ArrayPrototypeFind(parts, (x) => x.sid === p.targetSid || x.callSid === p.targetSid || x.workerSid === p.targetSid);
		}
		return p;
	};

	// Lookups that reject as Flex does when the payload names nothing.
	const fail = (msg) => { throw new Error(msg); };
	// Flex's own wording where it has one (AcceptTask, RejectTask), with
	// what the world has.
	const notFound = { AcceptTask: (sid) => "Reservation " + sid + " for task not found", RejectTask: (sid) => "Reservation " + sid + " not found for task" };
	const taskOf = (name, p) => {
		if (p.task && w.isTask(p.task)) return p.task;
		if (p.sid === undefined) fail(name + ": the payload needs a task or a sid");
		const has = " (the world has " + (ArrayPrototypeJoin(ArrayPrototypeMap(w.tasks, (t) => t.sid), ", ") || "no tasks") + ")";
		return fail((notFound[name] ? notFound[name](String(p.sid)) : name + ": no task " + String(p.sid)) + has);
	};
	const callOf = (name, p) => {
		const t = taskOf(name, p);
		if (t.taskChannelUniqueName !== "voice") fail(name + ": task " + t.sid + " is not a call (" + t.taskChannelUniqueName + ")");
		if (t.status !== "accepted") fail(name + ": task " + t.sid + " is " + t.status + ", not accepted");
		if (!t.conference) t.conference = w.conference("CF" + StringPrototypeSlice(t.sid, 2), []);
		return t;
	};
	const conversationOf = (name, p) => {
		if (p.channel && typeof p.channel === "object" && w.conversation(p.channel.sid)) return w.conversation(p.channel.sid);
		const sid = p.channelSid || p.conversationSid;
		if (sid === undefined) fail(name + ": the payload needs a channelSid, channel or conversationSid");
		return fail(name + ": no conversation " + String(sid) + " (the world has " + (ArrayPrototypeJoin(ArrayPrototypeMap(w.conversations, (c) => c.sid), ", ") || "no conversations") + ")");
	};
	const activityOf = (name, p) =>
		w.activity(p.activitySid) || w.activity(p.activityName) ||
		fail(name + ": no activity " + JSONStringify(p.activitySid || p.activityName) + " (the world has " + ArrayPrototypeJoin(ArrayPrototypeMap(w.activities, (a) => a.name), ", ") + ")");
	const participantOf = (name, t, p) => {
		const parts = t.conference.participants;
		const x = (p.participant && ArrayPrototypeFind(parts, (q) => q === p.participant || q.sid === p.participant.sid)) ||
			ArrayPrototypeFind(parts, (q) => q.sid === p.targetSid || q.callSid === p.targetSid || q.workerSid === p.targetSid);
		return x || fail(name + ": task " + t.sid + " has no participant " + String(p.targetSid));
	};
	const myParticipant = (t) => {
		let me = ArrayPrototypeFind(t.conference.participants, (q) => q.participantType === "worker" && q.workerSid === worker.sid);
		if (!me) {
			me = w.participant({ sid: "CA" + StringPrototypeSlice(worker.sid, 2) + "-" + StringPrototypeSlice(t.sid, 2), participantType: "worker", workerSid: worker.sid, status: "joined" });
			ArrayPrototypePush(t.conference.participants, me);
		}
		return me;
	};
	const navigate = (how, location) => {
		const path = typeof location === "string" ? location : location && typeof location === "object" ? String(location.pathname || "/") : fail(how + ": want a path or a location, received " + String(location));
		if (how === "HistoryPush") {
			ArrayPrototypeSplice(view.history, view.historyIndex + 1);
			ArrayPrototypePush(view.history, path);
			view.historyIndex = view.history.length - 1;
		} else {
			view.history[view.historyIndex] = path;
		}
		view.location = path;
		w.changed();
	};

	const bodies = {
		// Tasks.
		AcceptTask: [(p) => {
			const t = taskOf("AcceptTask", p);
			return PromisePrototypeThen(w.transition(t, "AcceptTask", ["pending", "reserved"], "accepted", "Reservation " + t.sid + " is not in pending state"), () => {
				if (t.taskChannelUniqueName === "voice") {
					if (!t.conference) t.conference = w.conference("CF" + StringPrototypeSlice(t.sid, 2), []);
					myParticipant(t);
				}
			});
		}, acceptUpdate],
		RejectTask: [(p) => {
			const t = taskOf("RejectTask", p);
			return w.transition(t, "RejectTask", ["pending", "reserved"], "rejected", "Reservation " + t.sid + " is not in pending state");
		}, taskCopy],
		WrapupTask: [(p) => {
			const t = taskOf("WrapupTask", p);
			return w.transition(t, "WrapupTask", ["accepted"], "wrapping", "Reservation " + t.sid + " is not in accepted state");
		}, taskCopy],
		CompleteTask: [(p) => {
			const t = taskOf("CompleteTask", p);
			if (t.status === "completed") fail("Reservation " + t.sid + " is in completed state");
			return PromisePrototypeThen(w.transition(t, "CompleteTask", ["accepted", "wrapping"], "completed"), () => {
				if (view.selectedTaskSid === t.sid) view.selectedTaskSid = null;
			});
		}, taskCopy],
		// As Flex: the payload's sid, whatever it names, then the router.
		SelectTask: [(p) => {
			view.selectedTaskSid = p.sid === undefined ? null : p.sid;
			w.changed();
			return Actions.invokeAction("HistoryPush", "/agent-desktop/" + (p.sid || ""));
		}, taskCopy],
		TransferTask: [(p) => {
			const t = taskOf("TransferTask", p);
			if (t.status !== "accepted") fail("TransferTask: task " + t.sid + " is " + t.status + ", not accepted");
			if (typeof p.targetSid !== "string" || RegExpPrototypeExec(/^(WK|WQ)/, p.targetSid) === null) fail("TransferTask: targetSid must be a worker (WK…) or queue (WQ…) SID, received " + String(p.targetSid));
			const mode = (p.options && p.options.mode) || "COLD";
			t.outgoingTransferObject = { to: p.targetSid, mode, status: "queued", type: StringPrototypeStartsWith(p.targetSid, "WK") ? "WORKER" : "QUEUE" };
			if (mode === "WARM" && t.conference) {
				ArrayPrototypePush(t.conference.participants, w.participant({ sid: "CA" + StringPrototypeSlice(p.targetSid, 2), participantType: "transfer", status: "joined", workerSid: StringPrototypeStartsWith(p.targetSid, "WK") ? p.targetSid : undefined }));
			}
			if (mode !== "WARM") {
				t.outgoingTransferObject.status = "accepted";
				w.setStatus(t, "wrapping");
			}
			w.touch(t);
		}, taskCopy],
		CancelTransfer: [(p) => {
			const t = taskOf("CancelTransfer", p);
			if (!t.outgoingTransferObject) fail("CancelTransfer: task " + t.sid + " has no transfer in progress");
			const to = t.outgoingTransferObject.to;
			t.outgoingTransferObject = undefined;
			if (t.conference) t.conference.participants = ArrayPrototypeFilter(t.conference.participants, (q) => !(q.participantType === "transfer" && q.sid === "CA" + StringPrototypeSlice(to, 2)));
			w.touch(t);
		}, taskCopy],
		KickParticipant: [(p) => {
			const t = callOf("KickParticipant", p);
			participantOf("KickParticipant", t, p).status = "left";
			w.touch(t);
		}, participantUpdate],
		HoldParticipant: [(p) => holdParticipant("HoldParticipant", p, true), participantUpdate],
		UnholdParticipant: [(p) => holdParticipant("UnholdParticipant", p, false), participantUpdate],
		ToggleDTMFDialpad: [(p) => {
			const t = taskOf("ToggleDTMFDialpad", p);
			view.dialpad[t.sid] = p.open === undefined ? !view.dialpad[t.sid] : !!p.open;
			w.changed();
		}, taskCopy],
		SetDTMFDialpadDigits: [(p) => { taskOf("SetDTMFDialpadDigits", p).dtmfDialpadDigits = String(p.digits == null ? "" : p.digits); w.changed(); }, taskCopy],
		SendDTMFDigits: [(p) => {
			const t = callOf("SendDTMFDigits", p);
			if (typeof p.digits !== "string" || RegExpPrototypeExec(/^[0-9*#wW]+$/, p.digits) === null) fail("SendDTMFDigits: digits must be a string of 0-9, *, # and w, received " + JSONStringify(p.digits));
			t.dtmf += p.digits;
			w.touch(t);
		}, taskCopy],

		// Activities.
		SetActivity: [(p) => {
			const a = activityOf("SetActivity", p);
			if (p.options.rejectPendingReservations) {
				const tasks = ArrayPrototypeSlice(w.tasks);
				for (let i = 0; i < tasks.length; i++) if (tasks[i].status === "pending") w.setStatus(tasks[i], "rejected");
			}
			return w.setActivity(a);
		}, activityUpdate],
		SetWorkerActivity: [(p) => {
			const a = activityOf("SetWorkerActivity", p);
			if (typeof p.workerSid !== "string") fail("SetWorkerActivity: the payload needs a workerSid");
			if (p.workerSid === worker.sid) return w.setActivity(a);
			w.otherWorkers[p.workerSid] = { activity: a.name };
			w.changed();
		}, (p) => activityUpdate(workerUpdate(p))],
		Logout: [(p) => {
			const a = p.activitySid || p.activityName ? activityOf("Logout", p) : w.activity("Offline") || ArrayPrototypeFind(w.activities, (x) => !x.available);
			worker.loggedOut = true;
			return a ? w.setActivity(a) : undefined;
		}],

		// The live call.
		HoldCall: [(p) => holdCall("HoldCall", p, true), taskMutates],
		UnholdCall: [(p) => holdCall("UnholdCall", p, false), taskMutates],
		HangupCall: [(p) => {
			const t = callOf("HangupCall", p);
			myParticipant(t).status = "left";
			// A call between the worker and the customer ends with the worker
			// leaving; with others still on it (a warm transfer, a
			// conference) it goes on without the worker.
			const others = ArrayPrototypeFilter(t.conference.participants, (q) => q.status === "joined" && q.participantType !== "customer");
			if (others.length === 0) leaveAll(t);
			w.setStatus(t, "wrapping");
			w.touch(t);
		}, taskMutates],
		EndConferenceForAll: [(p) => {
			const t = callOf("EndConferenceForAll", p);
			leaveAll(t);
			w.setStatus(t, "wrapping");
			w.touch(t);
		}, taskMutates],
		StartExternalWarmTransfer: [(p) => {
			const t = callOf("StartExternalWarmTransfer", p);
			if (typeof p.phoneNumber !== "string" || !p.phoneNumber) fail("StartExternalWarmTransfer: the payload needs a phoneNumber");
			ArrayPrototypePush(t.conference.participants, w.participant({ sid: "CA" + digitsOf(p.phoneNumber), participantType: "external", phoneNumber: p.phoneNumber, callerId: p.callerId, status: "joined" }));
			w.touch(t);
		}, taskMutates],
		ToggleMute: [() => { view.muted = !view.muted; w.changed(); }],
		StartOutboundCall: [(p) => {
			if (typeof p !== "object" || p === null || typeof p.destination !== "string" || !p.destination) {
				fail("StartOutboundCall: the payload needs a destination");
			}
			// Flex blocks the action while the call is being placed.
			Actions.blockAction("StartOutboundCall");
			// then, not finally: finally reads the promise's then.
			const unblock = () => Actions.unblockAction("StartOutboundCall");
			return PromisePrototypeThen(PromisePrototypeThen(PromiseResolve(), () => {
				const sid = w.nextSid("WR");
				const task = w.addTask({
					sid, taskSid: "WT" + StringPrototypeSlice(sid, 2), taskChannelUniqueName: "voice", status: "accepted",
					queueSid: p.queueSid || "WQ1",
					attributes: ObjectAssign({ direction: "outbound", to: p.destination, from: p.callerId, name: p.destination }, p.taskAttributes),
					conference: { participants: [{ sid: "CA" + StringPrototypeSlice(sid, 2), participantType: "customer", status: "joined" }] },
				});
				myParticipant(task);
				w.touch(task);
			}), unblock, (e) => { unblock(); throw e; });
		}],
		ToggleOutboundDialer: [() => { view.outboundDialerOpen = !view.outboundDialerOpen; w.changed(); }],
		MonitorCall: [(p) => { view.supervisor.monitoringTaskSid = taskOf("MonitorCall", p).sid; w.changed(); }, taskMutates],
		StopMonitoringCall: [(p) => { taskOf("StopMonitoringCall", p); view.supervisor.monitoringTaskSid = null; w.changed(); }, taskMutates],
		SelectTaskInSupervisor: [(p) => {
			const t = taskOf("SelectTaskInSupervisor", p);
			view.supervisor.selectedTaskSid = t.sid;
			w.changed();
			return Actions.invokeAction("HistoryReplace", "/teams/" + t.sid);
		}, taskMutates],
		SelectWorkerInSupervisor: [(p) => {
			if (typeof p.workerSid !== "string") fail("SelectWorkerInSupervisor: the payload needs a workerSid or worker");
			view.supervisor.selectedWorkerSid = p.workerSid;
			w.changed();
			return Actions.invokeAction("HistoryReplace", "/teams/workers/" + p.workerSid);
		}, workerUpdate],

		// Views and navigation.
		NavigateToView: [(p) => {
			const name = p && typeof p === "object" ? p.viewName : undefined;
			if (typeof name !== "string" || !name) fail("NavigateToView: the payload needs a viewName");
			view.activeView = name;
			w.changed();
			return Actions.invokeAction("HistoryPush", "/" + name);
		}],
		ShowDirectory: [() => { view.directoryOpen = true; w.changed(); }],
		HideDirectory: [() => { view.directoryOpen = false; w.changed(); }],
		ToggleSidebar: [(p) => { view.sidebarOpen = p && p.open !== undefined ? !!p.open : !view.sidebarOpen; w.changed(); }],
		SetComponentState: [(p) => {
			if (!p || typeof p.name !== "string") fail("SetComponentState: the payload needs a name");
			view.componentViewStates[p.name] = ObjectAssign({}, view.componentViewStates[p.name], p.state);
			w.changed();
		}],
		ApplyListFilters: [(p) => {
			if (!p || typeof p.key !== "string") fail("ApplyListFilters: the payload needs a key");
			view.listFilters[p.key] = { filters: w.clone(p.filters) || [], legacyFilterQuery: p.legacyFilterQuery };
			w.changed();
		}],
		RemoveListFilters: [(p) => {
			if (!p || typeof p.key !== "string") fail("RemoveListFilters: the payload needs a key");
			delete view.listFilters[p.key];
			w.changed();
		}],
		ReloadWindow: [() => { view.reloads++; w.changed(); }],
		HistoryPush: [(p) => navigate("HistoryPush", p)],
		HistoryReplace: [(p) => navigate("HistoryReplace", p)],
		HistoryGo: [(p) => historyGo(typeof p === "number" ? p : p && typeof p.delta === "number" ? p.delta : 0)],
		HistoryGoBack: [() => historyGo(-1)],
		HistoryGoForward: [() => historyGo(1)],

		// Chat.
		SendMessage: [(p) => {
			const c = conversationOf("SendMessage", p);
			w.appendMessage(c, worker.name, String(p.body == null ? "" : p.body), p.messageAttributes);
			if (p.useSeparateInputStore !== true) c.inputText = "";
		}, chat],
		SendMediaMessage: [(p) => {
			const c = conversationOf("SendMediaMessage", p);
			const f = p.file || {};
			w.appendMessage(c, worker.name, "", p.messageAttributes).media = { filename: f.name, contentType: f.type, size: f.size };
		}, chat],
		SendTyping: [(p) => { conversationOf("SendTyping", p).typing++; }, chat],
		SetInputText: [(p) => {
			const c = conversationOf("SetInputText", p);
			c.inputText = String(p.body == null ? "" : p.body);
			w.changed();
			return Actions.invokeAction("SendTyping", { channelSid: c.sid });
		}, chat],
		AttachFile: [(p) => { ArrayPrototypePush(conversationOf("AttachFile", p).attachedFiles, fileInfo(p.file)); w.changed(); }, chat],
		DetachFile: [(p) => {
			const c = conversationOf("DetachFile", p);
			const name = fileInfo(p.file).name;
			c.attachedFiles = ArrayPrototypeFilter(c.attachedFiles, (f) => f.name !== name);
			w.changed();
		}, chat],
		DownloadMedia: [(p) => { conversationOf("DownloadMedia", p); }, chat],

		// Insights.
		"InsightsPlayer:play": [(p) => { ObjectAssign(view.insightsPlayer, { visible: true, playing: true, segmentId: p && p.segmentId }); w.changed(); }],
		"InsightsPlayer:show": [() => { view.insightsPlayer.visible = true; w.changed(); }],
		"InsightsPlayer:hide": [() => { ObjectAssign(view.insightsPlayer, { visible: false, playing: false }); w.changed(); }],
		"InsightsPlayer:initialized": [() => { view.insightsPlayer.initialized = true; w.changed(); }],
		"HistoricalReporting:view": [(p) => {
			view.historicalReportingUri = (p && p.uri) || null;
			view.activeView = "historical-reporting";
			w.changed();
		}],
	};

	// The digits of a phone number (no regexp: replace reads its exec).
	function digitsOf(s) {
		let out = "";
		for (let i = 0; i < s.length; i++) if (s[i] >= "0" && s[i] <= "9") out += s[i];
		return out;
	}
	function leaveAll(t) {
		const parts = t.conference.participants;
		for (let i = 0; i < parts.length; i++) parts[i].status = "left";
	}
	function holdCall(name, p, hold) {
		const t = callOf(name, p);
		const parts = t.conference.participants;
		const target = p.participantCallSid
			? ArrayPrototypeFind(parts, (q) => q.callSid === p.participantCallSid || q.sid === p.participantCallSid) || fail(name + ": task " + t.sid + " has no participant " + p.participantCallSid)
			: ArrayPrototypeFind(parts, (q) => q.participantType === "customer" && q.status === "joined") || fail(name + ": task " + t.sid + " has no customer on the call");
		target.hold = hold;
		t.holdMusicUrl = hold ? p.holdMusicUrl : undefined;
		w.touch(t);
	}
	function holdParticipant(name, p, hold) {
		const t = callOf(name, p);
		const q = participantOf(name, t, p);
		q.hold = hold;
		if (hold && p.holdMusicUrl) q.holdMusicUrl = p.holdMusicUrl;
		w.touch(t);
	}
	function historyGo(delta) {
		const i = MathMax(0, MathMin(view.history.length - 1, view.historyIndex + delta));
		view.historyIndex = i;
		view.location = view.history[i];
		w.changed();
	}
	function fileInfo(f) {
		return f && typeof f === "object" ? { name: String(f.name), type: f.type, size: f.size } : { name: String(f) };
	}

	// Each body records itself (world.actions) before it runs. (This loop
	// runs at Setup, before any plugin: for-of is safe here.)
	for (const name of ObjectKeys(bodies)) {
		const [body, update] = bodies[name];
		const named = {
			[name](payload) {
				ArrayPrototypePush(w.records.actions, { name, payload: w.snapshot(payload) });
				return body(payload === undefined || payload === null ? {} : payload);
			},
		}[name];
		Actions.registerAction(name, named, update);
	}
	w.builtinNames = ObjectKeys(bodies);

	// Flex's own listener: a chat message over its task channel's character
	// limit is not sent, and the agent is told (MessageSizeExceeded).
	w.Notifications.registerNotification({ id: "MessageSizeExceeded", content: "MessageSizeExceeded", type: w.NotificationType.error });
	Actions.addListener("beforeSendMessage", function beforeSendMessage(payload, abort) {
		const count = StringPrototypeTrim(String(payload && payload.body != null ? payload.body : "")).length;
		const limit = w.ui.TaskChannels.getForTask(w.TaskHelper.getTaskFromChannelSid(payload && payload.channelSid)).charLimit;
		if (count > limit) {
			w.Notifications.showNotification("MessageSizeExceeded", { currentCharCount: count, maxCharCount: limit });
			abort();
		}
	});
})
