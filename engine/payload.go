package engine

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"time"

	"github.com/dop251/goja"
)

// Payload is an action payload as Go sees it: JSON-like data (maps,
// []any, string, float64/int64, bool, nil, time.Time). Functions and
// symbols in a JavaScript payload are left out; cycles are cut.
type Payload map[string]any

// maxExportDepth bounds how deep exportValue follows nested objects.
const maxExportDepth = 64

// exportValue converts a JavaScript value to Go data. Loop only.
func exportValue(val goja.Value, depth int) any {
	return exporter{seen: map[*goja.Object]bool{}}.export(val, depth)
}

type exporter struct{ seen map[*goja.Object]bool }

func (x exporter) export(val goja.Value, depth int) any {
	if val == nil || goja.IsUndefined(val) || goja.IsNull(val) {
		return nil
	}
	obj, ok := val.(*goja.Object)
	if !ok {
		switch n := val.Export().(type) {
		case float64:
			if n == math.Trunc(n) && math.Abs(n) < 1<<53 {
				return int64(n)
			}
			return n
		default:
			return n
		}
	}
	if _, isFn := goja.AssertFunction(val); isFn || x.seen[obj] || depth > maxExportDepth {
		return nil
	}
	x.seen[obj] = true
	defer delete(x.seen, obj)
	switch obj.ClassName() {
	case "Array":
		n := int(obj.Get("length").ToInteger())
		out := make([]any, n)
		for i := range out {
			out[i] = x.export(obj.Get(strconv.Itoa(i)), depth+1)
		}
		return out
	case "Date":
		if t, ok := obj.Export().(time.Time); ok {
			return t
		}
	case "Error":
		m := map[string]any{}
		for _, k := range []string{"name", "message"} {
			m[k] = x.export(obj.Get(k), depth+1)
		}
		for _, k := range obj.Keys() {
			m[k] = x.export(obj.Get(k), depth+1)
		}
		return m
	}
	m := make(map[string]any)
	for _, k := range obj.Keys() {
		v := obj.Get(k)
		if _, isFn := goja.AssertFunction(v); isFn {
			continue
		}
		m[k] = x.export(v, depth+1)
	}
	return m
}

// importValue builds a plain JavaScript value from Go data, so that JS code
// sees ordinary objects and arrays (never a wrapped Go map). Loop only.
func (v *VM) importValue(x any) goja.Value {
	switch t := x.(type) {
	case nil:
		return goja.Undefined()
	case Payload:
		return v.importValue(map[string]any(t))
	case map[string]any:
		o := v.rt.NewObject()
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			o.Set(k, v.importValue(t[k]))
		}
		return o
	case []any:
		items := make([]any, len(t))
		for i, e := range t {
			items[i] = v.importValue(e)
		}
		return v.rt.NewArray(items...)
	case []string:
		items := make([]any, len(t))
		for i, e := range t {
			items[i] = e
		}
		return v.rt.NewArray(items...)
	case goja.Value:
		panic("engine: goja values cannot be imported from Go")
	case string, bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, float64:
		return v.rt.ToValue(t)
	default:
		// Structs, typed maps and slices cross as their JSON form, so JS
		// sees json tags and plain objects, never a wrapped Go value.
		b, err := json.Marshal(t)
		if err != nil {
			return v.rt.ToValue(fmt.Sprint(t))
		}
		var plain any
		if err := json.Unmarshal(b, &plain); err != nil {
			return v.rt.ToValue(string(b))
		}
		return v.importValue(plain)
	}
}
