package engine

import (
	"context"
	"io"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// Options configure an Engine. The zero value works.
type Options struct {
	// Setup runs on the loop before New returns, to install the JavaScript
	// surface (package jsapi does this). An error fails New.
	Setup func(*VM) error
	// Log receives the engine's own reports: errors of listeners (logged and
	// otherwise ignored, as Flex does) and uncaught errors when OnUncaught is
	// nil. Default: io.Discard.
	Log io.Writer
	// OnUncaught is told, on the loop, of every uncaught error and unhandled
	// rejection. It must not block. Default: print to Log.
	OnUncaught func(*UncaughtError)
	// JobBudget bounds how long one loop job (a script's top level, a timer
	// callback, the continuation of a settled promise) may run before it is
	// interrupted. Default 10s; negative disables the budget.
	JobBudget time.Duration
	// Trace, when set, receives a line per invocation step (invoked,
	// each listener with its owner, abort, which body or replacement ran,
	// the outcome and its time) and per registration. Default: off.
	Trace io.Writer
	// MaxCallStackSize bounds JavaScript call depth; deeper recursion fails
	// with "RangeError: Maximum call stack size exceeded". Default 10000.
	MaxCallStackSize int
	// VirtualTime runs the engine on a virtual clock: it starts at the wall
	// clock's time, and once the loop has nothing left but timers it moves
	// to the next deadline and fires that timer at once, so timers fire in
	// time order without waiting. Date.now() follows it. Default: real time.
	VirtualTime bool
}

func (o *Options) fillDefaults() {
	if o.Log == nil {
		o.Log = io.Discard
	}
	if o.JobBudget == 0 {
		o.JobBudget = 10 * time.Second
	}
	if o.MaxCallStackSize == 0 {
		o.MaxCallStackSize = 10000
	}
}

// Engine is one JavaScript world with its Flex Actions registry and its loop.
// Its methods are safe from any goroutine.
type Engine struct {
	opts Options
	rt   *goja.Runtime
	vm   *VM

	mu     sync.Mutex
	queue  []func()
	spare  []func()
	closed bool
	wake   chan struct{}
	stop   chan struct{}
	done   chan struct{}

	ctx      context.Context // cancelled by Close; parent of Go handlers' contexts
	cancel   context.CancelFunc
	handlers sync.WaitGroup // Go action handlers and listeners still running

	budgetMu    sync.Mutex
	budgetJob   uint64
	budgetTimer *time.Timer

	// Loop only.
	jobCall         goja.Callable // runs current inside a JavaScript call
	current         func()
	micro           microtasks
	jobSeq          uint64
	jobOwner        Owner
	timers          timerHeap
	timerByID       map[int]*timer
	timerSeq        uint64
	reserved        int
	waiters         []chan error
	uncaughtBacklog []*UncaughtError
	virtualNow      time.Time // under Options.VirtualTime (clock.go)
	settleWaiters   []func()  // VM.WhenSettled callbacks
	setupDone       bool      // Options.Setup has run (trace.go)
}

// New starts an engine: its runtime, its loop goroutine and the Setup hook.
func New(opts Options) (*Engine, error) {
	opts.fillDefaults()
	e := &Engine{
		opts:       opts,
		rt:         goja.New(),
		wake:       make(chan struct{}, 1),
		stop:       make(chan struct{}),
		done:       make(chan struct{}),
		timerByID:  map[int]*timer{},
		virtualNow: time.Now(),
		setupDone:  opts.Setup == nil,
	}
	e.rt.SetTimeSource(e.now)
	e.ctx, e.cancel = context.WithCancel(context.Background())
	q, err := jobQueueOf(e.rt)
	if err != nil {
		return nil, err
	}
	e.micro.goja = q
	e.vm = newVM(e)
	// Plumbing under every job's stack: it keeps its Go name, by which
	// NodeStack leaves its frame out (see package jsfunc).
	runCurrent := e.rt.ToValue(func(goja.FunctionCall) goja.Value {
		// Armed here, inside the call: an interrupt that landed before the
		// job started would drop it unrun (and whoever waits for it).
		e.armBudget()
		e.current()
		e.micro.drain()
		for e.vm.reportUnhandled() {
			e.micro.drain()
		}
		e.disarmBudget()
		return goja.Undefined()
	})
	e.jobCall = func(goja.Value, ...goja.Value) (goja.Value, error) {
		return e.vm.viaJS(goja.Undefined(), runCurrent)
	}
	go e.loop()
	if opts.Setup != nil {
		err := e.Do(context.Background(), func(v *VM) error {
			defer func() { e.setupDone = true }()
			return opts.Setup(v)
		})
		if err != nil {
			e.Close()
			return nil, err
		}
	}
	return e, nil
}

// Close stops the loop, cancels the contexts of running Go handlers and
// waits for them. Timers and pending work are dropped. Close is idempotent;
// afterwards every method returns ErrClosed.
func (e *Engine) Close() error {
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		<-e.done
		return nil
	}
	e.closed = true
	e.mu.Unlock()
	e.cancel()
	close(e.stop)
	<-e.done
	e.handlers.Wait()
	return nil
}

