// Package console is the console global of flexrun and Node's util.inspect
// and util.format, ported from Node 20 so that console.log prints exactly
// what Node would, with no timestamps or prefixes.
//
//	rt := goja.New()
//	rt.Set("console", console.New(rt, os.Stdout, os.Stderr))
//	fmt.Println(console.Inspect(rt, value)) // { sid: 'WT1', status: 'pending' }
//
// console.log, info, debug and dirxml write to stdout; warn, error and
// trace to stderr. jsapi installs one console per engine.
//
// # Concurrency
//
// Loop only: New, Inspect, Format and the console's methods run on the
// goroutine that owns the runtime. Each console call writes its whole
// output with a single Write.
//
// # Errors
//
// JavaScript exceptions raised while inspecting (throwing getters, custom
// inspect functions, revoked proxies) are caught and the value is rendered
// in a plainer form; only goja's uncatchable interrupts (Runtime.Interrupt,
// stack overflow) pass through.
package console
