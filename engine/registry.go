package engine

import "github.com/dop251/goja"

// The registry holds, per action name, the body, its update function and
// the replacement layers, plus the listener lists of the event emitter.
// Every entry carries its owner so Unload can take an owner's work out in
// one step. Lists are copy-on-write: an invocation keeps the slice it read
// at its step (spec §3 rule 18) while registrations change underneath.

type fnRef struct {
	owner Owner
	fn    goja.Value
	call  goja.Callable
}

type action struct {
	body   *fnRef // nil until registered
	update *fnRef // payload update function, nil when none
	// replacements in registration order; the newest runs (Flex 1.x, rule 25).
	replacements []*fnRef
}

type pendingEntry struct {
	action  string
	payload goja.Value
}

type registry struct {
	actions   map[string]*action
	listeners map[string][]*fnRef
	pending   []*pendingEntry
	blocked   []*pendingEntry
}

func (r *registry) init() {
	r.actions = map[string]*action{}
	r.listeners = map[string][]*fnRef{}
}

func (r *registry) action(name string) *action {
	a := r.actions[name]
	if a == nil {
		a = &action{}
		r.actions[name] = a
	}
	return a
}

// activeReplacement is the newest replacement of an action, or nil.
func (a *action) activeReplacement() *fnRef {
	if a == nil || len(a.replacements) == 0 {
		return nil
	}
	return a.replacements[len(a.replacements)-1]
}

func callable(owner Owner, fn goja.Value) (*fnRef, bool) {
	call, ok := goja.AssertFunction(fn)
	if !ok {
		return nil, false
	}
	return &fnRef{owner: owner, fn: fn, call: call}, true
}

// RegisterAction sets the body of an action (and its payload update function,
// or none), replacing an earlier body and update (rule 24). Loop only.
func (v *VM) RegisterAction(owner Owner, name string, body, update goja.Value) error {
	b, ok := callable(owner, body)
	if !ok {
		return v.typeError("registerAction", "the action body", body)
	}
	var u *fnRef
	if update != nil && !goja.IsUndefined(update) && !goja.IsNull(update) {
		if u, ok = callable(owner, update); !ok {
			return v.typeError("registerAction", "the payload update function", update)
		}
	}
	a := v.reg.action(name)
	if v.tracing() {
		if a.body != nil {
			v.tracef("registerAction %s by %s replaces the body by %s", name, owner, a.body.owner)
		} else {
			v.tracef("registerAction %s by %s", name, owner)
		}
	}
	a.body, a.update = b, u
	return nil
}

// ReplaceAction installs fn as the replacement of name; it runs instead of
// the body and receives (payload, original) (rules 25-26). Loop only.
func (v *VM) ReplaceAction(owner Owner, name string, fn goja.Value) error {
	r, ok := callable(owner, fn)
	if !ok {
		return v.typeError("replaceAction", "the replacement", fn)
	}
	a := v.reg.action(name)
	if v.tracing() {
		if prev := a.activeReplacement(); prev != nil {
			v.tracef("replaceAction %s by %s takes over from the replacement by %s", name, owner, prev.owner)
		} else {
			v.tracef("replaceAction %s by %s", name, owner)
		}
	}
	a.replacements = append(a.replacements[:len(a.replacements):len(a.replacements)], r)
	return nil
}

// Unload removes everything owner registered and returns the count.
// An action body goes only if no newer registerAction replaced it; the
// previous replacement layer takes over when the active one goes. Loop only.
func (v *VM) Unload(owner Owner) int {
	n := 0
	for name, a := range v.reg.actions {
		if a.body != nil && a.body.owner == owner {
			a.body, a.update = nil, nil
			n++
		}
		kept := a.replacements[:0:0]
		for _, r := range a.replacements {
			if r.owner == owner {
				n++
			} else {
				kept = append(kept, r)
			}
		}
		a.replacements = kept
		if a.body == nil && len(a.replacements) == 0 {
			delete(v.reg.actions, name)
		}
	}
	for event, list := range v.reg.listeners {
		kept := list[:0:0]
		for _, l := range list {
			if l.owner == owner {
				n++
			} else {
				kept = append(kept, l)
			}
		}
		if len(kept) == 0 {
			delete(v.reg.listeners, event)
		} else {
			v.reg.listeners[event] = kept
		}
	}
	n += v.e.clearTimersOf(owner)
	if v.tracing() {
		v.tracef("unload %s: %d registrations and timers removed", owner, n)
	}
	return n
}

// Registration describes one entry of the registry, for listings.
type Registration struct {
	Kind  string // "action", "replacement", "listener"
	Name  string // action or event name
	Owner Owner
}

// Registrations lists the registry in a stable order: actions by name, each
// with its body, then its replacements in registration order (the last one
// is the one that runs, rule 25); then listeners by event, each event's in
// the order they are called. Loop only.
func (v *VM) Registrations() []Registration {
	var out []Registration
	for _, name := range sortedKeys(v.reg.actions) {
		a := v.reg.actions[name]
		if a.body != nil {
			out = append(out, Registration{Kind: "action", Name: name, Owner: a.body.owner})
		}
		for _, r := range a.replacements {
			out = append(out, Registration{Kind: "replacement", Name: name, Owner: r.owner})
		}
	}
	for _, event := range sortedKeys(v.reg.listeners) {
		for _, l := range v.reg.listeners[event] {
			out = append(out, Registration{Kind: "listener", Name: event, Owner: l.owner})
		}
	}
	return out
}
