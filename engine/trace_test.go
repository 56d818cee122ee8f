package engine_test

import (
	"context"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
)

func TestTrace(t *testing.T) {
	t.Parallel()
	var trace flexruntest.Buffer
	e := flexruntest.New(t, flexruntest.Options{Engine: engine.Options{Trace: &trace}})
	res := e.RunScript(`
		const A = flex.Actions;
		A.registerAction("Accept", (p) => "ok " + p.sid);
		A.registerAction("Accept", (p) => "ok2 " + p.sid);
		A.replaceAction("Accept", (p, original) => original(p));
		A.addListener("beforeAccept", (p, abort) => { if (p.sid === "no") abort(); });
		A.addListener("afterAccept", () => {});
		await A.invokeAction("Accept", { sid: "WR1" });
		await A.invokeAction("Accept", { sid: "no" }).catch(() => {});
	`)
	require.NoError(t, res.Err)
	got := regexp.MustCompile(` in [0-9.]+[µnm]?s\n`).ReplaceAllString(trace.String(), " in T\n")
	assert.Equal(t, `trace: registerAction Accept by script
trace: registerAction Accept by script replaces the body by script
trace: replaceAction Accept by script
trace: addListener beforeAccept by script
trace: addListener afterAccept by script
trace: Accept #1 invoked with {"sid":"WR1"}
trace: Accept #1 before listener 1/1 of script
trace: Accept #1 replacement of script runs (original: body of script)
trace: Accept #1 after listener 1/1 of script
trace: Accept #1 resolved "ok2 WR1" in T
trace: Accept #2 invoked with {"sid":"no"}
trace: Accept #2 before listener 1/1 of script
trace: Accept #2 aborted by a before listener
trace: Accept #2 rejected "Error: Action Accept cancelled by before event" in T
`, got)
}

// An absent payload is undefined, as JavaScript has it; null is a payload
// of its own (Flex's listeners see the difference).
func TestTraceAbsentPayloadIsUndefined(t *testing.T) {
	t.Parallel()
	var trace flexruntest.Buffer
	e := flexruntest.New(t, flexruntest.Options{Engine: engine.Options{Trace: &trace}})
	res := e.RunScript(`
		flex.Actions.registerAction("Ping", () => {});
		await flex.Actions.invokeAction("Ping");
		await flex.Actions.invokeAction("Ping", null);
		await flex.Actions.invokeAction("Ping", undefined);
	`)
	require.NoError(t, res.Err)
	got := regexp.MustCompile(`(?m)^trace: Ping #\d+ invoked with .*$`).FindAllString(trace.String(), -1)
	assert.Equal(t, []string{
		"trace: Ping #1 invoked with undefined",
		"trace: Ping #2 invoked with null",
		"trace: Ping #3 invoked with undefined",
	}, got)
}

func TestSetTraceTogglesTracing(t *testing.T) {
	t.Parallel()
	e := flexruntest.New(t, flexruntest.Options{})
	ctx := context.Background()
	require.NoError(t, e.RegisterAction(ctx, "Ping", func(context.Context, engine.Payload) (any, error) { return "pong", nil }))
	var trace flexruntest.Buffer
	require.NoError(t, e.SetTrace(ctx, &trace))
	_, err := e.Invoke(ctx, "Ping", nil)
	require.NoError(t, err)
	assert.Contains(t, trace.String(), "trace: Ping #1 invoked with undefined\n", "a nil payload is an absent one")
	require.NoError(t, e.SetTrace(ctx, nil))
	before := trace.String()
	_, err = e.Invoke(ctx, "Ping", nil)
	require.NoError(t, err)
	assert.Equal(t, before, trace.String(), "tracing is off")
}
