// The react stand-in, where plugins and the libraries they load touch it
// at load time (nothing renders).
import * as React from "react";
import ReactDOM from "react-dom";
import { assert } from "../assert.js";

const Ctx = React.createContext({ theme: "light" });
assert.sameValue(Ctx.Provider._context, Ctx, "Provider._context, as Paste writes it");
assert.sameValue(Ctx.Consumer, Ctx, "React 16: the Consumer is the context");
assert.sameValue(Ctx.$$typeof, Symbol.for("react.context"));
Ctx.displayName = "ThemeContext";
assert.deepEqual(React.useContext(Ctx), { theme: "light" });

class Greeting extends React.Component<{ name?: string }> {
  static defaultProps = { name: "you" };
  render() { return <b>hi {this.props.name}</b>; }
}
const el = <Greeting key="g" ref={null} />;
assert.sameValue(el.$$typeof, Symbol.for("react.element"));
assert.deepEqual([el.key, el.props.name], ["g", "you"], "key split out, defaultProps applied");
assert.ok(React.isValidElement(el) && !React.isValidElement({}));
assert.ok(Greeting.prototype.isReactComponent, "class components are recognisable");
const clone = React.cloneElement(el, { name: "Ada" });
assert.deepEqual([clone.key, clone.props.name], ["g", "Ada"]);

const Fwd = React.forwardRef((props, ref) => <i ref={ref} />);
assert.sameValue(Fwd.$$typeof, Symbol.for("react.forward_ref"));
const Memo = React.memo(Greeting);
assert.deepEqual([Memo.$$typeof, Memo.type], [Symbol.for("react.memo"), Greeting]);

const list = <ul>{["a", "b"].map((x) => <li key={x}>{x}</li>)}{null}{false}</ul>;
assert.sameValue(React.Children.count(list.props.children), 2);
assert.deepEqual(React.Children.map(list.props.children, (c: any) => c.key), ["a", "b"]);
assert.throws(Error, () => React.Children.only(list.props.children));

const [state] = React.useState(() => 3);
assert.sameValue(state, 3);
assert.deepEqual(React.useReducer((s: number) => s, 1, (n: number) => n + 1)[0], 2);
assert.sameValue(React.useMemo(() => 5, []), 5);
assert.sameValue(React.useRef(7).current, 7);
assert.sameValue(typeof React.useId(), "string");
const frag = <><span /></>;
assert.sameValue(frag.type, React.Fragment);
assert.sameValue(ReactDOM.render(el, null), null);
assert.sameValue(ReactDOM.createPortal(el, null).children, el);
