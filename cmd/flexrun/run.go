package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/jsapi"
	"github.com/flexrun/flexrun/plugins"
)

func runCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 1 {
		fmt.Fprint(stderr, "flexrun run: want exactly one SCRIPT\n", usage)
		return exitUsage
	}
	script := fs.Arg(0)
	if _, err := os.Stat(script); err != nil {
		fmt.Fprintf(stderr, "flexrun: %v\n", err)
		return exitUsage
	}

	// Console output is written on the engine's loop only; the writers need
	// no lock.
	out, errOut := stdout, stderr
	e, h, err := jsapi.New(jsapi.Options{Stdout: out, Stderr: errOut}, engine.Options{
		OnUncaught: func(*engine.UncaughtError) {}, // reported once below, with the exit code
	})
	if err != nil {
		fmt.Fprintf(errOut, "flexrun: %v\n", err)
		return exitFailure
	}
	defer e.Close()

	err = plugins.RunScript(context.Background(), e, h, script)
	var ce *plugins.CompileError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ce):
		fmt.Fprint(errOut, renderCompileError(ce))
		return exitUsage
	default:
		fmt.Fprintln(errOut, renderError(err))
		return exitFailure
	}
}

func renderCompileError(ce *plugins.CompileError) string {
	cwd, _ := os.Getwd()
	var b strings.Builder
	for _, d := range ce.Diagnostics {
		b.WriteString(d.Render(cwd))
	}
	return b.String()
}

// renderError prints an uncaught error like Node: the error, then its stack.
func renderError(err error) string {
	cwd, _ := os.Getwd()
	rel := func(s string) string {
		if cwd == "" {
			return s
		}
		return strings.ReplaceAll(s, cwd+string(os.PathSeparator), "")
	}
	var u *engine.UncaughtError
	var js *engine.JSError
	if errors.As(err, &u) && errors.As(err, &js) {
		head := "Uncaught " + js.Error()
		if u.Kind == "unhandled rejection" {
			head = "Unhandled promise rejection: " + js.Error()
		}
		if js.Stack != "" {
			lines := strings.SplitN(js.Stack, "\n", 2)
			if len(lines) == 2 {
				return rel(head + "\n" + lines[1])
			}
		}
		return rel(head)
	}
	return rel("flexrun: " + err.Error())
}
