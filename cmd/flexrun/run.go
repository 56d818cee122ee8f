package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/jsapi"
	"github.com/flexrun/flexrun/plugins"
)

// dirList is a repeatable --plugins flag.
type dirList []string

func (d *dirList) String() string     { return strings.Join(*d, ",") }
func (d *dirList) Set(v string) error { *d = append(*d, v); return nil }

func runCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var dirs dirList
	fs.Var(&dirs, "plugins", "load the plugins of `DIR` before the script (repeatable)")
	trace := fs.Bool("trace", false, "print every invocation step and registration on stderr")
	confirm := fs.String("confirm", "yes", "what confirm() answers: `yes|no`")
	budget := fs.Duration("job-budget", 10*time.Second, "interrupt JavaScript that runs longer than this without yielding")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 1 {
		fmt.Fprint(stderr, "flexrun run: want exactly one SCRIPT\n", usage)
		return exitUsage
	}
	script := fs.Arg(0)
	if *confirm != "yes" && *confirm != "no" {
		fmt.Fprintf(stderr, "flexrun run: --confirm wants yes or no, not %q\n", *confirm)
		return exitUsage
	}
	if _, err := os.Stat(script); err != nil {
		fmt.Fprintf(stderr, "flexrun: %v\n", err)
		return exitUsage
	}
	found, err := plugins.Discover(dirs...)
	if err != nil {
		fmt.Fprintf(stderr, "flexrun: %v\n", err)
		return exitUsage
	}

	// Console output is written on the engine's loop only; the writers need
	// no lock.
	eopts := engine.Options{
		Log:        relativePaths{stderr},
		JobBudget:  *budget,
		OnUncaught: func(*engine.UncaughtError) {}, // reported once below, with the exit code
	}
	if *trace {
		eopts.Trace = relativePaths{stderr}
	}
	answer := *confirm == "yes"
	e, h, err := jsapi.New(jsapi.Options{
		Stdout:  stdout,
		Stderr:  stderr,
		Confirm: func(string) bool { return answer },
	}, eopts)
	if err != nil {
		fmt.Fprintf(stderr, "flexrun: %v\n", err)
		return exitFailure
	}
	defer e.Close()
	ctx := context.Background()

	exit := exitOK
	_, loadErrs := plugins.NewLoader(e, h, plugins.LoaderOptions{}).LoadAll(ctx, found)
	for _, err := range loadErrs {
		fmt.Fprint(stderr, render(err))
		exit = max(exit, exitCode(err))
	}
	if err := plugins.RunScript(ctx, e, h, script); err != nil {
		fmt.Fprint(stderr, render(err))
		exit = exitCode(err)
	}
	return exit
}

// exitCode: 2 for what never ran (compile errors), 1 for what failed running.
func exitCode(err error) int {
	var ce *plugins.CompileError
	if errors.As(err, &ce) {
		return exitUsage
	}
	return exitFailure
}
