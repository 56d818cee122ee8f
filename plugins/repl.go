package plugins

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/jsapi"
	"github.com/flexrun/flexrun/jsapi/world"
)

// REPLOptions configure a REPL. The zero value works: output is discarded
// and .reload and .trace say they are unavailable.
type REPLOptions struct {
	// Out receives printed values and the output of commands. Default
	// io.Discard.
	Out io.Writer
	// Err receives errors: what a line throws or rejects with, bad input.
	// Default io.Discard.
	Err io.Writer
	// Reload runs for `.reload`; an error it returns is printed on Err.
	// Default nil: the REPL says there is nothing to reload.
	Reload func(ctx context.Context) error
	// Trace runs for `.trace on` and `.trace off`. Default nil: the REPL
	// says tracing is unavailable.
	Trace func(on bool)
}

// REPL evaluates the lines `flexrun dev` reads from stdin: JavaScript,
// run as engine.ScriptOwner in the engine's one realm with the globals
// scripts see (flex, Twilio, window, console, ...), and dot-commands (see
// .help). Values are printed like Node's REPL prints them, with
// console.Inspect; errors as "Uncaught ...".
//
// A line without `await` runs as a script: `const x = 2` on one line and
// `x * 3` on the next gives 6. A line with top-level `await`, or starting
// with import declarations of host modules (HostModules), runs in an async
// function, as Node's REPL runs it: its top-level declarations become
// globals (`const` as `let`), its last statement, if an expression, is its
// value, and Exec waits for it to settle. Imports bind globals with `var`,
// so pasting a snippet twice works. Not supported: imports after other
// statements or of files and packages, import(), export, TypeScript and
// `for await`; each is a syntax error.
//
// # Concurrency
//
// A REPL is driven by one goroutine; Exec must not be called concurrently,
// nor while another goroutine waits on Engine.Wait (a Loader or RunScript):
// while a line awaits, Exec watches the engine with Wait to learn when
// nothing is left that could settle it. Out and Err are written from the
// goroutine calling Exec; if they are also the jsapi.Host's Stdout and
// Stderr, which the engine's loop writes, they must be safe for concurrent
// use (os.Stdout is).
//
// # Errors
//
// Exec prints what a line throws or rejects with, and a line cut short by
// the engine's job budget or a stack overflow. Work a line leaves behind (a
// timer, a promise nobody awaits) fails like any other uncaught error: the
// engine reports it through engine.Options.OnUncaught, which is where a CLI
// prints the errors of plugins too. An interrupt unwinds the whole loop job,
// so the engine reports the line's interrupts there as well. When one hits a
// line after an `await`, the line can never settle: Exec says so once the
// engine is idle, or returns when ctx is done (Ctrl-C in the CLI).
type REPL struct {
	e     *engine.Engine
	h     *jsapi.Host
	opts  REPLOptions
	lines int // numbers the programs: REPL1, REPL2, ...
}

// NewREPL returns a REPL for the engine e whose JavaScript surface h installed.
func NewREPL(e *engine.Engine, h *jsapi.Host, opts REPLOptions) *REPL {
	if opts.Out == nil {
		opts.Out = io.Discard
	}
	if opts.Err == nil {
		opts.Err = io.Discard
	}
	return &REPL{e: e, h: h, opts: opts}
}

// Exec runs one input line and prints its outcome. It reports whether the
// line asked to exit (.exit). ctx bounds the wait for the line: once it is
// done, Exec returns and the line's work goes on in the engine.
func (r *REPL) Exec(ctx context.Context, line string) (exit bool) {
	input := strings.TrimSpace(line)
	switch {
	case input == "":
		return false
	case isCommand(input):
		return r.command(ctx, line, input)
	}
	r.evaluate(ctx, line)
	return false
}

// isCommand: ".help" is a command, ".5 + 1" is JavaScript (as in Node).
func isCommand(input string) bool {
	return len(input) > 1 && input[0] == '.' && (input[1] < '0' || input[1] > '9')
}

// replCommands are the dot-commands with their help, in the order .help lists them.
var replCommands = []struct{ name, usage, help string }{
	{".actions", ".actions", "list every action with its owners: the body, then the replacements (the last one runs)"},
	{".exit", ".exit", "exit"},
	{".help", ".help", "print this help"},
	{".invoke", ".invoke Name [json]", "invoke an action with an optional JSON payload and print its result"},
	{".listeners", ".listeners", "list the listeners of every event with their owners, in call order"},
	{".reload", ".reload", "reload the plugins"},
	{".trace", ".trace on|off", "turn the trace of every invocation step on or off"},
}

func (r *REPL) command(ctx context.Context, line, input string) bool {
	name, arg, _ := strings.Cut(input, " ")
	arg = strings.TrimSpace(arg)
	switch name {
	case ".exit":
		return true
	case ".help":
		r.help()
	case ".actions":
		r.listActions(ctx)
	case ".listeners":
		r.listListeners(ctx)
	case ".invoke":
		r.invoke(ctx, line, arg)
	case ".reload":
		switch {
		case r.opts.Reload == nil:
			fmt.Fprintln(r.opts.Out, "nothing to reload: no plugins are watched")
		default:
			if err := r.opts.Reload(ctx); err != nil {
				fmt.Fprintf(r.opts.Err, ".reload: %v\n", err)
			}
		}
	case ".trace":
		r.trace(arg)
	default:
		fmt.Fprintf(r.opts.Err, "unknown command %s; .help lists the commands\n", name)
	}
	return false
}

