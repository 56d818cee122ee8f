// redux and react-redux for a plugin project without its own copies (Flex
// hosts them): Redux's contract, and react-redux over manager.store.
import { applyMiddleware, bindActionCreators, combineReducers, compose, createStore } from "redux";
import { connect, Provider, useDispatch, useSelector, useStore } from "react-redux";
import * as React from "react";
import { Manager } from "@twilio/flex-ui";
import { assert } from "../../../testdata/assert.js";

const counter = (state = 0, action) => (action.type === "INC" ? state + (action.by || 1) : state);
const reducer = combineReducers({ counter, label: (s = "x") => s });
const log = [];
const logger = (api) => (next) => (action) => { log.push(action.type + "@" + api.getState().counter); return next(action); };
const store = createStore(reducer, { counter: 5 }, compose(applyMiddleware(logger)));
assert.deepEqual(store.getState(), { counter: 5, label: "x" });
const unsubscribe = store.subscribe(() => log.push("heard"));
store.dispatch({ type: "INC" });
const { inc } = bindActionCreators({ inc: (by) => ({ type: "INC", by }) }, store.dispatch);
inc(10);
unsubscribe();
store.dispatch({ type: "INC" });
assert.deepEqual(log, ["INC@5", "heard", "INC@6", "heard", "INC@16"]);
assert.sameValue(store.getState().counter, 17);
const same = store.getState();
store.dispatch({ type: "OTHER" });
assert.sameValue(store.getState(), same, "combineReducers keeps the state when nothing changed");
assert.throws(Error, () => store.dispatch(() => {}), "a thunk needs middleware");
assert.throws(Error, () => createStore("not a reducer"));

// react-redux reads Flex's store, as Flex's Provider gives it.
const flexStore = Manager.getInstance().store;
flexStore.addReducer("plugin", combineReducers({ counter }));
assert.sameValue(useStore(), flexStore);
useDispatch()({ type: "INC", by: 2 });
assert.sameValue(useSelector((s) => s.plugin.counter), 2);
assert.sameValue(useSelector((s) => s.flex.worker.worker.name), "alice");
function Badge(props) { return React.createElement("span", null, props.count); }
const Connected = connect((s) => ({ count: s.plugin.counter }), { bump: () => ({ type: "INC" }) })(Badge);
assert.sameValue(Connected.displayName, "Connect(Badge)");
assert.sameValue(Connected.WrappedComponent, Badge);
const el = Connected({ own: 1 });
assert.deepEqual([el.type, el.props.count, el.props.own, typeof el.props.bump], [Badge, 2, 1, "function"]);
el.props.bump();
assert.sameValue(flexStore.getState().plugin.counter, 3);
assert.sameValue(Provider({ children: "kids" }), "kids");
