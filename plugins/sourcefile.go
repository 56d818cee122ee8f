package plugins

// Every file flexrun or esbuild reads for a plugin is checked first: a FIFO
// named x.js would block the build for ever, a link to /dev/zero would grow
// without end, and a UTF-16 or binary file would come back as a syntax
// error quoting raw bytes. esbuild reads the files itself, so the check is
// also an OnLoad callback (sourceFilesPlugin) that runs before esbuild's
// own loading and, for a good file, lets it go on.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/evanw/esbuild/pkg/api"
)

// MaxSourceSize is the largest file flexrun reads for a plugin: a source
// file, a package.json or an imported asset, 64 MiB each. It is far above
// any real source file, and stops a runaway (a log file, a link to
// /dev/zero) before it takes the memory.
const MaxSourceSize = 64 << 20

// sniffSize is how much of a text file is looked at for NUL bytes, as git
// decides what is binary.
const sniffSize = 8000

// checkSource returns why the file at path cannot be read as a plugin's
// file, or nil: it is not a regular file, it is larger than MaxSourceSize,
// it cannot be opened, or, when text is set, it starts with a UTF-16 or
// UTF-32 byte order mark or has NUL bytes (binary).
func checkSource(path string, text bool) error {
	fi, err := os.Stat(path)
	if err != nil {
		return readError(err)
	}
	if err := checkMode(fi); err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return readError(err)
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil { // it may have been replaced meanwhile
		return readError(err)
	}
	if err := checkMode(fi); err != nil {
		return err
	}
	if !text {
		return nil
	}
	head := make([]byte, sniffSize)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return readError(err)
	}
	return checkText(head[:n])
}

func checkMode(fi fs.FileInfo) error {
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("not a regular file (%s)", fileKind(fi.Mode()))
	}
	if fi.Size() > MaxSourceSize {
		return fmt.Errorf("larger than %d MiB (%d bytes), flexrun's limit for one file", MaxSourceSize>>20, fi.Size())
	}
	return nil
}

func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// readError is err without the path the os error repeats: the diagnostic
// names the file.
func readError(err error) error {
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		return fmt.Errorf("cannot read: %w", pe.Err)
	}
	return fmt.Errorf("cannot read: %w", err)
}

// checkText looks at the start of a text file.
func checkText(head []byte) error {
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(head, []byte{0, 0, 0xFE, 0xFF}):
		return fmt.Errorf("not UTF-8 text (UTF-32 byte order mark); save it as UTF-8")
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return fmt.Errorf("not UTF-8 text (UTF-16 byte order mark); save it as UTF-8")
	case bytes.IndexByte(head, 0) >= 0:
		return fmt.Errorf("binary file (it has NUL bytes), not source text")
	}
	return nil
}

// readSource reads a small file flexrun parses itself (package.json) with
// the checks of checkSource.
func readSource(path string) ([]byte, error) {
	if err := checkSource(path, true); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, readError(err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxSourceSize+1))
	if err != nil {
		return nil, readError(err)
	}
	if len(b) > MaxSourceSize { // it grew since the check
		return nil, fmt.Errorf("larger than %d MiB, flexrun's limit for one file", MaxSourceSize>>20)
	}
	return b, nil
}

// assetExts are the files esbuild loads as bytes (data: URLs, the SVG
// loader): no text check for them.
var assetExts = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".ico": true, ".bmp": true,
	".mp3": true, ".wav": true, ".ogg": true, ".woff": true, ".woff2": true, ".ttf": true, ".eot": true,
	".svg": true,
}

// sourceFilesPlugin checks every file before esbuild (or the SVG loader)
// reads it. Its error has no location of its own, so esbuild puts it at the
// import that named the file; the message names the file. Before an import
// is resolved, it checks the configuration files esbuild's resolver reads
// from the importing directory upwards (configFiles); those of the entry's
// directories Build checks itself.
func sourceFilesPlugin(configs *configCheck) api.Plugin {
	return api.Plugin{
		Name: sourceFilesPluginName,
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: `.*`}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
				if a.ResolveDir == "" || !filepath.IsAbs(a.ResolveDir) {
					return api.OnResolveResult{}, nil
				}
				dirs := []string{a.ResolveDir}
				if strings.HasPrefix(a.Path, "./") || strings.HasPrefix(a.Path, "../") {
					// The resolver reads the target's directory too (its
					// package.json says whether the file is ESM).
					dirs = append(dirs, filepath.Dir(filepath.Join(a.ResolveDir, a.Path)))
				}
				for _, dir := range dirs {
					if path, err := configs.check(dir); err != nil {
						msg := fmt.Sprintf("%s: %v", path, err)
						return api.OnResolveResult{Errors: []api.Message{{Text: msg, Detail: refusedFile{path, err}}}}, nil
					}
				}
				return api.OnResolveResult{}, nil // esbuild resolves it
			})
			b.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: "file"}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
				text := !assetExts[strings.ToLower(filepath.Ext(a.Path))]
				if err := checkSource(a.Path, text); err != nil {
					msg := fmt.Sprintf("%s: %v", a.Path, err)
					return api.OnLoadResult{Errors: []api.Message{{Text: msg, Detail: refusedFile{a.Path, err}}}}, nil
				}
				return api.OnLoadResult{}, nil // esbuild reads it
			})
		},
	}
}

// configFiles are what esbuild's resolver reads, when they exist, in each
// directory it looks at: a FIFO among them would block it.
var configFiles = []string{"package.json", "tsconfig.json", "jsconfig.json"}

// configCheck checks the configFiles of directories and their ancestors,
// each directory once per build (esbuild resolves in parallel).
type configCheck struct {
	mu   sync.Mutex
	done map[string]bool
}

// check returns the first configuration file in dir or above that is not a
// regular file or is too large, and why.
func (c *configCheck) check(dir string) (string, error) {
	for {
		c.mu.Lock()
		seen := c.done[dir]
		if c.done == nil {
			c.done = map[string]bool{}
		}
		c.done[dir] = true
		c.mu.Unlock()
		if seen {
			return "", nil // checked, with its ancestors, or a failure already reported
		}
		for _, name := range configFiles {
			path := filepath.Join(dir, name)
			fi, err := os.Stat(path)
			if err != nil {
				continue // none, or unreadable: esbuild says so if it matters
			}
			if err := checkMode(fi); err != nil { // what would block or exhaust it
				return path, err
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// refusedFile is the Detail of sourceFilesPlugin's message, from which
// newDiagnostic names the file relative to the importing one.
type refusedFile struct {
	path string
	err  error
}

// sourceFilesPluginName is flexrun's own: its messages need no "[plugin]" prefix.
const sourceFilesPluginName = "flexrun-files"

// fileDiagnostic is a problem with a whole file: no line, no code frame.
func fileDiagnostic(path string, err error) *CompileError {
	return &CompileError{Diagnostics: []Diagnostic{{File: path, Message: err.Error()}}}
}
