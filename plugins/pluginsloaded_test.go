package plugins_test

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/flexruntest"
)

// Once every plugin has started, Flex's manager.events emits
// "pluginsLoaded", once; plugins that wait for the others set up there.
func TestLoadAllEmitsPluginsLoaded(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"plugins/a.js": `export default (flex, manager) => manager.events.on("pluginsLoaded", () => console.log("a heard it; b is", typeof window.b));`,
		"plugins/b.js": `window.b = "loaded";`,
	})
	e := flexruntest.New(t, flexruntest.Options{})
	e.LoadPlugins(filepath.Join(dir, "plugins"))
	require.Equal(t, "a heard it; b is string\n", e.Stdout())
}
