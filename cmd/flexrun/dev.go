package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/plugins"
)

// devCmd loads and watches the plugins, prints each reload, and runs the
// commands read from stdin until .exit or EOF.
func devCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("dev", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f engineFlags
	f.register(fs, "load and watch the plugins of `DIR` (repeatable)")
	debounce := fs.Duration("debounce", plugins.DefaultDebounce, "wait this long after a change for more before reloading")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 0 {
		fmt.Fprint(stderr, "flexrun dev: takes no arguments; commands come from stdin\n", usage)
		return exitUsage
	}
	if !f.valid("dev", stderr) {
		return exitUsage
	}
	dirs := f.dirs
	if _, err := plugins.Discover(dirs...); err != nil {
		fmt.Fprintf(stderr, "flexrun: %v\n", err)
		return exitUsage
	}

	// Reports come from three goroutines (the loop's console, the watcher,
	// the command reader): one lock per stream keeps their lines whole.
	stdout, stderr = &lockedWriter{w: stdout}, &lockedWriter{w: stderr}
	var covered cutShortReports
	e, h, err := f.start(stdout, stderr, func(u *engine.UncaughtError) { // dev goes on
		if !covered.covers(u) {
			fmt.Fprint(stderr, render(u))
		}
	})
	if err != nil {
		fmt.Fprintf(stderr, "flexrun: %v\n", err)
		return exitFailure
	}
	defer e.Close()
	traceOut := relativePaths{stderr}

	src, err := plugins.WatchDirs(dirs...)
	if err != nil {
		fmt.Fprintf(stderr, "flexrun: %v\n", err)
		return exitUsage
	}
	defer src.Close()
	report := reloadReporter{stdout: relativePaths{stdout}, stderr: stderr}
	w := plugins.NewWatcher(plugins.NewLoader(e, h, plugins.LoaderOptions{}), dirs, src,
		plugins.WatchOptions{Debounce: *debounce, OnEvent: func(ev plugins.Event) {
			covered.event(ev)
			report.event(ev)
		}})
	ctx, cancel := context.WithCancel(context.Background())
	w.Load(ctx)
	watching := make(chan struct{})
	go func() {
		defer close(watching)
		w.Run(ctx)
	}()
	defer func() {
		cancel()
		<-watching
	}()

	repl := plugins.NewREPL(e, h, plugins.REPLOptions{
		Out:    relativePaths{stdout},
		Err:    relativePaths{stderr},
		Reload: w.ReloadAll,
		Trace: func(on bool) {
			var to io.Writer
			if on {
				to = traceOut
			}
			e.SetTrace(ctx, to)
		},
	})
	// Ctrl-C stops waiting for a line that hangs; between lines it exits.
	interrupts := make(chan os.Signal, 1)
	signal.Notify(interrupts, os.Interrupt)
	defer signal.Stop(interrupts)
	lines := readLines(stdin)
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				return exitOK
			}
			if line.err != nil {
				fmt.Fprintf(stderr, "flexrun: reading stdin: %v\n", line.err)
				return exitFailure
			}
			if line.tooLong > 0 {
				fmt.Fprintf(stderr, "flexrun: line too long: %d bytes, the limit is %d bytes (16 MiB); it was skipped\n", line.tooLong, maxLineBytes)
				continue
			}
			lineCtx, stopLine := context.WithCancel(ctx)
			lineDone := make(chan struct{})
			go func() {
				select {
				case <-interrupts:
					stopLine()
				case <-lineDone:
				}
			}()
			covered.line.Store(true)
			exit := repl.Exec(lineCtx, line.text)
			covered.line.Store(false)
			close(lineDone)
			stopLine()
			if exit {
				return exitOK
			}
		case <-interrupts:
			return exitOK
		}
	}
}

// maxLineBytes bounds one line of dev's stdin: a pasted snippet may be
// long, but a line is compiled as one piece, and holding an unbounded line
// would let a stray file on stdin take all memory.
const maxLineBytes = 16 << 20

// inputLine is one line of stdin without its line ending, or, for a line
// over maxLineBytes, its length in tooLong (its text is dropped), or the
// read error that ends the input.
type inputLine struct {
	text    string
	tooLong int
	err     error
}

