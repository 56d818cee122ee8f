package plugins_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/internal/golden"
	"github.com/flexrun/flexrun/plugins"
)

var replFixtures = filepath.Join("testdata", "repl")

// replBudget is the job time budget of the transcripts' engines: short, so
// that runaway lines are cut quickly, and still far above what a line takes.
const replBudget = 250 * time.Millisecond

// TestREPLTranscripts replays each transcript of testdata/repl: a file, or a
// directory with transcript.txt and a plugins/ directory loaded first (then
// .reload reloads them). A transcript is its own golden file:
//
//	# a comment, kept
//	> an input line
//	what Exec printed on Out
//	! what it printed on Err
//	| what console.log printed (|! for console.error)
//	~ a trace line (after .trace on)
//	[exit]            (Exec returned true)
//
// Only the "#" and ">" lines are read; UPDATE_GOLDEN=1 rewrites the rest.
func TestREPLTranscripts(t *testing.T) {
	t.Parallel()
	entries, err := os.ReadDir(replFixtures)
	require.NoError(t, err)
	require.NotEmpty(t, entries)
	for _, ent := range entries {
		path := filepath.Join(replFixtures, ent.Name())
		t.Run(strings.TrimSuffix(ent.Name(), ".txt"), func(t *testing.T) {
			t.Parallel()
			file, pluginDir := path, ""
			if ent.IsDir() {
				file, pluginDir = filepath.Join(path, "transcript.txt"), filepath.Join(path, "plugins")
			}
			src, err := os.ReadFile(file)
			require.NoError(t, err)
			got := replay(t, string(src), pluginDir)
			golden.Check(t, file, strings.ReplaceAll(got, path+string(filepath.Separator), ""))
		})
	}
}

// replay runs the inputs of a transcript and renders what they printed.
func replay(t *testing.T, transcript, pluginDir string) string {
	trace := &gatedWriter{}
	e := flexruntest.New(t, flexruntest.Options{Engine: engine.Options{JobBudget: replBudget, Trace: trace}})
	ctx := context.Background()
	var out, errs flexruntest.Buffer
	opts := plugins.REPLOptions{Out: &out, Err: &errs, Trace: func(on bool) { trace.on.Store(on) }}
	if pluginDir != "" {
		found, err := plugins.Discover(pluginDir)
		require.NoError(t, err)
		loader := plugins.NewLoader(e.Engine, e.Host, plugins.LoaderOptions{})
		_, loadErrs := loader.LoadAll(ctx, found)
		require.Empty(t, loadErrs)
		opts.Reload = func(ctx context.Context) error {
			for _, p := range found {
				if _, err := loader.Reload(ctx, p); err != nil {
					return err
				}
			}
			return nil
		}
	}
	r := plugins.NewREPL(e.Engine, e.Host, opts)

	var b strings.Builder
	for _, line := range strings.SplitAfter(transcript, "\n") {
		switch {
		case strings.HasPrefix(line, "#"):
			b.WriteString(line)
			continue
		case !strings.HasPrefix(line, ">"):
			continue
		}
		input := strings.TrimPrefix(strings.TrimSuffix(line, "\n"), ">")
		input = strings.TrimPrefix(input, " ")
		b.WriteString(strings.TrimRight("> "+input, " ") + "\n")
		marks := [...]int{out.Len(), errs.Len(), len(e.Stdout()), len(e.Stderr()), trace.buf.Len()}
		exit := r.Exec(ctx, input)
		section(&b, "", out.From(marks[0]))
		section(&b, "! ", errs.From(marks[1]))
		section(&b, "| ", e.Stdout()[marks[2]:])
		section(&b, "|! ", e.Stderr()[marks[3]:])
		section(&b, "~ ", traceTimes.ReplaceAllString(trace.buf.From(marks[4]), "in <time>"))
		if exit {
			b.WriteString("[exit]\n")
		}
	}
	return b.String()
}

var traceTimes = regexp.MustCompile(`in [0-9.]+[µnm]?s`)

// section writes text with every line prefixed.
func section(b *strings.Builder, prefix, text string) {
	if text == "" {
		return
	}
	for _, l := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		b.WriteString(strings.TrimRight(prefix+l, " ") + "\n")
	}
}

// gatedWriter is the engine's trace writer, passed on only while .trace is on.
type gatedWriter struct {
	on  atomic.Bool
	buf flexruntest.Buffer
}

func (w *gatedWriter) Write(p []byte) (int, error) {
	if w.on.Load() {
		return w.buf.Write(p)
	}
	return len(p), nil
}

