package plugins_test

import (
	"context"
	"testing"

	"github.com/dop251/goja"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/plugins"
)

// A line whose job the engine cuts short for another reason than the time
// budget or a stack overflow (here a Go function that panics, a bug in
// Go code the line calls) is reported as what it was, not as an interrupt.
func TestREPLAbortNamesTheRealError(t *testing.T) {
	t.Parallel()
	e, r, out, errs := newREPL(t, plugins.REPLOptions{})
	ctx := context.Background()
	require.NoError(t, e.Do(ctx, func(v *engine.VM) error {
		return v.Runtime().Set("explode", func(goja.FunctionCall) goja.Value { panic("boom") })
	}))
	for _, line := range []string{"explode()", "await 0; explode()"} {
		from := errs.Len()
		assert.False(t, r.Exec(ctx, line))
		got := errs.From(from)
		assert.NotContains(t, got, "job time budget or stack overflow", line)
		assert.Equal(t, "Aborted: panic in loop job: boom\n", got, line)
	}
	assert.False(t, r.Exec(ctx, `"still serving"`))
	assert.Equal(t, "'still serving'\n", out.String())
}
