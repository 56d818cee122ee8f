// Redux's API, for the store and for plugins: Flex hosts one redux for
// every plugin (a webpack external), so a plugin project without its own
// copy still imports it. Same contract and error messages as redux 4.
(function (w) {
	"use strict";
	const {
		ArrayIsArray, ArrayPrototypeConcat, ArrayPrototypeFilter, ArrayPrototypeIndexOf, ArrayPrototypeSlice, Error,
		ObjectAssign, ObjectGetPrototypeOf, ObjectKeys,
	} = w.primordials;
	const isPlain = (x) => x !== null && typeof x === "object" && !ArrayIsArray(x) &&
		(ObjectGetPrototypeOf(x) === Object.prototype || ObjectGetPrototypeOf(x) === null);
	const $$observable = (typeof Symbol === "function" && Symbol.observable) || "@@observable";
	const random = () => Math.random().toString(36).substring(7).split("").join(".");
	const ActionTypes = { INIT: "@@redux/INIT" + random(), REPLACE: "@@redux/REPLACE" + random() };

	function createStore(reducer, preloadedState, enhancer) {
		if (typeof preloadedState === "function" && enhancer === undefined) {
			enhancer = preloadedState;
			preloadedState = undefined;
		}
		if (enhancer !== undefined) {
			if (typeof enhancer !== "function") throw new Error("Expected the enhancer to be a function.");
			return enhancer(createStore)(reducer, preloadedState);
		}
		if (typeof reducer !== "function") throw new Error("Expected the root reducer to be a function.");
		let current = reducer, state = preloadedState, listeners = [], dispatching = false;
		const getState = () => {
			if (dispatching) throw new Error("You may not call store.getState() while the reducer is executing.");
			return state;
		};
		function subscribe(listener) {
			if (typeof listener !== "function") throw new Error("Expected the listener to be a function.");
			if (dispatching) throw new Error("You may not call store.subscribe() while the reducer is executing.");
			let subscribed = true;
			listeners = ArrayPrototypeConcat(listeners, [listener]);
			return function unsubscribe() {
				if (!subscribed) return;
				subscribed = false;
				const i = ArrayPrototypeIndexOf(listeners, listener);
				listeners = ArrayPrototypeConcat(ArrayPrototypeSlice(listeners, 0, i), ArrayPrototypeSlice(listeners, i + 1));
			};
		}
		function dispatch(action) {
			if (!isPlain(action)) throw new Error("Actions must be plain objects. Use custom middleware for async actions.");
			if (action.type === undefined) throw new Error('Actions may not have an undefined "type" property. Have you misspelled a constant?');
			if (dispatching) throw new Error("Reducers may not dispatch actions.");
			try {
				dispatching = true;
				state = current(state, action);
			} finally {
				dispatching = false;
			}
			const now = listeners; // subscribe and unsubscribe make a new array
			for (let i = 0; i < now.length; i++) now[i]();
			return action;
		}
		function replaceReducer(next) {
			if (typeof next !== "function") throw new Error("Expected the nextReducer to be a function.");
			current = next;
			dispatch({ type: ActionTypes.REPLACE });
		}
		dispatch({ type: ActionTypes.INIT });
		return {
			dispatch, subscribe, getState, replaceReducer,
			[$$observable]() {
				return {
					subscribe(observer) {
						const next = () => observer && observer.next && observer.next(getState());
						next();
						return { unsubscribe: subscribe(next) };
					},
					[$$observable]() { return this; },
				};
			},
		};
	}

	function combineReducers(reducers) {
		const keys = ArrayPrototypeFilter(ObjectKeys(reducers), (k) => typeof reducers[k] === "function");
		return function combination(state = {}, action) {
			let changed = false;
			const next = {};
			for (let i = 0; i < keys.length; i++) {
				const key = keys[i];
				const prev = state[key];
				const value = reducers[key](prev, action);
				if (value === undefined) {
					throw new Error('When called with an action of type "' + String(action && action.type) + '", the slice reducer for key "' + key + '" returned undefined. To ignore an action, you must explicitly return the previous state. If you want this reducer to hold no value, you can return null instead of undefined.');
				}
				next[key] = value;
				changed = changed || value !== prev;
			}
			changed = changed || keys.length !== ObjectKeys(state).length;
			return changed ? next : state;
		};
	}
	const compose = (...fns) => (fns.length === 0 ? (x) => x : fns.length === 1 ? fns[0] : fns.reduce((a, b) => (...args) => a(b(...args))));
	const applyMiddleware = (...middlewares) => (create) => (...args) => {
		const store = create(...args);
		let dispatch = () => { throw new Error("Dispatching while constructing your middleware is not allowed. Other middleware would not be applied to this dispatch."); };
		const api = { getState: store.getState, dispatch: (...a) => dispatch(...a) };
		dispatch = compose(...middlewares.map((m) => m(api)))(store.dispatch);
		return ObjectAssign({}, store, { dispatch });
	};
	function bindActionCreators(creators, dispatch) {
		if (typeof creators === "function") return (...args) => dispatch(creators.apply(this, args));
		const out = {};
		for (const k of ObjectKeys(creators)) if (typeof creators[k] === "function") out[k] = (...args) => dispatch(creators[k](...args));
		return out;
	}
	const redux = { createStore, legacy_createStore: createStore, combineReducers, compose, applyMiddleware, bindActionCreators,
		__DO_NOT_USE__ActionTypes: ActionTypes };
	redux.default = redux;
	w.redux = redux;
})
