package console

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/internal/jsfunc"
)

// New builds a console object that prints like Node 20's global
// console: log, info, debug and dirxml write Format(args)+"\n" to stdout;
// warn, error and trace write to stderr. It also has dir, table, assert,
// count/countReset, time/timeLog/timeEnd, group/groupCollapsed/groupEnd and
// no-op clear, profile, profileEnd and timeStamp.
//
// Output has no timestamps or prefixes. Group indentation (two spaces per
// level) applies to both streams. Misuse that Node reports through
// process.emitWarning (an unknown timer or counter label, a timer started
// twice) is written to stderr as "Warning: ..." without Node's pid prefix.
//
// Loop only: New and the methods run on the goroutine that owns rt.
// Each method call writes its whole output (all lines) with a single Write,
// straight to the writer, so the caller's writer decides how output is
// shared with other goroutines. Write errors are ignored, as Node's console
// ignores them; a nil writer discards. The console's state (counters, timers, group depth) belongs
// to the returned object; two consoles share nothing.
func New(rt *goja.Runtime, stdout, stderr io.Writer) *goja.Object {
	return newConsole(rt, stdout, stderr, time.Now)
}

// consoleState is the state behind one console object.
type consoleState struct {
	rt             *goja.Runtime
	r              *realm
	stdout, stderr io.Writer
	now            func() time.Time
	counts         map[string]int
	times          map[string]time.Time
	indent         string
}

