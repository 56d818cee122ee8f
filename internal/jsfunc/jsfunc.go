// Package jsfunc turns Go functions into JavaScript functions that carry
// the name and length JavaScript code expects.
//
// goja's Runtime.ToValue names a Go function after its Go symbol
// ("github.com/flexrun/flexrun/jsapi.(*Host).installGlobals.func1") and
// gives it length 0, which is what fn.name, util.inspect and console.log
// would show: [Function: github.com/...]. Every Go function flexrun hands
// to JavaScript goes through New or Constructor instead, which define name
// and length the way JavaScript defines them on a function (non-writable,
// non-enumerable, configurable).
//
// goja names a native function's stack frames after its name property, so
// these show in stacks as goja's built-ins do ("at invokeAction (native)").
// The exception is the engine's own plumbing that no JavaScript code can
// hold (its trampolines, the async driver's step function): those keep
// their Go names, by which engine.NodeStack recognises their stack frames
// and leaves them out.
package jsfunc

import "github.com/dop251/goja"

// New returns fn as a JavaScript function with the given name and length.
// Getters are named "get x" and setters "set x", as JavaScript names
// accessor functions; a function that stands for an anonymous arrow
// function of a JavaScript implementation gets the name "".
func New(rt *goja.Runtime, name string, length int, fn func(goja.FunctionCall) goja.Value) *goja.Object {
	f := rt.ToValue(fn).(*goja.Object)
	SetName(rt, f, name, length)
	return f
}

// Constructor returns ctor as a JavaScript constructor (with a fresh
// prototype object) with the given name and length.
func Constructor(rt *goja.Runtime, name string, length int, ctor func(goja.ConstructorCall) *goja.Object) *goja.Object {
	f := rt.ToValue(ctor).(*goja.Object)
	SetName(rt, f, name, length)
	return f
}

// SetName gives f, a function made elsewhere (goja_nodejs's), its
// JavaScript name and length. Length 0 leaves the length as it is (goja
// makes Go functions with length 0).
func SetName(rt *goja.Runtime, f *goja.Object, name string, length int) {
	_ = f.DefineDataProperty("name", rt.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	if length != 0 { // goja gives Go functions length 0
		_ = f.DefineDataProperty("length", rt.ToValue(length), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
}
