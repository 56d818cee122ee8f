package engine

// A guard for a goja bug (checked against the approved release go.mod
// pins). For `await x`, goja's async runner reads x.constructor for every
// object x — the spec reads it for promises only — and it does so where an
// exception is not expected: a revoked Proxy (an immer draft used after
// produce), a Proxy trap or an accessor that throws there leaves the
// generator's frames on the VM's stacks, and every invocation after that
// never settles. V8 gives the awaiting code the error (for a Proxy, from
// its then) and goes on.
//
// Compile and CompileAST rewrite every `await x` of a syntax tree into
// `await __flexrun_await(x)`. The engine's native function does the first
// step of the spec's Await, PromiseResolve(%Promise%, x), so goja's runner
// only ever awaits a value whose constructor it can read: a primitive, a
// native promise whose constructor is %Promise%, or a new promise resolved
// with x (which reads x.then and rejects with what that throws, as V8
// does). What the spec's own constructor read throws is thrown at the
// await, where the awaiting code catches it. The ticks are the spec's.
// TestGojaAwaitReadsConstructor fails once a goja upgrade fixes the bug.

import (
	"sync"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/unistring"

	"github.com/flexrun/flexrun/internal/jsast"
)

// AwaitGuardName is the global the rewritten awaits call.
const AwaitGuardName = "__flexrun_await"

// guardAwaits rewrites the awaits of prg (see above); the program must run
// in an engine.
func guardAwaits(prg *ast.Program) {
	jsast.Walk(prg, func(a *ast.AwaitExpression) {
		arg := a.Argument
		if call, ok := arg.(*ast.CallExpression); ok {
			if id, ok := call.Callee.(*ast.Identifier); ok && id.Name == AwaitGuardName {
				return // already guarded
			}
		}
		a.Argument = &ast.CallExpression{
			Callee:           &ast.Identifier{Name: unistring.String(AwaitGuardName), Idx: arg.Idx0()},
			LeftParenthesis:  arg.Idx0(),
			ArgumentList:     []ast.Expression{arg},
			RightParenthesis: arg.Idx1() - 1,
		}
	})
}

// Compile is goja.Compile with the awaits guarded: how the engine's users
// compile code that may await plugin values. Safe from any goroutine.
func Compile(name, src string, strict bool) (*goja.Program, error) {
	prg, err := goja.Parse(name, src)
	if err != nil {
		return nil, err
	}
	return CompileAST(prg, strict)
}

// CompileAST is goja.CompileAST with the awaits guarded, for callers that
// parse themselves (with parser options, or to rewrite the tree first).
// Safe from any goroutine: it touches only prg.
func CompileAST(prg *ast.Program, strict bool) (*goja.Program, error) {
	guardAwaits(prg)
	return goja.CompileAST(prg, strict)
}

// installAwaitGuard declares the binding the guarded awaits call: a
// global const, so that no plugin replaces it, and not a property of the
// global object, which the page's globals are.
func (v *VM) installAwaitGuard() {
	// Plumbing: it keeps its Go name, by which NodeStack leaves it out.
	guard := v.rt.ToValue(func(c goja.FunctionCall) goja.Value {
		x, ex := v.awaitable(c.Argument(0))
		if ex != nil {
			panic(ex)
		}
		return x
	})
	if err := v.rt.Set(awaitGuardTmp, guard); err != nil {
		panic(err)
	}
	if _, err := v.rt.RunProgram(awaitGuardProgram()); err != nil {
		panic(err)
	}
}

// The declaration takes the guard from a temporary global, then deletes it;
// compiled once per process (a program runs in any number of runtimes).
const awaitGuardTmp = "__flexrun_await_guard"

var awaitGuardProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("flexrun:await-guard", "const "+AwaitGuardName+" = "+awaitGuardTmp+"; delete globalThis."+awaitGuardTmp+";", false)
})

// awaitable is PromiseResolve(%Promise%, x): what is safe to hand goja's
// await. ex is what reading a promise's constructor threw. Loop only.
func (v *VM) awaitable(x goja.Value) (goja.Value, *goja.Exception) {
	obj, ok := x.(*goja.Object)
	if !ok {
		return x, nil
	}
	if asPromise(obj) != nil {
		var ctor goja.Value
		if ex := v.rt.Try(func() { ctor = obj.Get("constructor") }); ex != nil {
			return nil, ex
		}
		if ctor != nil && ctor.SameAs(v.promiseCtor) {
			return x, nil
		}
	}
	p, resolve, _ := v.rt.NewPromise()
	if err := resolve(x); err != nil {
		v.rethrowUncatchable(err) // a then getter that runs away
	}
	return v.rt.ToValue(p), nil
}
