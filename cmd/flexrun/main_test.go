package main

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/flexrun/flexrun/internal/golden"
)

// The CLI is tested as users run it: a binary built once in TestMain.
var binary string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "flexrun-cli")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "flexrun")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		panic("build flexrun: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	exit           int
}

func runCLI(t *testing.T, dir string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	code := 0
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errOut.String(), code}
}

// TestRun runs each case directory of testdata/run from inside it, with the
// arguments in its file "args" (one line) or else `run script.*`, and
// compares stdout, stderr and the exit status with want.stdout, want.stderr
// and want.exit.
func TestRun(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/run/*")
	if len(dirs) == 0 {
		t.Fatal("no cases in testdata/run")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			args := caseArgs(t, dir)
			// --world-out goes to a temp file, compared with want.world-out.json.
			worldOut := ""
			if i := slices.Index(args, "--world-out"); i >= 0 && i+1 < len(args) {
				worldOut = filepath.Join(t.TempDir(), "world-out.json")
				args[i+1] = worldOut
			}
			res := runCLI(t, dir, args...)
			if worldOut != "" {
				b, err := os.ReadFile(worldOut)
				if err != nil {
					t.Fatal(err)
				}
				golden.Check(t, filepath.Join(dir, "want.world-out.json"), string(b))
			}
			golden.Check(t, filepath.Join(dir, "want.stdout"), res.stdout)
			golden.Check(t, filepath.Join(dir, "want.stderr"), res.stderr)
			golden.Check(t, filepath.Join(dir, "want.exit"), strconv.Itoa(res.exit)+"\n")
		})
	}
}

func caseArgs(t *testing.T, dir string) []string {
	if b, err := os.ReadFile(filepath.Join(dir, "args")); err == nil {
		return strings.Fields(string(b))
	}
	scripts, _ := filepath.Glob(filepath.Join(dir, "script.*"))
	if len(scripts) != 1 {
		t.Fatalf("want an args file or one script.* in %s, have %v", dir, scripts)
	}
	return []string{"run", filepath.Base(scripts[0])}
}

// TestConformanceThroughBinary runs a few recorded Flex cases through the
// binary, from the cases' directory as ../shared/conformance/check does.
func TestConformanceThroughBinary(t *testing.T) {
	for _, name := range []string{"001-basic-register-invoke", "075-null-payload-matching", "083-ticks-async-everything", "089-never-settling-listener"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := "../../testdata/conformance"
			want, err := os.ReadFile(filepath.Join(dir, name+".expected"))
			if err != nil {
				t.Fatal(err)
			}
			res := runCLI(t, dir, "run", name+".js")
			if res.exit != 0 || res.stdout != string(want) {
				t.Errorf("exit %d\n--- want\n%s--- got\n%s--- stderr\n%s", res.exit, want, res.stdout, res.stderr)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{nil, "usage:"},
		{[]string{"bogus"}, `unknown command "bogus"`},
		{[]string{"run"}, "want exactly one SCRIPT"},
		{[]string{"run", "does-not-exist.js"}, "does-not-exist.js: no such file or directory"},
	}
	for _, tt := range tests {
		res := runCLI(t, t.TempDir(), tt.args...)
		if res.exit != 2 || !strings.Contains(res.stderr, tt.want) {
			t.Errorf("flexrun %v: exit %d, stderr %q; want exit 2 and %q", tt.args, res.exit, res.stderr, tt.want)
		}
	}
}

// TestNoOrphanGoldens fails when a golden file has no case next to it.
func TestNoOrphanGoldens(t *testing.T) {
	goldens, _ := filepath.Glob("testdata/run/*/want.*")
	for _, g := range goldens {
		s, _ := filepath.Glob(filepath.Join(filepath.Dir(g), "script.*"))
		if _, err := os.Stat(filepath.Join(filepath.Dir(g), "args")); len(s) == 0 && err != nil {
			t.Errorf("%s has no script or args next to it", g)
		}
	}
}

// TestOddFileNames: stack frames and compile errors name files by their
// real names, which source maps carry as URLs.
func TestOddFileNames(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"per%20cent.js", `back\slash.js`, "tab\there.js"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, name), []byte("function f() {\n  throw new Error(\"boom\");\n}\nf();\n"), 0o644); err != nil {
				t.Skipf("no such file names here: %v", err)
			}
			res := runCLI(t, dir, "run", name)
			want := "Uncaught Error: boom\n" + name + ":2:9\n    2 |   throw new Error(\"boom\");\n      |         ^\n    at f (" + name + ":2:9)\n"
			if res.exit != 1 || !strings.HasPrefix(res.stderr, want) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and:\n%s", res.exit, res.stderr, want)
			}
			if err := os.WriteFile(filepath.Join(dir, name), []byte("const m = \"x\";\nimport(m);\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			res = runCLI(t, dir, "run", name)
			want = name + ":2:1: error: Unexpected reserved word\n    2 | import(m);\n      | ^\n"
			if res.exit != 2 || !strings.HasPrefix(res.stderr, want) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 2 and:\n%s", res.exit, res.stderr, want)
			}
		})
	}
}
