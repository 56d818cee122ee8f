package engine_test

import (
	"context"
	"testing"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/engine"
)

// BenchmarkAwaitGuard reports what the await guard costs plugin code that
// awaits: a loop of awaits compiled with and without it, in one engine.
func BenchmarkAwaitGuard(b *testing.B) {
	const src = `(async function () { let s = 0; for (let i = 0; i < 10000; i++) { s += await i; s += await p; } return s; })`
	e, err := engine.New(engine.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	guarded, err := engine.Compile("guarded.js", src, false)
	if err != nil {
		b.Fatal(err)
	}
	plain := goja.MustCompile("plain.js", src, false)
	run := func(prog *goja.Program) {
		err := e.Do(context.Background(), func(v *engine.VM) error {
			rt := v.Runtime()
			rt.Set("p", rt.ToValue(nil))
			if _, err := rt.RunString("p = Promise.resolve(1)"); err != nil {
				return err
			}
			fn, err := rt.RunProgram(prog)
			if err != nil {
				return err
			}
			f, _ := goja.AssertFunction(fn)
			_, err = f(goja.Undefined())
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		if err := e.Wait(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
	var g, p float64
	for b.Loop() {
		start := b.Elapsed()
		run(guarded)
		mid := b.Elapsed()
		run(plain)
		g += float64(mid - start)
		p += float64(b.Elapsed() - mid)
	}
	b.ReportMetric(g/p, "x-unguarded-time")
	b.ReportMetric(0, "ns/op")
}
