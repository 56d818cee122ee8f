package plugins_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/plugins"
)

// reloadFixture is one plugin file in a temp dir, loaded into an engine.
type reloadFixture struct {
	t      *testing.T
	e      *flexruntest.Engine
	l      *plugins.Loader
	plugin plugins.Plugin
}

func newReloadFixture(t *testing.T, src string) *reloadFixture {
	return newReloadFixtureWith(t, src, plugins.LoaderOptions{})
}

func newReloadFixtureWith(t *testing.T, src string, opts plugins.LoaderOptions) *reloadFixture {
	dir := t.TempDir()
	f := &reloadFixture{t: t, e: flexruntest.New(t, flexruntest.Options{})}
	f.plugin.Entry = filepath.Join(dir, "greeter.ts")
	f.write(src)
	found, err := plugins.Discover(dir)
	require.NoError(t, err)
	require.Len(t, found, 1)
	f.plugin = found[0]
	f.l = plugins.NewLoader(f.e.Engine, f.e.Host, opts)
	_, err = f.l.Load(context.Background(), f.plugin)
	require.NoError(t, err)
	return f
}

func (f *reloadFixture) write(src string) {
	require.NoError(f.t, os.WriteFile(f.plugin.Entry, []byte(src), 0o644))
}

func (f *reloadFixture) greet() string {
	got, err := f.e.Invoke(context.Background(), "Greet", map[string]any{"name": "Ada"})
	require.NoError(f.t, err)
	return got.(string)
}

const greeterV1 = `import { Actions } from "@twilio/flex-ui";
Actions.registerAction("Greet", (p) => "hello " + p.name);
Actions.addListener("beforeGreet", (p) => { p.name = p.name.toUpperCase(); });
`

func TestReloadSwapsGenerations(t *testing.T) {
	t.Parallel()
	f := newReloadFixture(t, greeterV1)
	assert.Equal(t, "hello ADA", f.greet())

	f.write(`import { Actions } from "@twilio/flex-ui";
Actions.registerAction("Greet", (p) => "hi " + p.name);
`)
	g, err := f.l.Reload(context.Background(), f.plugin)
	require.NoError(t, err)
	assert.Equal(t, 2, g.Owner.Generation)
	assert.Equal(t, map[string]int{"action": 1}, g.Counts)
	assert.Equal(t, "hi Ada", f.greet(), "the old generation's listener is gone")
}

func TestReloadKeepsOldGenerationOnCompileError(t *testing.T) {
	t.Parallel()
	f := newReloadFixture(t, greeterV1)
	f.write("import { Actions } from \"@twilio/flex-ui\";\nActions.registerAction(\"Greet\", (p) => \"hi \" + );\n")
	_, err := f.l.Reload(context.Background(), f.plugin)
	var ce *plugins.CompileError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, 2, ce.Diagnostics[0].Line)
	assert.Equal(t, "hello ADA", f.greet(), "the last good generation keeps serving")
	assert.Equal(t, 1, f.l.Live(f.plugin.Name).Owner.Generation)
}

func TestReloadRestoresLastGoodWhenStartFails(t *testing.T) {
	t.Parallel()
	f := newReloadFixture(t, greeterV1)
	f.write(`import { Actions } from "@twilio/flex-ui";
Actions.registerAction("Greet", () => "broken");
export default function () { throw new Error("init fails"); }
`)
	_, err := f.l.Reload(context.Background(), f.plugin)
	var le *plugins.LoadError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, plugins.PhaseStart, le.Phase)
	assert.Equal(t, "hello ADA", f.greet(), "the last good generation keeps serving")
	assert.Equal(t, 1, f.l.Live(f.plugin.Name).Owner.Generation, "it never stopped: the failed start was staged")
}

func TestUnloadDeletedPlugin(t *testing.T) {
	t.Parallel()
	f := newReloadFixture(t, greeterV1)
	assert.True(t, f.l.Unload(f.plugin.Name))
	assert.False(t, f.l.Unload(f.plugin.Name))
	assert.Nil(t, f.l.Live(f.plugin.Name))
	_, err := f.e.Invoke(context.Background(), "Greet", nil)
	assert.ErrorIs(t, err, engine.ErrUnknownAction)
	regs, err := f.e.Registrations(context.Background(), engine.Owner{})
	require.NoError(t, err)
	regs = withoutBuiltins(regs)
	assert.Empty(t, regs, "the listener went with the action")
}
