package engine

import (
	"maps"
	"slices"

	"github.com/dop251/goja"
)

// Staging makes a reload atomic for callers. A generation's start may span
// many loop jobs (its init awaits), and it may still fail; if what it
// registers meanwhile were live, callers would see its body before its
// listeners, or a generation that is then rolled back. So a staged
// owner's registrations are held invisible while its start runs, and the
// generation it replaces stays active; Activate (with the predecessor's
// Unload, in the same loop job) switches in one step, and Unload of the
// staged owner drops it with nothing ever seen.
//
// One owner sees through: invocations the staged generation makes itself
// (its init's invokeAction, through its own facade: InvokeActionAs) see it
// as if it were active, and its predecessor gone, as a fresh start in
// Flex would. So its own listeners hear only its own invocations until it
// is active; every other caller sees the old registrations or the new
// ones, never neither and never a generation whose start failed. An
// invocation keeps the view it began with while the staged owner is
// staged; each of its phases reads the registrations current then
// (DESIGN.md, reload step 3), so phases after the switch see the new ones.

type staging struct {
	predecessor Owner
	place       uint64 // the predecessor's place, given back when dropped
	tookPlace   bool
}

// BeginStaged is BeginStart (owner takes predecessor's place) with owner
// staged: nothing it registers is visible to invocations but its own until
// Activate; Unload(owner) drops it. predecessor, when not the zero Owner,
// stays active meanwhile. Loop only.
func (v *VM) BeginStaged(owner, predecessor Owner) {
	r := &v.reg
	place, tookPlace := r.places[predecessor]
	tookPlace = tookPlace && predecessor != (Owner{})
	v.BeginStart(owner, predecessor)
	r.staged[owner] = staging{predecessor: predecessor, place: place, tookPlace: tookPlace}
	if v.tracing() {
		v.tracef("stage %s (replacing %s)", owner, predecessor)
	}
}

// Activate makes a staged owner's registrations visible to every
// invocation. Unload its predecessor in the same loop job, so that no
// invocation runs between. Loop only.
func (v *VM) Activate(owner Owner) {
	if _, ok := v.reg.staged[owner]; !ok {
		return
	}
	v.reg.unstage(owner)
	if v.tracing() {
		v.tracef("activate %s", owner)
	}
}

// Staged reports whether owner is staged (BeginStaged, not yet activated or
// unloaded). Loop only.
func (v *VM) Staged(owner Owner) bool {
	_, ok := v.reg.staged[owner]
	return ok
}

// InvokeActionAs is InvokeAction for code of caller: when caller is
// staged, the invocation sees caller's registrations instead of its
// predecessor's. Loop only.
func (v *VM) InvokeActionAs(caller Owner, name string, payload goja.Value) *goja.Promise {
	inv, p := v.newInvocation(name, payload)
	if _, ok := v.reg.staged[caller]; ok {
		v.reg.viewers[inv] = caller
	}
	v.drive(inv)
	return p
}

// unstage forgets owner's staging and the views of its invocations.
func (r *registry) unstage(owner Owner) {
	delete(r.staged, owner)
	maps.DeleteFunc(r.viewers, func(inv *invocation, o Owner) bool { return o == owner || inv.done })
}

// dropStaged is Unload's part for a staged owner: its predecessor gets its
// place back, for the next reload to take.
func (r *registry) dropStaged(owner Owner) {
	s, ok := r.staged[owner]
	if !ok {
		return
	}
	delete(r.places, owner)
	if s.tookPlace {
		r.places[s.predecessor] = s.place
	}
	r.unstage(owner)
}

// visible reports whether an entry of owner counts for an invocation
// whose view is viewer's (the zero Owner: everyone's).
func (r *registry) visible(owner, viewer Owner) bool {
	if _, staged := r.staged[owner]; staged {
		return owner == viewer
	}
	if s, ok := r.staged[viewer]; ok && s.predecessor == owner && owner != (Owner{}) {
		return false
	}
	return true
}

func (inv *invocation) viewer() Owner { return inv.v.reg.viewers[inv] }

// activeBody is the body that runs for inv, or nil.
func (inv *invocation) activeBody() *bodyRef {
	r := &inv.v.reg
	a := r.actions[inv.name]
	if len(r.staged) == 0 {
		return a.activeBody()
	}
	if a == nil {
		return nil
	}
	return lastVisible(r, a.bodies, inv.viewer())
}

// activeReplacement is the replacement that runs for inv, or nil.
func (inv *invocation) activeReplacement() *fnRef {
	r := &inv.v.reg
	a := r.actions[inv.name]
	if len(r.staged) == 0 {
		return a.activeReplacement()
	}
	if a == nil {
		return nil
	}
	return lastVisible(r, a.replacements, inv.viewer())
}

// listeners is event's listeners as inv sees them (a snapshot).
func (inv *invocation) listeners(event string) []*fnRef {
	r := &inv.v.reg
	list := r.listeners[event]
	if len(r.staged) == 0 {
		return list
	}
	viewer := inv.viewer()
	hidden := func(l *fnRef) bool { return !r.visible(l.owner, viewer) }
	if !slices.ContainsFunc(list, hidden) {
		return list
	}
	return slices.DeleteFunc(slices.Clone(list), hidden)
}

func lastVisible[T interface{ ownedBy() Owner }](r *registry, list []T, viewer Owner) T {
	for i := len(list) - 1; i >= 0; i-- {
		if r.visible(list[i].ownedBy(), viewer) {
			return list[i]
		}
	}
	var zero T
	return zero
}
