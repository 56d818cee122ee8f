package plugins

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Plugin is one plugin found in a plugin directory.
type Plugin struct {
	// Name is how reports name the plugin: its path as the user gave the
	// directory (e.g. "plugins/holdMusic.ts", "plugins/queue-stats").
	Name string
	// Entry is the absolute path of the file to bundle; "" when Err is set.
	Entry string
	// Err, when set, is why the plugin cannot be loaded, found while
	// discovering it: its package.json is malformed or not readable, its
	// "main" names no file, or its directory cannot be read. It is a
	// *CompileError naming the file (and, in a package.json, the line and
	// column). Such a plugin is listed like the others, so that one broken
	// plugin does not stop the rest: Loader.Load, Loader.Reload and Check
	// report Err as a *LoadError in phase compile.
	Err error
}

// pluginExts are the files flexrun loads as plugins, in the order an
// index.* file is looked for.
var pluginExts = []string{".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs"}

// Discover lists the plugins of each directory in sorted path order: every
// plugin file at the top of the directory, and every sub-directory with an
// index.* file or a package.json "main". Type declarations (*.d.ts), dot
// files and node_modules are skipped. A directory given that does not
// exist or cannot be read is an error; an empty one gives no plugins. A
// sub-directory that cannot be read, or whose package.json is broken, is a
// Plugin with Err set, not an error of Discover.
func Discover(dirs ...string) ([]Plugin, error) {
	var found []Plugin
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, fmt.Errorf("plugin directory: %w", err)
		}
		for _, ent := range entries {
			name := ent.Name()
			if strings.HasPrefix(name, ".") || name == "node_modules" {
				continue
			}
			path := filepath.Join(dir, name)
			isDir := ent.IsDir()
			if ent.Type()&fs.ModeSymlink != 0 { // a linked plugin directory counts too
				if st, err := os.Stat(path); err == nil {
					isDir = st.IsDir()
				}
			}
			if isDir {
				entry, err := dirEntry(path)
				switch {
				case err != nil:
					found = append(found, Plugin{Name: path, Err: err})
				case entry != "":
					found = append(found, Plugin{Name: path, Entry: abs(entry)})
				}
				continue
			}
			if isPluginFile(name) {
				found = append(found, Plugin{Name: path, Entry: abs(path)})
			}
		}
	}
	sort.Slice(found, func(i, j int) bool { return found[i].Name < found[j].Name })
	return found, nil
}

func isPluginFile(name string) bool {
	if strings.HasSuffix(name, ".d.ts") {
		return false
	}
	for _, ext := range pluginExts {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}

// dirEntry is the entry file of a plugin sub-directory, or "" when it is
// not a plugin (no package.json main, no index.*). The error, a
// *CompileError, says why the directory is a plugin that cannot load.
func dirEntry(dir string) (string, error) {
	if f, err := os.Open(dir); err != nil { // mode 000: nothing inside can be looked at
		return "", fileDiagnostic(abs(dir), readError(err))
	} else {
		f.Close()
	}
	pkgFile := filepath.Join(dir, "package.json")
	b, err := readSource(pkgFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return "", fileDiagnostic(abs(pkgFile), err)
	default:
		main, d, err := packageMain(b)
		if err != nil {
			d.File, d.Message = abs(pkgFile), err.Error()
			return "", &CompileError{Diagnostics: []Diagnostic{d}}
		}
		if main != "" {
			entry := filepath.Join(dir, main)
			if _, err := os.Stat(entry); err != nil {
				d.File = abs(pkgFile)
				d.Message = fmt.Sprintf("main %q: %v", main, readError(err))
				if errors.Is(err, fs.ErrNotExist) {
					d.Message = fmt.Sprintf("main %q: no such file", main)
				}
				return "", &CompileError{Diagnostics: []Diagnostic{d}}
			}
			return entry, nil
		}
	}
	for _, ext := range pluginExts {
		index := filepath.Join(dir, "index"+ext)
		_, err := os.Stat(index)
		switch {
		case err == nil:
			return index, nil
		case !errors.Is(err, fs.ErrNotExist): // a directory that can be listed, not searched
			return "", fileDiagnostic(abs(index), readError(err))
		}
	}
	return "", nil
}

// packageMain is the "main" of package.json's text b. On an error, d has
// the position it is at (Line 0 when none).
func packageMain(b []byte) (main string, d Diagnostic, err error) {
	var pkg map[string]json.RawMessage
	if err := json.Unmarshal(b, &pkg); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			d = positionAt(b, int(se.Offset)-1) // Offset is past the bad byte
			return "", d, fmt.Errorf("malformed JSON: %v", err)
		}
		return "", positionAt(b, 0), fmt.Errorf("malformed JSON: %v", err) // not an object
	}
	raw, ok := pkg["main"]
	if !ok {
		return "", d, nil
	}
	if err := json.Unmarshal(raw, &main); err != nil {
		return "", positionAt(b, valueOffset(b, "main")), fmt.Errorf(`"main" must be a string, not %s`, jsonKind(raw))
	}
	return main, positionAt(b, valueOffset(b, "main")), nil
}

// positionAt is the 1-based line and column of byte offset off in b, with
// the line's text.
func positionAt(b []byte, off int) Diagnostic {
	off = max(0, min(off, len(b)))
	start := bytes.LastIndexByte(b[:off], '\n') + 1
	end := bytes.IndexByte(b[off:], '\n')
	if end < 0 {
		end = len(b)
	} else {
		end += off
	}
	return Diagnostic{Line: bytes.Count(b[:off], []byte("\n")) + 1, Column: off - start + 1, LineText: string(b[start:end])}
}

// valueOffset is the offset of the value of the top-level key in the JSON
// object b (which parses), or 0.
func valueOffset(b []byte, key string) int {
	dec := json.NewDecoder(bytes.NewReader(b))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return 0
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return 0
		}
		if t == key {
			off := int(dec.InputOffset())
			for off < len(b) && (b[off] == ':' || b[off] == ' ' || b[off] == '\t' || b[off] == '\n' || b[off] == '\r') {
				off++
			}
			return off
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return 0
		}
	}
	return 0
}

func jsonKind(raw json.RawMessage) string {
	switch raw[0] {
	case '[':
		return "an array"
	case '{':
		return "an object"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

func abs(path string) string {
	if a, err := filepath.Abs(path); err == nil {
		return a
	}
	return path
}
