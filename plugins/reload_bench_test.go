package plugins_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/plugins"
)

// benchPlugin is a 200-line TypeScript plugin in a temp dir, loaded, whose
// VERSION constant each write changes.
type benchPlugin struct {
	tb     testing.TB
	e      *flexruntest.Engine
	l      *plugins.Loader
	plugin plugins.Plugin
	src    string
}

func newBenchPlugin(tb testing.TB) *benchPlugin {
	src, err := os.ReadFile(filepath.Join("testdata", "bench", "plugin200.ts"))
	require.NoError(tb, err)
	bp := &benchPlugin{tb: tb, src: string(src)}
	dir := tb.TempDir()
	bp.plugin = plugins.Plugin{Entry: filepath.Join(dir, "plugin200.ts")}
	bp.write(0)
	found, err := plugins.Discover(dir) // named as a Watcher of dir names it
	require.NoError(tb, err)
	bp.plugin = found[0]
	bp.e = flexruntest.New(tb, flexruntest.Options{})
	require.NoError(tb, bp.e.RegisterAction(context.Background(), "AcceptTask", func(context.Context, engine.Payload) (any, error) {
		return "accepted", nil
	}))
	bp.l = plugins.NewLoader(bp.e.Engine, bp.e.Host, plugins.LoaderOptions{})
	_, err = bp.l.Load(context.Background(), bp.plugin)
	require.NoError(tb, err)
	return bp
}

func (bp *benchPlugin) write(version int) {
	src := strings.Replace(bp.src, "const VERSION = 0;", fmt.Sprintf("const VERSION = %d;", version), 1)
	require.NoError(bp.tb, os.WriteFile(bp.plugin.Entry, []byte(src), 0o644))
}

// serving returns the VERSION of the generation that answers AcceptTask.
func (bp *benchPlugin) serving() int {
	got, err := bp.e.Invoke(context.Background(), "AcceptTask", map[string]any{"sid": "WR1"})
	require.NoError(bp.tb, err)
	return int(got.(map[string]any)["version"].(int64))
}

// BenchmarkReload measures a reload of a 200-line TS plugin as the watcher
// runs it once a change has arrived: build, unload the old generation,
// evaluate and start the new one. It reports the median and p99, the
// ratio of the median to the esbuild build alone in the same run, and the
// heap and goroutines left after b.N reloads (-benchtime=10000x for the
// memory target).
func BenchmarkReload(b *testing.B) {
	bp := newBenchPlugin(b)
	ctx := context.Background()

	builds := make([]time.Duration, 0, 50)
	for range cap(builds) {
		began := time.Now()
		_, err := plugins.Build(bp.plugin.Entry)
		require.NoError(b, err)
		builds = append(builds, time.Since(began))
	}

	heap0, goroutines0 := heapAndGoroutines()
	reloads := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		bp.write(i + 1)
		b.StartTimer()
		began := time.Now()
		_, err := bp.l.Reload(ctx, bp.plugin)
		reloads = append(reloads, time.Since(began))
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if got := bp.serving(); got != b.N {
		b.Fatalf("serving version %d, want %d", got, b.N)
	}
	heap1, goroutines1 := heapAndGoroutines()
	median := percentile(reloads, 50)
	b.ReportMetric(ms(median), "ms-median")
	b.ReportMetric(ms(percentile(reloads, 99)), "ms-p99")
	b.ReportMetric(float64(median)/float64(percentile(builds, 50)), "x-build")
	b.ReportMetric(float64(heap1-heap0)/(1<<20), "MB-heap-growth")
	b.ReportMetric(float64(goroutines1-goroutines0), "goroutine-growth")
}

// heapAndGoroutines measures the heap after a GC and the goroutines once
// the ones of the last builds have gone: esbuild leaves one asleep for
// 250ms after each build.
func heapAndGoroutines() (int64, int) {
	time.Sleep(300 * time.Millisecond)
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc), runtime.NumGoroutine()
}

