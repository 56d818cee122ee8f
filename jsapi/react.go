package jsapi

// react and react-dom as host modules. flexrun renders nothing, but the
// Flex plugin template's components import React, and plugins pass
// elements to Flex's component APIs; a plugin must load and its actions
// must run. So createElement builds plain element objects, hooks return
// their initial state, and react-dom's render does nothing.

import (
	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/engine"
)

const reactSource = `(function () {
	const Fragment = Symbol.for("react.fragment");
	const createElement = (type, props, ...children) =>
		({ $$typeof: Symbol.for("react.element"), type, key: props && props.key != null ? String(props.key) : null,
		   props: Object.assign({}, props, children.length ? { children: children.length === 1 ? children[0] : children } : {}) });
	class Component {
		constructor(props) { this.props = props; this.state = {}; }
		setState(update) { Object.assign(this.state, typeof update === "function" ? update(this.state, this.props) : update); }
		forceUpdate() {}
	}
	class PureComponent extends Component {}
	const jsx = (type, props, key) => createElement(type, key === undefined ? props : Object.assign({ key }, props));
	const react = {
		Fragment, Component, PureComponent, createElement,
		cloneElement: (el, props) => Object.assign({}, el, { props: Object.assign({}, el.props, props) }),
		isValidElement: (x) => !!x && x.$$typeof === Symbol.for("react.element"),
		createContext: (value) => ({ Provider: "Context.Provider", Consumer: "Context.Consumer", _currentValue: value }),
		createRef: () => ({ current: null }),
		forwardRef: (render) => ({ render }), memo: (c) => c, lazy: (f) => f,
		useState: (init) => [typeof init === "function" ? init() : init, () => {}],
		useReducer: (r, init) => [init, () => {}],
		useEffect: () => {}, useLayoutEffect: () => {},
		useMemo: (f) => f(), useCallback: (f) => f, useRef: (current) => ({ current }),
		useContext: (ctx) => ctx && ctx._currentValue,
		Children: { map: (c, f) => [].concat(c == null ? [] : c).map(f), toArray: (c) => [].concat(c == null ? [] : c) },
		version: "16.5.2",
	};
	react.default = react;
	const jsxRuntime = { jsx, jsxs: jsx, Fragment };
	const dom = { render: () => {}, createPortal: (el) => el, findDOMNode: () => null, unmountComponentAtNode: () => false };
	dom.default = dom;
	return { react, jsxRuntime, dom };
})`

// reactModules are the shared instances (React has no per-plugin state).
type reactModules struct{ react, jsxRuntime, dom goja.Value }

func (h *Host) reactModule(v *engine.VM, name string) goja.Value {
	if h.react == nil {
		factory, ok := goja.AssertFunction(mustCompile(v.Runtime(), "flexrun:react", reactSource))
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
