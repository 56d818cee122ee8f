package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/jsapi"
	"github.com/flexrun/flexrun/plugins"
)

func runCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f engineFlags
	f.register(fs, "load the plugins of `DIR` before the script (repeatable)")
	worldOut := fs.String("world-out", "", "write the world's final state as JSON to `FILE` when the script ends")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 1 {
		fmt.Fprint(stderr, "flexrun run: want exactly one SCRIPT\n", usage)
		return exitUsage
	}
	script := fs.Arg(0)
	if !f.valid("run", stderr) {
		return exitUsage
	}
	if _, err := os.Stat(script); err != nil {
		fmt.Fprintf(stderr, "flexrun: %v\n", err)
		return exitUsage
	}
	found, err := plugins.Discover(f.dirs...)
	if err != nil {
		fmt.Fprintf(stderr, "flexrun: %v\n", err)
		return exitUsage
	}

	// Console output is written on the engine's loop only; the writers need
	// no lock. Uncaught errors are reported once below, with the exit code.
	e, h, err := f.start(stdout, stderr, func(*engine.UncaughtError) {})
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
	if *worldOut != "" {
		if err := writeWorld(ctx, e, h, *worldOut); err != nil {
			fmt.Fprintf(stderr, "flexrun: %v\n", err)
			exit = max(exit, exitFailure)
		}
	}
	return exit
}

// writeWorld writes the world's state (world.state()) to path.
func writeWorld(ctx context.Context, e *engine.Engine, h *jsapi.Host, path string) error {
	var state []byte
	if err := e.Do(ctx, func(*engine.VM) (err error) {
		state, err = h.World().State()
		return err
	}); err != nil {
		return err
	}
	return os.WriteFile(path, state, 0o644)
}

// exitCode: 2 for what never ran (compile errors), 1 for what failed running.
func exitCode(err error) int {
	var ce *plugins.CompileError
	if errors.As(err, &ce) {
		return exitUsage
	}
	return exitFailure
}
