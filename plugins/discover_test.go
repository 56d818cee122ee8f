package plugins_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/plugins"
)

// discoverFixture is a tree of two plugin directories with every kind of
// entry Discover looks at. Skipped entries throw when loaded, so loading
// what was discovered also proves they were skipped.
var discoverFixture = filepath.Join("testdata", "load", "discover")

func TestDiscover(t *testing.T) {
	t.Parallel()
	a := filepath.Join(discoverFixture, "a")
	b := filepath.Join(discoverFixture, "b")
	tests := []struct {
		name string
		dirs []string
		want []plugins.Plugin // Name as given; Entry relative to the test's directory
	}{
		{
			name: "one directory",
			dirs: []string{a},
			want: []plugins.Plugin{
				{Name: filepath.Join(a, "alpha.js"), Entry: filepath.Join(a, "alpha.js")},
				{Name: filepath.Join(a, "mid.tsx"), Entry: filepath.Join(a, "mid.tsx")},
				{Name: filepath.Join(a, "with-index"), Entry: filepath.Join(a, "with-index", "index.ts")},
				{Name: filepath.Join(a, "with-main"), Entry: filepath.Join(a, "with-main", "src", "entry.js")},
				{Name: filepath.Join(a, "zeta.ts"), Entry: filepath.Join(a, "zeta.ts")},
			},
		},
		{
			name: "package.json main wins over index",
			dirs: []string{b},
			want: []plugins.Plugin{
				{Name: filepath.Join(b, "beta.mjs"), Entry: filepath.Join(b, "beta.mjs")},
				{Name: filepath.Join(b, "delta.jsx"), Entry: filepath.Join(b, "delta.jsx")},
				{Name: filepath.Join(b, "gamma.cjs"), Entry: filepath.Join(b, "gamma.cjs")},
				{Name: filepath.Join(b, "queue-stats"), Entry: filepath.Join(b, "queue-stats", "index.tsx")},
				{Name: filepath.Join(b, "zz-main-and-index"), Entry: filepath.Join(b, "zz-main-and-index", "lib", "main.ts")},
			},
		},
		{
			// The order is the sorted path order over all directories,
			// whatever order the directories are given in.
			name: "two directories given in reverse",
			dirs: []string{b, a},
			want: []plugins.Plugin{
				{Name: filepath.Join(a, "alpha.js"), Entry: filepath.Join(a, "alpha.js")},
				{Name: filepath.Join(a, "mid.tsx"), Entry: filepath.Join(a, "mid.tsx")},
				{Name: filepath.Join(a, "with-index"), Entry: filepath.Join(a, "with-index", "index.ts")},
				{Name: filepath.Join(a, "with-main"), Entry: filepath.Join(a, "with-main", "src", "entry.js")},
				{Name: filepath.Join(a, "zeta.ts"), Entry: filepath.Join(a, "zeta.ts")},
				{Name: filepath.Join(b, "beta.mjs"), Entry: filepath.Join(b, "beta.mjs")},
				{Name: filepath.Join(b, "delta.jsx"), Entry: filepath.Join(b, "delta.jsx")},
				{Name: filepath.Join(b, "gamma.cjs"), Entry: filepath.Join(b, "gamma.cjs")},
				{Name: filepath.Join(b, "queue-stats"), Entry: filepath.Join(b, "queue-stats", "index.tsx")},
				{Name: filepath.Join(b, "zz-main-and-index"), Entry: filepath.Join(b, "zz-main-and-index", "lib", "main.ts")},
			},
		},
		{
			name: "no directories",
			dirs: nil,
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			have, err := plugins.Discover(tt.dirs...)
			if err != nil {
				t.Fatalf("Discover(%q): %v", tt.dirs, err)
			}
			want := make([]plugins.Plugin, len(tt.want))
			for i, p := range tt.want {
				want[i] = plugins.Plugin{Name: p.Name, Entry: absPath(t, p.Entry)}
			}
			if d := diffPlugins(have, want); d != "" {
				t.Errorf("Discover(%q) (-have +want):\n%s", tt.dirs, d)
			}
		})
	}
}

// TestDiscoverThenLoad loads everything Discover found in the fixture: every
// skipped entry throws at its top level, so a clean load also shows that
// none of them was taken for a plugin.
func TestDiscoverThenLoad(t *testing.T) {
	t.Parallel()
	found, err := plugins.Discover(filepath.Join(discoverFixture, "a"), filepath.Join(discoverFixture, "b"))
	if err != nil {
		t.Fatal(err)
	}
	e := flexruntest.New(t, flexruntest.Options{})
	gens, errs := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{}).LoadAll(context.Background(), found)
	for _, err := range errs {
		t.Errorf("LoadAll: %v", err)
	}
	if len(gens) != len(found) {
		t.Errorf("LoadAll loaded %d of %d plugins", len(gens), len(found))
	}
}

