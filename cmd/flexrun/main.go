// Command flexrun runs Twilio Flex UI plugin code outside the browser.
//
//	flexrun run [--plugins DIR]... [--world FILE] SCRIPT   load plugins, run a JS/TS script on the headless Flex world, exit like node
//	flexrun dev [--plugins DIR]...          load and watch plugins, reload on change, read commands from stdin
//	flexrun check --plugins DIR...          compile every plugin and print every error
//
// Exit status: 0 on success, 1 on an uncaught error or unhandled rejection,
// 2 on bad usage, a missing file or a compile error.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage:
  flexrun run [--plugins DIR]... [--world FILE] [--world-out FILE] [--virtual-time] [--offline]
              [--profile NAME] [--trace] [--confirm yes|no] [--job-budget 10s] SCRIPT
                                          load the plugins of each DIR, then run SCRIPT
                                          (JS/TS, ES module, top-level await); exit like node;
                                          --world seeds the headless Flex world from a JSON file,
                                          --world-out writes its final state;
                                          --virtual-time fires timers without waiting;
                                          --offline answers fetch only from the world's http list;
                                          --profile also reads .NAME.env after .env;
                                          --trace prints each invocation step on stderr;
                                          --confirm is what confirm() answers (default yes);
                                          --job-budget interrupts code that runs longer
                                          without yielding (default 10s)
  flexrun dev [--plugins DIR]... [--world FILE] [--virtual-time] [--offline] [--profile NAME]
              [--trace] [--confirm yes|no] [--debounce 50ms] [--job-budget 10s]
                                          load and watch the plugins of each DIR; print each
                                          reload; read commands from stdin: a line of JS
                                          (top-level await; its value is printed),
                                          .invoke Name {json}, .actions, .listeners, .reload,
                                          .trace on|off, .help, .exit (or EOF)
  flexrun check --plugins DIR...          compile every plugin, print every error
`

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "run":
		return runCmd(args[1:], stdout, stderr)
	case "dev":
		return devCmd(args[1:], stdin, stdout, stderr)
	case "check":
		return checkCmd(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "flexrun: unknown command %q\n%s", args[0], usage)
	return exitUsage
}
