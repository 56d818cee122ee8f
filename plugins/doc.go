// Package plugins finds, transpiles, loads and hot-reloads Twilio Flex UI
// plugins for the engine. Build bundles one plugin entry file (JS, TS,
// JSX, TSX; ES module or CommonJS) with esbuild into a Bundle, whose Code is a
// single JS function expression that the engine compiles once with goja:
//
//	b, err := plugins.Build("src/index.ts")
//	if err != nil {
//		var ce *plugins.CompileError
//		if errors.As(err, &ce) {
//			fmt.Print(ce.Render(cwd)) // file:line:col, code frame, notes
//		}
//		return err
//	}
//	prog, err := b.Compile() // goja's own syntax errors: a *CompileError too
//	// Run prog to get the function, then call it, on the loop:
//	//   fn(undefined, __flexrun_require, __flexrun_exports, flex, ...) -> Promise
//
// # The bundle function
//
// Code evaluates to
//
//	(async function (__flexrun_require, __flexrun_exports, flex, Twilio, setTimeout, setInterval, clearTimeout, clearInterval, window, self, globalThis) { ... })
//
// Calling it runs the plugin module once and returns a Promise that settles
// when the module's top-level code, top-level await included, has finished;
// it rejects with the module's uncaught error. The first two arguments are
// the engine's hooks for this plugin:
//
//   - __flexrun_require(specifier) returns the host's object for a host
//     module (HostModule reports which specifiers are; subpaths such as
//     "react/jsx-runtime" are passed as written). It is called once per
//     specifier per call of the bundle function, when the first module that
//     imports it runs. What the plugin sees for each import form is documented
//     on HostModules.
//   - __flexrun_exports(namespace) receives the entry module's namespace
//     object (its exports, as getters; "default" for CommonJS entries) after
//     the module's top-level code has finished, just before the Promise
//     fulfils. It is not called when the module throws.
//
// The others are what the plugin's free references to those globals reach,
// so that they are the plugin's own (jsapi.Host.Run passes them): flex and
// Twilio (Twilio.Flex is flex), its @twilio/flex-ui module instance, which
// stamps its owner on what it registers; setTimeout, setInterval,
// clearTimeout and clearInterval, whose timers are the plugin's wherever
// they are set from; and window, self and globalThis, one object: a view
// of the page's global object whose flex, Twilio and timer functions are
// the plugin's, and whose other properties are the page's, shared by every
// plugin and the script. What a plugin writes to it is taken out again
// when the plugin is unloaded. Code that is not a plugin (the CLI script)
// gets the page's own global object as window.
//
// Code ends with an inline source map, which goja applies when it compiles the
// program: stack frames, and goja's own syntax errors, then name the original
// file by its absolute path, with its 1-based line and column. The virtual
// modules appear as "flexrun:entry" and "flexrun-host:<specifier>". The map is
// written for goja and only for goja: its columns are 1-based, because goja
// looks positions up by 1-based column and prints what it finds.
//
// # Syntax
//
// goja runs ES2022 and most of what follows it. esbuild lowers what goja
// cannot parse: async generators and "for await" (goja has no
// Symbol.asyncIterator; esbuild's helpers fall back to
// Symbol.for("Symbol.asyncIterator")), "using" declarations, decorators and
// the "d" and "v" regular expression flags (a "new RegExp" call that throws
// when it runs). import.meta becomes an empty object. A known gap: goja
// rejects "super" in a class field initializer (`x = super.y()`), and esbuild
// leaves class fields to goja.
//
// JSX is the classic transform, React.createElement and React.Fragment, also
// in .js files; React must be imported where JSX is used. A tsconfig.json next
// to the plugin is honoured as esbuild honours it: with "jsx": "react-jsx" the
// plugin asks the host for "react/jsx-runtime" instead.
//
// # REPL
//
// REPL evaluates what `flexrun dev` reads from stdin: lines of JavaScript
// (top-level await and host-module imports allowed) run as the CLI script,
// printed like Node's REPL prints them, and dot-commands (.invoke, .actions,
// .listeners, .reload, .trace, .help, .exit). The CLI only feeds it lines.
//
// # Concurrency
//
// Build keeps no state between calls and may be called from any goroutine.
//
// # Errors
//
// Build returns a *CompileError for everything esbuild reports (syntax errors,
// imports that do not resolve), with every error as a Diagnostic: absolute
// file, 1-based line and column, the line's text and notes.
// Diagnostic.Render formats one for a terminal with a code frame. A missing
// entry file is an error wrapping the os error, so errors.Is(err,
// fs.ErrNotExist) works.
//
// # Loading and reloading
//
// A Loader runs plugins in an engine as generations: each evaluation of a
// plugin gets an owner of its own ({Name, Generation}), so that everything it
// registers, schedules or sets on window goes in one engine.Unload. Reload
// builds first and keeps the old generation on a compile error; a start
// that fails brings the last good program back as a fresh generation.
//
// A Watcher keeps the plugins of some directories loaded. It takes changes
// from a ChangeSource (WatchDirs: fsnotify, recursive; tests use a fake),
// batches a burst of them (WatchOptions.Debounce), rescans the directories
// and reloads each plugin whose bundle read a changed file, in sorted order:
//
//	src, err := plugins.WatchDirs("plugins")
//	defer src.Close()
//	w := plugins.NewWatcher(plugins.NewLoader(e, h, plugins.LoaderOptions{}),
//		[]string{"plugins"}, src, plugins.WatchOptions{OnEvent: func(ev plugins.Event) {
//			if ok, is := ev.(plugins.ReloadSucceeded); is {
//				log.Printf("%s gen %d in %s", ok.Plugin.Name, ok.Generation, ok.Duration)
//			}
//		}})
//	w.Load(ctx)
//	go w.Run(ctx)
package plugins
