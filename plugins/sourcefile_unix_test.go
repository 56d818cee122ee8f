//go:build unix

package plugins_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/flexrun/flexrun/plugins"
)

// TestBuildRefusesSpecialFiles: a file flexrun or esbuild would read for a
// plugin that is not a regular file, too large or not text is a compile
// error naming it; before, a FIFO blocked the build for ever and a link to
// /dev/zero grew until memory ran out.
func TestBuildRefusesSpecialFiles(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) // makes dir/x.js, or what it imports
		entry string                         // "" for x.js
		want  string                         // the error rendered relative to dir
	}{
		{
			name:  "fifo entry",
			setup: func(t *testing.T, dir string) { mkfifo(t, filepath.Join(dir, "x.js")) },
			want:  "x.js: error: not a regular file (a named pipe)\n",
		},
		{
			name:  "link to /dev/zero as entry",
			setup: func(t *testing.T, dir string) { symlink(t, "/dev/zero", filepath.Join(dir, "x.js")) },
			want:  "x.js: error: not a regular file (a character device)\n",
		},
		{
			name: "imported fifo",
			setup: func(t *testing.T, dir string) {
				write(t, filepath.Join(dir, "x.js"), "import { v } from \"./lib/pipe.js\";\nconsole.log(v);\n")
				mkfifo(t, filepath.Join(dir, "lib", "pipe.js"))
			},
			want: "x.js:1:19: error: lib/pipe.js: not a regular file (a named pipe)\n" +
				"    1 | import { v } from \"./lib/pipe.js\";\n" +
				"      |                   ^\n",
		},
		{
			name: "imported link to /dev/zero",
			setup: func(t *testing.T, dir string) {
				write(t, filepath.Join(dir, "x.js"), "import data from \"./zero.json\";\n")
				symlink(t, "/dev/zero", filepath.Join(dir, "zero.json"))
			},
			want: "x.js:1:18: error: /dev/zero: not a regular file (a character device)\n" +
				"    1 | import data from \"./zero.json\";\n" +
				"      |                  ^\n",
		},
		{
			name: "imported huge asset",
			setup: func(t *testing.T, dir string) {
				write(t, filepath.Join(dir, "x.js"), "import pic from \"./big.png\";\n")
				f, err := os.Create(filepath.Join(dir, "big.png"))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				if err := f.Truncate(plugins.MaxSourceSize + 1); err != nil { // sparse: costs no disk
					t.Fatal(err)
				}
			},
			want: "x.js:1:17: error: big.png: larger than 64 MiB (67108865 bytes), flexrun's limit for one file\n" +
				"    1 | import pic from \"./big.png\";\n" +
				"      |                 ^\n",
		},
		{
			name: "fifo tsconfig.json next to the entry",
			setup: func(t *testing.T, dir string) {
				write(t, filepath.Join(dir, "x.ts"), "export {};\n")
				mkfifo(t, filepath.Join(dir, "tsconfig.json"))
			},
			entry: "x.ts",
			want:  "tsconfig.json: error: not a regular file (a named pipe)\n",
		},
		{
			name: "fifo package.json next to an imported file",
			setup: func(t *testing.T, dir string) {
				write(t, filepath.Join(dir, "x.js"), "import \"./lib/y.js\";\n")
				write(t, filepath.Join(dir, "lib", "y.js"), "export {};\n")
				mkfifo(t, filepath.Join(dir, "lib", "package.json"))
			},
			want: "x.js:1:8: error: lib/package.json: not a regular file (a named pipe)\n" +
				"    1 | import \"./lib/y.js\";\n" +
				"      |        ^\n",
		},
		{
			name:  "UTF-16 entry",
			setup: func(t *testing.T, dir string) { write(t, filepath.Join(dir, "x.js"), "\xff\xfex\x00;\x00") },
			want:  "x.js: error: not UTF-8 text (UTF-16 byte order mark); save it as UTF-8\n",
		},
		{
			name: "imported binary file",
			setup: func(t *testing.T, dir string) {
				write(t, filepath.Join(dir, "x.ts"), "import \"./blob.js\";\n")
				write(t, filepath.Join(dir, "blob.js"), "\x7fELF\x02\x01\x01\x00\x00")
			},
			entry: "x.ts",
			want: "x.ts:1:8: error: blob.js: binary file (it has NUL bytes), not source text\n" +
				"    1 | import \"./blob.js\";\n" +
				"      |        ^\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir, err := filepath.EvalSymlinks(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			tt.setup(t, dir)
			entry := tt.entry
			if entry == "" {
				entry = "x.js"
			}
			done := make(chan error, 1)
			go func() {
				_, err := plugins.Build(filepath.Join(dir, entry))
				done <- err
			}()
			// A blocked build is the failure under test; the bound only keeps
			// it from hanging the whole run.
			err = waitBuild(t, done)
			var ce *plugins.CompileError
			if !errors.As(err, &ce) {
				t.Fatalf("Build = %v, want a *CompileError", err)
			}
			if got := ce.Render(dir); got != tt.want {
				t.Errorf("Build error:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestUnreadablePlugins: a plugin file or directory flexrun may not read is
// that plugin's error, named by its relative path; the others are listed.
func TestUnreadablePlugins(t *testing.T) {
	t.Parallel()
	root := writeLoadTree(t, map[string]string{
		"plugins/a.js":          "console.log('a');",
		"plugins/locked.js":     "console.log('locked');",
		"plugins/shut/index.js": "console.log('shut');",
	})
	p := filepath.Join(root, "plugins")
	for _, locked := range []string{filepath.Join(p, "locked.js"), filepath.Join(p, "shut")} {
		if err := os.Chmod(locked, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(locked, 0o755) })
	}
	if _, err := os.ReadFile(filepath.Join(p, "locked.js")); err == nil {
		t.Skip("mode 000 files are readable here (running as root?)")
	}
	found, err := plugins.Discover(p)
	if err != nil {
		t.Fatalf("Discover: %v", err)
	}
	var got []string
	for _, pl := range found {
		err := pl.Err
		if err == nil {
			err = plugins.Check(pl)
		}
		var ce *plugins.CompileError
		switch {
		case err == nil:
			got = append(got, filepath.Base(pl.Name)+": ok")
		case errors.As(err, &ce):
			got = append(got, strings.TrimSuffix(ce.Render(root), "\n"))
		default:
			got = append(got, "not a *CompileError: "+err.Error())
		}
	}
	want := []string{
		"a.js: ok",
		"plugins/locked.js: error: cannot read: permission denied",
		"plugins/shut: error: cannot read: permission denied",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
}

func symlink(t *testing.T, target, path string) {
	t.Helper()
	if _, err := os.Stat(target); err != nil {
		t.Skipf("no %s here", target)
	}
	if err := os.Symlink(target, path); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
}

func write(t *testing.T, path, src string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// waitBuild waits for a Build that, before the fix, never returned.
func waitBuild(t *testing.T, done <-chan error) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(30 * time.Second):
		t.Fatal("Build blocked reading the file")
		return nil
	}
}
