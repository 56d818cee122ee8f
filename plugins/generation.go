package plugins

// Loading a plugin makes a generation: its bundle evaluated under an owner
// of its own ({Name, Generation}), then started by the start-up contract.
// Everything the generation registers carries that owner, so a failed
// start (or, later, a reload) takes it out in one step with engine.Unload.
// A generation starts staged (engine.VM.BeginStaged): invisible to other
// callers' invocations until its start has succeeded, while the one it
// replaces keeps serving; then one loop job unloads the old and activates
// the new. No wait for the loop is unbounded: each is bounded by
// LoaderOptions, and unloads are queued rather than waited for.

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
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
	// LoopTimeout bounds each wait of the Loader for the engine's loop to
	// take a job of its own (evaluate a plugin, switch generations); a
	// loop that stays busy longer fails the load or reload with
	// ErrLoopTimeout and leaves the running generation serving. Default 10s.
	LoopTimeout time.Duration
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
	if opts.LoopTimeout == 0 {
		opts.LoopTimeout = 10 * time.Second
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
	program  *goja.Program
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

// ErrLoopTimeout is the cause of a load or reload that the engine's loop
// did not get to within LoaderOptions.LoopTimeout.
var ErrLoopTimeout = errors.New("the engine's loop stayed busy")

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
	if err := l.onLoop(ctx, "pluginsLoaded", func(*engine.VM) error { return l.h.PluginsLoaded() }); err != nil {
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
	return l.swap(ctx, p, nil)
}

// Reload replaces the running generation of p with a new one built from
// disk (DESIGN.md "Plugins and reload"): build first, and on a compile
// error keep the old generation running untouched; otherwise start the
// new one staged, while the old one keeps serving, and switch to it once
// it has started. If its start fails, the old generation never stopped:
// nothing changes for callers, and the error is returned. A plugin not
// loaded yet is loaded.
//
// Deviation from DESIGN.md's swap (unload the old generation, start the
// new one, restart the old program if that fails): callers would see
// neither between the unload and the new registrations, and the failing
// generation's registrations until its rollback.
func (l *Loader) Reload(ctx context.Context, p Plugin) (*Generation, error) {
	old := l.live[p.Name]
	if old == nil {
		return l.Load(ctx, p)
	}
	return l.swap(ctx, p, old)
}

// swap builds p and starts it as the successor of old (nil: none).
func (l *Loader) swap(ctx context.Context, p Plugin, old *Generation) (*Generation, error) {
	began := time.Now()
	b, prog, err := compile(p)
	if err != nil {
		return nil, err
	}
	do := func(ctx context.Context, fn func(*engine.VM) error) error { return l.onLoop(ctx, "share packages", fn) }
	if err := share(ctx, do, l.h, b.Shared); err != nil {
		return nil, &LoadError{Plugin: p.Name, Phase: PhaseCompile, Err: err}
	}
	var predecessor engine.Owner
	if old != nil {
		predecessor = old.Owner
	}
	l.gens[p.Name]++
	g := &Generation{Plugin: p, Owner: engine.Owner{Name: p.Name, Generation: l.gens[p.Name]}, Files: b.Files, program: prog}
	if err := l.start(ctx, g, predecessor); err != nil {
		l.drop(g.Owner)
		return nil, err
	}
	// One loop job: no invocation runs between the old generation's
	// unload and the new one's activation.
	err = l.onLoop(ctx, "activate "+g.Owner.String(), func(v *engine.VM) error {
		if old != nil {
			v.Unload(old.Owner)
			l.h.Forget(old.Owner)
		}
		v.Activate(g.Owner)
		g.Counts = map[string]int{}
		for _, r := range v.Registrations() {
			if r.Owner == g.Owner {
				g.Counts[r.Kind]++
			}
		}
		return nil
	})
	if err != nil { // called off: the old generation keeps serving
		l.drop(g.Owner)
		return nil, &LoadError{Plugin: p.Name, Phase: PhaseStart, Err: err}
	}
	g.Duration = time.Since(began)
	l.live[p.Name] = g
	return g, nil
}

// Unload removes the running generation of the plugin named name (a
// deleted plugin file). It reports whether one was running. It does not
// wait for the loop: the unload is queued there, ahead of every job
// posted after Unload returns.
func (l *Loader) Unload(name string) bool {
	g := l.live[name]
	if g == nil {
		return false
	}
	l.drop(g.Owner)
	delete(l.live, name)
	return true
}

// Live returns the running generation of the plugin named name, or nil.
func (l *Loader) Live(name string) *Generation { return l.live[name] }

// start evaluates the generation's program and runs the start-up contract,
// waiting at most InitTimeout for both to settle. What it registers until
// then is staged and takes predecessor's place (engine.VM.BeginStaged).
func (l *Loader) start(ctx context.Context, g *Generation, predecessor engine.Owner) error {
	fail := func(err error) error { return &LoadError{Plugin: g.Plugin.Name, Phase: PhaseStart, Err: err} }
	// Queued, not waited for: the loop may be stuck, and the jobs after
	// it (the switch, or the drop) are queued behind it.
	defer l.e.Post(func(v *engine.VM) { v.EndStart(g.Owner) })
	done := make(chan error, 1)
	err := l.onLoop(ctx, "start "+g.Owner.String(), func(v *engine.VM) error {
		v.BeginStaged(g.Owner, predecessor)
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
		waitCtx, cancel := context.WithTimeout(ctx, l.opts.LoopTimeout)
		defer cancel()
		return fail(l.e.Wait(waitCtx)) // the loop's report says why
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

// drop unloads owner, a generation that failed or is no longer wanted.
// Queued, not waited for: a staged generation is invisible until it is
// activated, and a live one is gone for every job posted after this.
func (l *Loader) drop(owner engine.Owner) {
	l.e.Post(func(v *engine.VM) {
		v.EndStart(owner)
		v.Unload(owner)
		l.h.Forget(owner)
	})
}

// errCalledOff is what a job of onLoop returns when it runs after its
// caller stopped waiting.
var errCalledOff = errors.New("called off: the loop was busy for too long")

// onLoop runs fn on the loop and waits until ctx is done or LoopTimeout
// has passed. A job the loop has not begun by then is called off (it will
// not run), so a stuck loop cannot apply a reload later that its caller
// was told had failed; one already running is waited for (a loop job ends
// within the engine's job budget, or when it closes).
func (l *Loader) onLoop(ctx context.Context, what string, fn func(*engine.VM) error) error {
	var state atomic.Int32 // 0 queued, 1 running, 2 called off
	res := make(chan error, 1)
	go func() {
		// Not ctx: the job's end must be awaited once it has begun. Do
		// returns when the job runs or the engine closes.
		res <- l.e.Do(context.WithoutCancel(ctx), func(v *engine.VM) error {
			if !state.CompareAndSwap(0, 1) {
				return errCalledOff
			}
			return fn(v)
		})
	}()
	timer := time.NewTimer(l.opts.LoopTimeout)
	defer timer.Stop()
	var cause error
	select {
	case err := <-res:
		return err
	case <-ctx.Done():
		cause = ctx.Err()
	case <-timer.C:
		cause = fmt.Errorf("%w (%s)", ErrLoopTimeout, l.opts.LoopTimeout)
	}
	if state.CompareAndSwap(0, 2) {
		return fmt.Errorf("%s: %w", what, cause)
	}
	return <-res
}
