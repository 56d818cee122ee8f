package jsapi

// esbuild's runtime helpers read Object's statics each time a bundle runs
// (`var __defProp = Object.defineProperty;` at the head of every bundle):
// a plugin that replaced Object.defineProperty would break the start of
// every later plugin with exports. package plugins rewrites those lines to
// read from this binding instead, whose functions are the ones captured at
// engine start. A global const: no plugin reassigns it, and it is not a
// property of the page's global object.

import (
	"sync"

	"github.com/dop251/goja"
)

// HelperIntrinsicsName is the binding plugins' bundles read esbuild's
// helper functions from.
const HelperIntrinsicsName = "__flexrun_intrinsics"

const helperIntrinsicsSource = `const ` + HelperIntrinsicsName + ` = Object.freeze({
	create: Object.create,
	defineProperty: Object.defineProperty,
	defineProperties: Object.defineProperties,
	getOwnPropertyDescriptor: Object.getOwnPropertyDescriptor,
	getOwnPropertyDescriptors: Object.getOwnPropertyDescriptors,
	getOwnPropertyNames: Object.getOwnPropertyNames,
	getOwnPropertySymbols: Object.getOwnPropertySymbols,
	getPrototypeOf: Object.getPrototypeOf,
	prototype: Object.freeze({
		hasOwnProperty: Object.prototype.hasOwnProperty,
		propertyIsEnumerable: Object.prototype.propertyIsEnumerable,
	}),
});`

// helperIntrinsicsProgram is compiled once per process.
var helperIntrinsicsProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("flexrun:helper-intrinsics", helperIntrinsicsSource, false)
})

func installHelperIntrinsics(rt *goja.Runtime) {
	if _, err := rt.RunProgram(helperIntrinsicsProgram()); err != nil {
		panic(err)
	}
}
