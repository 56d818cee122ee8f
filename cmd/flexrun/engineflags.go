package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/jsapi"
)

// engineFlags are the flags run and dev share: the plugins and how the
// engine that runs them behaves.
type engineFlags struct {
	dirs    dirList
	trace   bool
	confirm string
	budget  time.Duration
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
}

// valid reports bad values on stderr.
func (f *engineFlags) valid(cmd string, stderr io.Writer) bool {
	if f.confirm != "yes" && f.confirm != "no" {
		fmt.Fprintf(stderr, "flexrun %s: --confirm wants yes or no, not %q\n", cmd, f.confirm)
		return false
	}
	return true
}

// start returns an engine with the JavaScript surface: console on stdout
// and stderr, confirm() answering --confirm, the trace (when --trace) and
// the engine's own reports on stderr with paths relative to the working
// directory.
func (f *engineFlags) start(stdout, stderr io.Writer, onUncaught func(*engine.UncaughtError)) (*engine.Engine, *jsapi.Host, error) {
	eopts := engine.Options{
		Log:        relativePaths{stderr},
		JobBudget:  f.budget,
		OnUncaught: onUncaught,
	}
	if f.trace {
		eopts.Trace = relativePaths{stderr}
	}
	answer := f.confirm == "yes"
	return jsapi.New(jsapi.Options{
		Stdout:  stdout,
		Stderr:  stderr,
		Confirm: func(string) bool { return answer },
	}, eopts)
}
