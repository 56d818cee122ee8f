package main

import (
	"bytes"
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
		Log:        relativePaths{errOut},
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
		return rel(head + frames(js.Stack) + cause(js.Cause))
	}
	return rel("flexrun: " + err.Error())
}

// frames is the "    at ..." part of a stack, with its leading newline.
func frames(stack string) string {
	if _, rest, ok := strings.Cut(stack, "\n"); ok {
		return "\n" + rest
	}
	return ""
}

// cause renders what a Flex core error wraps: the error the body threw.
func cause(c *engine.JSError) string {
	if c == nil {
		return ""
	}
	return "\n  [wrapped] " + c.Error() + strings.ReplaceAll(frames(c.Stack), "\n", "\n  ")
}

// relativePaths shortens the absolute paths in the engine's reports (stack
// frames name files absolutely) to paths relative to the working directory.
type relativePaths struct{ w io.Writer }

func (r relativePaths) Write(p []byte) (int, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return r.w.Write(p)
	}
	if _, err := r.w.Write(bytes.ReplaceAll(p, []byte(cwd+string(os.PathSeparator)), nil)); err != nil {
		return 0, err
	}
	return len(p), nil
}
