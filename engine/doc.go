// Package engine is flexrun's core: one goja runtime owned by one loop
// goroutine, the Flex Actions registry (actions, replacements, listeners, each
// stamped with an Owner), the invocation pipeline that reproduces Flex UI 1.x
// tick for tick, and the Go API.
//
// A Go program embeds an engine like this:
//
//	e, err := engine.New(engine.Options{})
//	if err != nil { ... }
//	defer e.Close()
//	e.RegisterAction(ctx, "Lookup", func(ctx context.Context, p engine.Payload) (any, error) {
//		return map[string]any{"found": p["id"]}, nil
//	})
//	res, err := e.Invoke(ctx, "Lookup", engine.Payload{"id": 7})
//
// The JavaScript surface (flex.Actions, console, timers, ...) is installed by
// package jsapi through Options.Setup; engine itself knows nothing of files,
// esbuild or Flex's built-in actions.
//
// # Concurrency
//
// Exactly one goroutine, the loop, touches the goja runtime. Methods of
// *Engine are safe from any goroutine; they post work to the loop. Methods of
// *VM are loop only: a *VM is handed to functions the loop runs (Setup, Do,
// Post) and must not escape them.
//
// # Errors
//
// Invoke returns *ActionError wrapping *JSError for JavaScript failures,
// ErrUnknownAction-style core errors keep Flex's message in JSError.Message.
// After Close every method returns ErrClosed. Uncaught JavaScript errors and
// unhandled rejections are reported through Options.OnUncaught and returned
// by Wait.
package engine
