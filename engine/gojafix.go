package engine

// A workaround for a goja bug (checked against goja
// v0.0.0-20260311135729-065cd970411c, the approved release go.mod pins: the
// fields below are vm.callStack, tryStack, iterStack, refStack, prg, sb,
// curAsyncRunner and Runtime.jobQueue).
//
// When an uncatchable error (an Interrupt from the job time budget, a stack
// overflow) unwinds through an async function, goja's generator leaves the
// context and try frame it pushed on the VM's stacks (generator.enter
// pushes both; the panic skips the pops in asyncRunner.start and
// generator.next, and the outer vm.try pops the generator's frame instead
// of its own). From then on goja believes JavaScript is still running: it
// never drains the promise job queue again, so every await in the engine
// hangs. Flex plugins are mostly async, so a runaway listener would leave
// the engine deaf, against the promise that it keeps serving.
//
// After a job ends with an uncatchable error, nothing of JavaScript is
// running any more: the stacks must be empty. repairAfterAbort puts them
// back to that state, as goja's own leaveAbrupt would have, through the
// unexported fields. TestEngineServesAfterInterruptInAsyncCode fails if a
// goja upgrade renames them or fixes the bug differently.

import (
	"fmt"
	"reflect"
	"unsafe"

	"github.com/dop251/goja"
)

// repairAfterAbort empties goja's call, try, iterator and reference stacks
// and its job queue. Loop only, with no JavaScript running.
func repairAfterAbort(rt *goja.Runtime) error {
	r := reflect.ValueOf(rt).Elem()
	vmPtr := field(r, "vm")
	if !vmPtr.IsValid() || vmPtr.IsNil() {
		return fmt.Errorf("goja runtime has no vm field")
	}
	vm := vmPtr.Elem()
	for _, name := range []string{"callStack", "tryStack", "iterStack", "refStack"} {
		f := field(vm, name)
		if !f.IsValid() || f.Kind() != reflect.Slice {
			return fmt.Errorf("goja vm has no %s slice", name)
		}
		f.SetLen(0)
	}
	q, err := jobQueueOf(rt)
	if err != nil {
		return err
	}
	*q = nil // what the aborted job queued is dropped, as leaveAbrupt does
	if f := field(vm, "curAsyncRunner"); f.IsValid() {
		f.Set(reflect.Zero(f.Type()))
	}
	if f := field(vm, "prg"); f.IsValid() {
		f.Set(reflect.Zero(f.Type()))
	}
	if f := field(vm, "sb"); f.IsValid() && f.Kind() == reflect.Int {
		f.SetInt(-1)
	}
	rt.ClearInterrupt()
	return nil
}

// field is a settable view of an unexported struct field, or invalid.
func field(v reflect.Value, name string) reflect.Value {
	f := v.FieldByName(name)
	if !f.IsValid() {
		return f
	}
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
}

// jobQueueOf is goja's promise job queue (Runtime.jobQueue). The loop
// drains it itself, one job at a time (microtasks.go): goja's own drain
// keeps the rest of a batch in a local variable, so an interrupt in one
// microtask would lose every other one queued with it, and with them the
// invocations they were about to settle.
func jobQueueOf(rt *goja.Runtime) (*[]func(), error) {
	q := field(reflect.ValueOf(rt).Elem(), "jobQueue")
	if !q.IsValid() || q.Type() != reflect.TypeOf([]func(){}) {
		return nil, fmt.Errorf("goja runtime has no jobQueue []func()")
	}
	return (*[]func())(unsafe.Pointer(q.UnsafeAddr())), nil
}
