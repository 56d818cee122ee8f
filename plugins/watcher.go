package plugins

// The Watcher turns file changes into reloads. It batches the changes of a
// burst (an editor's save is several events; a branch switch is hundreds)
// with a trailing debounce, then rescans the plugin directories: new
// plugins load, vanished ones unload, and a plugin reloads when a file its
// last bundle read (the metafile's inputs) changed.

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// DefaultDebounce is how long a Watcher waits after a change for more.
const DefaultDebounce = 50 * time.Millisecond

// WatchOptions configure a Watcher. The zero value works.
type WatchOptions struct {
	// Debounce is how long to wait after a change before reloading, so that
	// the several events of one save make one reload. Default DefaultDebounce.
	Debounce time.Duration
	// OnEvent receives every event in order, on the goroutine that loads
	// (Load's caller, then Run's). It should return quickly.
	OnEvent func(Event)
}

// ErrWatcherStopped is returned by ReloadAll once Run has returned.
var ErrWatcherStopped = errors.New("the plugin watcher has stopped")

// Watcher keeps the plugins of some directories loaded and reloads them as
// their files change. Load, then Run on one goroutine; ReloadAll may be
// called from any goroutine while Run runs.
type Watcher struct {
	l    *Loader
	dirs []string
	src  ChangeSource
	opts WatchOptions

	// Owned by the goroutine that loads.
	loaded  bool
	known   map[string]Plugin          // by name, as last discovered
	dirOf   map[string]string          // plugin name → the directory it was found in
	files   map[string]map[string]bool // plugin name → canonical files its live generation read
	failing map[string]bool            // plugins whose last attempt failed

	requests chan chan struct{}
	stopped  chan struct{}
}

// NewWatcher returns a Watcher for the plugins of dirs, loaded by l, whose
// changes src reports (WatchDirs for the file system). The caller closes src.
func NewWatcher(l *Loader, dirs []string, src ChangeSource, opts WatchOptions) *Watcher {
	if opts.Debounce <= 0 {
		opts.Debounce = DefaultDebounce
	}
	return &Watcher{
		l: l, dirs: dirs, src: src, opts: opts,
		known:    map[string]Plugin{},
		dirOf:    map[string]string{},
		files:    map[string]map[string]bool{},
		failing:  map[string]bool{},
		requests: make(chan chan struct{}),
		stopped:  make(chan struct{}),
	}
}

// Load discovers and loads every plugin, in sorted order, reporting each.
// Run calls it when it has not been called.
func (w *Watcher) Load(ctx context.Context) {
	w.loaded = true
	w.apply(ctx, nil, false)
}

// Run loads the plugins (unless Load did) and reloads them as changes
// arrive, until ctx is done (it returns ctx.Err()) or the change source is
// closed (nil).
func (w *Watcher) Run(ctx context.Context) error {
	defer close(w.stopped)
	if !w.loaded {
		w.Load(ctx)
	}
	changed := map[string]bool{}
	rescan := false
	debounce := time.NewTimer(w.opts.Debounce)
	debounce.Stop()
	defer debounce.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case c, ok := <-w.src.Changes():
			if !ok {
				return nil
			}
			switch {
			case c.Err != nil:
				// Events may have been lost (a queue overflow): rebuild all.
				w.emit(WatchError{Err: c.Err})
				rescan = true
			case c.Op&^Chmod == 0:
				continue // a permission change does not change code
			default:
				changed[canonical(c.Path)] = true
			}
			debounce.Reset(w.opts.Debounce)
		case <-debounce.C:
			w.apply(ctx, changed, rescan)
			changed, rescan = map[string]bool{}, false
		case done := <-w.requests:
			debounce.Stop()
			w.apply(ctx, changed, true)
			changed, rescan = map[string]bool{}, false
			close(done)
		}
	}
}