func percentile(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[(len(s)-1)*p/100]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// TestReloadSoak reloads a plugin that registers listeners, a replacement
// and an interval 2,000 times: afterwards the goroutines are back to their
// number and the heap within a small bound of its start.
func TestReloadSoak(t *testing.T) {
	if testing.Short() {
		t.Skip("soak test; runs without -short")
	}
	bp := newBenchPlugin(t)
	ctx := context.Background()
	const reloads = 2000
	// Warm up: goja's and esbuild's caches, the engine's pools.
	for i := range 20 {
		bp.write(i)
		_, err := bp.l.Reload(ctx, bp.plugin)
		require.NoError(t, err)
	}
	heap0, goroutines0 := heapAndGoroutines()
	for i := range reloads {
		bp.write(i + 1)
		_, err := bp.l.Reload(ctx, bp.plugin)
		require.NoError(t, err)
	}
	require.Equal(t, reloads, bp.serving())
	regs, err := bp.e.Registrations(ctx, engine.Owner{})
	require.NoError(t, err)
	regs = withoutBuiltins(regs)
	require.Len(t, regs, 4, "the body, 2 listeners and the replacement of the live generation: %v", regs)

	heap1, goroutines1 := heapAndGoroutines()
	t.Logf("%d reloads: heap %+.2f MB, goroutines %d → %d", reloads, float64(heap1-heap0)/(1<<20), goroutines0, goroutines1)
	require.LessOrEqual(t, goroutines1, goroutines0, "goroutines back to their number")
	require.Less(t, heap1-heap0, int64(5<<20), "heap growth under 5 MB")
}

// BenchmarkReloadEndToEnd measures what a plugin author waits for: from a
// file saved (written to a temp file, renamed over the plugin) to its new
// behaviour observed through an invocation, with real fsnotify and the
// default debounce. It reports the median and p99, and the median less the
// debounce: the time flexrun itself takes.
func BenchmarkReloadEndToEnd(b *testing.B) {
	bp := newBenchPlugin(b)
	src, err := plugins.WatchDirs(filepath.Dir(bp.plugin.Entry))
	require.NoError(b, err)
	defer src.Close()
	reloaded := make(chan plugins.Event, 16)
	w := plugins.NewWatcher(bp.l, []string{filepath.Dir(bp.plugin.Entry)}, src, plugins.WatchOptions{
		OnEvent: func(ev plugins.Event) {
			switch ev.(type) {
			case plugins.ReloadSucceeded, plugins.ReloadFailed:
				reloaded <- ev
			}
		},
	})
	w.Load(context.Background()) // reloads the plugin newBenchPlugin loaded
	require.IsType(b, plugins.ReloadSucceeded{}, <-reloaded)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go w.Run(ctx)

	rounds := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		began := time.Now()
		bp.save(i + 1)
		if ev, ok := (<-reloaded).(plugins.ReloadFailed); ok {
			b.Fatal(ev.Err)
		}
		if got := bp.serving(); got != i+1 {
			b.Fatalf("serving version %d, want %d", got, i+1)
		}
		rounds = append(rounds, time.Since(began))
	}
	b.StopTimer()
	median := percentile(rounds, 50)
	b.ReportMetric(ms(median), "ms-median")
	b.ReportMetric(ms(percentile(rounds, 99)), "ms-p99")
	b.ReportMetric(ms(median-plugins.DefaultDebounce), "ms-beyond-debounce")
}

// save writes a version as editors do: a temp file renamed over the plugin.
func (bp *benchPlugin) save(version int) {
	tmp := bp.plugin.Entry + ".tmp~"
	src := strings.Replace(bp.src, "const VERSION = 0;", fmt.Sprintf("const VERSION = %d;", version), 1)
	require.NoError(bp.tb, os.WriteFile(tmp, []byte(src), 0o644))
	require.NoError(bp.tb, os.Rename(tmp, bp.plugin.Entry))
}
