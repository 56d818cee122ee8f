package jsapi

// A plugin's window. In a browser a Flex plugin reaches Flex as
// window.Twilio.Flex as often as through its import; flexrun has one realm
// for all plugins, so the page's window is shared and its Twilio.Flex is
// the script's. Each plugin generation therefore gets window, self and
// globalThis of its own (parameters of its bundle function, see
// plugins.Build): one Proxy over the real global object that answers the
// plugin's own names (pluginWindow.own) with the plugin's values, and reads and
// writes every other key through to the real global object, so a global a
// plugin sets is everyone's, as in the browser.
//
// What a plugin writes through its window is remembered (globalHistory) so
// that unloading it (Host.Forget) takes its globals out again: a key it
// added is deleted, a key it overwrote or deleted gets back the value
// before (the previous plugin writer's, or the page's), unless another
// plugin wrote the key since; then the newer value stays. Writes through
// any plugin's window are seen. Writes by code that holds the real global
// object (the script, a plugin's free assignment `x = 1` to an existing
// global, Go code) are not seen as they happen; unload notices them
// afterwards, because the key no longer holds what the plugin wrote, and
// leaves such a key alone. A key the plugin made an accessor is restored
// without that check (a getter's result says nothing about who wrote the
// key). Symbol-keyed globals pass through untracked.

import (
	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/engine"
)

// globalHistory is what plugins wrote to one key of the global object,
// since a state of the key that was known to be current.
type globalHistory struct {
	base   goja.Value    // the key's value before the first write; nil: no own property
	writes []globalWrite // newest last, at most one per owner
}

type globalWrite struct {
	owner engine.Owner
	value goja.Value // nil: the owner deleted the key
	// accessor: the owner defined a getter or setter, whose result says
	// nothing about who wrote the key last; unload trusts the history.
	accessor bool
}

// current is the value the key has if nobody unseen wrote it.
func (g *globalHistory) current() goja.Value {
	if n := len(g.writes); n > 0 {
		return g.writes[n-1].value
	}
	return g.base
}

// pluginWindow is one plugin generation's window.
type pluginWindow struct {
	h     *Host
	owner engine.Owner
	// own holds the names the window answers with the plugin's own values,
	// the ones its bundle function receives as parameters: flex, Twilio,
	// the timer functions, window, self and globalThis. They are bindings
	// of the plugin: assigning one through window changes what that plugin
	// sees, not the page's global (which would hand the plugin's owner
	// stamp to everyone else), and deleting or redefining one throws.
	own   map[string]goja.Value
	proxy *goja.Object
}

// newWindow returns owner's window: the proxy, with own (flex, Twilio, the
// timer functions) as the values of ownNames. Loop only.
func (h *Host) newWindow(v *engine.VM, owner engine.Owner, own map[string]goja.Value) *goja.Object {
	rt := v.Runtime()
	w := &pluginWindow{h: h, owner: owner, own: own}
	w.proxy = rt.ToValue(rt.NewProxy(h.global, &goja.ProxyTrapConfig{
		Get:            w.get,
		Set:            w.set,
		DeleteProperty: w.deleteProperty,
		DefineProperty: w.defineProperty,
		// has, ownKeys and getOwnPropertyDescriptor are the global
		// object's: the own names exist there too, and a proxy may not
		// report properties its target lacks as it likes.
	})).(*goja.Object)
	for _, name := range [...]string{"window", "self", "globalThis"} {
		own[name] = w.proxy
	}
	return w.proxy
}

func (w *pluginWindow) get(global *goja.Object, key string, receiver goja.Value) goja.Value {
	if v, ok := w.own[key]; ok {
		return v
	}
	if v := global.Get(key); v != nil {
		return v
	}
	return goja.Undefined()
}

func (w *pluginWindow) set(global *goja.Object, key string, value, receiver goja.Value) bool {
	if _, ok := w.own[key]; ok {
		w.own[key] = value
		return true
	}
	if !receiver.SameAs(w.proxy) {
		// An object that inherits from window: the property lands on it.
		ok, err := w.h.reflectSet(goja.Undefined(), global, w.h.rt.ToValue(key), value, receiver)
		if err != nil {
			panic(err)
		}
		return ok.ToBoolean()
	}
	before := w.h.ownGlobal(key)
	if err := global.Set(key, value); err != nil {
		panic(err) // a read-only key: the global object's own TypeError
	}
	w.h.recordGlobal(key, before, globalWrite{owner: w.owner, value: w.h.ownGlobal(key)})
	return true
}

