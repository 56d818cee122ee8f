package plugins

// Loading a plugin makes a generation: its bundle evaluated under an owner
// of its own ({Name, Generation}), then started by the start-up contract.
// Everything the generation registers carries that owner, so a failed
// start (or, later, a reload) takes it out in one step with engine.Unload.

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/jsapi"
)

// LoaderOptions configure a Loader. The zero value works.
type LoaderOptions struct {
	// InitTimeout bounds how long a plugin's top level and init may take to
	// settle; a plugin still starting then is unloaded and reported.
	// Default 10s.
	InitTimeout time.Duration
}

// Loader loads plugins into one engine and reloads them. It is not safe
// for concurrent use: one goroutine (the CLI, a watcher) drives it.
type Loader struct {
	e    *engine.Engine
	h    *jsapi.Host
	opts LoaderOptions
	gens map[string]int
	// live is the running generation of each plugin, by name: the last
	// good one, which a failed reload falls back to.
	live map[string]*Generation
}

// NewLoader returns a Loader for the engine e whose JavaScript surface h installed.
func NewLoader(e *engine.Engine, h *jsapi.Host, opts LoaderOptions) *Loader {
	if opts.InitTimeout == 0 {
		opts.InitTimeout = 10 * time.Second
	}
	return &Loader{e: e, h: h, opts: opts, gens: map[string]int{}, live: map[string]*Generation{}}
}

// Generation is a loaded plugin.
type Generation struct {
	Plugin   Plugin
	Owner    engine.Owner
	Files    []string       // source files its bundle read
	Counts   map[string]int // registrations by kind: "action", "replacement", "listener"
	Duration time.Duration  // build, evaluation and start
	program  *goja.Program  // kept for a rollback to the last good generation
}

// Phase of a plugin failure.
const (
	PhaseCompile  = "compile"
	PhaseStart    = "start"
	PhaseTimedOut = "start timed out"
)

// LoadError is a plugin that could not be loaded. Err is a *CompileError
// (phase compile), an *engine.JSError or *engine.UncaughtError (start), or
// the timeout.
type LoadError struct {
	Plugin string
	Phase  string
	Err    error
}

func (e *LoadError) Error() string {
	return fmt.Sprintf("plugin %s: %s: %v", e.Plugin, e.Phase, e.Err)
}

func (e *LoadError) Unwrap() error { return e.Err }

// ErrStartTimeout is the cause of a LoadError in phase PhaseTimedOut.
var ErrStartTimeout = errors.New("the plugin's top level or init did not settle")

