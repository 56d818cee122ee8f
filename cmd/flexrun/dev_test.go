package main

import (
	"bufio"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// devSession is `flexrun dev` running in a temp dir, fed through a pipe (no
// TTY), its output read line by line.
type devSession struct {
	t      *testing.T
	dir    string
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout chan string
	stderr chan string

	exited   chan struct{}
	exitCode int
}

// The waits below bound how long a line may take to appear on a shared,
// noisy machine; they never pace the test.
const devLineTimeout = 20 * time.Second

func startDev(t *testing.T, files map[string]string, args ...string) *devSession {
	t.Helper()
	s := &devSession{t: t, dir: t.TempDir(), stdout: make(chan string, 100), stderr: make(chan string, 100)}
	for rel, src := range files {
		s.write(rel, src)
	}
	s.cmd = exec.Command(binary, append([]string{"dev"}, args...)...)
	s.cmd.Dir = s.dir
	var err error
	s.stdin, err = s.cmd.StdinPipe()
	require.NoError(t, err)
	out, err := s.cmd.StdoutPipe()
	require.NoError(t, err)
	errOut, err := s.cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, s.cmd.Start())
	lines := func(r io.Reader, to chan<- string) {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			to <- sc.Text()
		}
		close(to)
	}
	go lines(out, s.stdout)
	go lines(errOut, s.stderr)
	s.waitInBackground()
	t.Cleanup(func() { s.cmd.Process.Kill(); <-s.exited })
	return s
}

func (s *devSession) write(rel, src string) {
	path := filepath.Join(s.dir, rel)
	require.NoError(s.t, os.MkdirAll(filepath.Dir(path), 0o755))
	// Saved as editors do: a temp file renamed over the target.
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp")
	require.NoError(s.t, os.WriteFile(tmp, []byte(src), 0o644))
	require.NoError(s.t, os.Rename(tmp, path))
}

func (s *devSession) send(line string) {
	_, err := io.WriteString(s.stdin, line+"\n")
	require.NoError(s.t, err)
}

// expect reads lines of the stream until one matches pattern; it returns
// the lines read.
func (s *devSession) expect(stream chan string, pattern string) []string {
	s.t.Helper()
	re := regexp.MustCompile(pattern)
	var seen []string
	deadline := time.After(devLineTimeout)
	for {
		select {
		case line, ok := <-stream:
			if !ok {
				s.t.Fatalf("output ended before a line matching %q; read:\n%s", pattern, strings.Join(seen, "\n"))
			}
			seen = append(seen, line)
			if re.MatchString(line) {
				return seen
			}
		case <-deadline:
			s.t.Fatalf("no line matching %q within %s; read:\n%s", pattern, devLineTimeout, strings.Join(seen, "\n"))
		}
	}
}

// exited is closed when the process has exited; exitCode is then set.
func (s *devSession) waitInBackground() {
	s.exited = make(chan struct{})
	go func() {
		defer close(s.exited)
		err := s.cmd.Wait()
		var exit *exec.ExitError
		switch {
		case errors.As(err, &exit):
			s.exitCode = exit.ExitCode()
		case err != nil:
			s.exitCode = -1
		}
	}()
}

func (s *devSession) wait() int {
	s.t.Helper()
	select {
	case <-s.exited:
		return s.exitCode
	case <-time.After(devLineTimeout):
		s.t.Fatal("flexrun dev did not exit")
		return -1
	}
}

const devGreeterV1 = `import { Actions } from "@twilio/flex-ui";
Actions.registerAction("Greet", (p) => "hello " + p.name);
Actions.addListener("beforeGreet", (p) => { p.name = p.name.toUpperCase(); });
`

// While a save starts (its init awaits), .invoke is served by the last good
// generation, and still after that start fails: never by the failing one,
// never by nobody.
func TestDevServesTheOldGenerationWhileTheNewOneStarts(t *testing.T) {
	t.Parallel()
	s := startDev(t, map[string]string{"plugins/greeter.ts": devGreeterV1}, "--plugins", "plugins", "--debounce", "10ms")
	s.expect(s.stdout, `^loaded plugins/greeter\.ts gen 1 `)
	s.write("plugins/greeter.ts", `import { Actions } from "@twilio/flex-ui";
export default async function () {
  Actions.registerAction("Greet", (p) => "broken " + p.name);
  console.log("gen 2 starting");
  await new Promise((r) => setTimeout(r, 500));
  throw new Error("init fails");
}
`)
	s.expect(s.stdout, `^gen 2 starting$`)
	s.send(`.invoke Greet {"name": "Ada"}`)
	s.expect(s.stdout, `^'hello ADA'$`)
	s.expect(s.stderr, `^flexrun: plugins/greeter\.ts gen 1 keeps serving$`)
	s.send(`.invoke Greet {"name": "Bo"}`)
	s.expect(s.stdout, `^'hello BO'$`)
}

