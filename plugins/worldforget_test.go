package plugins_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/plugins"
)

// What a plugin did to the world goes with it: after a reload, the new
// generation's listeners, reducer, notifications and components are there
// once, and none of the old one's; after an unload, none.
func TestReloadForgetsWhatThePluginDidToTheWorld(t *testing.T) {
	t.Parallel()
	src := func(tag string) string {
		return `import * as React from "react";
import { Manager, Notifications, TaskCanvasTabs } from "@twilio/flex-ui";
import { world } from "flexrun";
export default async function (flex, manager) {
  await world.settle(); // resumed by a job of no owner, as after a fetch

  manager.workerClient.on("activityUpdated", () => console.log("` + tag + ` heard activityUpdated"));
  manager.store.addReducer("` + tag + `", (s = {}) => s);
  manager.store.subscribe(() => {});
  Notifications.registerNotification({ id: "` + tag + `", content: "x" });
  TaskCanvasTabs.Content.add(React.createElement("b", { key: "` + tag + `" }));
}`
	}
	dir := writeTree(t, map[string]string{"plugins/p.js": src("v1")})
	e := flexruntest.New(t, flexruntest.Options{})
	found, err := plugins.Discover(filepath.Join(dir, "plugins"))
	require.NoError(t, err)
	l := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{})
	_, errs := l.LoadAll(context.Background(), found)
	require.Empty(t, errs)
	probe := `import { Actions, Manager, Notifications, TaskCanvasTabs } from "@twilio/flex-ui";
const m = Manager.getInstance();
await Actions.invokeAction("SetActivity", { activityName: m.workerClient.activity.name === "Break" ? "Available" : "Break" });
await null;
console.log(Object.keys(m.store.getState()).join(), [...Notifications.registeredNotifications.keys()].join(),
  TaskCanvasTabs.Content.children.map((c) => c.key).join(), m.workerClient.listenerCount("activityUpdated"));`

	res := e.RunScript(probe)
	require.NoError(t, res.Err, res.String())
	require.Equal(t, "v1 heard activityUpdated\nflex,v1 MessageSizeExceeded,v1 v1 1\n", res.Stdout)

	require.NoError(t, os.WriteFile(filepath.Join(dir, "plugins/p.js"), []byte(src("v2")), 0o644))
	_, err = l.Reload(context.Background(), found[0])
	require.NoError(t, err)
	res = e.RunScript(probe)
	require.NoError(t, res.Err, res.String())
	require.Equal(t, "v2 heard activityUpdated\nflex,v2 MessageSizeExceeded,v2 v2 1\n", res.Stdout)

	require.True(t, l.Unload(found[0].Name))
	res = e.RunScript(probe)
	require.NoError(t, res.Err, res.String())
	require.Equal(t, "flex MessageSizeExceeded  0\n", res.Stdout)
}
