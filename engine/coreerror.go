package engine

import (
	"reflect"

	"github.com/dop251/goja"
)

// Flex's "core errors" are Errors with a content object (spec vocabulary).
// The engine marks the ones it makes with a symbol nobody else can reach,
// so rule 28a (a core error passes through a body unchanged) recognises them.

func (v *VM) coreError(message, description string, wrapped goja.Value) *goja.Object {
	e := v.newError(v.errorCtor, message)
	content := v.rt.NewObject()
	content.Set("description", description)
	content.Set("context", "Actions")
	if wrapped != nil {
		content.Set("wrappedError", wrapped)
	}
	content.Set("type", "app")
	content.Set("severity", "normal")
	e.Set("content", content)
	e.DefineDataPropertySymbol(v.coreMark, v.rt.ToValue(true), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	return e
}

func (v *VM) isCoreError(e goja.Value) bool {
	obj, ok := e.(*goja.Object)
	if !ok {
		return false
	}
	var mark goja.Value
	v.rt.Try(func() { mark = obj.GetSymbol(v.coreMark) }) // false for a revoked Proxy
	return mark != nil && mark.ToBoolean()
}

// convertBodyError is rule 28: what a failed body or replacement rejects with.
func (v *VM) convertBodyError(action string, e goja.Value) goja.Value {
	switch {
	case v.isCoreError(e):
		return e
	case e == nil || goja.IsUndefined(e):
		return v.newError(v.typeErrorCtor, "Cannot read properties of undefined (reading 'message')")
	case goja.IsNull(e):
		return v.newError(v.typeErrorCtor, "Cannot read properties of null (reading 'message')")
	}
	if _, isObj := e.(*goja.Object); !isObj && e.ExportType() != nil && e.ExportType().Kind() == reflect.String {
		s := e.String()
		return v.coreError(s, "Error in action "+action+" body: "+s, e)
	}
	var msg goja.Value = goja.Undefined()
	if obj, ok := e.(*goja.Object); ok {
		if ex := v.rt.Try(func() { msg = obj.Get("message") }); ex != nil {
			return ex.Value()
		}
		if msg == nil {
			msg = goja.Undefined()
		}
	}
	text := ""
	if !goja.IsUndefined(msg) {
		text = msg.String()
	}
	return v.coreError(text, "Error in action "+action+" body: "+msg.String(), e)
}