// ReloadAll rescans the directories and rebuilds every plugin, changed or
// not (the dev console's .reload). It returns when the reloads are done.
func (w *Watcher) ReloadAll(ctx context.Context) error {
	done := make(chan struct{})
	select {
	case w.requests <- done:
	case <-w.stopped:
		return ErrWatcherStopped
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// apply brings the loaded plugins in line with the directories: changed
// holds canonical paths; all rebuilds every plugin.
func (w *Watcher) apply(ctx context.Context, changed map[string]bool, all bool) {
	found := w.discover()
	for _, name := range sortedKeys(w.known) {
		if _, ok := found[name]; ok {
			continue
		}
		p := w.known[name]
		if g := w.l.Live(name); g != nil {
			w.l.Unload(name)
			w.emit(PluginUnloaded{Plugin: p, Generation: g.Owner.Generation})
		}
		delete(w.known, name)
		delete(w.dirOf, name)
		delete(w.files, name)
		delete(w.failing, name)
	}
	for _, name := range sortedKeys(found) {
		p := found[name]
		prev, seen := w.known[name]
		w.known[name] = p
		touched := w.touched(name, changed)
		// A plugin whose last build failed may be waiting for a file that
		// no metafile names yet (an import being written): retry it on
		// every change of a source file.
		if !seen || all || prev.Entry != p.Entry || len(touched) > 0 || (w.failing[name] && anySource(changed)) {
			w.reload(ctx, p, touched)
		}
	}
}

// discover lists the plugins of every directory by name. A directory that
// cannot be read keeps the plugins it had: a half-written file must not
// unload anything. (A malformed package.json is its plugin's Err: the
// reload fails and the last good generation keeps serving.)
func (w *Watcher) discover() map[string]Plugin {
	found := map[string]Plugin{}
	for _, dir := range w.dirs {
		list, err := Discover(dir)
		if err != nil {
			w.emit(WatchError{Err: err})
			for name, d := range w.dirOf {
				if d == dir {
					found[name] = w.known[name]
				}
			}
			continue
		}
		for _, p := range list {
			found[p.Name] = p
			w.dirOf[p.Name] = dir
		}
	}
	return found
}

// touched lists the changed files the plugin's live generation read.
func (w *Watcher) touched(name string, changed map[string]bool) []string {
	var out []string
	for path := range changed {
		if w.files[name][path] {
			out = append(out, path)
		}
	}
	slices.Sort(out)
	return out
}

// anySource reports whether a changed file could be imported by a plugin:
// not an editor's swap or backup file, nor a dot file.
func anySource(changed map[string]bool) bool {
	for path := range changed {
		name := filepath.Base(path)
		if strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") {
			continue
		}
		if isPluginFile(name) || strings.HasSuffix(name, ".json") { // package.json, tsconfig.json, imported data
			return true
		}
	}
	return false
}

func (w *Watcher) reload(ctx context.Context, p Plugin, touched []string) {
	w.emit(ReloadStarted{Plugin: p, Changed: touched})
	previous := 0
	if g := w.l.Live(p.Name); g != nil {
		previous = g.Owner.Generation
	}
	g, err := w.l.Reload(ctx, p)
	if err != nil {
		w.failing[p.Name] = true
		serving := 0
		if g := w.l.Live(p.Name); g != nil {
			serving = g.Owner.Generation
			w.files[p.Name] = canonicalSet(g.Files)
		}
		w.emit(ReloadFailed{Plugin: p, Err: err, Serving: serving})
		return
	}
	delete(w.failing, p.Name)
	w.files[p.Name] = canonicalSet(g.Files)
	w.emit(ReloadSucceeded{
		Plugin: p, Generation: g.Owner.Generation, Previous: previous,
		Registrations: g.Counts, Duration: g.Duration,
	})
}

func (w *Watcher) emit(ev Event) {
	if w.opts.OnEvent != nil {
		w.opts.OnEvent(ev)
	}
}

// canonical resolves the symbolic links of a path's directory, so that a
// change reported under the watched directory's name matches the real path
// esbuild read (the file itself may be gone: a delete).
func canonical(path string) string {
	dir, base := filepath.Split(filepath.Clean(path))
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		return filepath.Join(real, base)
	}
	return filepath.Clean(path)
}

func canonicalSet(paths []string) map[string]bool {
	set := make(map[string]bool, len(paths))
	for _, p := range paths {
		set[canonical(p)] = true
	}
	return set
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
