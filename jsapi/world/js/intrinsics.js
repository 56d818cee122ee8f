// The intrinsics the world's JavaScript calls, captured when the engine
// starts, before any plugin runs (Node's primordials, by the same names).
// Plugins share one realm, as in the browser: one may replace
// Array.prototype.map, JSON.stringify or Promise.prototype.then for
// everyone, and stay loaded or be unloaded; the world must go on as Flex
// does. So the world's files call these instead of the methods on its
// values: ArrayPrototypePush(list, x) is list.push(x) with the original
// push; the constructors are the files' own bindings (const { Map } = ...).
// They also iterate arrays with index loops and spread with
// ReflectApply: for-of, spread and array destructuring read
// Array.prototype[Symbol.iterator].
(function (w) {
	"use strict";
	const uncurryThis = Function.prototype.bind.bind(Function.prototype.call);
	const staticOf = (ctor, name) => Function.prototype.bind.call(ctor[name], ctor);
	const A = Array.prototype, S = String.prototype, P = Promise.prototype;
	const primordials = {
		// Constructors: globals a plugin may assign (a Promise library).
		Date, Error, Map, Promise, Set, TypeError, WeakMap, WeakSet,
		QueueMicrotask: queueMicrotask, // likewise
		ReflectApply: Reflect.apply,
		ArrayIsArray: Array.isArray,
		DateNow: Date.now,
		MathMin: Math.min,
		MathMax: Math.max,
		ObjectKeys: Object.keys,
		ObjectEntries: Object.entries,
		ObjectAssign: Object.assign,
		ObjectDefineProperty: Object.defineProperty,
		ObjectDefineProperties: Object.defineProperties,
		ObjectFreeze: Object.freeze,
		ObjectFromEntries: Object.fromEntries,
		ObjectGetPrototypeOf: Object.getPrototypeOf,
		ObjectIs: Object.is,
		ObjectPrototypeHasOwnProperty: uncurryThis(Object.prototype.hasOwnProperty),
		JSONParse: JSON.parse,
		JSONStringify: JSON.stringify,
		PromiseResolve: staticOf(Promise, "resolve"),
		PromiseReject: staticOf(Promise, "reject"),
		PromisePrototypeThen: uncurryThis(P.then),
		RegExpPrototypeExec: uncurryThis(RegExp.prototype.exec),
	};
	for (const name of ["concat", "every", "filter", "find", "findIndex", "includes", "indexOf", "join", "map", "push", "slice", "some", "splice", "unshift"]) {
		primordials["ArrayPrototype" + name[0].toUpperCase() + name.slice(1)] = uncurryThis(A[name]);
	}
	for (const name of ["includes", "indexOf", "padStart", "replace", "slice", "split", "startsWith", "trim"]) {
		primordials["StringPrototype" + name[0].toUpperCase() + name.slice(1)] = uncurryThis(S[name]);
	}
	for (const [ctor, names] of [[Map, ["get", "set", "has", "delete", "forEach"]], [Set, ["add", "has", "delete"]],
		[WeakMap, ["get", "set", "has"]], [WeakSet, ["add", "has"]]]) {
		for (const name of names) primordials[ctor.name + "Prototype" + name[0].toUpperCase() + name.slice(1)] = uncurryThis(ctor.prototype[name]);
	}
	const { Map: OriginalMap, MapPrototypeSet } = primordials;
	// new Map(pairs) and Object.fromEntries(pairs) read the pairs' iterator
	// and, for the map, its set: these take an array of [key, value] pairs
	// by index.
	primordials.SafeMap = (pairs) => {
		const m = new OriginalMap(); // Map here would be read when called
		for (let i = 0; i < pairs.length; i++) MapPrototypeSet(m, pairs[i][0], pairs[i][1]);
		return m;
	};
	primordials.ObjectFromPairs = (pairs) => {
		const o = {};
		for (let i = 0; i < pairs.length; i++) o[pairs[i][0]] = pairs[i][1];
		return o;
	};
	w.primordials = Object.freeze(primordials);
})
