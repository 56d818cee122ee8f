// Command hotreload shows a Go service keeping Flex plugins hot: it loads a
// plugin directory, watches it, and reacts to reload events while a plugin
// is edited, broken, fixed and deleted. Every step waits for the watcher's
// event, never for a sleep.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/jsapi"
	"github.com/flexrun/flexrun/plugins"
)

func main() {
	if err := run(os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "hotreload:", err)
		os.Exit(1)
	}
}

const (
	greeterV1 = `import { Actions } from "@twilio/flex-ui";
Actions.registerAction("Greet", (p) => "hello " + p.name);
`
	greeterV2 = `import { Actions } from "@twilio/flex-ui";
Actions.registerAction("Greet", (p) => "hello " + p.name);
Actions.replaceAction("Greet", async (p, original) => (await original(p)).toUpperCase() + "!");
`
	greeterBroken = `import { Actions } from "@twilio/flex-ui";
Actions.registerAction("Greet", (p) => "hello " + );
`
)

func run(stdout, stderr io.Writer) error {
	dir, err := os.MkdirTemp("", "flexrun-hotreload")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	plugin := filepath.Join(dir, "greeter.ts")
	if err := save(plugin, greeterV1); err != nil {
		return err
	}

	e, h, err := jsapi.New(jsapi.Options{Stdout: stdout, Stderr: stderr}, engine.Options{})
	if err != nil {
		return err
	}
	defer e.Close()
	src, err := plugins.WatchDirs(dir)
	if err != nil {
		return err
	}
	defer src.Close()

	events := make(chan plugins.Event, 16)
	w := plugins.NewWatcher(plugins.NewLoader(e, h, plugins.LoaderOptions{}), []string{dir}, src,
		plugins.WatchOptions{OnEvent: func(ev plugins.Event) { events <- ev }})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w.Load(ctx)
	go w.Run(ctx)

	// outcome waits for the end of the next reload and describes it.
	outcome := func() string {
		for ev := range events {
			switch ev := ev.(type) {
			case plugins.ReloadSucceeded:
				return fmt.Sprintf("generation %d serving (replaced %d): %v", ev.Generation, ev.Previous, ev.Registrations)
			case plugins.ReloadFailed:
				var ce *plugins.CompileError
				if errors.As(ev.Err, &ce) {
					d := ce.Diagnostics[0]
					return fmt.Sprintf("compile error at %s:%d:%d (%s); generation %d keeps serving", filepath.Base(d.File), d.Line, d.Column, d.Message, ev.Serving)
				}
				return fmt.Sprintf("failed: %v; generation %d keeps serving", ev.Err, ev.Serving)
			case plugins.PluginUnloaded:
				return fmt.Sprintf("generation %d unloaded", ev.Generation)
			}
		}
		return "no more events"
	}
	greet := func() {
		res, err := e.Invoke(ctx, "Greet", map[string]any{"name": "Ada"})
		if err != nil {
			fmt.Fprintf(stdout, "  Greet: %v\n", err)
			return
		}
		fmt.Fprintf(stdout, "  Greet: %v\n", res)
	}

	fmt.Fprintln(stdout, "load:", outcome())
	greet()
	steps := []struct {
		what string
		do   func() error
	}{
		{"add a replacement", func() error { return save(plugin, greeterV2) }},
		{"break the syntax", func() error { return save(plugin, greeterBroken) }},
		{"fix it again", func() error { return save(plugin, greeterV1) }},
		{"delete the file", func() error { return os.Remove(plugin) }},
	}
	for _, step := range steps {
		if err := step.do(); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: %s\n", step.what, outcome())
		greet()
	}
	return nil
}

// save writes a file the way editors do: a temp file renamed over it.
func save(path, src string) error {
	tmp := path + ".swp"
	if err := os.WriteFile(tmp, []byte(src), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
