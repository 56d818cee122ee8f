package plugins_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/plugins"
)

// These tests drive real fsnotify. They never sleep: each waits for the
// change it expects, with a timeout generous enough for a loaded machine.
const watchTimeout = 5 * time.Second

func TestWatchDirsWrite(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := writeFile(t, dir, "index.ts", "a")
	src := watchDirs(t, dir)

	writeFile(t, dir, "index.ts", "b")
	waitChanges(t, src, change(file, plugins.Write))
}

func TestWatchDirsEditorSave(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := writeFile(t, dir, "index.ts", "a")
	src := watchDirs(t, dir)

	tmp := writeFile(t, dir, "index.ts.tmp", "b")
	require.NoError(t, os.Rename(tmp, file))
	waitChanges(t, src, change(file, plugins.Create|plugins.Rename))
}

func TestWatchDirsRemoveThenCreate(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := writeFile(t, dir, "index.ts", "a")
	src := watchDirs(t, dir)

	require.NoError(t, os.Remove(file))
	writeFile(t, dir, "index.ts", "b")
	waitChanges(t, src, change(file, plugins.Remove), change(file, plugins.Create))
}

func TestWatchDirsNewSubDirectory(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := watchDirs(t, dir)

	sub := filepath.Join(dir, "queue-stats")
	require.NoError(t, os.Mkdir(sub, 0o755))
	// The Create of a directory is delivered once it is watched.
	waitChanges(t, src, change(sub, plugins.Create))
	file := writeFile(t, sub, "index.ts", "a")
	waitChanges(t, src, change(file, plugins.Create), change(file, plugins.Write))
}

// A directory tree and its file made at once, before any watch can be
// added: the file is found by the walk that adds the watches.
func TestWatchDirsNewNestedDirectoryRace(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := watchDirs(t, dir)

	nested := filepath.Join(dir, "a", "b", "c")
	require.NoError(t, os.MkdirAll(nested, 0o755))
	file := writeFile(t, nested, "index.ts", "a")
	waitChanges(t, src, change(file, plugins.Create))

	// And the new directories are watched: a later write is seen.
	writeFile(t, nested, "index.ts", "b")
	waitChanges(t, src, change(file, plugins.Write))
}

func TestWatchDirsDirectoryMovedIn(t *testing.T) {
	t.Parallel()
	dir, outside := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(outside, "plugin", "src"), "index.ts", "a")
	src := watchDirs(t, dir)

	moved := filepath.Join(dir, "plugin")
	require.NoError(t, os.Rename(filepath.Join(outside, "plugin"), moved))
	file := filepath.Join(moved, "src", "index.ts")
	waitChanges(t, src, change(moved, plugins.Create), change(file, plugins.Create))

	writeFile(t, filepath.Join(moved, "src"), "index.ts", "b")
	waitChanges(t, src, change(file, plugins.Write))
}

// A directory renamed inside the tree is reported under its new name, its
// sub-directories included, and stays watched (fsnotify alone loses it).
func TestWatchDirsDirectoryRenamed(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "old", "src"), "index.ts", "a")
	src := watchDirs(t, dir)

	renamed := filepath.Join(dir, "new")
	require.NoError(t, os.Rename(filepath.Join(dir, "old"), renamed))
	waitChanges(t, src, change(filepath.Join(dir, "old"), plugins.Rename), change(renamed, plugins.Create))

	file := writeFile(t, filepath.Join(renamed, "src"), "index.ts", "b")
	top := writeFile(t, renamed, "top.ts", "b")
	seen := waitChanges(t, src, change(file, plugins.Write), change(top, plugins.Write))
	for _, c := range seen {
		assert.NotContains(t, c.Path, filepath.Join(dir, "old")+string(filepath.Separator), "a change under the old name")
	}
}

// Dot directories and node_modules are not watched. Changes from one
// inotify instance arrive in order, so anything from them would come before
// the change to the plugin file.
func TestWatchDirsSkipsHiddenAndNodeModules(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	git := writeFile(t, filepath.Join(dir, ".git"), "HEAD", "a")
	dep := writeFile(t, filepath.Join(dir, "plugin", "node_modules", "dep"), "index.js", "a")
	file := writeFile(t, filepath.Join(dir, "plugin"), "index.ts", "a")
	src := watchDirs(t, dir)

	writeFile(t, filepath.Join(dir, ".git"), "HEAD", "b")
	writeFile(t, filepath.Join(dir, "plugin", "node_modules", "dep"), "index.js", "b")
	writeFile(t, filepath.Join(dir, "plugin"), "index.ts", "b")
	for _, c := range waitChanges(t, src, change(file, plugins.Write)) {
		assert.NotEqual(t, git, c.Path)
		assert.NotEqual(t, dep, c.Path)
	}
}

func TestWatchDirsRelativeDir(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	wd, err := os.Getwd()
	require.NoError(t, err)
	rel, err := filepath.Rel(wd, dir)
	require.NoError(t, err)
	require.False(t, filepath.IsAbs(rel))
	src := watchDirs(t, rel)

	writeFile(t, dir, "index.ts", "a")
	for _, c := range waitChanges(t, src, change(filepath.Join(dir, "index.ts"), plugins.Create)) {
		assert.True(t, filepath.IsAbs(c.Path), c.Path)
	}
}

