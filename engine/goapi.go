package engine

import (
	"context"
	"fmt"
	"sync/atomic"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsfunc"
)

// Handler implements an action in Go. It runs on its own goroutine, off the
// loop, with a context cancelled by Close. Its result (JSON-like data)
// fulfils the invocation's body promise; an error or a panic rejects it.
type Handler func(ctx context.Context, p Payload) (any, error)

// ListenerFunc is a Go before/after listener. It runs off the loop like a
// Handler; the invocation waits for it. A before listener may call ev.Abort.
// A returned error is logged and otherwise ignored, as Flex does.
type ListenerFunc func(ctx context.Context, ev ListenerEvent) error

// ListenerEvent is what a Go listener receives.
type ListenerEvent struct {
	Event   string  // e.g. "beforeAcceptTask"
	Payload Payload // a copy: changes do not reach JavaScript
	// Abort cancels the invocation (before listeners only; nil otherwise).
	Abort func()
}

// RegisterAction registers a Go-implemented action owned by the Go host,
// replacing an earlier body of name. ctx bounds the wait for the loop.
// Safe from any goroutine.
func (e *Engine) RegisterAction(ctx context.Context, name string, h Handler) error {
	if h == nil {
		return fmt.Errorf("register action %s: nil handler", name)
	}
	return e.Do(ctx, func(v *VM) error {
		return v.RegisterGoAction(HostOwner, name, h)
	})
}

// AddListener adds a Go listener for event ("beforeX", "afterX", ...), owned
// by the Go host. The returned function removes it. ctx bounds the wait for
// the loop. Safe from any goroutine.
func (e *Engine) AddListener(ctx context.Context, event string, fn ListenerFunc) (remove func(context.Context) error, err error) {
	if fn == nil {
		return nil, fmt.Errorf("add listener %s: nil listener", event)
	}
	var jsFn goja.Value
	err = e.Do(ctx, func(v *VM) error {
		jsFn = v.goListener(event, fn)
		return v.AddListener(HostOwner, event, jsFn)
	})
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context) error {
		return e.Do(ctx, func(v *VM) error { return v.RemoveListener(event, jsFn) })
	}, nil
}

// Invoke invokes an action like flex.Actions.invokeAction and waits for the
// result, exported to Go data. A rejection comes back as *ActionError
// wrapping *JSError. ctx bounds the wait only: the invocation itself goes on.
// Safe from any goroutine except the loop.
func (e *Engine) Invoke(ctx context.Context, name string, payload any) (any, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	type result struct {
		val any
		err error
	}
	ch := make(chan result, 1)
	ok := e.post(func() {
		v := e.vm
		arg, err := v.importValue(payload, "payload")
		if err != nil {
			ch <- result{err: &ActionError{Action: name, Phase: PhaseBegin, Err: err}}
			return
		}
		// Settled directly from the pipeline: no promise, no reaction
		// that an interrupt could lose.
		var inv *invocation
		inv = v.newGoInvocation(name, arg, &delivery{
			settle: func(val goja.Value, rejected bool) {
				if rejected {
					ch <- result{err: inv.failure(v.exportError(val))}
					return
				}
				out, err := v.export(val, "result")
				if err != nil {
					ch <- result{err: &ActionError{Action: name, Phase: PhaseEnd, Err: err}}
					return
				}
				ch <- result{val: out}
			},
			abort: func(err error) {
				ch <- result{err: &ActionError{Action: name, Phase: PhaseEnd, Err: fmt.Errorf("reading the result: %w", err)}}
			},
		})
		v.drive(inv)
	})
	if !ok {
		return nil, ErrClosed
	}
	select {
	case r := <-ch:
		return r.val, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-e.done:
		return nil, ErrClosed
	}
}

// RegisterGoAction registers a Go handler as the body of name. The body is a
// JavaScript function returning a promise, so replacements receive it as
// original like any other body. Loop only.
func (v *VM) RegisterGoAction(owner Owner, name string, h Handler) error {
	// JavaScript sees it as the original of a replacement, named after the action.
	body := jsfunc.New(v.rt, name, 0, func(c goja.FunctionCall) goja.Value {
		return v.goAsync(name, c.Argument(0), func(ctx context.Context, p Payload) (any, error) {
			return h(ctx, p)
		})
	})
	return v.RegisterAction(owner, name, body, nil)
}

// goListener is a Go listener as the JavaScript function the registry
// keeps; newListener and removeListener listeners see it, named after the
// event.
func (v *VM) goListener(event string, fn ListenerFunc) goja.Value {
	return jsfunc.New(v.rt, event, 0, func(c goja.FunctionCall) goja.Value {
		var aborted atomic.Bool
		ev := ListenerEvent{Event: event}
		abort, canAbort := goja.AssertFunction(c.Argument(1))
		if canAbort {
			ev.Abort = func() { aborted.Store(true) }
		}
		promise := v.goAsync(event, c.Argument(0), func(ctx context.Context, p Payload) (any, error) {
			ev.Payload = p
			return nil, fn(ctx, ev)
		})
		if canAbort {
			// The abort must land before the listener's promise settles;
			// settle callbacks run in order on the loop, so chain it first.
			v.then(promise, func(goja.Value) {
				if aborted.Load() {
					abort(goja.Undefined())
				}
			}, func(goja.Value) {
				if aborted.Load() {
					abort(goja.Undefined())
				}
			})
		}
		return promise
	})
}

// goAsync runs work off the loop and returns a promise it settles exactly once.
func (v *VM) goAsync(what string, payload goja.Value, work Handler) goja.Value {
	p, resolve, reject := v.rt.NewPromise()
	var data Payload
	exported, err := v.export(payload, "payload")
	if err != nil {
		reject(v.goError(fmt.Errorf("%s: %w", what, err)))
		return v.rt.ToValue(p)
	}
	if m, ok := exported.(map[string]any); ok {
		data = m
	}
	settle := v.e.reserve()
	v.Go(func(ctx context.Context) {
		res, err := runHandler(ctx, work, data)
		settle(func() {
			if err != nil {
				reject(v.goError(err))
				return
			}
			val, err := v.importValue(res, "result")
			if err != nil {
				reject(v.goError(fmt.Errorf("%s: %w", what, err)))
				return
			}
			resolve(val)
		})
	})
	return v.rt.ToValue(p)
}

func runHandler(ctx context.Context, h Handler, p Payload) (res any, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("go handler panicked: %v", r)
		}
	}()
	return h(ctx, p)
}

// goErrorBox carries a Go error inside the JavaScript Error made from it.
type goErrorBox struct{ err error }

// goError is the JavaScript Error a failing Go handler rejects with. It
// keeps the Go error, so that errors.Is / errors.As on what Invoke returns
// still find it after the round trip through JavaScript.
func (v *VM) goError(err error) *goja.Object {
	e := v.newError(v.errorCtor, err.Error())
	e.DefineDataPropertySymbol(v.goErrorMark, v.rt.ToValue(&goErrorBox{err}), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	return e
}

// goErrorOf returns the Go error a JavaScript Error was made from, or nil.
func (v *VM) goErrorOf(obj *goja.Object) error {
	if val := obj.GetSymbol(v.goErrorMark); val != nil {
		if box, ok := val.Export().(*goErrorBox); ok {
			return box.err
		}
	}
	return nil
}