func (w *pluginWindow) deleteProperty(global *goja.Object, key string) bool {
	if _, ok := w.own[key]; ok {
		panic(w.h.rt.NewTypeError("window.%s is the plugin's own and cannot be deleted", key))
	}
	before := w.h.ownGlobal(key)
	if before == nil {
		return true
	}
	if err := global.Delete(key); err != nil {
		panic(err) // a non-configurable key
	}
	w.h.recordGlobal(key, before, globalWrite{owner: w.owner})
	return true
}

func (w *pluginWindow) defineProperty(global *goja.Object, key string, desc goja.PropertyDescriptor) bool {
	if _, ok := w.own[key]; ok {
		panic(w.h.rt.NewTypeError("window.%s is the plugin's own and cannot be redefined; assign it instead", key))
	}
	before := w.h.ownGlobal(key)
	var err error
	if desc.IsAccessor() {
		err = global.DefineAccessorProperty(key, desc.Getter, desc.Setter, desc.Configurable, desc.Enumerable)
	} else {
		err = global.DefineDataProperty(key, desc.Value, desc.Writable, desc.Configurable, desc.Enumerable)
	}
	if err != nil {
		panic(err) // the global object's own TypeError
	}
	w.h.recordGlobal(key, before, globalWrite{owner: w.owner, value: w.h.ownGlobal(key), accessor: desc.IsAccessor()})
	return true
}

// ownGlobal is the value of the global object's own property key, or nil
// when it has none (inherited properties are not the page's globals).
func (h *Host) ownGlobal(key string) goja.Value {
	has, err := h.hasOwn(h.global, h.rt.ToValue(key))
	if err != nil || !has.ToBoolean() {
		return nil
	}
	if v := h.global.Get(key); v != nil {
		return v
	}
	return goja.Undefined()
}

// recordGlobal notes that w.owner wrote key, which held before (nil:
// absent) until then.
func (h *Host) recordGlobal(key string, before goja.Value, w globalWrite) {
	g := h.globals[key]
	if g == nil || !sameGlobal(g.current(), before) {
		// The first write, or someone unseen wrote the key since the last
		// one: what the history says is stale, start from what is there.
		g = &globalHistory{base: before}
		h.globals[key] = g
	}
	g.writes = deleteWrite(g.writes, w.owner)
	g.writes = append(g.writes, w)
}

// forgetGlobals undoes owner's writes to the global object: for each key
// whose last writer it is, the key gets back the value before its write
// (the previous writer's, or the one before any plugin wrote it), or is
// deleted when there was none; unless the key no longer holds what owner
// wrote, which means that code we cannot see wrote it since, and it stays.
// Its writes under someone else's are dropped. Loop only.
func (h *Host) forgetGlobals(owner engine.Owner) {
	for key, g := range h.globals {
		i := writeIndex(g.writes, owner)
		if i < 0 {
			continue
		}
		mine := g.writes[i]
		g.writes = deleteWrite(g.writes, owner)
		if i == len(g.writes) { // it was the last write
			if !mine.accessor && !sameGlobal(h.ownGlobal(key), mine.value) {
				delete(h.globals, key)
				continue
			}
			h.restoreGlobal(key, g.current())
		}
		if len(g.writes) == 0 {
			delete(h.globals, key)
		}
	}
}

// restoreGlobal gives the global object's key the value v, or deletes it
// when v is nil. A key made read-only or non-configurable since cannot be
// restored and stays as it is; there is nobody to tell at unload.
func (h *Host) restoreGlobal(key string, v goja.Value) {
	if v == nil {
		_ = h.global.Delete(key)
		return
	}
	_ = h.global.Set(key, v)
}

func sameGlobal(a, b goja.Value) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.SameAs(b)
}

func writeIndex(ws []globalWrite, owner engine.Owner) int {
	for i, w := range ws {
		if w.owner == owner {
			return i
		}
	}
	return -1
}

func deleteWrite(ws []globalWrite, owner engine.Owner) []globalWrite {
	if i := writeIndex(ws, owner); i >= 0 {
		return append(ws[:i], ws[i+1:]...)
	}
	return ws
}
