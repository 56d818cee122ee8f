package flexruntest_test

// The invokers of the torture test: random targets, payloads and contexts,
// and the check of each outcome.

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/flexrun/flexrun/engine"
)

var errTortureGoFail = errors.New("go action fails on purpose")

var tortureGoActions = []string{"GoSleep", "GoFail", "GoPanic"}

// registerTortureGoActions registers the Go actions: one sleeps, one fails,
// one panics; the first echoes the payload's id.
func registerTortureGoActions(t *testing.T, e *engine.Engine) {
	t.Helper()
	ctx := context.Background()
	for name, h := range map[string]engine.Handler{
		"GoSleep": func(ctx context.Context, p engine.Payload) (any, error) {
			select {
			case <-time.After(time.Duration(number(p["ms"])) * time.Millisecond):
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			return map[string]any{"id": p["id"], "by": "GoSleep"}, nil
		},
		"GoFail": func(ctx context.Context, p engine.Payload) (any, error) {
			return nil, fmt.Errorf("%w (%v)", errTortureGoFail, p["id"])
		},
		"GoPanic": func(ctx context.Context, p engine.Payload) (any, error) {
			panic(fmt.Sprintf("go action panics (%v)", p["id"]))
		},
	} {
		if err := e.RegisterAction(ctx, name, h); err != nil {
			t.Fatal(err)
		}
	}
}

func number(v any) int64 {
	switch n := v.(type) {
	case int64:
		return n
	case float64:
		return int64(n)
	case int:
		return int64(n)
	}
	return 0
}

// torturePayload picks an action and a payload carrying id.
func torturePayload(rng *rand.Rand, id string) (string, map[string]any) {
	p := map[string]any{"id": id, "n": rng.Intn(1000), "ms": rng.Intn(20)}
	for range rng.Intn(3) {
		p[fmt.Sprintf("junk%d", rng.Intn(5))] = junk(rng, 3)
	}
	switch r := rng.Intn(100); {
	case r < 70:
		p["mode"] = tortureModes[rng.Intn(len(tortureModes))]
		p["before"] = tortureListenerModes[rng.Intn(len(tortureListenerModes))]
		p["after"] = tortureListenerModes[rng.Intn(len(tortureListenerModes))]
		p["goName"] = tortureGoActions[rng.Intn(len(tortureGoActions))]
		return fmt.Sprintf("A%d", rng.Intn(torturePlugins)), p
	case r < 82:
		return "R", p
	case r < 95:
		return tortureGoActions[rng.Intn(len(tortureGoActions))], p
	}
	return []string{"Nope", "A", "a0", "A50", "R ", "", "Åction\x00"}[rng.Intn(7)], p
}

// junk is random JSON-like data.
func junk(rng *rand.Rand, depth int) any {
	switch r := rng.Intn(9); {
	case r == 0:
		return nil
	case r == 1:
		return rng.Intn(2) == 0
	case r == 2:
		return rng.NormFloat64() * 1e300
	case r == 3:
		return rng.Int63()
	case r == 4:
		return strings.Repeat("é\x00\u2028😀", rng.Intn(4))
	case r < 7 && depth > 0:
		l := make([]any, rng.Intn(4))
		for i := range l {
			l[i] = junk(rng, depth-1)
		}
		return l
	case depth > 0:
		m := map[string]any{}
		for range rng.Intn(4) {
			m[[]string{"__proto__", "constructor", "then", "toString", "x", ""}[rng.Intn(6)]] = junk(rng, depth-1)
		}
		return m
	}
	return "leaf"
}

// tortureContext is mostly long, sometimes cancelled or short.
func tortureContext(rng *rand.Rand) (context.Context, string, context.CancelFunc) {
	switch r := rng.Intn(10); {
	case r == 0:
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(time.Duration(rng.Intn(3000))*time.Microsecond, cancel)
		return ctx, "cancelled", cancel
	case r == 1:
		ctx, cancel := context.WithTimeout(context.Background(), time.Duration(1+rng.Intn(5))*time.Millisecond)
		return ctx, "short", cancel
	}
	ctx, cancel := context.WithTimeout(context.Background(), tortureLong)
	return ctx, "long", cancel
}

func invokeOnce(e *engine.Engine, st *tortureStats, rng *rand.Rand, id string) {
	name, payload := torturePayload(rng, id)
	ctx, kind, cancel := tortureContext(rng)
	defer cancel()
	st.mu.Lock()
	st.invokes++
	st.ctxKinds[kind]++
	st.mu.Unlock()

	got, err := e.Invoke(ctx, name, payload)

	st.mu.Lock()
	defer st.mu.Unlock()
	st.returned++
	what := fmt.Sprintf("%s %q %v", id, name, payload)
	known := name == "R" || strings.HasPrefix(name, "Go") || (strings.HasPrefix(name, "A") && name != "A" && name != "A50")
	var ae *engine.ActionError
	switch {
	case err == nil:
		m, _ := got.(map[string]any)
		switch {
		case !known || m == nil || m["id"] != id || m["by"] != name:
			st.add(&st.misrouted, "%s: got %v", what, got)
		case st.seen[id]:
			st.add(&st.doubled, "%s: got %v", what, got)
		}
		st.seen[id] = true
		st.byType["ok"]++
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		if kind == "long" {
			st.add(&st.lost, "%s: %v", what, err)
		}
		st.byType["context done ("+kind+")"]++
	case errors.As(err, &ae):
		st.byType[fmt.Sprintf("ActionError %-14s owner %-6s %s", ae.Phase, ownerKind(ae.Owner), cause(err))]++
		unknown := errors.Is(err, engine.ErrUnknownAction)
		switch {
		case ae.Action != name:
			st.add(&st.misrouted, "%s: error names action %q: %v", what, ae.Action, err)
		case ae.Phase == "":
			st.add(&st.untyped, "%s: no phase: %v", what, err)
		case ae.Owner.Name == "" && ae.Phase != engine.PhaseBegin && ae.Phase != engine.PhaseEnd:
			st.add(&st.untyped, "%s: no owner: %v", what, err)
		case !known && !unknown:
			st.add(&st.untyped, "%s: not ErrUnknownAction: %v", what, err)
		case known && unknown && name == "R":
			st.add(&st.reloadGone, "%s: %v", what, err)
		case known && unknown:
			st.add(&st.untyped, "%s: unexpected ErrUnknownAction: %v", what, err)
		}
	default:
		st.byType[fmt.Sprintf("untyped %T", err)]++
		st.add(&st.untyped, "%s: %T %v", what, err, err)
	}
}

func ownerKind(o engine.Owner) string {
	switch {
	case o.Name == "":
		return "none"
	case o.Generation > 0:
		return "plugin"
	}
	return o.Name
}

// cause names what an ActionError says went wrong, for the table.
func cause(err error) string {
	var je *engine.JSError
	var ve *engine.ValueError
	msg := err.Error()
	switch {
	case errors.Is(err, engine.ErrUnknownAction):
		return "unknown action"
	case errors.Is(err, errTortureGoFail):
		return "go handler error"
	case strings.Contains(msg, "go handler panicked"):
		return "go handler panic"
	case strings.Contains(msg, "job time budget"):
		return "job budget"
	case strings.Contains(msg, "call stack"):
		return "stack overflow"
	case strings.Contains(msg, "is pending"):
		return "pending"
	case errors.As(err, &ve):
		return "value error"
	case errors.As(err, &je) && je.Name != "":
		return "thrown " + je.Name
	case errors.As(err, &je):
		return "thrown non-Error"
	}
	return fmt.Sprintf("%T", errors.Unwrap(err))
}
