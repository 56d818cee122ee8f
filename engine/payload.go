package engine

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"
)

// Payload is an action payload as Go sees it: JSON-like data (maps,
// []any, string, float64/int64, bool, nil, time.Time). Functions and
// symbols in a JavaScript payload are left out; cycles are cut.
type Payload map[string]any

// Limits on a value crossing between JavaScript and Go. Past them the
// crossing fails with an error naming where, instead of a 4-billion-element
// slice (an array whose length is 2**32-1) or a stack overflow (a cyclic Go
// map).
const (
	// MaxValueDepth is how deeply objects and arrays may nest.
	MaxValueDepth = 64
	// MaxValueCount is how many values (elements, properties, scalars) one
	// payload or result may hold.
	MaxValueCount = 1 << 20
)

// ValueError is a value that cannot cross between JavaScript and Go: too
// deep, too large, cyclic (Go maps only: JavaScript cycles are cut), or one
// whose reading threw (a getter, a Proxy trap, a revoked Proxy).
type ValueError struct {
	Path   string // where in the value: "result.items[3].name"
	Reason string
}

func (e *ValueError) Error() string { return e.Path + ": " + e.Reason }

// export converts a JavaScript value to Go data; root names it in errors.
// Getters and Proxy traps run (budgeted, as any JavaScript); one that throws
// fails the export. Loop only.
func (v *VM) export(val goja.Value, root string) (out any, err error) {
	x := &exporter{v: v, seen: map[*goja.Object]bool{}, path: []string{root}}
	if ex := v.rt.Try(func() { out, err = x.export(val, 0) }); ex != nil {
		return nil, &ValueError{Path: x.where(), Reason: "reading it threw " + v.describe(ex.Value())}
	}
	return out, err
}

// exportBrief is export for reports (trace lines, JSError.Value): what
// cannot be exported becomes nil.
func (v *VM) exportBrief(val goja.Value) any {
	out, err := v.export(val, "value")
	if err != nil {
		return nil
	}
	return out
}

type exporter struct {
	v      *VM
	seen   map[*goja.Object]bool
	values int
	path   []string // from the root to the value being exported
}

func (x *exporter) where() string { return strings.Join(x.path, "") }

func (x *exporter) fail(format string, args ...any) error {
	return &ValueError{Path: x.where(), Reason: fmt.Sprintf(format, args...)}
}

func (x *exporter) count(n int) error {
	x.values += n
	if x.values > MaxValueCount {
		return x.fail("more than %d values", MaxValueCount)
	}
	return nil
}

func (x *exporter) export(val goja.Value, depth int) (any, error) {
	if err := x.count(1); err != nil {
		return nil, err
	}
	if val == nil || goja.IsUndefined(val) || goja.IsNull(val) {
		return nil, nil
	}
	obj, ok := val.(*goja.Object)
	if !ok {
		switch n := val.Export().(type) {
		case float64:
			if n == math.Trunc(n) && math.Abs(n) < 1<<53 {
				return int64(n), nil
			}
			return n, nil
		case *goja.Symbol:
			return nil, nil // left out, as in a payload's properties
		default:
			return n, nil
		}
	}
	if _, isFn := goja.AssertFunction(val); isFn || x.seen[obj] {
		return nil, nil
	}
	if depth >= MaxValueDepth {
		return nil, x.fail("nested more than %d levels deep", MaxValueDepth)
	}
	x.seen[obj] = true
	defer delete(x.seen, obj)
	switch obj.ClassName() {
	case "Array":
		n := obj.Get("length").ToInteger()
		if n < 0 || n > int64(MaxValueCount-x.values) {
			return nil, x.fail("array of %d elements: more than %d values", n, MaxValueCount)
		}
		out := make([]any, n)
		for i := range out {
			x.path = append(x.path, "["+strconv.Itoa(i)+"]")
			e, err := x.export(obj.Get(strconv.Itoa(i)), depth+1)
			x.path = x.path[:len(x.path)-1]
			if err != nil {
				return nil, err
			}
			out[i] = e
		}
		return out, nil
	case "Date":
		if t, ok := obj.Export().(time.Time); ok {
			return t, nil
		}
	case "Error":
		m := map[string]any{}
		for _, k := range append([]string{"name", "message"}, obj.Keys()...) {
			if err := x.property(m, obj, k, depth); err != nil {
				return nil, err
			}
		}
		return m, nil
	}
	keys := obj.Keys()
	m := make(map[string]any, len(keys))
	for _, k := range keys {
		if err := x.property(m, obj, k, depth); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// property exports obj[k] into m; functions are left out.
func (x *exporter) property(m map[string]any, obj *goja.Object, k string, depth int) error {
	x.path = append(x.path, "."+k)
	p := obj.Get(k)
	if _, isFn := goja.AssertFunction(p); isFn {
		x.path = x.path[:len(x.path)-1]
		return nil
	}
	e, err := x.export(p, depth+1)
	x.path = x.path[:len(x.path)-1]
	m[k] = e
	return err
}

// importValue builds a plain JavaScript value from Go data, so that JS code
// sees ordinary objects and arrays (never a wrapped Go map); root names it
// in errors. Loop only.
func (v *VM) importValue(x any, root string) (goja.Value, error) {
	im := &importer{v: v, path: []string{root}}
	return im.value(x, 0)
}

type importer struct {
	v      *VM
	path   []string
	values int
}

func (im *importer) fail(format string, args ...any) error {
	return &ValueError{Path: strings.Join(im.path, ""), Reason: fmt.Sprintf(format, args...)}
}

func (im *importer) value(x any, depth int) (goja.Value, error) {
	v := im.v
	if im.values++; im.values > MaxValueCount {
		return nil, im.fail("more than %d values", MaxValueCount)
	}
	if depth >= MaxValueDepth {
		switch x.(type) {
		case map[string]any, Payload, []any:
			// A Go cycle (a map holding itself) always ends here.
			return nil, im.fail("nested more than %d levels deep (a cycle?)", MaxValueDepth)
		}
	}
	switch t := x.(type) {
	case nil:
		return goja.Undefined(), nil
	case Payload:
		return im.value(map[string]any(t), depth)
	case map[string]any:
		o := v.rt.NewObject()
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			im.path = append(im.path, "."+k)
			e, err := im.value(t[k], depth+1)
			im.path = im.path[:len(im.path)-1]
			if err != nil {
				return nil, err
			}
			o.Set(k, e)
		}
		return o, nil
	case []any:
		items := make([]any, len(t))
		for i, e := range t {
			im.path = append(im.path, "["+strconv.Itoa(i)+"]")
			val, err := im.value(e, depth+1)
			im.path = im.path[:len(im.path)-1]
			if err != nil {
				return nil, err
			}
			items[i] = val
		}
		return v.rt.NewArray(items...), nil
	case []string:
		items := make([]any, len(t))
		for i, e := range t {
			items[i] = e
		}
		return v.rt.NewArray(items...), nil
	case goja.Value:
		return nil, im.fail("a goja.Value cannot be imported from Go")
	case string, bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, float64:
		return v.rt.ToValue(t), nil
	default:
		// Structs, typed maps and slices cross as their JSON form, so JS
		// sees json tags and plain objects, never a wrapped Go value.
		b, err := json.Marshal(t)
		if err != nil {
			return nil, im.fail("%v", err)
		}
		var plain any
		if err := json.Unmarshal(b, &plain); err != nil {
			return nil, im.fail("%v", err)
		}
		return im.value(plain, depth)
	}
}