func TestDiscoverEmptyDir(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	have, err := plugins.Discover(dir)
	if err != nil {
		t.Fatalf("Discover(empty dir): %v", err)
	}
	if len(have) != 0 {
		t.Errorf("Discover(empty dir) = %v, want no plugins", have)
	}
}

// TestDiscoverErrors: what stops discovery, and that the error names the
// directory or file at fault.
func TestDiscoverErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		files map[string]string // the tree
		dir   string            // the directory to discover, relative to the tree
		// wantIn are substrings of the error, relative paths joined to the tree.
		wantIn []string
		wantIs error // errors.Is target, or nil
		wantAs any   // pointer to an error type for errors.As, or nil
	}{
		{
			name:   "missing directory",
			files:  map[string]string{},
			dir:    "nope",
			wantIn: []string{"plugin directory", "nope"},
			wantIs: fs.ErrNotExist,
		},
		{
			name:   "a file given as directory",
			files:  map[string]string{"plugin.ts": "export default () => {};"},
			dir:    "plugin.ts",
			wantIn: []string{"plugin directory", "plugin.ts"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			root := writeLoadTree(t, tt.files)
			dir := filepath.Join(root, tt.dir)
			have, err := plugins.Discover(dir)
			if err == nil {
				t.Fatalf("Discover(%s) = %v, want an error", tt.dir, have)
			}
			if have != nil {
				t.Errorf("Discover(%s) returned plugins %v with its error", tt.dir, have)
			}
			msg := err.Error()
			t.Logf("error: %s", msg)
			for _, s := range tt.wantIn {
				if !strings.Contains(msg, s) {
					t.Errorf("error %q does not name %q", msg, s)
				}
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("errors.Is(%q, %v) = false", msg, tt.wantIs)
			}
			if tt.wantAs != nil && !errors.As(err, tt.wantAs) {
				t.Errorf("errors.As(%q, %T) = false", msg, tt.wantAs)
			}
		})
	}
}

// TestDiscoverBrokenPlugin: a sub-directory whose package.json is broken is
// listed with Err, a *CompileError at the fault, between the other plugins
// (it used to stop Discover, and so run and dev, for every plugin).
func TestDiscoverBrokenPlugin(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		files map[string]string // the tree, under plugins/
		want  string            // Err rendered relative to the tree
	}{
		{
			name: "main pointing at a missing file",
			files: map[string]string{
				"broken/package.json": `{"name": "broken", "main": "dist/index.js"}`,
				"broken/index.ts":     "export default () => {};",
			},
			want: `plugins/broken/package.json:1:28: error: main "dist/index.js": no such file` + "\n" +
				`    1 | {"name": "broken", "main": "dist/index.js"}` + "\n" +
				`      |                            ^` + "\n",
		},
		{
			name: "malformed package.json",
			files: map[string]string{
				"broken/package.json": "{\n  \"name\": \"broken\",\n  \"main\": \"index.js\",\n}\n",
				"broken/index.js":     "export default () => {};",
			},
			want: "plugins/broken/package.json:4:1: error: malformed JSON: invalid character '}' looking for beginning of object key string\n" +
				"    4 | }\n" +
				"      | ^\n",
		},
		{
			name: "main of the wrong type",
			files: map[string]string{
				"broken/package.json": `{"main": ["index.js"]}`,
				"broken/index.js":     "export default () => {};",
			},
			want: `plugins/broken/package.json:1:10: error: "main" must be a string, not an array` + "\n" +
				`    1 | {"main": ["index.js"]}` + "\n" +
				`      |          ^` + "\n",
		},
		{
			name:  "empty package.json",
			files: map[string]string{"broken/package.json": "", "broken/index.js": "export default () => {};"},
			want:  "plugins/broken/package.json:1:1: error: malformed JSON: unexpected end of JSON input\n    1 | \n      | ^\n",
		},
		{
			name:  "binary package.json",
			files: map[string]string{"broken/package.json": "\xff\xfe{\x00}\x00", "broken/index.js": "export default () => {};"},
			want:  "plugins/broken/package.json: error: not UTF-8 text (UTF-16 byte order mark); save it as UTF-8\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			files := map[string]string{"plugins/a-ok.ts": "export default () => {};", "plugins/z-ok/index.ts": "export default () => {};"}
			for rel, src := range tt.files {
				files["plugins/"+rel] = src
			}
			root := writeLoadTree(t, files)
			have, err := plugins.Discover(filepath.Join(root, "plugins"))
			if err != nil {
				t.Fatalf("Discover: %v, want the broken plugin listed", err)
			}
			var names []string
			for _, p := range have {
				names = append(names, filepath.Base(p.Name))
			}
			if want := "a-ok.ts broken z-ok"; strings.Join(names, " ") != want {
				t.Fatalf("Discover listed %q, want %q", names, want)
			}
			if have[0].Err != nil || have[2].Err != nil || have[1].Entry != "" {
				t.Errorf("Discover = %+v: only broken has Err, and no Entry", have)
			}
			var ce *plugins.CompileError
			if !errors.As(have[1].Err, &ce) {
				t.Fatalf("broken's Err = %v, want a *CompileError", have[1].Err)
			}
			if got := ce.Render(root); got != tt.want {
				t.Errorf("broken's Err:\n%s\nwant:\n%s", got, tt.want)
			}
			// Check reports it as Load does, as a compile error of that plugin.
			var le *plugins.LoadError
			if err := plugins.Check(have[1]); !errors.As(err, &le) || le.Phase != plugins.PhaseCompile || !errors.As(err, &ce) {
				t.Errorf("Check(broken) = %v, want a *LoadError in phase compile", err)
			}
		})
	}
}

