package plugins_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/plugins"
)

// A plugin's timers belong to it even when set after an await (from a job
// that is not the plugin's): unloading the plugin clears them, so the
// engine can go idle.
func TestPluginTimersAreOwned(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := `export default async function () {
		await Promise.resolve();
		setInterval(() => {}, 5);
		flex.Actions.addListener("beforeX", () => {});
	}`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "ticker.js"), []byte(src), 0o644))
	e := flexruntest.New(t, flexruntest.Options{})
	found, err := plugins.Discover(dir)
	require.NoError(t, err)
	gens, errs := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{}).LoadAll(context.Background(), found)
	require.Empty(t, errs)
	require.Len(t, gens, 1)
	assert.Equal(t, map[string]int{"listener": 1}, gens[0].Counts)

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	assert.ErrorIs(t, e.Wait(ctx), context.DeadlineExceeded, "the interval keeps the engine busy")

	n, err := e.Unload(context.Background(), gens[0].Owner)
	require.NoError(t, err)
	assert.Equal(t, 2, n, "the listener and the interval")
	assert.NoError(t, e.Wait(context.Background()))
	assert.Equal(t, engine.Owner{Name: found[0].Name, Generation: 1}, gens[0].Owner)
}
