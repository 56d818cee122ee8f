// process, as a Flex plugin bundle sees it: process.env holds the world's
// env (the file's "env", the project's .env files) and NODE_ENV, one live
// object that every plugin and the script share; webpack would inline the
// values at build time, flexrun reads them when the code runs.
(function (w) {
	"use strict";
	const {
		ObjectAssign, QueueMicrotask, ReflectApply,
	} = w.primordials;
	const env = ObjectAssign({ NODE_ENV: "development" }, w.seed.env);
	w.process = {
		env,
		browser: true,
		title: "browser",
		argv: [],
		version: "",
		versions: {},
		platform: "browser",
		cwd: () => "/",
		nextTick: (fn, ...args) => QueueMicrotask(() => ReflectApply(fn, undefined, args)),
	};
})