func TestWatchDirsBadDir(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := writeFile(t, dir, "index.ts", "a")
	for name, path := range map[string]string{
		"missing": filepath.Join(dir, "missing"),
		"file":    file,
	} {
		t.Run(name, func(t *testing.T) {
			src, err := plugins.WatchDirs(dir, path)
			require.Error(t, err)
			assert.Nil(t, src)
			assert.Contains(t, err.Error(), path)
		})
	}
}

// An overflow of the kernel's queue arrives as an error: nobody reads while
// more events are made than the queue holds.
func TestWatchDirsOverflow(t *testing.T) {
	t.Parallel()
	if runtime.GOOS != "linux" {
		t.Skip("inotify only")
	}
	raw, err := os.ReadFile("/proc/sys/fs/inotify/max_queued_events")
	if err != nil {
		t.Skip(err)
	}
	queue, err := strconv.Atoi(strings.TrimSpace(string(raw)))
	if err != nil || queue > 1<<18 {
		t.Skipf("max_queued_events %q", raw)
	}
	dir := t.TempDir()
	a, b := writeFile(t, dir, "a", ""), writeFile(t, dir, "b", "")
	src := watchDirs(t, dir)

	// Twice the queue: fsnotify reads a few thousand events ahead of its
	// channel. Alternate files: inotify merges an event into an identical
	// last one.
	for i := range 2*queue + 8192 {
		path := a
		if i%2 == 1 {
			path = b
		}
		require.NoError(t, os.Chmod(path, 0o644))
	}
	deadline := time.After(watchTimeout)
	for {
		select {
		case c, ok := <-src.Changes():
			require.True(t, ok, "Changes closed")
			if c.Err != nil {
				assert.Empty(t, c.Path)
				return
			}
		case <-deadline:
			t.Fatal("no error after overflowing the queue")
		}
	}
}

func TestWatchDirsClose(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src, err := plugins.WatchDirs(dir)
	require.NoError(t, err)
	writeFile(t, dir, "index.ts", "a") // changes nobody reads

	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() { assert.NoError(t, src.Close()) })
	}
	wg.Wait()
	assert.NoError(t, src.Close())
	timeout := time.After(watchTimeout)
	for {
		select {
		case _, ok := <-src.Changes():
			if !ok {
				return
			}
		case <-timeout:
			t.Fatal("Changes not closed after Close")
		}
	}
}

// Not parallel: it counts the process's goroutines.
func TestWatchDirsNoGoroutineLeak(t *testing.T) {
	before := runtime.NumGoroutine()
	dir := t.TempDir()
	src, err := plugins.WatchDirs(dir)
	require.NoError(t, err)
	file := writeFile(t, dir, "index.ts", "a")
	waitChanges(t, src, change(file, plugins.Create))
	writeFile(t, dir, "index.ts", "b") // left unread
	require.NoError(t, src.Close())

	_, err = plugins.WatchDirs(dir, filepath.Join(dir, "missing"))
	require.Error(t, err)

	deadline := time.Now().Add(watchTimeout)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		runtime.Gosched()
		time.Sleep(time.Millisecond)
	}
	assert.LessOrEqual(t, runtime.NumGoroutine(), before)
}

// watchDirs starts WatchDirs and closes it at the end of the test.
func watchDirs(t *testing.T, dirs ...string) plugins.ChangeSource {
	t.Helper()
	src, err := plugins.WatchDirs(dirs...)
	require.NoError(t, err)
	t.Cleanup(func() { assert.NoError(t, src.Close()) })
	return src
}

// writeFile writes name in dir, making dir if needed, and returns its path.
func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	require.NoError(t, os.MkdirAll(dir, 0o755))
	path := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	return path
}

type wantChange struct {
	path string
	op   plugins.Op // any of these bits
}

func change(path string, op plugins.Op) wantChange { return wantChange{path, op} }

// waitChanges reads changes until each of want has been seen, in order, and
// returns everything read. A source error, a closed source or a timeout
// fails the test.
func waitChanges(t *testing.T, src plugins.ChangeSource, want ...wantChange) []plugins.Change {
	t.Helper()
	var seen []plugins.Change
	timeout := time.After(watchTimeout)
	for len(want) > 0 {
		select {
		case c, ok := <-src.Changes():
			require.True(t, ok, "Changes closed; seen %v", seen)
			require.NoError(t, c.Err)
			seen = append(seen, c)
			if c.Path == want[0].path && c.Op&want[0].op != 0 {
				want = want[1:]
			}
		case <-timeout:
			t.Fatalf("no %s %s within %s; seen %v", want[0].op, want[0].path, watchTimeout, seen)
		}
	}
	return seen
}

// A linked plugin directory at the top of a watched one is followed: its
// changes arrive under the target's real path, as esbuild names it.
func TestWatchDirsLinkedPluginDirectory(t *testing.T) {
	t.Parallel()
	dir, elsewhere := t.TempDir(), t.TempDir()
	writeFile(t, elsewhere, "index.ts", "a")
	require.NoError(t, os.Symlink(elsewhere, filepath.Join(dir, "linked")))
	src := watchDirs(t, dir)

	file := writeFile(t, elsewhere, "index.ts", "b")
	real, err := filepath.EvalSymlinks(file)
	require.NoError(t, err)
	waitChanges(t, src, change(real, plugins.Write))
}
