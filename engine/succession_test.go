package engine_test

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
)

// A generation started with BeginStart(new, old) takes old's place: its
// body and replacement stay behind those registered after old started, its
// listener runs before theirs. What it registers after EndStart is appended.
func TestBeginStartTakesThePredecessorsPlace(t *testing.T) {
	t.Parallel()
	var trace flexruntest.Buffer
	e := flexruntest.New(t, flexruntest.Options{Engine: engine.Options{Trace: &trace}})
	a1, a2 := engine.Owner{Name: "a", Generation: 1}, engine.Owner{Name: "a", Generation: 2}
	c1 := engine.Owner{Name: "c", Generation: 1}
	var regs []engine.Registration
	require.NoError(t, e.Do(ctx, func(v *engine.VM) error {
		fn := func() goja.Value {
			return v.Runtime().ToValue(func(goja.FunctionCall) goja.Value { return goja.Undefined() })
		}
		start := func(owner, predecessor engine.Owner) {
			v.BeginStart(owner, predecessor)
			require.NoError(t, v.RegisterAction(owner, "X", fn(), nil))
			require.NoError(t, v.ReplaceAction(owner, "X", fn()))
			require.NoError(t, v.AddListener(owner, "beforeX", fn()))
			v.EndStart(owner)
		}
		start(a1, engine.Owner{})
		start(c1, engine.Owner{})
		v.Unload(a1)
		start(a2, a1)
		require.NoError(t, v.AddListener(a2, "afterX", fn())) // after its start
		require.NoError(t, v.AddListener(c1, "afterX", fn()))
		regs = withoutBuiltins(v.Registrations())
		return nil
	}))
	assert.Equal(t, []engine.Registration{
		{Kind: "action", Name: "X", Owner: a2},
		{Kind: "action", Name: "X", Owner: c1},
		{Kind: "replacement", Name: "X", Owner: a2},
		{Kind: "replacement", Name: "X", Owner: c1},
		{Kind: "listener", Name: "afterX", Owner: a2},
		{Kind: "listener", Name: "afterX", Owner: c1},
		{Kind: "listener", Name: "beforeX", Owner: a2},
		{Kind: "listener", Name: "beforeX", Owner: c1},
	}, regs)
	assert.Contains(t, trace.String(), "trace: registerAction X by a#2 stays behind the body by c#1\n")
	assert.Contains(t, trace.String(), "trace: replaceAction X by a#2 stays behind the replacement by c#1\n")
}