func TestDevReloadsAndRunsCommands(t *testing.T) {
	t.Parallel()
	s := startDev(t, map[string]string{"plugins/greeter.ts": devGreeterV1}, "--plugins", "plugins", "--debounce", "10ms")
	s.expect(s.stdout, `^loaded plugins/greeter\.ts gen 1 in [0-9.]+ms: 1 action, 1 listener$`)

	s.send(`.invoke Greet {"name": "Ada"}`)
	s.expect(s.stdout, `^'hello ADA'$`)

	s.write("plugins/greeter.ts", `import { Actions } from "@twilio/flex-ui";
Actions.registerAction("Greet", (p) => "hi " + p.name);
`)
	s.expect(s.stdout, `^reloaded plugins/greeter\.ts gen 2 in [0-9.]+ms: 1 action$`)
	s.send(`.invoke Greet {"name": "Ada"}`)
	s.expect(s.stdout, `^'hi Ada'$`)

	s.write("plugins/greeter.ts", "import { Actions } from \"@twilio/flex-ui\";\nActions.registerAction(\"Greet\", (p) => \"hi \" + );\n")
	errs := s.expect(s.stderr, `^flexrun: plugins/greeter\.ts gen 2 keeps serving$`)
	assert.Contains(t, strings.Join(errs, "\n"), "plugins/greeter.ts:2:48")

	s.send(`const who = await flex.Actions.invokeAction("Greet", { name: "Bo" })`)
	s.send(`who + "!"`)
	s.expect(s.stdout, `^'hi Bo!'$`)

	s.send(`.actions`)
	s.expect(s.stdout, `Greet.*plugins/greeter\.ts#2`)

	s.send(`.trace on`)
	s.send(`.invoke Greet {"name": "Cy"}`)
	s.expect(s.stderr, `^trace: Greet #\d+ invoked with {"name":"Cy"}$`)
	s.expect(s.stdout, `^'hi Cy'$`)
	s.send(`.trace off`)

	require.NoError(t, os.Remove(filepath.Join(s.dir, "plugins/greeter.ts")))
	s.expect(s.stdout, `^unloaded plugins/greeter\.ts gen 2: its file is gone$`)

	s.send(".exit")
	assert.Equal(t, 0, s.wait())
}

func TestDevExitsAtEOF(t *testing.T) {
	t.Parallel()
	s := startDev(t, nil)
	s.send(`console.log("from stdin")`)
	s.expect(s.stdout, `^from stdin$`)
	require.NoError(t, s.stdin.Close())
	assert.Equal(t, 0, s.wait())
}

func TestDevMissingPluginDir(t *testing.T) {
	t.Parallel()
	res := runCLI(t, t.TempDir(), "dev", "--plugins", "nope")
	assert.Equal(t, exitUsage, res.exit)
	assert.Contains(t, res.stderr, "nope")
}

// Ctrl-C stops waiting for a line that hangs (the engine is never idle: an
// interval runs); the next line works; Ctrl-C between lines exits.
func TestDevInterruptStopsAHangingLine(t *testing.T) {
	t.Parallel()
	s := startDev(t, nil)
	s.send(`console.log("hanging"); setInterval(() => {}, 1000); await new Promise(() => {})`)
	s.send(`console.log("after")`)
	s.expect(s.stdout, `^hanging$`) // the line runs
	require.NoError(t, s.cmd.Process.Signal(os.Interrupt))
	s.expect(s.stderr, `^stopped waiting for the line`)
	s.expect(s.stdout, `^after$`)
	s.expect(s.stdout, `^undefined$`) // the line's value: its Exec ends
	// A Ctrl-C that lands while the line is finishing stops that line;
	// press again, as a user would, until dev exits.
	for range 20 {
		require.NoError(t, s.cmd.Process.Signal(os.Interrupt))
		select {
		case <-s.exited:
			assert.Equal(t, 0, s.exitCode)
			return
		case <-time.After(time.Second):
		}
	}
	t.Fatal("Ctrl-C between lines did not exit")
}

// A runaway line is reported once, by the REPL, and dev goes on.
func TestDevRunawayLineReportedOnce(t *testing.T) {
	t.Parallel()
	s := startDev(t, nil, "--job-budget", "100ms")
	s.send(`while (true) {}`)
	s.send(`console.log("still here")`)
	s.expect(s.stdout, `^still here$`)
	require.NoError(t, s.stdin.Close())
	assert.Equal(t, 0, s.wait())
	var errs []string
	for line := range s.stderr {
		errs = append(errs, line)
	}
	assert.Equal(t, []string{"Interrupted: still running after the job time budget of 100ms, at REPL1:1:1"}, errs)
}

// A save that runs away in its top level is reported once, with where it
// was; the last good generation serves again.
func TestDevRunawayPluginReportedOnce(t *testing.T) {
	t.Parallel()
	s := startDev(t, map[string]string{"plugins/g.ts": `import { Actions } from "@twilio/flex-ui";
Actions.registerAction("Greet", () => "v1");
`}, "--plugins", "plugins", "--job-budget", "100ms", "--debounce", "10ms")
	s.expect(s.stdout, `^loaded plugins/g\.ts gen 1`)
	s.write("plugins/g.ts", `import { Actions } from "@twilio/flex-ui";
Actions.registerAction("Greet", () => "v2");
let n = 0; while (true) { n++; }
`)
	errs := s.expect(s.stderr, `keeps serving$`)
	assert.Equal(t, []string{
		"flexrun: plugin plugins/g.ts failed to start; it was unloaded: interrupted: still running after the job time budget of 100ms, at plugins/g.ts:3:27",
		"flexrun: plugins/g.ts gen 1 keeps serving",
	}, errs)
	s.send(".invoke Greet")
	s.expect(s.stdout, `^'v1'$`)
}

