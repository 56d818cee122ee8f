package flexruntest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/jsapi"
	"github.com/flexrun/flexrun/jsapi/world"
	"github.com/flexrun/flexrun/plugins"
)

// Options configure New. The zero value works.
type Options struct {
	// Engine options; Setup runs after the JavaScript surface is installed.
	Engine engine.Options
	// JS options (Confirm, HTTPClient, ...); Stdout and Stderr are replaced
	// by the buffers the Engine collects.
	JS jsapi.Options
	// Timeout bounds each RunScript and LoadPlugins. Default 30s.
	Timeout time.Duration
	// WorldFile, when set, is a world file (`flexrun run --world`): the
	// engine runs in that world, on the virtual clock when the file says
	// "clock": "virtual". It takes the place of JS.World.
	WorldFile string
}

// Engine is a running engine with its output collected.
type Engine struct {
	*engine.Engine
	Host *jsapi.Host

	t       testing.TB
	timeout time.Duration
	stdout  Buffer
	stderr  Buffer
	scripts int
}

// New starts an engine and closes it when the test ends.
func New(t testing.TB, opts Options) *Engine {
	t.Helper()
	te := &Engine{t: t, timeout: opts.Timeout}
	if te.timeout == 0 {
		te.timeout = 30 * time.Second
	}
	js, eopts := opts.JS, opts.Engine
	js.Stdout, js.Stderr = &te.stdout, &te.stderr
	if opts.WorldFile != "" {
		f, err := world.ReadFile(opts.WorldFile)
		if err != nil {
			t.Fatalf("flexruntest: %v", err)
		}
		js.World = world.New(f)
		eopts.VirtualTime = eopts.VirtualTime || f.Clock == "virtual"
	}
	e, h, err := jsapi.New(js, eopts)
	if err != nil {
		t.Fatalf("flexruntest: start engine: %v", err)
	}
	te.Engine, te.Host = e, h
	t.Cleanup(func() { e.Close() })
	return te
}

// Result is what one script printed and how it ended.
type Result struct {
	Stdout, Stderr string // output printed while the script ran
	Err            error  // nil, *plugins.CompileError, *engine.UncaughtError, ...
}

// String renders the result for a test failure: the error, with its
// JavaScript stack when it has one, or "ok"; then what the script printed
// on stdout and on stderr, each under its name.
func (r Result) String() string {
	var b strings.Builder
	if r.Err == nil {
		b.WriteString("ok")
	} else {
		b.WriteString(describe(r.Err))
	}
	for _, s := range []struct{ name, text string }{{"stdout", r.Stdout}, {"stderr", r.Stderr}} {
		if s.text != "" {
			b.WriteString("\n" + s.name + ":\n" + s.text)
		}
	}
	return b.String()
}

// describe renders err with the JavaScript stack when there is one (the
// stack starts with the error's name and message).
func describe(err error) string {
	var je *engine.JSError
	if !errors.As(err, &je) || je.Stack == "" {
		return err.Error()
	}
	var ue *engine.UncaughtError
	if errors.As(err, &ue) && ue.Kind != "error" {
		return ue.Kind + ": " + je.Stack
	}
	return je.Stack
}

// RunScript writes src to a file in a temp dir (as script.ts when name is
// empty) and runs it like `flexrun run`, until the engine is idle.
func (e *Engine) RunScript(src string) Result {
	e.t.Helper()
	e.scripts++
	path := filepath.Join(e.t.TempDir(), "script"+strconv.Itoa(e.scripts)+".ts")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		e.t.Fatalf("flexruntest: %v", err)
	}
	return e.RunFile(path)
}

// RunFile runs the script at path like `flexrun run`.
func (e *Engine) RunFile(path string) Result {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), e.timeout)
	defer cancel()
	outStart, errStart := e.stdout.Len(), e.stderr.Len()
	err := plugins.RunScript(ctx, e.Engine, e.Host, path)
	return Result{Stdout: e.stdout.From(outStart), Stderr: e.stderr.From(errStart), Err: err}
}

// LoadPlugins loads the plugins of each directory, as `flexrun run
// --plugins DIR` does, and fails the test if one does not load.
func (e *Engine) LoadPlugins(dirs ...string) []*plugins.Generation {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), e.timeout)
	defer cancel()
	found, err := plugins.Discover(dirs...)
	if err != nil {
		e.t.Fatalf("flexruntest: %v", err)
	}
	gens, errs := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{}).LoadAll(ctx, found)
	if len(errs) > 0 {
		e.t.Fatalf("flexruntest: loading the plugins: %v\nstderr:\n%s", errors.Join(errs...), e.Stderr())
	}
	return gens
}

// WorldState is the world's state as JSON, as `flexrun run --world-out`
// writes it.
func (e *Engine) WorldState() string {
	e.t.Helper()
	var state []byte
	err := e.Do(context.Background(), func(*engine.VM) (err error) {
		state, err = e.Host.World().State()
		return err
	})
	if err != nil {
		e.t.Fatalf("flexruntest: world state: %v", err)
	}
	return string(state)
}

// Stdout is everything console.log & co. printed so far.
func (e *Engine) Stdout() string { return e.stdout.String() }

// Stderr is everything console.error & co. and the engine's log printed so far.
func (e *Engine) Stderr() string { return e.stderr.String() }

// Buffer is a bytes.Buffer safe for one writer goroutine (the loop) and readers elsewhere.
type Buffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *Buffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// String returns the contents.
func (b *Buffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// Len returns the length of the contents.
func (b *Buffer) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Len()
}

// From returns the contents from byte offset i.
func (b *Buffer) From(i int) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.buf.Bytes()[i:])
}
