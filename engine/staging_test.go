package engine_test

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
)

// A staged owner's body, replacement and listener are invisible to Invoke
// until Activate, and its predecessor serves meanwhile; Unload of a staged
// owner drops it unseen and gives the predecessor its place back.
func TestStagedRegistrationsAreInvisibleUntilActivated(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{})
	a1, a2, a3 := engine.Owner{Name: "a", Generation: 1}, engine.Owner{Name: "a", Generation: 2}, engine.Owner{Name: "a", Generation: 3}
	start := func(owner, predecessor engine.Owner, tag string, staged bool) {
		require.NoError(t, e.Do(ctx, func(v *engine.VM) error {
			if staged {
				v.BeginStaged(owner, predecessor)
			} else {
				v.BeginStart(owner, predecessor)
			}
			body := v.Runtime().ToValue(func(c goja.FunctionCall) goja.Value {
				p := c.Argument(0).ToObject(v.Runtime())
				return v.Runtime().ToValue(tag + " " + p.Get("seen").String())
			})
			before := v.Runtime().ToValue(func(c goja.FunctionCall) goja.Value {
				c.Argument(0).ToObject(v.Runtime()).Set("seen", tag)
				return goja.Undefined()
			})
			require.NoError(t, v.RegisterAction(owner, "X", body, nil))
			require.NoError(t, v.AddListener(owner, "beforeX", before))
			v.EndStart(owner)
			return nil
		}))
	}
	x := func() any {
		have, err := e.Invoke(ctx, "X", map[string]any{})
		require.NoError(t, err)
		return have
	}
	start(a1, engine.Owner{}, "a1", false)
	start(a2, a1, "a2", true)
	assert.Equal(t, "a1 a1", x(), "a2 is staged")
	require.NoError(t, e.Do(ctx, func(v *engine.VM) error {
		assert.True(t, v.Staged(a2))
		v.Unload(a2) // its start failed
		assert.False(t, v.Staged(a2))
		return nil
	}))
	assert.Equal(t, "a1 a1", x())
	start(a3, a1, "a3", true)
	require.NoError(t, e.Do(ctx, func(v *engine.VM) error {
		v.Unload(a1)
		v.Activate(a3)
		return nil
	}))
	assert.Equal(t, "a3 a3", x())
}