// newREPL is an engine and a REPL writing to the returned buffers.
func newREPL(t *testing.T, opts plugins.REPLOptions) (*flexruntest.Engine, *plugins.REPL, *flexruntest.Buffer, *flexruntest.Buffer) {
	e := flexruntest.New(t, flexruntest.Options{Engine: engine.Options{JobBudget: replBudget}})
	var out, errs flexruntest.Buffer
	opts.Out, opts.Err = &out, &errs
	return e, plugins.NewREPL(e.Engine, e.Host, opts), &out, &errs
}

// Without hooks, .reload and .trace say so; bad .trace arguments still get
// the usage.
func TestREPLWithoutHooks(t *testing.T) {
	t.Parallel()
	_, r, out, errs := newREPL(t, plugins.REPLOptions{})
	ctx := context.Background()
	for _, line := range []string{".reload", ".trace on", ".trace maybe", ".exit now"} {
		assert.Equal(t, line == ".exit now", r.Exec(ctx, line), line)
	}
	assert.Equal(t, "nothing to reload: no plugins are watched\n", out.String())
	assert.Equal(t, "tracing is unavailable here\nusage: .trace on|off\n", errs.String())
}

func TestREPLReloadError(t *testing.T) {
	t.Parallel()
	var calls int
	_, r, out, errs := newREPL(t, plugins.REPLOptions{Reload: func(context.Context) error {
		calls++
		return errors.New("plugins/a.ts:3:1: Expected \";\"")
	}})
	assert.False(t, r.Exec(context.Background(), " .reload "))
	assert.Equal(t, 1, calls)
	assert.Empty(t, out.String())
	assert.Equal(t, ".reload: plugins/a.ts:3:1: Expected \";\"\n", errs.String())
}

// A nil REPLOptions writer discards.
func TestREPLZeroOptions(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{})
	r := plugins.NewREPL(e.Engine, e.Host, plugins.REPLOptions{})
	assert.False(t, r.Exec(context.Background(), "globalThis.ran = 1; throw new Error('x')"))
	assert.False(t, r.Exec(context.Background(), ".help"))
	res := e.RunScript(`if (globalThis.ran !== 1) throw new Error("the line did not run")`)
	assert.NoError(t, res.Err)
}

// When ctx is done while a line awaits, Exec says so and returns; the
// engine goes on serving.
func TestREPLContextDoneWhileAwaiting(t *testing.T) {
	t.Parallel()
	e, r, out, errs := newREPL(t, plugins.REPLOptions{})
	ctx, cancel := context.WithCancel(context.Background())
	// A Go action that ends the REPL's wait and then never answers, so the
	// engine stays busy (until Close cancels the handler's context).
	require.NoError(t, e.RegisterAction(ctx, "Hang", func(hctx context.Context, _ engine.Payload) (any, error) {
		cancel()
		<-hctx.Done()
		return nil, hctx.Err()
	}))
	assert.False(t, r.Exec(ctx, `await flex.Actions.invokeAction("Hang")`))
	assert.Equal(t, "stopped waiting for the line: context canceled\n", errs.String())
	assert.False(t, r.Exec(context.Background(), `"still serving"`))
	assert.Equal(t, "'still serving'\n", out.String())
}

// What a line registers, and the timers it sets, belong to the script owner.
func TestREPLLinesRunAsTheScript(t *testing.T) {
	t.Parallel()
	e, r, _, errs := newREPL(t, plugins.REPLOptions{})
	ctx := context.Background()
	r.Exec(ctx, `flex.Actions.registerAction("A", () => 1); setTimeout(() => {}, 3600000)`)
	r.Exec(ctx, `await 0; flex.Actions.addListener("beforeA", () => {}); setInterval(() => {}, 3600000)`)
	require.Empty(t, errs.String())
	regs, err := e.Registrations(ctx, engine.ScriptOwner)
	require.NoError(t, err)
	assert.Len(t, regs, 2)
	n, err := e.Unload(ctx, engine.ScriptOwner)
	require.NoError(t, err)
	assert.Equal(t, 4, n, "2 registrations and 2 timers")
}

// Exec takes a line, but a Go caller may pass several: positions count lines.
func TestREPLSeveralLinesAtOnce(t *testing.T) {
	t.Parallel()
	_, r, out, errs := newREPL(t, plugins.REPLOptions{})
	ctx := context.Background()
	r.Exec(ctx, "const m = await Promise.resolve(1)\nm + 1")
	r.Exec(ctx, "function f() {\n  throw new Error('line 2')\n}\nf()")
	r.Exec(ctx, "1 +\n)")
	assert.Equal(t, "2\n", out.String())
	assert.Equal(t, `Uncaught Error: line 2
    at f (REPL2:2:9)
    at REPL2:4:2
REPL3:2:1
)
^

Uncaught SyntaxError: Unexpected token )
`, errs.String())
}
