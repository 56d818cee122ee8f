package plugins_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/flexruntest"
)

// A plugin that replaces the Object statics esbuild's helpers use does not
// break the start of later plugins (issue 10, item 13): the helpers read
// the functions captured at engine start.
func TestPatchedObjectStaticsDoNotBreakLaterBundles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.js"), []byte(`
for (const k of ["create", "defineProperty", "getOwnPropertyDescriptor", "getOwnPropertyNames", "getPrototypeOf"]) {
	Object[k] = () => { throw new Error("patched " + k); };
}
Object.prototype.hasOwnProperty = () => { throw new Error("patched hasOwnProperty"); };
export default function () {}
`), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.ts"), []byte(`
import { Actions } from "@twilio/flex-ui";
import * as lib from "./lib/util.cjs";
export const name = "b";
export default function init() { Actions.registerAction("B", () => "b " + lib.ok); }
`), 0o644))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "lib"), 0o755)) // no index: not a plugin
	require.NoError(t, os.WriteFile(filepath.Join(dir, "lib", "util.cjs"), []byte(`module.exports = { ok: "ok" };`), 0o644))
	e := flexruntest.New(t, flexruntest.Options{})
	assert.Len(t, e.LoadPlugins(dir), 2)
	res := e.RunScript(`console.log(await flex.Actions.invokeAction("B"));`)
	require.NoError(t, res.Err, res.Stderr)
	assert.Equal(t, "b ok\n", res.Stdout)
}
