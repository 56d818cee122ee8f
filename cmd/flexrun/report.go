package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/plugins"
)

// render turns any error flexrun reports into what a user reads: compile
// errors with their code frames, JavaScript errors with Node-style stacks,
// paths relative to the working directory.
func render(err error) string {
	var ce *plugins.CompileError
	var le *plugins.LoadError
	switch {
	case errors.As(err, &le) && le.Phase == plugins.PhaseTimedOut:
		return relative(fmt.Sprintf("flexrun: plugin %s did not start: %v; it was unloaded\n", le.Plugin, le.Err))
	case errors.As(err, &le) && le.Phase == plugins.PhaseStart:
		return relative(fmt.Sprintf("flexrun: plugin %s failed to start; it was unloaded: %s\n", le.Plugin, strings.TrimPrefix(renderJS(le.Err), "flexrun: ")))
	case errors.As(err, &ce):
		cwd, _ := os.Getwd()
		return ce.Render(cwd)
	}
	return relative(renderJS(err)) + "\n"
}

// renderJS prints a JavaScript failure like Node: the error, then its stack.
func renderJS(err error) string {
	var u *engine.UncaughtError
	var js *engine.JSError
	if !errors.As(err, &js) {
		return "flexrun: " + err.Error()
	}
	head := js.Error()
	if errors.As(err, &u) {
		switch u.Kind {
		case "unhandled rejection":
			head = "Unhandled promise rejection: " + head
		case "error":
			head = "Uncaught " + head
		}
	}
	return head + codeFrame(js) + frames(js.Stack) + cause(js.Cause)
}

// codeFrame is the source line where js was thrown, with a caret, and its
// leading newline (see plugins.StackCodeFrame). A wrapped error's own stack
// comes first: it is where the action body failed, the outer error only
// where Flex noticed.
func codeFrame(js *engine.JSError) string {
	var stacks []string
	for e := js; e != nil; e = e.Cause {
		stacks = append([]string{e.Stack}, stacks...)
	}
	if f := plugins.StackCodeFrame(stacks...); f != "" {
		return "\n" + strings.TrimSuffix(f, "\n")
	}
	return ""
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

// relative shortens absolute paths under the working directory.
func relative(s string) string {
	cwd, err := os.Getwd()
	if err != nil || cwd == "" {
		return s
	}
	return strings.ReplaceAll(s, cwd+string(os.PathSeparator), "")
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

// engineLog is the engine's log (engine.Options.Log) as a user reads it. A
// record with a stack — a listener's failure, "flexrun: beforeX listener of
// Y failed: Error: msg" and its "    at" lines — gets the code frame of
// where it was thrown after its first line, as renderJS gives uncaught
// errors; then paths are shortened as relativePaths does. The engine
// writes each record with one Write, so a record is never split here.
type engineLog struct{ w io.Writer }

func (l engineLog) Write(p []byte) (int, error) {
	rec := p
	if head, stack, ok := bytes.Cut(p, []byte("\n")); ok && bytes.HasPrefix(stack, []byte("    at ")) {
		if f := plugins.StackCodeFrame(string(stack)); f != "" {
			rec = slices.Concat(head, []byte("\n"), []byte(f), stack)
		}
	}
	if _, err := (relativePaths{l.w}).Write(rec); err != nil {
		return 0, err
	}
	return len(p), nil
}