func (r *REPL) help() {
	width := 0
	for _, c := range replCommands {
		width = max(width, len(c.usage))
	}
	for _, c := range replCommands {
		fmt.Fprintf(r.opts.Out, "%-*s  %s\n", width, c.usage, c.help)
	}
	fmt.Fprintln(r.opts.Out, "Anything else is JavaScript, run as the CLI script: top-level await and imports of host modules work.")
}

func (r *REPL) trace(arg string) {
	if arg != "on" && arg != "off" {
		fmt.Fprintln(r.opts.Err, "usage: .trace on|off")
		return
	}
	if r.opts.Trace == nil {
		fmt.Fprintln(r.opts.Err, "tracing is unavailable here")
		return
	}
	r.opts.Trace(arg == "on")
	fmt.Fprintf(r.opts.Out, "tracing %s\n", arg)
}

// listActions prints one line per action, sorted by name: the owner of its
// body, then the owners of its replacements in registration order; the
// last replacement is the one that runs (spec rule 25).
func (r *REPL) listActions(ctx context.Context) {
	regs, err := r.e.Registrations(ctx, engine.Owner{})
	if err != nil {
		fmt.Fprintf(r.opts.Err, ".actions: %v\n", err)
		return
	}
	type chain struct {
		bodies       []string // in order; the last one is the body
		replacements []string
	}
	var names []string
	chains := map[string]*chain{}
	for _, reg := range regs {
		if reg.Kind != "action" && reg.Kind != "replacement" {
			continue
		}
		c := chains[reg.Name]
		if c == nil {
			c = &chain{}
			chains[reg.Name] = c
			names = append(names, reg.Name) // Registrations sorts actions by name
		}
		if reg.Kind == "action" {
			c.bodies = append(c.bodies, reg.Owner.String())
		} else {
			c.replacements = append(c.replacements, reg.Owner.String())
		}
	}
	// Flex's built-ins are listed only where a plugin or script took them
	// over: the other 50-odd would bury what the user registered.
	builtins := 0
	names = slices.DeleteFunc(names, func(n string) bool {
		c := chains[n]
		untouched := len(c.bodies) == 1 && c.bodies[0] == world.Owner.String() && len(c.replacements) == 0
		if untouched {
			builtins++
		}
		return untouched
	})
	if len(names) == 0 {
		fmt.Fprintf(r.opts.Out, "no actions registered%s\n", builtinNote(builtins))
		return
	}
	defer func() {
		if builtins > 0 {
			fmt.Fprintf(r.opts.Out, "(and %d built-in actions of flex)\n", builtins)
		}
	}()
	lines := make([][2]string, len(names))
	for i, n := range names {
		c := chains[n]
		desc := "(no body)"
		if n := len(c.bodies); n > 0 {
			// The last body runs; the earlier ones come back if its owner goes.
			desc = c.bodies[n-1]
			if n > 1 {
				desc += " over " + strings.Join(c.bodies[:n-1], ", ")
			}
		}
		if len(c.replacements) > 0 {
			desc += "; replaced by " + strings.Join(c.replacements, ", ") + " (runs)"
		}
		lines[i] = [2]string{n, desc}
	}
	r.printColumns(lines)
}

// listListeners prints one line per event, sorted by name, with the owners
// of its listeners in the order they are called.
func (r *REPL) listListeners(ctx context.Context) {
	regs, err := r.e.Registrations(ctx, engine.Owner{})
	if err != nil {
		fmt.Fprintf(r.opts.Err, ".listeners: %v\n", err)
		return
	}
	var lines [][2]string
	for _, reg := range regs {
		if reg.Kind != "listener" || reg.Owner == world.Owner { // Flex's own listeners
			continue
		}
		if n := len(lines); n > 0 && lines[n-1][0] == reg.Name {
			lines[n-1][1] += ", " + reg.Owner.String()
			continue
		}
		lines = append(lines, [2]string{reg.Name, reg.Owner.String()})
	}
	if len(lines) == 0 {
		fmt.Fprintln(r.opts.Out, "no listeners registered")
		return
	}
	r.printColumns(lines)
}

// builtinNote says how many built-in actions a list left out.
func builtinNote(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" (besides %d built-in actions of flex)", n)
}

// printColumns prints name and description pairs with the names aligned.
func (r *REPL) printColumns(lines [][2]string) {
	width := 0
	for _, l := range lines {
		width = max(width, len(l[0]))
	}
	var b strings.Builder
	for _, l := range lines {
		fmt.Fprintf(&b, "%-*s  %s\n", width, l[0], l[1])
	}
	io.WriteString(r.opts.Out, b.String())
}
