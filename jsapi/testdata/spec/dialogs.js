// alert, confirm and prompt print one line each on stdout (the CLI
// contract in DESIGN.md) and answer at once; expected output in
// dialogs.js.stdout. confirm answers Options.Confirm, true by default
// (a Confirm that says no is tested in dialogs_test.go).
import { assert } from "../assert.js";

assert.sameValue(alert("Task accepted"), undefined, "alert returns undefined");
window.alert("via window");
assert.sameValue(window.alert, alert, "window.alert === alert");
alert({ toString: () => "custom toString" });
alert(42);
alert();
alert(undefined);

assert.sameValue(confirm("Complete the task?"), true, "confirm defaults to yes");
assert.sameValue(window.confirm("via window"), true, "window.confirm");
assert.sameValue(window.confirm, confirm, "window.confirm === confirm");
confirm();

assert.sameValue(prompt("Your name?", "Ada"), "Ada", "prompt answers its default");
assert.sameValue(prompt("No default"), null, "prompt without a default answers null");
assert.sameValue(prompt("Number default", 7), "7", "the default is converted to a string");

assert.throws(TypeError, () => alert(Symbol("s")), "a symbol cannot be converted");
alert("multi\nline");
