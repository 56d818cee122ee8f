// Package flexruntest starts flexrun engines in tests, the way net/http/httptest
// starts servers: an engine with the full JavaScript surface, closed by
// t.Cleanup, whose console output is collected.
//
//	func TestMyPlugin(t *testing.T) {
//		e := flexruntest.New(t, flexruntest.Options{})
//		res := e.RunScript(`
//			import { Actions } from "@twilio/flex-ui";
//			Actions.registerAction("Hi", (p) => console.log("hi", p.name));
//			await Actions.invokeAction("Hi", { name: "Ada" });
//		`)
//		if res.Err != nil || res.Stdout != "hi Ada\n" { t.Fatal(res) }
//	}
package flexruntest