// readLines delivers r's lines on a channel, closed at EOF or after a read
// error. A line over maxLineBytes is reported, not delivered, and reading
// goes on with the next one (bufio.Scanner would stop there for good).
func readLines(r io.Reader) <-chan inputLine {
	ch := make(chan inputLine)
	go func() {
		defer close(ch)
		br := bufio.NewReaderSize(r, 64<<10)
		var buf []byte
		n := 0
		for {
			chunk, err := br.ReadSlice('\n')
			if len(buf) <= maxLineBytes+2 { // +2: room for "\r\n"
				buf = append(buf, chunk...)
			}
			n += len(chunk)
			if err == bufio.ErrBufferFull {
				continue
			}
			if n > 0 {
				ends := 0
				if bytes.HasSuffix(chunk, []byte("\r\n")) {
					ends = 2
				} else if bytes.HasSuffix(chunk, []byte("\n")) {
					ends = 1
				}
				if size := n - ends; size > maxLineBytes {
					ch <- inputLine{tooLong: size}
				} else {
					ch <- inputLine{text: string(buf[:len(buf)-ends])}
				}
			}
			buf, n = buf[:0], 0
			if err != nil {
				if err != io.EOF {
					ch <- inputLine{err: err}
				}
				return
			}
		}
	}()
	return ch
}

// reloadReporter prints a line per reload, or the error and what serves.
type reloadReporter struct {
	stdout, stderr io.Writer
}

func (r reloadReporter) event(ev plugins.Event) {
	switch ev := ev.(type) {
	case plugins.ReloadSucceeded:
		verb := "reloaded"
		if ev.Previous == 0 {
			verb = "loaded"
		}
		fmt.Fprintf(r.stdout, "%s %s gen %d in %s: %s\n", verb, ev.Plugin.Name, ev.Generation, millis(ev.Duration), counts(ev.Registrations))
	case plugins.ReloadFailed:
		fmt.Fprint(r.stderr, render(ev.Err))
		if ev.Serving > 0 {
			fmt.Fprintf(r.stderr, "flexrun: %s gen %d keeps serving\n", ev.Plugin.Name, ev.Serving)
		}
	case plugins.PluginUnloaded:
		fmt.Fprintf(r.stdout, "unloaded %s gen %d: its file is gone\n", ev.Plugin.Name, ev.Generation)
	case plugins.WatchError:
		fmt.Fprint(r.stderr, relative(fmt.Sprintf("flexrun: watch: %v\n", ev.Err)))
	}
}

func millis(d time.Duration) string {
	return fmt.Sprintf("%.1fms", float64(d)/float64(time.Millisecond))
}

// counts renders registration counts: "2 listeners, 1 replacement".
func counts(c map[string]int) string {
	var parts []string
	for _, kind := range []string{"action", "replacement", "listener"} {
		switch n := c[kind]; n {
		case 0:
		case 1:
			parts = append(parts, "1 "+kind)
		default:
			parts = append(parts, fmt.Sprintf("%d %ss", n, kind))
		}
	}
	if len(parts) == 0 {
		return "nothing registered"
	}
	return strings.Join(parts, ", ")
}

// lockedWriter serialises writes from several goroutines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// cutShortReports tells which of the engine's reports of code cut short (an
// interrupt, a stack overflow) another report covers: a console line's,
// which the REPL prints, or a starting plugin's, which its load error
// names. Such a report has the owner of the loop job it cut short: the
// line's or the plugin's, or none for a job the REPL or the Loader posted.
type cutShortReports struct {
	line     atomic.Bool // a console line runs
	mu       sync.Mutex
	starting map[string]bool // plugins (re)starting, by name
}

func (c *cutShortReports) covers(u *engine.UncaughtError) bool {
	if u.Kind != "interrupted" && u.Kind != "stack overflow" {
		return false
	}
	unowned := u.Owner == engine.Owner{}
	if c.line.Load() && (unowned || u.Owner == engine.ScriptOwner) {
		return true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.starting[u.Owner.Name] || (unowned && len(c.starting) > 0)
}

func (c *cutShortReports) event(ev plugins.Event) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch ev := ev.(type) {
	case plugins.ReloadStarted:
		if c.starting == nil {
			c.starting = map[string]bool{}
		}
		c.starting[ev.Plugin.Name] = true
	case plugins.ReloadSucceeded:
		delete(c.starting, ev.Plugin.Name)
	case plugins.ReloadFailed:
		delete(c.starting, ev.Plugin.Name)
	}
}
