package plugins

import (
	"encoding/json"
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
	// Entry is the absolute path of the file to bundle.
	Entry string
}

// pluginExts are the files flexrun loads as plugins, in the order an
// index.* file is looked for.
var pluginExts = []string{".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs"}

// Discover lists the plugins of each directory in sorted path order: every
// plugin file at the top of the directory, and every sub-directory with an
// index.* file or a package.json "main". Type declarations (*.d.ts), dot
// files and node_modules are skipped. A directory that does not exist or
// cannot be read is an error; an empty one gives no plugins.
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
				if err != nil {
					return nil, err
				}
				if entry != "" {
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
// not a plugin (no package.json main, no index.*).
func dirEntry(dir string) (string, error) {
	if b, err := os.ReadFile(filepath.Join(dir, "package.json")); err == nil {
		var pkg struct {
			Main string `json:"main"`
		}
		if err := json.Unmarshal(b, &pkg); err != nil {
			return "", fmt.Errorf("%s: %w", filepath.Join(dir, "package.json"), err)
		}
		if pkg.Main != "" {
			main := filepath.Join(dir, pkg.Main)
			if _, err := os.Stat(main); err != nil {
				return "", fmt.Errorf("%s: main %q: %w", filepath.Join(dir, "package.json"), pkg.Main, err)
			}
			return main, nil
		}
	}
	for _, ext := range pluginExts {
		index := filepath.Join(dir, "index"+ext)
		if _, err := os.Stat(index); err == nil {
			return index, nil
		}
	}
	return "", nil
}

func abs(path string) string {
	if a, err := filepath.Abs(path); err == nil {
		return a
	}
	return path
}
