package plugins

// The watcher sees the file system through ChangeSource, so that tests can
// drive reloads with a fake source and virtual time, and the fsnotify
// adapter (watch_fsnotify.go) stays the only code that knows the OS.

import "strings"

// Op is what happened to a path, as a set of bits: an editor's save may
// show up as several (a rename-over is Rename of the temp file, Create of
// the target).
type Op uint8

const (
	Create Op = 1 << iota
	Write
	Remove
	Rename
	Chmod
)

func (op Op) String() string {
	var parts []string
	for _, n := range []struct {
		op   Op
		name string
	}{{Create, "CREATE"}, {Write, "WRITE"}, {Remove, "REMOVE"}, {Rename, "RENAME"}, {Chmod, "CHMOD"}} {
		if op&n.op != 0 {
			parts = append(parts, n.name)
		}
	}
	if len(parts) == 0 {
		return "NONE"
	}
	return strings.Join(parts, "|")
}

// Change is one file-system event, or an error of the source.
type Change struct {
	// Path is absolute.
	Path string
	Op   Op
	// Err is set (and Path empty) when the source itself failed, e.g. an
	// overflow of the OS's event queue: the watcher then rescans everything.
	Err error
}

// ChangeSource delivers changes under the plugin directories, sub-directories
// included, until it is closed.
type ChangeSource interface {
	// Changes is closed after Close.
	Changes() <-chan Change
	Close() error
}
