package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/plugins"
)

// checkCmd compiles every plugin and prints every error, then a summary.
func checkCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var dirs dirList
	fs.Var(&dirs, "plugins", "check the plugins of `DIR` (repeatable)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if len(dirs) == 0 || fs.NArg() != 0 {
		fmt.Fprint(stderr, "flexrun check: want --plugins DIR and no other argument\n", usage)
		return exitUsage
	}
	found, err := plugins.Discover(dirs...)
	if err != nil {
		fmt.Fprintf(stderr, "flexrun: %v\n", err)
		return exitUsage
	}
	failed := 0
	for _, p := range found {
		if err := compile(p); err != nil {
			failed++
			fmt.Fprint(stderr, render(err))
		}
	}
	fmt.Fprintf(stdout, "checked %d %s: %s\n", len(found), plural(len(found), "plugin"), summary(failed))
	if failed > 0 {
		return exitUsage
	}
	return exitOK
}

// compile does what loading does before running anything: bundle, then
// parse the bundle as the engine will.
func compile(p plugins.Plugin) error {
	b, err := plugins.Build(p.Entry)
	if err != nil {
		return err
	}
	if _, err := goja.Compile(b.Path, b.Code, false); err != nil {
		return fmt.Errorf("%s: %w", p.Name, err)
	}
	return nil
}

func summary(failed int) string {
	if failed == 0 {
		return "no errors"
	}
	return fmt.Sprintf("%d %s with errors", failed, plural(failed, "plugin"))
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
