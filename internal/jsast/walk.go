// Package jsast walks goja's syntax trees. goja's ast package has no
// visitor and many node types; reflection reaches all of them, including
// ones a goja upgrade adds. The walk keeps, per struct type, the fields
// that can hold nodes, so that the many fields that cannot (names, file
// positions, flags) cost nothing.
package jsast

import (
	"reflect"
	"sync"

	"github.com/dop251/goja/file"
)

// Walk calls visit for every node of type T (a pointer type, e.g.
// *ast.AwaitExpression) reachable from root, parents before children.
// visit may replace fields of the node it is given; the walk then goes on
// into the node's fields as they are after visit.
func Walk[T any](root any, visit func(T)) {
	w := walker{target: reflect.TypeFor[T](), visit: func(v reflect.Value) { visit(v.Interface().(T)) }}
	w.walk(reflect.ValueOf(root))
}

type walker struct {
	target reflect.Type
	visit  func(reflect.Value)
	plans  map[reflect.Type][]int // this walk's copy of the shared plans: no lock per node
}

var (
	fileType = reflect.TypeOf((*file.File)(nil))
	shared   sync.Map // reflect.Type -> []int
)

func (w *walker) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if v.Type() == w.target {
			w.visit(v)
		}
		w.walk(v.Elem())
	case reflect.Interface:
		if !v.IsNil() {
			w.walk(v.Elem())
		}
	case reflect.Struct:
		for _, i := range w.fields(v.Type()) {
			w.walk(v.Field(i))
		}
	case reflect.Slice:
		if !mayHoldNodes(v.Type().Elem()) {
			return
		}
		for i, n := 0, v.Len(); i < n; i++ {
			w.walk(v.Index(i))
		}
	}
}

// fields lists the fields of struct type t that may hold nodes.
func (w *walker) fields(t reflect.Type) []int {
	if f, ok := w.plans[t]; ok {
		return f
	}
	var idx []int
	if f, ok := shared.Load(t); ok {
		idx = f.([]int)
	} else {
		for i := range t.NumField() {
			if mayHoldNodes(t.Field(i).Type) {
				idx = append(idx, i)
			}
		}
		shared.Store(t, idx)
	}
	if w.plans == nil {
		w.plans = map[reflect.Type][]int{}
	}
	w.plans[t] = idx
	return idx
}

// mayHoldNodes: pointers (but not to the source file), interfaces, and
// structs and slices of them. Strings, numbers and positions hold none.
func mayHoldNodes(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer:
		return t != fileType
	case reflect.Interface:
		return true
	case reflect.Slice:
		return mayHoldNodes(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if mayHoldNodes(t.Field(i).Type) {
				return true
			}
		}
	}
	return false
}
