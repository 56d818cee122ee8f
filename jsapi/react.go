package jsapi

// react and react-dom as host modules. flexrun renders nothing, but the
// Flex plugin template's components import React, and plugins pass
// elements to Flex's component APIs; a plugin must load and its actions
// must run. So createElement builds element objects shaped like React's
// (with $$typeof, key, ref and defaultProps applied), createContext gives
// a Provider with _context and a Consumer as React 16 does (the Paste
// packages write to them at load time), hooks return what a first render
// would, and react-dom's render does nothing.

import (
	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/engine"
)

const reactSource = `(function () {
	"use strict";
	// Run at Setup: the intrinsics the stand-in calls are captured before
	// any plugin may replace them (see startSource).
	const uncurry = Function.prototype.bind.bind(Function.prototype.call);
	const hasOwn = uncurry(Object.prototype.hasOwnProperty), assign = Object.assign, isArray = Array.isArray;
	const push = uncurry(Array.prototype.push), map = uncurry(Array.prototype.map), forEach = uncurry(Array.prototype.forEach);
	const bind = uncurry(Function.prototype.bind), call = uncurry(Function.prototype.call);
	// React's element and type tags, as the real package makes them, so
	// libraries that test $$typeof (react-is, Paste, emotion) see what they
	// expect.
	const symbolFor = Symbol.for;
	const tag = (name) => symbolFor("react." + name);
	const ELEMENT = tag("element"), PROVIDER = tag("provider"), CONTEXT = tag("context"),
		FORWARD_REF = tag("forward_ref"), MEMO = tag("memo"), LAZY = tag("lazy");
	const Fragment = tag("fragment"), StrictMode = tag("strict_mode"), Profiler = tag("profiler"),
		Suspense = tag("suspense");
	const reserved = { key: true, ref: true, __self: true, __source: true };
	// element is an element of type: props with config's own keys on top
	// (key and ref taken out) and children, as createElement and
	// cloneElement make them.
	function element(type, props, key, ref, config, children) {
		if (config != null) {
			if (config.ref !== undefined) ref = config.ref;
			if (config.key !== undefined) key = "" + config.key;
			for (const k in config) if (hasOwn(config, k) && !reserved[k]) props[k] = config[k];
		}
		if (children.length === 1) props.children = children[0];
		else if (children.length > 1) props.children = children;
		return { $$typeof: ELEMENT, type, key, ref, props, _owner: null };
	}
	function createElement(type, config, ...children) {
		const el = element(type, {}, null, null, config, children);
		if (type && type.defaultProps) {
			for (const k in type.defaultProps) if (el.props[k] === undefined) el.props[k] = type.defaultProps[k];
		}
		return el;
	}
	const jsx = (type, props, key) => {
		const config = assign({}, props);
		if (key !== undefined) config.key = key;
		const children = config.children;
		delete config.children;
		const el = createElement(type, config);
		if (children !== undefined) el.props.children = children;
		return el;
	};
	const isValidElement = (x) => typeof x === "object" && x !== null && x.$$typeof === ELEMENT;
	const cloneElement = (el, config, ...children) => element(el.type, assign({}, el.props), el.key, el.ref, config, children);

	class Component {
		constructor(props, context) { this.props = props; this.context = context; this.refs = {}; this.state = this.state || {}; }
		setState(update, callback) {
			assign(this.state, typeof update === "function" ? update(this.state, this.props) : update);
			if (typeof callback === "function") callback();
		}
		forceUpdate(callback) { if (typeof callback === "function") callback(); }
	}
	Component.prototype.isReactComponent = {};
	class PureComponent extends Component {}
	PureComponent.prototype.isPureReactComponent = true;

	function createContext(defaultValue) {
		const context = { $$typeof: CONTEXT, _currentValue: defaultValue, _currentValue2: defaultValue, _threadCount: 0,
			Provider: null, Consumer: null, displayName: undefined };
		context.Provider = { $$typeof: PROVIDER, _context: context };
		context.Consumer = context;
		return context;
	}
	const flatten = (children, out) => {
		if (children === null || children === undefined || typeof children === "boolean") return out;
		if (isArray(children)) { for (let i = 0; i < children.length; i++) flatten(children[i], out); return out; }
		push(out, children);
		return out;
	};
	const Children = {
		map: (children, fn, thisArg) => (children == null ? children : map(flatten(children, []), (c, i) => call(fn, thisArg, c, i))),
		forEach: (children, fn, thisArg) => { forEach(flatten(children, []), (c, i) => call(fn, thisArg, c, i)); },
		count: (children) => flatten(children, []).length,
		toArray: (children) => flatten(children, []),
		only: (children) => {
			if (!isValidElement(children)) throw new Error("React.Children.only expected to receive a single React element child.");
			return children;
		},
	};
	// Hooks outside a render: what the first render would give.
	const react = {
		Fragment, StrictMode, Profiler, Suspense, Component, PureComponent, Children,
		createElement, cloneElement, isValidElement, createContext,
		createFactory: (type) => bind(createElement, null, type),
		createRef: () => ({ current: null }),
		forwardRef: (render) => ({ $$typeof: FORWARD_REF, render }),
		memo: (type, compare) => ({ $$typeof: MEMO, type, compare: compare === undefined ? null : compare }),
		lazy: (ctor) => ({ $$typeof: LAZY, _payload: { _status: -1, _result: ctor }, _init: (p) => p._result }),
		useState: (init) => [typeof init === "function" ? init() : init, () => {}],
		useReducer: (reducer, arg, init) => [init ? init(arg) : arg, () => {}],
		useEffect: () => {}, useLayoutEffect: () => {}, useInsertionEffect: () => {},
		useMemo: (f) => f(), useCallback: (f) => f, useRef: (current) => ({ current }),
		useContext: (ctx) => (ctx ? ctx._currentValue : undefined),
		useImperativeHandle: () => {}, useDebugValue: () => {},
		useId: (() => { let n = 0; return () => ":r" + (n++).toString(32) + ":"; })(),
		useTransition: () => [false, (f) => f()], useDeferredValue: (v) => v,
		useSyncExternalStore: (subscribe, getSnapshot) => getSnapshot(),
		startTransition: (f) => f(),
		version: "16.5.2",
	};
	react.default = react;
	const jsxRuntime = { jsx, jsxs: jsx, jsxDEV: jsx, Fragment };
	const dom = {
		render: (el, container, callback) => { if (typeof callback === "function") callback(); return null; },
		hydrate: () => null,
		createPortal: (children, container, key) => ({ $$typeof: tag("portal"), key: key == null ? null : "" + key, children, containerInfo: container }),
		findDOMNode: () => null, unmountComponentAtNode: () => false,
		flushSync: (f) => (f ? f() : undefined), unstable_batchedUpdates: (f, a) => f(a),
		createRoot: () => ({ render: () => {}, unmount: () => {} }),
		version: react.version,
	};
	dom.default = dom;
	return { react, jsxRuntime, dom };
})`

// reactModules are the shared instances (React has no per-plugin state).
type reactModules struct{ react, jsxRuntime, dom goja.Value }

func (h *Host) reactModule(v *engine.VM, name string) goja.Value {
	if h.react == nil {
		factory, ok := goja.AssertFunction(mustRun(v.Runtime(), reactProgram()))
		if !ok {
			panic("jsapi: react factory is not a function")
		}
		mods, err := factory(goja.Undefined())
		if err != nil {
			panic(err)
		}
		o := mods.(*goja.Object)
		h.react = &reactModules{react: o.Get("react"), jsxRuntime: o.Get("jsxRuntime"), dom: o.Get("dom")}
	}
	switch name {
	case "react/jsx-runtime", "react/jsx-dev-runtime":
		return h.react.jsxRuntime
	case "react-dom", "react-dom/client":
		return h.react.dom
	}
	return h.react.react
}
