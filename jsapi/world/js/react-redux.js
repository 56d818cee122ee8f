// react-redux's API over Flex's store, for plugin projects without their
// own copy (Flex hosts one for every plugin). Nothing renders: connect and
// the hooks read manager.store when called, as a first render would.
(function (w) {
	"use strict";
	const {
		ArrayPrototypeEvery, ObjectAssign, ObjectIs, ObjectKeys, ObjectPrototypeHasOwnProperty,
	} = w.primordials;
	const React = w.React;
	const ReactReduxContext = React.createContext(null);
	const storeOf = () => w.store;
	const shallowEqual = (a, b) => {
		if (ObjectIs(a, b)) return true;
		if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
		const ka = ObjectKeys(a), kb = ObjectKeys(b);
		return ka.length === kb.length && ArrayPrototypeEvery(ka, (k) => ObjectPrototypeHasOwnProperty(b, k) && ObjectIs(a[k], b[k]));
	};
	function connect(mapState, mapDispatch, mergeProps) {
		return function wrap(Component) {
			const name = (Component && (Component.displayName || Component.name)) || "Component";
			function Connect(props) {
				const store = storeOf();
				const stateProps = typeof mapState === "function" ? mapState(store.getState(), props) : {};
				let dispatchProps = { dispatch: store.dispatch };
				if (typeof mapDispatch === "function") dispatchProps = mapDispatch(store.dispatch, props);
				else if (mapDispatch && typeof mapDispatch === "object") dispatchProps = w.redux.bindActionCreators(mapDispatch, store.dispatch);
				const merged = mergeProps ? mergeProps(stateProps, dispatchProps, props) : ObjectAssign({}, props, stateProps, dispatchProps);
				return React.createElement(Component, merged);
			}
			Connect.displayName = "Connect(" + name + ")";
			Connect.WrappedComponent = Component;
			return Connect;
		};
	}
	const Provider = function Provider(props) { return props.children; };
	const reactRedux = {
		Provider, connect, ReactReduxContext, shallowEqual,
		useSelector: (selector) => selector(storeOf().getState()),
		useDispatch: () => storeOf().dispatch,
		useStore: storeOf,
		batch: (fn) => fn(),
		connectAdvanced: () => (C) => C,
	};
	reactRedux.default = reactRedux;
	w.reactRedux = reactRedux;
})
