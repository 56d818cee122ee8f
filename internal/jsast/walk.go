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
	target := reflect.TypeFor[T]()
	walk(reflect.ValueOf(root), target, func(v reflect.Value) { visit(v.Interface().(T)) })
}

var fileType = reflect.TypeOf((*file.File)(nil))

func walk(v reflect.Value, target reflect.Type, visit func(reflect.Value)) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || v.Type() == fileType {
			return
		}
		if v.Type() == target {
			visit(v)
		}
		walk(v.Elem(), target, visit)
	case reflect.Interface:
		if !v.IsNil() {
			walk(v.Elem(), target, visit)
		}
	case reflect.Struct:
		for _, i := range nodeFields(v.Type()) {
			walk(v.Field(i), target, visit)
		}
	case reflect.Slice, reflect.Array:
		if !mayHoldNodes(v.Type().Elem()) {
			return
		}
		for i := range v.Len() {
			walk(v.Index(i), target, visit)
		}
	}
}

var fieldsByType sync.Map // reflect.Type -> []int

// nodeFields lists the fields of struct type t that may hold nodes.
func nodeFields(t reflect.Type) []int {
	if f, ok := fieldsByType.Load(t); ok {
		return f.([]int)
	}
	var idx []int
	for i := range t.NumField() {
		if mayHoldNodes(t.Field(i).Type) {
			idx = append(idx, i)
		}
	}
	fieldsByType.Store(t, idx)
	return idx
}

// mayHoldNodes: pointers, interfaces, and structs, slices and arrays of
// them. Strings, numbers and positions (file.Idx) hold none.
func mayHoldNodes(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer:
		return t != fileType
	case reflect.Interface:
		return true
	case reflect.Slice, reflect.Array:
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