// LoadAll loads plugins in order. A plugin that fails is reported and
// leaves nothing registered; the others load regardless.
func (l *Loader) LoadAll(ctx context.Context, plugins []Plugin) ([]*Generation, []error) {
	var gens []*Generation
	var errs []error
	for _, p := range plugins {
		g, err := l.Load(ctx, p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		gens = append(gens, g)
	}
	// As Flex, once every plugin has started.
	if err := l.e.Do(ctx, func(*engine.VM) error { return l.h.PluginsLoaded() }); err != nil {
		errs = append(errs, fmt.Errorf("pluginsLoaded: %w", err))
	}
	return gens, errs
}

// Check bundles and compiles p as Load would, without running anything:
// nil, or a *LoadError in phase compile.
func Check(p Plugin) error {
	_, _, err := compile(p)
	return err
}

// compile bundles p and parses the bundle as the engine will run it.
func compile(p Plugin) (*Bundle, *goja.Program, error) {
	if p.Err != nil { // found broken by Discover
		return nil, nil, &LoadError{Plugin: p.Name, Phase: PhaseCompile, Err: p.Err}
	}
	b, err := Build(p.Entry)
	if err != nil {
		return nil, nil, &LoadError{Plugin: p.Name, Phase: PhaseCompile, Err: err}
	}
	prog, err := b.Compile()
	if err != nil {
		return nil, nil, &LoadError{Plugin: p.Name, Phase: PhaseCompile, Err: err}
	}
	return b, prog, nil
}

// Load builds, evaluates and starts one plugin as a new generation.
func (l *Loader) Load(ctx context.Context, p Plugin) (*Generation, error) {
	began := time.Now()
	b, prog, err := compile(p)
	if err != nil {
		return nil, err
	}
	if err := share(ctx, l.e, l.h, b.Shared); err != nil {
		return nil, &LoadError{Plugin: p.Name, Phase: PhaseCompile, Err: err}
	}
	g, err := l.run(ctx, p, b.Files, prog, engine.Owner{})
	if err != nil {
		return nil, err
	}
	g.Duration = time.Since(began)
	l.live[p.Name] = g
	return g, nil
}

// run starts prog as a new generation of p, in the place predecessor (the
// generation it reloads, or none) had among the registrations; on failure
// nothing of it stays.
func (l *Loader) run(ctx context.Context, p Plugin, files []string, prog *goja.Program, predecessor engine.Owner) (*Generation, error) {
	l.gens[p.Name]++
	g := &Generation{Plugin: p, Owner: engine.Owner{Name: p.Name, Generation: l.gens[p.Name]}, Files: files, program: prog}
	if err := l.start(ctx, g, predecessor); err != nil {
		l.unload(g.Owner)
		return nil, err
	}
	var err error
	if g.Counts, err = l.counts(ctx, g.Owner); err != nil {
		return nil, err
	}
	return g, nil
}

// Reload replaces the running generation of p with a new one built from
// disk (DESIGN.md "Plugins and reload"): build first, and on a compile
// error keep the old generation running untouched; otherwise unload the
// old generation and start the new one; if that fails, start the last good
// program again as a fresh generation, and return the error. A plugin not
// loaded yet is loaded.
func (l *Loader) Reload(ctx context.Context, p Plugin) (*Generation, error) {
	old := l.live[p.Name]
	if old == nil {
		return l.Load(ctx, p)
	}
	began := time.Now()
	b, prog, err := compile(p)
	if err != nil {
		return nil, err
	}
	if err := share(ctx, l.e, l.h, b.Shared); err != nil {
		return nil, &LoadError{Plugin: p.Name, Phase: PhaseCompile, Err: err}
	}
	l.unload(old.Owner)
	g, err := l.run(ctx, p, b.Files, prog, old.Owner)
	if err != nil {
		failed := engine.Owner{Name: p.Name, Generation: l.gens[p.Name]}
		back, rerr := l.run(ctx, old.Plugin, old.Files, old.program, failed)
		if rerr != nil {
			delete(l.live, p.Name)
			return nil, errors.Join(err, fmt.Errorf("restart the last good generation: %w", rerr))
		}
		back.Duration = time.Since(began)
		l.live[p.Name] = back
		return nil, err
	}
	g.Duration = time.Since(began)
	l.live[p.Name] = g
	return g, nil
}

// Unload removes the running generation of the plugin named name (a
// deleted plugin file). It reports whether one was running.
func (l *Loader) Unload(name string) bool {
	g := l.live[name]
	if g == nil {
		return false
	}
	l.unload(g.Owner)
	delete(l.live, name)
	return true
}

// Live returns the running generation of the plugin named name, or nil.
func (l *Loader) Live(name string) *Generation { return l.live[name] }

// start evaluates the generation's program and runs the start-up contract,
// waiting at most InitTimeout for both to settle. What it registers until
// then takes predecessor's place (engine.VM.BeginStart).
func (l *Loader) start(ctx context.Context, g *Generation, predecessor engine.Owner) error {
	fail := func(err error) error { return &LoadError{Plugin: g.Plugin.Name, Phase: PhaseStart, Err: err} }
	defer l.e.Do(context.Background(), func(v *engine.VM) error {
		v.EndStart(g.Owner)
		return nil
	})
	done := make(chan error, 1)
	err := l.e.Do(ctx, func(v *engine.VM) error {
		v.BeginStart(g.Owner, predecessor)
		ev, err := l.h.Run(v, g.Owner, g.program)
		if err != nil {
			return err
		}
		rejected := func(reason goja.Value) { done <- v.ExportError(reason) }
		v.Then(v.Runtime().ToValue(ev.Done), func(goja.Value) {
			started, err := l.h.Start(v, g.Owner, ev)
			if err != nil {
				done <- err
				return
			}
			v.Then(v.Runtime().ToValue(started), func(goja.Value) { done <- nil }, rejected)
		}, rejected)
		return nil
	})
	switch {
	case errors.Is(err, engine.ErrAborted):
		return fail(l.e.Wait(ctx)) // the loop's report says why
	case err != nil:
		return fail(err)
	}
	// Meanwhile the engine says when it has nothing left to do (then the
	// start can never settle) or when code failed uncaught (an interrupt in
	// init after an await unwinds a later job, not the one above).
	waitCtx, stopWaiting := context.WithCancel(ctx)
	defer stopWaiting()
	engineState := make(chan error, 1)
	go func() {
		for {
			err := l.e.Wait(waitCtx)
			// Another plugin's or the script's failure, meanwhile (a timer,
			// a dev console line), is theirs, not this start's: OnUncaught
			// has reported it.
			var u *engine.UncaughtError
			if errors.As(err, &u) && u.Owner != g.Owner && (u.Owner.Generation > 0 || u.Owner == engine.ScriptOwner) {
				continue
			}
			engineState <- err
			return
		}
	}()
	timer := time.NewTimer(l.opts.InitTimeout)
	defer timer.Stop()
	finished := func(err error) error {
		if err != nil {
			return fail(err)
		}
		return nil
	}
	select {
	case err := <-done:
		return finished(err)
	case err := <-engineState:
		select {
		case err := <-done: // the start settled just before the engine went idle
			return finished(err)
		default:
		}
		if err != nil {
			return fail(err)
		}
		return &LoadError{Plugin: g.Plugin.Name, Phase: PhaseTimedOut, Err: fmt.Errorf("%w: nothing is left that could settle it", ErrStartTimeout)}
	case <-timer.C:
		return &LoadError{Plugin: g.Plugin.Name, Phase: PhaseTimedOut, Err: fmt.Errorf("%w within %s", ErrStartTimeout, l.opts.InitTimeout)}
	case <-ctx.Done():
		return fail(ctx.Err())
	}
}

func (l *Loader) unload(owner engine.Owner) {
	l.e.Do(context.Background(), func(v *engine.VM) error {
		v.Unload(owner)
		l.h.Forget(owner)
		return nil
	})
}

func (l *Loader) counts(ctx context.Context, owner engine.Owner) (map[string]int, error) {
	counts := map[string]int{}
	err := l.e.Do(ctx, func(v *engine.VM) error {
		for _, r := range v.Registrations() {
			if r.Owner == owner {
				counts[r.Kind]++
			}
		}
		return nil
	})
	return counts, err
}
