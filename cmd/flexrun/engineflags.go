package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"strings"
	"time"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/jsapi"
	"github.com/flexrun/flexrun/jsapi/world"
)

// engineFlags are the flags run and dev share: the plugins and how the
// engine that runs them behaves.
type engineFlags struct {
	dirs    dirList
	trace   bool
	confirm string
	budget  time.Duration
	world   string // --world FILE
	virtual bool   // --virtual-time
	offline bool   // --offline
	profile string // --profile: which .<profile>.env to read

	w *world.World // made by valid
}

// dirList is a repeatable --plugins flag.
type dirList []string

func (d *dirList) String() string     { return strings.Join(*d, ",") }
func (d *dirList) Set(v string) error { *d = append(*d, v); return nil }

func (f *engineFlags) register(fs *flag.FlagSet, pluginsUsage string) {
	fs.Var(&f.dirs, "plugins", pluginsUsage)
	fs.BoolVar(&f.trace, "trace", false, "print every invocation step and registration on stderr")
	fs.StringVar(&f.confirm, "confirm", "yes", "what confirm() answers: `yes|no`")
	fs.DurationVar(&f.budget, "job-budget", 10*time.Second, "interrupt JavaScript that runs longer than this without yielding")
	fs.StringVar(&f.world, "world", "", "seed the headless Flex world from the JSON `FILE`")
	fs.BoolVar(&f.virtual, "virtual-time", false, "run timers on a virtual clock: they fire in time order as soon as nothing else is left, without waiting")
	fs.BoolVar(&f.offline, "offline", false, "fetch answers only from the world's http list; any other request fails")
	fs.StringVar(&f.profile, "profile", "", "also read .`NAME`.env after .env (from the current directory, as Flex's tooling does)")
}

// valid reports bad values on stderr.
func (f *engineFlags) valid(cmd string, stderr io.Writer) bool {
	if f.confirm != "yes" && f.confirm != "no" {
		fmt.Fprintf(stderr, "flexrun %s: --confirm wants yes or no, not %q\n", cmd, f.confirm)
		return false
	}
	w, err := f.loadWorld(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "flexrun %s: %v\n", cmd, err)
		return false
	}
	f.w = w
	return true
}

// loadWorld makes the world from --world and what Flex's tooling reads
// from the plugin project in the current directory (.env files,
// public/appConfig.js); the world file's own env and appConfig win.
func (f *engineFlags) loadWorld(stderr io.Writer) (*world.World, error) {
	file := world.Defaults()
	if f.world != "" {
		var err error
		if file, err = world.ReadFile(f.world); err != nil {
			var fe *world.FileError
			if !errors.As(err, &fe) {
				err = fmt.Errorf("--world: %w", err)
			}
			return nil, err
		}
	}
	project, err := world.ReadProject(".", f.profile, func(msg string) { fmt.Fprintf(stderr, "flexrun: %s\n", msg) })
	if err != nil {
		return nil, err
	}
	file.Env = merged(project.Env, file.Env)
	file.AppConfig = merged(project.AppConfig, file.AppConfig)
	if file.Clock == "virtual" {
		f.virtual = true
	}
	return world.New(file), nil
}

// merged is base with over's keys on top; nil when both are empty.
func merged[V any](base, over map[string]V) map[string]V {
	if len(base) == 0 {
		return over
	}
	out := maps.Clone(base)
	maps.Copy(out, over)
	return out
}

// start returns an engine with the JavaScript surface: console on stdout
// and stderr, confirm() answering --confirm, the trace (when --trace) and
// the engine's own reports on stderr with paths relative to the working
// directory.
func (f *engineFlags) start(stdout, stderr io.Writer, onUncaught func(*engine.UncaughtError)) (*engine.Engine, *jsapi.Host, error) {
	eopts := engine.Options{
		Log:         engineLog{stderr},
		JobBudget:   f.budget,
		OnUncaught:  onUncaught,
		VirtualTime: f.virtual,
	}
	if f.trace {
		eopts.Trace = relativePaths{stderr}
	}
	answer := f.confirm == "yes"
	return jsapi.New(jsapi.Options{
		Stdout:  stdout,
		Stderr:  stderr,
		Confirm: func(string) bool { return answer },
		World:   f.w,
		Offline: f.offline,
	}, eopts)
}