// Do runs fn on the loop and waits for it. fn may use the *VM (and through
// it the goja runtime) until it returns. A JavaScript exception that fn
// returns comes back as *JSError; ErrAborted means the job was cut short by
// its time budget or a stack overflow, reported as uncaught (see Wait).
// Safe from any goroutine except the loop.
func (e *Engine) Do(ctx context.Context, fn func(*VM) error) error {
	res := make(chan error, 1)
	if !e.post(func() {
		sent := false
		defer func() {
			if !sent { // fn is unwinding the job (an interrupt): the loop reports why
				res <- ErrAborted
			}
		}()
		err := fn(e.vm)
		if isUncatchable(err) {
			res <- ErrAborted // the loop reports the interrupt, with where it hit
			sent = true
			panic(err) // keep unwinding the job
		}
		res <- e.vm.errorFromException(err)
		sent = true
	}) {
		return ErrClosed
	}
	select {
	case err := <-res:
		return err
	case <-ctx.Done():
		return ctx.Err()
	case <-e.done:
		select {
		case err := <-res:
			return err
		default:
			return ErrClosed
		}
	}
}

// Post queues fn to run on the loop and returns at once; false once closed.
// Safe from any goroutine.
func (e *Engine) Post(fn func(*VM)) bool {
	return e.post(func() { fn(e.vm) })
}

// Wait blocks until the engine is idle — no queued job, no timer, no Go
// action or fetch in flight — and returns nil, or returns the first uncaught
// error or unhandled rejection not yet returned. When ctx is done first, it
// returns ctx's error and leaves the report it would have returned to the
// next Wait. Safe from any goroutine except the loop.
func (e *Engine) Wait(ctx context.Context) error {
	ch := make(chan error, 1)
	if !e.post(func() {
		if len(e.uncaughtBacklog) > 0 {
			u := e.uncaughtBacklog[0]
			e.uncaughtBacklog = e.uncaughtBacklog[1:]
			ch <- u
			return
		}
		e.waiters = append(e.waiters, ch)
	}) {
		return ErrClosed
	}
	select {
	case err := <-ch:
		if err == nil {
			return nil
		}
		return err
	case <-ctx.Done():
		e.post(func() { e.dropWaiter(ch) })
		return ctx.Err()
	case <-e.done:
		return ErrClosed
	}
}

// dropWaiter forgets the channel of a Wait that gave up, so that it does
// not take the next report from the next Wait; a report already sent to it
// goes back to the backlog. Loop only.
func (e *Engine) dropWaiter(ch chan error) {
	for i, w := range e.waiters {
		if w == ch {
			e.waiters = append(e.waiters[:i], e.waiters[i+1:]...)
			return
		}
	}
	select {
	case err := <-ch:
		if u, ok := err.(*UncaughtError); ok {
			e.uncaughtBacklog = append([]*UncaughtError{u}, e.uncaughtBacklog...)
		}
	default:
	}
}

// Unload removes everything owner registered: action bodies, replacement
// layers, listeners and timers. Where its body or replacement was the one
// running, the one registered before it runs again. It returns how many
// registrations were removed. Safe from any goroutine.
func (e *Engine) Unload(ctx context.Context, owner Owner) (int, error) {
	var n int
	err := e.Do(ctx, func(v *VM) error {
		n = v.Unload(owner)
		return nil
	})
	return n, err
}

// Registrations lists the registry (see VM.Registrations), or only owner's
// entries when owner is not the zero Owner. Safe from any goroutine.
func (e *Engine) Registrations(ctx context.Context, owner Owner) ([]Registration, error) {
	var out []Registration
	err := e.Do(ctx, func(v *VM) error {
		for _, r := range v.Registrations() {
			if owner == (Owner{}) || r.Owner == owner {
				out = append(out, r)
			}
		}
		return nil
	})
	return out, err
}

// reserve marks work in flight off the loop (a Go action, a fetch) so the
// loop does not count as idle; the returned function settles it exactly once
// by posting fn to the loop. Loop only.
func (e *Engine) reserve() func(fn func()) {
	e.reserved++
	code := e.vm.code // the settling continues the code that started the work
	var once sync.Once
	return func(fn func()) {
		settled := false
		once.Do(func() {
			settled = true
			if !e.post(func() {
				e.reserved--
				e.vm.code = code
				fn()
			}) {
				return
			}
		})
		if !settled {
			panic("engine: reservation settled twice")
		}
	}
}
