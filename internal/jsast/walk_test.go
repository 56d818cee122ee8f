package jsast_test

import (
	"os"
	"testing"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/internal/jsast"
)

func TestWalkFindsNestedNodes(t *testing.T) {
	prg, err := goja.Parse("x.js", `
		async function f() { await a; return [await b, { k: await (async () => await c)() }]; }
		class C { async m() { for (const x of await d) { if (x) await e; } } }
		const s = "await z"; // not a node
	`)
	require.NoError(t, err)
	var names []string
	jsast.Walk(prg, func(a *ast.AwaitExpression) {
		if id, ok := a.Argument.(*ast.Identifier); ok {
			names = append(names, string(id.Name))
		}
	})
	assert.ElementsMatch(t, []string{"a", "b", "c", "d", "e"}, names)
}

// BenchmarkWalk walks a large real library (set JSAST_BENCH_FILE) or a
// generated bundle, and reports the walk's cost relative to parsing.
func BenchmarkWalk(b *testing.B) {
	src := generated(20000)
	if f := os.Getenv("JSAST_BENCH_FILE"); f != "" {
		data, err := os.ReadFile(f)
		require.NoError(b, err)
		src = string(data)
	}
	prg, err := goja.Parse("bench.js", src)
	require.NoError(b, err)
	n := 0
	for b.Loop() {
		jsast.Walk(prg, func(*ast.AwaitExpression) { n++ })
	}
	b.ReportMetric(float64(len(src))/(float64(b.Elapsed().Nanoseconds())/float64(b.N))*1e3, "MB/s")
}

func generated(n int) string {
	var s []byte
	for i := 0; i < n; i++ {
		s = append(s, "async function f"...)
		s = append(s, byte('a'+i%26))
		s = append(s, "(x) { const y = await g(x.a, [1, 2, { z: x }]); if (y > 2) { return y * 3; } return \"s\" + y; }\n"...)
	}
	return string(s)
}

// BenchmarkParse is the baseline BenchmarkWalk's cost compares to: goja
// parsing the same source.
func BenchmarkParse(b *testing.B) {
	src := generated(20000)
	for b.Loop() {
		if _, err := goja.Parse("bench.js", src); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(src))/(float64(b.Elapsed().Nanoseconds())/float64(b.N))*1e3, "MB/s")
}
