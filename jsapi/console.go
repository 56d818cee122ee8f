package jsapi

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/internal/jsfunc"
)

// NewConsole builds a console object that prints like Node 20's global
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
// Loop only: NewConsole and the methods run on the goroutine that owns rt.
// Each method call writes its whole output (all lines) with a single Write,
// straight to the writer, so the caller's writer decides how output is
// shared with other goroutines. Write errors are ignored, as Node's console
// ignores them; a nil writer discards. The console's state (counters, timers, group depth) belongs
// to the returned object; two consoles share nothing.
func NewConsole(rt *goja.Runtime, stdout, stderr io.Writer) *goja.Object {
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

// newConsole is NewConsole with a clock, so tests can control console.time.
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

// table is Node's console.table, drawn with the same box characters.
func (c *consoleState) table(call goja.FunctionCall) goja.Value {
	r := c.r
	data, properties := call.Argument(0), call.Argument(1)
	var props []string
	if !goja.IsUndefined(properties) {
		po, ok := properties.(*goja.Object)
		if !ok || !r.isArray(po) {
			panic(c.rt.NewTypeError(`The "properties" argument must be an instance of Array. Received ` + r.inspect(properties, defaultInspectOptions())))
		}
		for i, n := 0, r.length(po); i < n; i++ {
			props = append(props, r.toString(r.get(po, strconv.Itoa(i))))
		}
	}
	obj, ok := data.(*goja.Object)
	if !ok || r.isFunction(obj) {
		return c.print(c.stdout, []goja.Value{data})
	}
	var head []string
	var columns []map[int]string
	if _, isMap := r.mapSize(obj); isMap {
		head, columns = c.tableEntries(obj, "Map.prototype.entries", true)
	} else if _, isSet := r.setSize(obj); isSet {
		head, columns = c.tableEntries(obj, "Set.prototype.values", false)
	} else {
		head, columns = c.tableRows(obj, props)
	}
	c.write(c.stdout, renderTable(head, columns))
	return goja.Undefined()
}

// tableCell inspects one value for a table: shallow, at most three array
// items, on one line.
func (c *consoleState) tableCell(v goja.Value) string {
	r := c.r
	o := defaultInspectOptions()
	o.depth, o.maxArrayLength, o.breakLength = 0, 3, noLimit
	if vo, isObj := v.(*goja.Object); isObj && !r.isArray(vo) && !c.isTyped(vo) && len(r.keyNames(vo)) > 2 {
		o.depth = -1
	}
	return r.inspect(v, o)
}

// tableEntries lays out a Map (keyValue) or a Set by iteration index.
func (c *consoleState) tableEntries(obj *goja.Object, iterator string, keyValue bool) ([]string, []map[int]string) {
	index, keys, values := map[int]string{}, map[int]string{}, map[int]string{}
	n := 0
	c.r.iterate(iterator, obj, func(v goja.Value) bool {
		index[n] = strconv.Itoa(n)
		if e, ok := v.(*goja.Object); ok && keyValue {
			keys[n], values[n] = c.tableCell(c.r.get(e, "0")), c.tableCell(c.r.get(e, "1"))
		} else {
			values[n] = c.tableCell(v)
		}
		n++
		return true
	})
	if keyValue {
		return []string{"(iteration index)", "Key", "Values"}, []map[int]string{index, keys, values}
	}
	return []string{"(iteration index)", "Values"}, []map[int]string{index, values}
}

// tableRows lays out an object or array: one row per own key, one column
// per property of the rows (or per entry of props), primitives under
// "Values".
func (c *consoleState) tableRows(obj *goja.Object, props []string) ([]string, []map[int]string) {
	r := c.r
	var colNames []string
	cols := map[string]map[int]string{}
	indexCol, valuesCol := map[int]string{}, map[int]string{}
	hasPrimitives := false
	for i, key := range r.keyNames(obj) {
		indexCol[i] = key
		item := r.get(obj, key)
		itemObj, isObj := item.(*goja.Object)
		if props == nil && !isObj {
			hasPrimitives = true
			valuesCol[i] = c.tableCell(item)
			continue
		}
		keys := props
		if keys == nil {
			keys = r.keyNames(itemObj)
		}
		for _, k := range keys {
			col, seen := cols[k]
			if !seen {
				col = map[int]string{}
				cols[k] = col
				colNames = append(colNames, k)
			}
			if !isObj || !r.hasOwn(itemObj, c.rt.ToValue(k)) {
				col[i] = ""
			} else {
				col[i] = c.tableCell(r.get(itemObj, k))
			}
		}
	}
	// Node collects columns in an object, so they come out in property
	// order: integer-like keys first, ascending.
	sort.SliceStable(colNames, func(a, b int) bool {
		ia, ib := isArrayIndex(colNames[a]), isArrayIndex(colNames[b])
		if ia && ib {
			na, _ := strconv.ParseUint(colNames[a], 10, 64)
			nb, _ := strconv.ParseUint(colNames[b], 10, 64)
			return na < nb
		}
		return ia && !ib
	})
	head := append([]string{"(index)"}, colNames...)
	columns := []map[int]string{indexCol}
	for _, n := range colNames {
		columns = append(columns, cols[n])
	}
	if hasPrimitives {
		head = append(head, "Values")
		columns = append(columns, valuesCol)
	}
	return head, columns
}

func (c *consoleState) isTyped(o *goja.Object) bool {
	_, ok := c.r.typedArrayName(o)
	return ok
}

// renderTable is Node's internal/cli_table: columns are sparse, keyed by row.
func renderTable(head []string, columns []map[int]string) string {
	widths := make([]int, len(head))
	rowCount := 0
	for i, h := range head {
		widths[i] = stringWidth(h)
		for j := range columns[i] {
			rowCount = max(rowCount, j+1)
		}
	}
	rows := make([][]string, rowCount)
	for j := range rows {
		rows[j] = make([]string, len(head))
		for i := range head {
			rows[j][i] = columns[i][j]
			widths[i] = max(widths[i], stringWidth(rows[j][i]))
		}
	}
	divider := make([]string, len(widths))
	for i, w := range widths {
		divider[i] = strings.Repeat("─", w+2)
	}
	renderRow := func(row []string) string {
		var b strings.Builder
		b.WriteString("│ ")
		for i, cell := range row {
			b.WriteString(cell + strings.Repeat(" ", max(0, widths[i]-stringWidth(cell))))
			if i != len(row)-1 {
				b.WriteString(" │ ")
			}
		}
		b.WriteString(" │")
		return b.String()
	}
	var b strings.Builder
	b.WriteString("┌" + strings.Join(divider, "┬") + "┐\n")
	b.WriteString(renderRow(head) + "\n")
	b.WriteString("├" + strings.Join(divider, "┼") + "┤\n")
	for _, row := range rows {
		b.WriteString(renderRow(row) + "\n")
	}
	b.WriteString("└" + strings.Join(divider, "┴") + "┘")
	return b.String()
}
