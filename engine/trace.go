package engine

// --trace: a line per invocation step and per registration, so that a user
// can see which plugin's listener or replacement ran, and in what order.
// Off (Options.Trace nil) it costs one nil check per step.

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/dop251/goja"
)

// Setup's registrations (the host's built-ins) are not traced: the trace is
// of what plugins and scripts do.
func (v *VM) tracing() bool { return v.e.opts.Trace != nil && v.e.setupDone }

func (v *VM) tracef(format string, args ...any) {
	fmt.Fprintf(v.e.opts.Trace, "trace: "+format+"\n", args...)
}

// traceValue renders a payload or result briefly: JSON, except that an
// absent value (invokeAction("X") has no payload) is undefined, as
// JavaScript has it, not JSON's null, which a payload can be too.
func (v *VM) traceValue(val goja.Value) string {
	if val == nil || goja.IsUndefined(val) {
		return "undefined"
	}
	b, err := json.Marshal(v.exportBrief(val))
	if err != nil {
		return "?"
	}
	const max = 120
	if len(b) > max {
		return string(b[:max]) + "…"
	}
	return string(b)
}

func (inv *invocation) traceBegin() {
	inv.began = time.Now()
	inv.v.tracef("%s #%d invoked with %s", inv.name, inv.id, inv.v.traceValue(inv.payload))
}

func (inv *invocation) traceEnd(outcome string, val goja.Value) {
	inv.v.tracef("%s #%d %s %s in %s", inv.name, inv.id, outcome, inv.v.traceValue(val), time.Since(inv.began).Round(time.Microsecond))
}

func (inv *invocation) traceListeners(phase Phase, list []*fnRef) {
	for i, l := range list {
		inv.v.tracef("%s #%d %s listener %d/%d of %s", inv.name, inv.id, phase, i+1, len(list), l.owner)
	}
}

// SetTrace starts tracing to w, or stops it (w nil), from the next job on:
// the dev console's ".trace on|off".
func (e *Engine) SetTrace(ctx context.Context, w io.Writer) error {
	return e.Do(ctx, func(v *VM) error {
		e.opts.Trace = w
		return nil
	})
}