// TestDiscoverNames: Name is the path as the caller spelled the directory,
// Entry is absolute.
func TestDiscoverNames(t *testing.T) {
	t.Parallel()
	root := writeLoadTree(t, map[string]string{
		"plugins/hold.ts":          "export default () => {};",
		"plugins/queue/index.js":   "export default () => {};",
		"plugins/queue-stats.ts":   "export default () => {};",
		"plugins/queue.d.ts":       "export {};",
		"plugins/queue/helpers.ts": "export {};",
	})
	have, err := plugins.Discover(filepath.Join(root, "plugins") + string(filepath.Separator))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(root, "plugins")
	want := []plugins.Plugin{
		{Name: filepath.Join(p, "hold.ts"), Entry: filepath.Join(p, "hold.ts")},
		{Name: filepath.Join(p, "queue"), Entry: filepath.Join(p, "queue", "index.js")},
		{Name: filepath.Join(p, "queue-stats.ts"), Entry: filepath.Join(p, "queue-stats.ts")},
	}
	if d := diffPlugins(have, want); d != "" {
		t.Errorf("Discover (-have +want):\n%s", d)
	}
	for _, pl := range have {
		if !filepath.IsAbs(pl.Entry) {
			t.Errorf("Entry %q is not absolute", pl.Entry)
		}
	}
}

// TestDiscoverSymlinks: a symlinked plugin file is a plugin; so should a
// symlinked plugin directory be (a plugin checked out elsewhere and linked
// into the plugin directory).
func TestDiscoverSymlinks(t *testing.T) {
	t.Parallel()
	root := writeLoadTree(t, map[string]string{
		"elsewhere/file.ts":         "export default () => {};",
		"elsewhere/linked/index.ts": "export default () => {};",
		"plugins/local.ts":          "export default () => {};",
	})
	p := filepath.Join(root, "plugins")
	for _, l := range []struct{ target, link string }{
		{filepath.Join(root, "elsewhere", "file.ts"), filepath.Join(p, "file.ts")},
		{filepath.Join(root, "elsewhere", "linked"), filepath.Join(p, "linked")},
	} {
		if err := os.Symlink(l.target, l.link); err != nil {
			t.Skipf("symlinks: %v", err)
		}
	}
	have, err := plugins.Discover(p)
	if err != nil {
		t.Fatal(err)
	}
	names := pluginNames(have)
	want := []string{filepath.Join(p, "file.ts"), filepath.Join(p, "linked"), filepath.Join(p, "local.ts")}
	if strings.Join(names, "\n") != strings.Join(want, "\n") {
		t.Errorf("Discover names:\nhave %q\nwant %q", names, want)
	}
}

// writeLoadTree writes files (slash-separated paths) under a new temp dir and
// returns the dir, symlinks resolved.
func writeLoadTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func absPath(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func pluginNames(ps []plugins.Plugin) []string {
	var names []string
	for _, p := range ps {
		names = append(names, p.Name)
	}
	return names
}

// diffPlugins is a line diff of two plugin lists, "" when equal.
func diffPlugins(have, want []plugins.Plugin) string {
	line := func(p plugins.Plugin) string { return p.Name + " -> " + p.Entry }
	var b strings.Builder
	n := max(len(have), len(want))
	for i := 0; i < n; i++ {
		var h, w string
		if i < len(have) {
			h = line(have[i])
		}
		if i < len(want) {
			w = line(want[i])
		}
		if h == w {
			b.WriteString("  " + h + "\n")
			continue
		}
		if h != "" {
			b.WriteString("- " + h + "\n")
		}
		if w != "" {
			b.WriteString("+ " + w + "\n")
		}
	}
	if len(have) == len(want) {
		equal := true
		for i := range have {
			if have[i] != want[i] {
				equal = false
			}
		}
		if equal {
			return ""
		}
	}
	return b.String()
}
