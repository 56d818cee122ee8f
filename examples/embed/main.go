// Command embed shows a Go program embedding flexrun: it implements a Flex
// action in Go, listens to it from Go, loads a TypeScript plugin that
// replaces the action and listens to it too, then invokes the action from Go.
//
//	go run ./examples/embed
//
// Lines starting with "go:" come from the Go side, "plugin:" from plugin.ts.
package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/jsapi"
	"github.com/flexrun/flexrun/plugins"
)

// pluginSource is plugin.ts, embedded so that the program runs from any
// working directory: plugins.RunScript takes a path, so run writes it out.
//
//go:embed plugin.ts
var pluginSource []byte

// customers is the Go side's "CRM".
var customers = map[string]map[string]any{
	"C-1001": {"name": "Ada Lovelace", "tier": "gold", "openTasks": 1},
	"C-1002": {"name": "Alan Turing", "tier": "silver", "openTasks": 3},
}

func main() {
	if err := run(os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "embed:", err)
		os.Exit(1)
	}
}

func run(stdout, stderr io.Writer) error {
	ctx := context.Background()
	// console.log writes from the engine's loop goroutine, our Go handler and
	// listener from goroutines of their own. One invocation orders them, but
	// timers or concurrent invocations would not: share the writers under a lock.
	var mu sync.Mutex
	stdout, stderr = &lockedWriter{mu: &mu, w: stdout}, &lockedWriter{mu: &mu, w: stderr}

	e, h, err := jsapi.New(jsapi.Options{Stdout: stdout, Stderr: stderr}, engine.Options{})
	if err != nil {
		return err
	}
	defer e.Close()

	// The action's body, in Go. It runs on its own goroutine.
	err = e.RegisterAction(ctx, "LookupCustomer", func(ctx context.Context, p engine.Payload) (any, error) {
		id, _ := p["id"].(string)
		c, ok := customers[id]
		if !ok {
			return nil, fmt.Errorf("no customer with id %q", id)
		}
		fmt.Fprintf(stdout, "go:     LookupCustomer body found %s\n", id)
		return c, nil
	})
	if err != nil {
		return err
	}

	// A Go listener sees the payload before any replacement touches it.
	_, err = e.AddListener(ctx, "beforeLookupCustomer", func(ctx context.Context, ev engine.ListenerEvent) error {
		fmt.Fprintf(stdout, "go:     %s with id %q\n", ev.Event, ev.Payload["id"])
		return nil
	})
	if err != nil {
		return err
	}

	// Load the plugin: it replaces LookupCustomer and adds an after listener.
	dir, err := os.MkdirTemp("", "flexrun-embed-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "plugin.ts")
	if err := os.WriteFile(path, pluginSource, 0o644); err != nil {
		return err
	}
	if err := plugins.RunScript(ctx, e, h, path); err != nil {
		return fmt.Errorf("load plugin: %w", err)
	}

	for _, id := range []string{"  c-1001 ", "c-9999"} {
		fmt.Fprintf(stdout, "\ngo:     Invoke LookupCustomer {id: %q}\n", id)
		res, err := e.Invoke(ctx, "LookupCustomer", map[string]any{"id": id})
		var ae *engine.ActionError
		switch {
		case errors.As(err, &ae):
			// The Go handler's error, rejected through the plugin's replacement.
			fmt.Fprintf(stdout, "go:     rejected: %v\n", ae.Err)
			continue
		case err != nil:
			return err
		}
		out, err := json.MarshalIndent(res, "        ", "  ")
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "go:     result %s\n", out)
	}
	return nil
}

// lockedWriter serialises writes from the engine's loop and Go callbacks.
type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
