package plugins

import "time"

// Event is what a Watcher reports to its subscriber (WatchOptions.OnEvent),
// in order: one of ReloadStarted, ReloadSucceeded, ReloadFailed,
// PluginUnloaded, WatchError.
type Event interface{ event() }

// ReloadStarted: a plugin is being (re)built and started.
type ReloadStarted struct {
	Plugin Plugin
	// Changed lists the changed files that caused the reload, sorted; empty
	// for the first load and for a reload of everything.
	Changed []string
}

// ReloadSucceeded: a new generation of the plugin is serving.
type ReloadSucceeded struct {
	Plugin     Plugin
	Generation int
	// Previous is the generation it replaced; 0 when the plugin was not
	// running (its first load, or its earlier attempts failed).
	Previous int
	// Registrations counts what the new generation registered, by kind:
	// "action", "replacement", "listener".
	Registrations map[string]int
	// Duration covers the build, the swap and the start.
	Duration time.Duration
}

// ReloadFailed: the plugin could not be (re)loaded. Err is a *LoadError:
// in phase compile, the old generation was not touched; in phase start, the
// new one was unloaded and the last good program started again.
type ReloadFailed struct {
	Plugin Plugin
	Err    error
	// Serving is the generation running now, the last good one; 0 if none.
	Serving int
}

// PluginUnloaded: the plugin's file is gone and its generation unloaded.
type PluginUnloaded struct {
	Plugin     Plugin
	Generation int
}

// WatchError: the watcher could not read a plugin directory, or the change
// source failed. Plugins keep running; the next change retries.
type WatchError struct {
	Err error
}

func (ReloadStarted) event()   {}
func (ReloadSucceeded) event() {}
func (ReloadFailed) event()    {}
func (PluginUnloaded) event()  {}
func (WatchError) event()      {}
