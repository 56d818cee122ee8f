package engine

import (
	"maps"
	"slices"

	"github.com/dop251/goja"
)

// Flex 1.x keeps action listeners in a Node EventEmitter with no listener
// limit (spec §8): duplicates run twice, removal takes the most recent
// registration of a function, and "newListener" / "removeListener" are
// events of their own.

const (
	eventNewListener    = "newListener"
	eventRemoveListener = "removeListener"
)

// AddListener appends fn to event's listeners (or puts it in the place of
// the generation its owner reloads: BeginStart). A "newListener" listener is
// told first, as EventEmitter does; its throw comes back as the error.
// Loop only.
func (v *VM) AddListener(owner Owner, event string, fn goja.Value) error {
	l, ok := callable(owner, fn)
	if !ok {
		return v.throwValue(v.newError(v.typeErrorCtor,
			`The "listener" argument must be of type function. Received `+describeReceived(fn)))
	}
	if err := v.emitSync(eventNewListener, v.rt.ToValue(event), fn); err != nil {
		return err
	}
	l.at = v.reg.place(owner)
	v.reg.listeners[event] = insert(v.reg.listeners[event], l)
	if v.tracing() {
		v.tracef("addListener %s by %s", event, owner)
	}
	return nil
}

// RemoveListener removes the most recent registration of fn for event;
// a function it does not hold is ignored. Loop only.
func (v *VM) RemoveListener(event string, fn goja.Value) error {
	list := v.reg.listeners[event]
	for i := len(list) - 1; i >= 0; i-- {
		if list[i].fn.SameAs(fn) {
			v.setListeners(event, slices.Delete(slices.Clone(list), i, i+1))
			return v.emitSync(eventRemoveListener, v.rt.ToValue(event), fn)
		}
	}
	return nil
}

// RemoveAllListeners removes every listener of event, or of every event
// when event is nil, telling "removeListener" listeners as Node does
// (last registered first). Loop only.
func (v *VM) RemoveAllListeners(event *string) error {
	if len(v.reg.listeners[eventRemoveListener]) == 0 {
		if event == nil {
			clear(v.reg.listeners)
		} else {
			delete(v.reg.listeners, *event)
		}
		return nil
	}
	if event == nil {
		for _, name := range sortedKeys(v.reg.listeners) {
			if name == eventRemoveListener {
				continue
			}
			if err := v.RemoveAllListeners(&name); err != nil {
				return err
			}
		}
		name := eventRemoveListener
		return v.RemoveAllListeners(&name)
	}
	list := v.reg.listeners[*event]
	for i := len(list) - 1; i >= 0; i-- {
		if err := v.RemoveListener(*event, list[i].fn); err != nil {
			return err
		}
	}
	return nil
}

// ListenerCount is the number of listeners of event. Loop only.
func (v *VM) ListenerCount(event string) int { return len(v.reg.listeners[event]) }

func (v *VM) setListeners(event string, list []*fnRef) {
	if len(list) == 0 {
		delete(v.reg.listeners, event)
		return
	}
	v.reg.listeners[event] = list
}

// emitSync calls event's listeners synchronously with args; a throw stops
// the emit and is returned, as EventEmitter.emit does.
func (v *VM) emitSync(event string, args ...goja.Value) error {
	for _, l := range v.reg.listeners[event] {
		if _, err := l.call(goja.Undefined(), args...); err != nil {
			return err
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
