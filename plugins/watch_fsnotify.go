package plugins

// fsnotify watches are not recursive, so WatchDirs walks the tree itself and
// keeps it watched as it changes: a directory that appears is watched (with
// everything under it) before its Create is delivered, and a directory that
// is renamed has its watches dropped first. fsnotify would otherwise keep
// reporting a moved tree under its old path; and since inotify hands out the
// same watch for the same inode, watching the new name can return the old
// watch, which fsnotify then removes when the move reaches it, leaving the
// renamed directory silently unwatched.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"github.com/fsnotify/fsnotify"
)

// WatchDirs returns a ChangeSource for dirs and every directory under them,
// through fsnotify (inotify on Linux). Hidden directories (.git) and
// node_modules are not entered. A symbolic link to a directory at the top of
// one of dirs (a linked plugin directory) is followed, its changes reported
// under the target's path; links further down are not. Paths
// are absolute; relative dirs are taken from the working directory.
//
// When a directory appears under a watched one (made or moved in), it and its
// sub-directories are watched before its Create is delivered, and a Create
// follows for every file and directory already inside it: a plugin made with
// `mkdir x && echo > x/index.ts` may have its file before its watch.
// Operations map one to one; Chmod-only changes are delivered too. fsnotify's
// errors, such as an overflow of the kernel's queue, arrive as Change.Err.
//
// It fails, naming the directory, when one of dirs does not exist, is not a
// directory, or cannot be watched. Close is safe from any goroutine.
func WatchDirs(dirs ...string) (ChangeSource, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch plugin directories: %w", err)
	}
	s := &fsnotifySource{
		w:       w,
		changes: make(chan Change, 64),
		done:    make(chan struct{}),
		exited:  make(chan struct{}),
	}
	for _, dir := range dirs {
		if err := s.addRoot(dir); err != nil {
			w.Close()
			return nil, fmt.Errorf("watch plugin directory %s: %w", dir, err)
		}
	}
	go s.forward()
	return s, nil
}

type fsnotifySource struct {
	w         *fsnotify.Watcher
	changes   chan Change
	done      chan struct{} // closed by Close: stop forwarding
	exited    chan struct{} // closed when forward has returned
	closeOnce sync.Once
}

var _ ChangeSource = (*fsnotifySource)(nil)

// Changes is safe from any goroutine.
func (s *fsnotifySource) Changes() <-chan Change { return s.changes }

// Close stops the watch and returns once Changes is closed. Later calls
// return nil.
func (s *fsnotifySource) Close() error {
	var err error
	s.closeOnce.Do(func() {
		close(s.done)
		err = s.w.Close()
		<-s.exited
	})
	return err
}

func (s *fsnotifySource) addRoot(dir string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	st, err := os.Stat(abs)
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return errors.New("not a directory")
	}
	if _, err = s.addTree(abs); err != nil {
		return err
	}
	// Discover loads a symbolic link to a directory at the top of a plugin
	// directory as a plugin: watch what it points to. Changes there arrive
	// under the target's path, the one esbuild records too. Only this level
	// is followed, so no link can make a cycle.
	ents, err := os.ReadDir(abs)
	if err != nil {
		return err
	}
	for _, ent := range ents {
		if ent.Type()&fs.ModeSymlink == 0 || skipWatch(ent.Name()) {
			continue
		}
		target, err := filepath.EvalSymlinks(filepath.Join(abs, ent.Name()))
		if err != nil {
			continue // dangling: Discover skips it as well
		}
		if st, err := os.Stat(target); err == nil && st.IsDir() {
			if _, err := s.addTree(target); err != nil {
				return fmt.Errorf("linked plugin directory %s: %w", ent.Name(), err)
			}
		}
	}
	return nil
}

// addTree watches dir and the directories under it, and returns the path of
// every entry it found under dir.
func (s *fsnotifySource) addTree(dir string) ([]string, error) {
	// Watch before listing: an entry made in between is reported twice,
	// never missed.
	if err := s.w.Add(dir); err != nil {
		return nil, err
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var found []string
	for _, ent := range ents {
		path := filepath.Join(dir, ent.Name())
		found = append(found, path)
		if ent.IsDir() && !skipWatch(ent.Name()) { // symlinks are not followed: no cycles
			sub, err := s.addTree(path)
			if err != nil {
				return nil, err
			}
			found = append(found, sub...)
		}
	}
	return found, nil
}

// skipWatch reports directories not worth a watch: editors, git and package
// managers churn there, and a node_modules tree can hold more directories
// than the system allows watches.
func skipWatch(name string) bool {
	return strings.HasPrefix(name, ".") || name == "node_modules"
}

func (s *fsnotifySource) forward() {
	defer close(s.exited)
	defer close(s.changes)
	for {
		select {
		case ev, ok := <-s.w.Events:
			if !ok || !s.handle(ev) {
				return
			}
		case err, ok := <-s.w.Errors:
			if !ok || !s.send(Change{Err: fmt.Errorf("watch plugin directories: %w", err)}) {
				return
			}
		case <-s.done:
			return
		}
	}
}

// handle delivers ev and keeps the watches in step with it; false once
// closed.
func (s *fsnotifySource) handle(ev fsnotify.Event) bool {
	if ev.Has(fsnotify.Rename) {
		s.unwatch(ev.Name)
	}
	var found []string
	if ev.Has(fsnotify.Create) && !skipWatch(filepath.Base(ev.Name)) {
		if st, err := os.Lstat(ev.Name); err == nil && st.IsDir() {
			var err error
			found, err = s.addTree(ev.Name)
			// Gone or replaced already: its Remove or Rename is on the way.
			if err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) && !errors.Is(err, fsnotify.ErrClosed) {
				if !s.send(Change{Err: fmt.Errorf("watch %s: %w", ev.Name, err)}) {
					return false
				}
			}
		}
	}
	if !s.send(Change{Path: ev.Name, Op: opOf(ev.Op)}) {
		return false
	}
	for _, path := range found {
		if !s.send(Change{Path: path, Op: Create}) {
			return false
		}
	}
	return true
}

// unwatch drops the watches on path and under it, if it was a directory.
func (s *fsnotifySource) unwatch(path string) {
	prefix := path + string(filepath.Separator)
	for _, p := range s.w.WatchList() {
		if p == path || strings.HasPrefix(p, prefix) {
			s.w.Remove(p) // an error means it is gone already
		}
	}
}

func (s *fsnotifySource) send(c Change) bool {
	select {
	case s.changes <- c:
		return true
	case <-s.done:
		return false
	}
}

func opOf(op fsnotify.Op) Op {
	var o Op
	for _, m := range []struct {
		from fsnotify.Op
		to   Op
	}{{fsnotify.Create, Create}, {fsnotify.Write, Write}, {fsnotify.Remove, Remove}, {fsnotify.Rename, Rename}, {fsnotify.Chmod, Chmod}} {
		if op.Has(m.from) {
			o |= m.to
		}
	}
	return o
}
