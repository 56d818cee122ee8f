package main

import (
	"flag"
	"fmt"
	"io"

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
		if err := plugins.Check(p); err != nil {
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