// dev runs on the world of --world: the built-ins act on its tasks and the
// world API answers from stdin.
func TestDevWorld(t *testing.T) {
	t.Parallel()
	s := startDev(t, map[string]string{
		"world.json":         `{"tasks": [{"sid": "WR1", "status": "pending"}]}`,
		"plugins/greeter.js": `flex.Actions.addListener("afterAcceptTask", (p) => console.log("accepted", p.task.sid));`,
		"plugins/.keep":      "",
	}, "--world", "world.json", "--plugins", "plugins")
	s.expect(s.stdout, `^loaded plugins/greeter.js gen 1`)
	s.send(`.invoke AcceptTask {"sid": "WT1"}`)
	s.expect(s.stdout, `^accepted WR1$`)
	s.send(`import { world } from "flexrun"`)
	s.send(`console.log("status", world.task("WR1").status)`)
	s.expect(s.stdout, `^status accepted$`)
	require.NoError(t, s.stdin.Close())
	assert.Equal(t, 0, s.wait())
}

func TestDevBadWorld(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "world.json"), []byte(`{"tasks": [{}]}`), 0o644))
	res := runCLI(t, dir, "dev", "--world", "world.json")
	assert.Equal(t, exitUsage, res.exit)
	assert.Equal(t, "flexrun dev: world.json: tasks[0].sid: required\n", res.stderr)
}

// TestDevLongLine: a stdin line over the limit is reported and skipped; dev
// reads on (it used to stop reading, silently, with exit status 0).
func TestDevLongLine(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(dir, "plugins"), 0o755))
	long := "//" + strings.Repeat("x", 17<<20)
	cmd := exec.Command(binary, "dev", "--plugins", "plugins")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader("console.log('before')\n" + long + "\nconsole.log('after')\n")
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	require.NoError(t, cmd.Run(), "stderr: %s", errOut.String())
	assert.Equal(t, "before\nundefined\nafter\nundefined\n", out.String()) // the REPL echoes each result
	assert.Equal(t, "flexrun: line too long: 17825794 bytes, the limit is 16777216 bytes (16 MiB); it was skipped\n", errOut.String())
}

// TestDevBrokenPackageJSON: a broken plugin is reported and the others load
// (dev used to refuse to start).
func TestDevBrokenPackageJSON(t *testing.T) {
	t.Parallel()
	s := startDev(t, map[string]string{"plugins/greeter.ts": devGreeterV1, "plugins/pkg/package.json": `{"main": `, "plugins/pkg/index.js": ""},
		"--plugins", "plugins", "--debounce", "10ms")
	s.expect(s.stdout, `^loaded plugins/greeter\.ts gen 1 in [0-9.]+ms: 1 action, 1 listener$`)
	s.expect(s.stderr, `^plugins/pkg/package\.json:1:9: error: malformed JSON: unexpected end of JSON input$`)
	s.send(`.invoke Greet {"name": "ada"}`)
	s.expect(s.stdout, `hello ADA`)
	s.send(".exit")
	assert.Equal(t, 0, s.wait())
}

// dev's reports of runtime errors carry the code frame run's do: a
// listener's failure (the engine's log) and an uncaught error in a timer.
func TestDevRuntimeErrorsHaveCodeFrames(t *testing.T) {
	t.Parallel()
	s := startDev(t, map[string]string{"plugins/p.ts": `import { Actions } from "@twilio/flex-ui";
Actions.addListener("beforeGreet", (p: any) => { const { name } = p.who; });
Actions.registerAction("Greet", () => { setTimeout(() => (undefined as any).late, 0); return "hi"; });
`}, "--plugins", "plugins")
	s.expect(s.stdout, `^loaded plugins/p\.ts gen 1`)
	s.send(".invoke Greet {}")
	s.expect(s.stdout, `^'hi'$`)
	errs := s.expect(s.stderr, `^    at `)
	assert.Equal(t, []string{
		"flexrun: beforeGreet listener of plugins/p.ts#1 failed: TypeError: Value is not object coercible",
		"plugins/p.ts:2:69",
		"    2 | Actions.addListener(\"beforeGreet\", (p: any) => { const { name } = p.who; });",
		"      |                                                                     ^",
		"    at plugins/p.ts:2:69",
	}, errs)
	errs = s.expect(s.stderr, `^      \|`)
	assert.Equal(t, []string{
		"Uncaught TypeError: Cannot read property 'late' of undefined",
		"plugins/p.ts:3:77",
		"    3 | Actions.registerAction(\"Greet\", () => { setTimeout(() => (undefined as any).late, 0); return \"hi\"; });",
		"      |                                                                             ^",
	}, errs)
}
