package plugins_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/plugins"
)

// fakeReact is a package that counts how often its module body runs.
const fakeReact = `
globalThis.reactLoads = (globalThis.reactLoads || 0) + 1;
exports.version = "project's";
exports.createElement = (type, props) => ({ type, props });
`

// Every plugin, and the script, get one instance of a shared package: the
// project's copy, run once however many plugins import it; react-dom's own
// import of react is that instance too.
func TestSharedPackagesOneInstance(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"node_modules/react/index.js":     fakeReact,
		"node_modules/react-dom/index.js": `exports.react = require("react");`,
		"plugins/a.js":                    `import React from "react"; window.fromA = React;`,
		"plugins/b.tsx":                   `import * as React from "react"; import { react } from "react-dom"; window.fromB = [React, react]; export const el = <b />;`,
		"script.js": `import React from "react";
console.log(React.version, reactLoads, fromA === React, fromB[0].createElement === React.createElement, fromB[1] === React);`,
	})
	e := flexruntest.New(t, flexruntest.Options{})
	found, err := plugins.Discover(filepath.Join(dir, "plugins"))
	require.NoError(t, err)
	_, errs := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{}).LoadAll(context.Background(), found)
	require.Empty(t, errs)
	res := e.RunFile(filepath.Join(dir, "script.js"))
	require.NoError(t, res.Err, res.String())
	require.Equal(t, "project's 1 true true true\n", res.Stdout)
}

// Without a copy of its own, a project gets the host's stand-in; once it
// has served, a later project's copy is not taken (one React per engine).
func TestSharedPackagesStandInFirst(t *testing.T) {
	t.Parallel()
	bare := writeTree(t, map[string]string{"plugins/a.js": `import React from "react"; window.fromA = React;`})
	own := writeTree(t, map[string]string{
		"node_modules/react/index.js": fakeReact,
		"plugins/b.js":                `import React from "react"; window.fromB = React;`,
	})
	e := flexruntest.New(t, flexruntest.Options{})
	found, err := plugins.Discover(filepath.Join(bare, "plugins"), filepath.Join(own, "plugins"))
	require.NoError(t, err)
	_, errs := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{}).LoadAll(context.Background(), found)
	require.Empty(t, errs)
	res := e.RunScript(`console.log(fromA === fromB, fromA.version, typeof reactLoads);`)
	require.NoError(t, res.Err, res.String())
	require.Equal(t, "true 16.5.2 undefined\n", res.Stdout)
}

// A shared package that does not bundle fails the plugin that imports it,
// naming the package.
func TestSharedPackageBroken(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"node_modules/redux/index.js": `export const createStore = ;`,
		"plugins/a.js":                `import { createStore } from "redux";`,
	})
	e := flexruntest.New(t, flexruntest.Options{})
	found, err := plugins.Discover(filepath.Join(dir, "plugins"))
	require.NoError(t, err)
	_, errs := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{}).LoadAll(context.Background(), found)
	require.Len(t, errs, 1)
	require.ErrorContains(t, errs[0], "shared package redux")
	require.ErrorContains(t, errs[0], "node_modules/redux/index.js")
}

// Twilio.Flex is one object, as on the page: what one plugin sets on it
// another sees, through its import or its window; each plugin's Actions
// still stamps its own registrations.
func TestTwilioFlexIsThePages(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"plugins/a.js": `Twilio.Flex.CrmBaseUrl = "https://crm.example.com";
import { Actions } from "@twilio/flex-ui"; Actions.registerAction("Lookup", () => "a's body");`,
		"plugins/b.js": `import { CrmBaseUrl, Actions } from "@twilio/flex-ui";
window.seen = [CrmBaseUrl, window.Twilio.Flex.CrmBaseUrl];
Actions.addListener("beforeLookup", () => {});`,
	})
	e := flexruntest.New(t, flexruntest.Options{})
	gens := e.LoadPlugins(filepath.Join(dir, "plugins"))
	require.Len(t, gens, 2)
	res := e.RunScript(`import { Actions } from "@twilio/flex-ui";
console.log(seen.join(" "), Twilio.Flex.CrmBaseUrl, await Actions.invokeAction("Lookup"));`)
	require.NoError(t, res.Err, res.String())
	require.Equal(t, "https://crm.example.com https://crm.example.com https://crm.example.com a's body\n", res.Stdout)
	regs, err := e.Registrations(context.Background(), gens[1].Owner)
	require.NoError(t, err)
	require.Len(t, regs, 1, "b's listener is b's")
}
