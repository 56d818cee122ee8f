package console

import (
	"sort"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// maxTableColumns bounds the properties argument of console.table.
const maxTableColumns = 1 << 16

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
		// A hostile length (2**32-1) must not be a 4-billion-step loop the
		// job budget cannot stop; no table has more columns than this.
		for i, n := 0, min(r.length(po), maxTableColumns); i < n; i++ {
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