// newConsole is New with a clock, so tests can control console.time.
func newConsole(rt *goja.Runtime, stdout, stderr io.Writer, now func() time.Time) *goja.Object {
	if stdout == nil {
		stdout = io.Discard
	}
	if stderr == nil {
		stderr = io.Discard
	}
	c := &consoleState{
		rt: rt, r: newRealm(rt), stdout: stdout, stderr: stderr, now: now,
		counts: map[string]int{}, times: map[string]time.Time{},
	}
	// Resolve the built-ins inspect relies on now, before plugin code runs,
	// the way Node captures its primordials at startup.
	for _, p := range intrinsicPaths {
		c.r.intrinsic(p)
	}
	c.r.customSymbol()

	obj := rt.NewObject()
	log := func(call goja.FunctionCall) goja.Value { return c.print(c.stdout, call.Arguments) }
	warn := func(call goja.FunctionCall) goja.Value { return c.print(c.stderr, call.Arguments) }
	group := func(call goja.FunctionCall) goja.Value {
		if len(call.Arguments) > 0 {
			c.print(c.stdout, call.Arguments)
		}
		c.indent += "  "
		return goja.Undefined()
	}
	noop := func(goja.FunctionCall) goja.Value { return goja.Undefined() }
	for _, m := range []struct {
		name string
		fn   func(goja.FunctionCall) goja.Value
	}{
		{"log", log},
		{"warn", warn},
		{"dir", c.dir},
		{"time", c.time},
		{"timeEnd", c.timeEnd},
		{"timeLog", c.timeLog},
		{"trace", c.trace},
		{"assert", c.assert},
		{"clear", noop},
		{"count", c.count},
		{"countReset", c.countReset},
		{"group", group},
		{"groupEnd", c.groupEnd},
		{"table", c.table},
		{"debug", log},
		{"info", log},
		{"dirxml", log},
		{"error", warn},
		{"groupCollapsed", group},
		{"profile", noop},
		{"profileEnd", noop},
		{"timeStamp", noop},
	} {
		_ = obj.Set(m.name, jsfunc.New(rt, m.name, 0, m.fn))
	}
	_ = obj.DefineDataPropertySymbol(goja.SymToStringTag, rt.ToValue("console"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return obj
}

// intrinsicPaths lists the built-ins inspect and format look up.
var intrinsicPaths = []string{
	"Object", "Object.prototype", "Function", "Function.prototype", "Error",
	"Object.getOwnPropertyDescriptor", "Object.prototype.hasOwnProperty",
	"Object.prototype.propertyIsEnumerable", "Reflect.has", "Function.prototype.toString",
	"Map.prototype.get size", "Map.prototype.entries", "Set.prototype.get size",
	"Set.prototype.values", "WeakMap.prototype.has", "WeakSet.prototype.has",
	"Date.prototype.getTime", "Date.prototype.toISOString", "Date.prototype.toString",
	"RegExp.prototype.toString", "Error.prototype.toString",
	"Number.prototype.valueOf", "String.prototype.valueOf", "Boolean.prototype.valueOf",
	"BigInt.prototype.valueOf", "Symbol.prototype.valueOf",
	"Uint8Array.prototype.[[Prototype]].get @@toStringTag",
	"Uint8Array.prototype.[[Prototype]].get length", "DataView.prototype.get byteLength",
	"JSON.stringify", "Number", "parseInt", "parseFloat", "Symbol.for",
}

// write prints s plus a newline, indented for the current group.
func (c *consoleState) write(w io.Writer, s string) {
	if c.indent != "" {
		s = c.indent + strings.ReplaceAll(s, "\n", "\n"+c.indent)
	}
	_, _ = io.WriteString(w, s+"\n")
}

func (c *consoleState) print(w io.Writer, args []goja.Value) goja.Value {
	c.write(w, c.r.format(args))
	return goja.Undefined()
}

// warning stands in for Node's process.emitWarning.
func (c *consoleState) warning(msg string) {
	_, _ = io.WriteString(c.stderr, "Warning: "+msg+"\n")
}

// label is a console label argument: `${label}`, "default" when undefined.
func (c *consoleState) label(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) {
		return "default"
	}
	return c.r.toString(v)
}

func (c *consoleState) dir(call goja.FunctionCall) goja.Value {
	o := defaultInspectOptions()
	o.customInspect = false
	c.write(c.stdout, c.r.inspect(call.Argument(0), c.r.parseOptions(o, call.Argument(1))))
	return goja.Undefined()
}

func (c *consoleState) trace(call goja.FunctionCall) goja.Value {
	var b bytes.Buffer
	b.WriteString("Trace")
	if msg := c.r.format(call.Arguments); msg != "" {
		b.WriteString(": " + msg)
	}
	for i, f := range c.rt.CaptureCallStack(0, nil) {
		if i == 0 && f.SrcName() == "<native>" {
			continue // console.trace itself
		}
		b.WriteString("\n    at ")
		f.Write(&b)
	}
	c.write(c.stderr, engine.NodeStack(b.String()))
	return goja.Undefined()
}

func (c *consoleState) assert(call goja.FunctionCall) goja.Value {
	if call.Argument(0).ToBoolean() {
		return goja.Undefined()
	}
	args := append([]goja.Value(nil), call.Arguments[min(1, len(call.Arguments)):]...)
	if len(args) == 0 {
		args = []goja.Value{c.rt.ToValue("Assertion failed")}
	} else {
		args[0] = c.rt.ToValue("Assertion failed: " + c.r.toString(args[0]))
	}
	return c.print(c.stderr, args)
}

func (c *consoleState) count(call goja.FunctionCall) goja.Value {
	label := c.label(call.Argument(0))
	c.counts[label]++
	c.write(c.stdout, label+": "+strconv.Itoa(c.counts[label]))
	return goja.Undefined()
}

func (c *consoleState) countReset(call goja.FunctionCall) goja.Value {
	label := c.label(call.Argument(0))
	if _, ok := c.counts[label]; !ok {
		c.warning("Count for '" + label + "' does not exist")
		return goja.Undefined()
	}
	delete(c.counts, label)
	return goja.Undefined()
}

func (c *consoleState) groupEnd(goja.FunctionCall) goja.Value {
	c.indent = c.indent[:max(0, len(c.indent)-2)]
	return goja.Undefined()
}

func (c *consoleState) time(call goja.FunctionCall) goja.Value {
	label := c.label(call.Argument(0))
	if _, ok := c.times[label]; ok {
		c.warning("Label '" + label + "' already exists for console.time()")
		return goja.Undefined()
	}
	c.times[label] = c.now()
	return goja.Undefined()
}

func (c *consoleState) timeEnd(call goja.FunctionCall) goja.Value {
	label := c.label(call.Argument(0))
	if c.timeLogImpl("timeEnd", label, nil) {
		delete(c.times, label)
	}
	return goja.Undefined()
}

func (c *consoleState) timeLog(call goja.FunctionCall) goja.Value {
	label := c.label(call.Argument(0))
	c.timeLogImpl("timeLog", label, call.Arguments[min(1, len(call.Arguments)):])
	return goja.Undefined()
}

// timeLogImpl prints "label: duration [data...]"; false if label is unknown.
func (c *consoleState) timeLogImpl(name, label string, data []goja.Value) bool {
	start, ok := c.times[label]
	if !ok {
		c.warning("No such label '" + label + "' for console." + name + "()")
		return false
	}
	ms := float64(c.now().Sub(start).Nanoseconds()) / 1e6
	args := []goja.Value{c.rt.ToValue("%s: %s"), c.rt.ToValue(label), c.rt.ToValue(formatTime(ms))}
	c.print(c.stdout, append(args, data...))
	return true
}

// formatTime is Node's console formatTime: "1.234ms", "1.500s",
// "1:02.345 (m:ss.mmm)" or "1:02:03.456 (h:mm:ss.mmm)".
func formatTime(ms float64) string {
	const second, minute, hour = 1000.0, 60 * 1000.0, 60 * 60 * 1000.0
	var hours, minutes, seconds float64
	if ms >= second {
		if ms >= minute {
			if ms >= hour {
				hours = math.Floor(ms / hour)
				ms = math.Mod(ms, hour)
			}
			minutes = math.Floor(ms / minute)
			ms = math.Mod(ms, minute)
		}
		seconds = ms / second
	}
	if hours != 0 || minutes != 0 {
		secs, frac, _ := strings.Cut(strconv.FormatFloat(seconds, 'f', 3, 64), ".")
		if len(secs) < 2 {
			secs = "0" + secs
		}
		if hours != 0 {
			return fmt.Sprintf("%d:%02d:%s.%s (h:mm:ss.mmm)", int(hours), int(minutes), secs, frac)
		}
		return fmt.Sprintf("%d:%s.%s (m:ss.mmm)", int(minutes), secs, frac)
	}
	if seconds != 0 {
		return strconv.FormatFloat(seconds, 'f', 3, 64) + "s"
	}
	rounded, _ := strconv.ParseFloat(strconv.FormatFloat(ms, 'f', 3, 64), 64)
	return strconv.FormatFloat(rounded, 'f', -1, 64) + "ms"
}
