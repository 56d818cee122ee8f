package engine

import (
	"slices"

	"github.com/dop251/goja"
)

// The registry holds, per action name, the bodies and the replacement
// layers, plus the listener lists of the event emitter. Every entry carries
// its owner so Unload can take an owner's work out in one step, and its
// position, which orders its list. Lists are copy-on-write: an invocation
// keeps the slice it read at its step (spec §3 rule 18) while registrations
// change underneath.

type fnRef struct {
	owner Owner
	fn    goja.Value
	call  goja.Callable
	at    position
}

// position orders a list's entries: registration order, except that what a
// reloaded plugin registers while it starts takes the place its old
// generation had (VM.BeginStart), so that a reload behaves as a fresh start
// would: the replacement that ran before still runs, listeners keep their
// order. major is a registration sequence number; minor orders the
// registrations made in a place taken over.
type position struct{ major, minor uint64 }

func (p position) before(q position) bool {
	return p.major < q.major || (p.major == q.major && p.minor < q.minor)
}

// bodyRef is one owner's registerAction: the function and its payload update
// function (nil when none).
type bodyRef struct {
	*fnRef
	update *fnRef
}

type action struct {
	// bodies by position, one per owner; the last one is the action's body
	// (rule 24: a later registerAction replaces the earlier). The earlier
	// ones come back when the owners of the later ones are unloaded.
	bodies []*bodyRef
	// replacements by position; the last one runs (Flex 1.x, rule 25).
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

	seq uint64
	// places is where each owner's start began (the sequence number then),
	// for a successor to take over; starting holds the owners whose start
	// registrations go there.
	places   map[Owner]uint64
	starting map[Owner]uint64
	inStart  map[Owner]bool // every owner between BeginStart and EndStart

	// staged owners (staging.go) and the invocations that see through
	// them: the staged owners' own.
	staged  map[Owner]staging
	viewers map[*invocation]Owner
}

func (r *registry) init() {
	r.actions = map[string]*action{}
	r.listeners = map[string][]*fnRef{}
	r.places = map[Owner]uint64{}
	r.starting = map[Owner]uint64{}
	r.inStart = map[Owner]bool{}
	r.staged = map[Owner]staging{}
	r.viewers = map[*invocation]Owner{}
}

func (r *registry) action(name string) *action {
	a := r.actions[name]
	if a == nil {
		a = &action{}
		r.actions[name] = a
	}
	return a
}

// place is the position of a registration owner makes now.
func (r *registry) place(owner Owner) position {
	r.seq++
	if major, ok := r.starting[owner]; ok {
		return position{major, r.seq}
	}
	return position{r.seq, 0}
}

// BeginStart marks the start of owner, a plugin generation: what it
// registers until EndStart takes the place of predecessor's start (the
// generation it reloads), or, for the zero predecessor or an unknown one,
// is ordered as usual. Loop only.
func (v *VM) BeginStart(owner, predecessor Owner) {
	r := &v.reg
	r.inStart[owner] = true
	if major, ok := r.places[predecessor]; ok && predecessor != (Owner{}) {
		delete(r.places, predecessor)
		r.places[owner] = major
		r.starting[owner] = major
		return
	}
	r.seq++
	r.places[owner] = r.seq
}

// EndStart ends owner's start: what it registers later (from a listener, a
// timer) is ordered as usual, after everything registered before. Loop only.
func (v *VM) EndStart(owner Owner) {
	delete(v.reg.starting, owner)
	delete(v.reg.inStart, owner)
}

// Starting returns the one owner between BeginStart and EndStart, if there
// is exactly one: the plugin whose start-up code a job without an owner of
// its own (the continuation of an await in init) most likely runs. Loop only.
func (v *VM) Starting() (Owner, bool) {
	if len(v.reg.inStart) != 1 {
		return Owner{}, false
	}
	for o := range v.reg.inStart {
		return o, true
	}
	return Owner{}, false
}

// insert returns a copy of list with r at its position: at the end, unless
// r takes an earlier generation's place.
func insert[T interface{ pos() position }](list []T, r T) []T {
	i := len(list)
	for i > 0 && r.pos().before(list[i-1].pos()) {
		i--
	}
	if i == len(list) {
		return append(list[:len(list):len(list)], r)
	}
	return slices.Insert(slices.Clone(list), i, r)
}

func (r *fnRef) pos() position  { return r.at }
func (r *fnRef) ownedBy() Owner { return r.owner }

// withoutOwner returns list without owner's entries (a copy when it had
// any: lists are copy-on-write) and how many there were.
func withoutOwner[T interface{ ownedBy() Owner }](list []T, owner Owner) ([]T, int) {
	owned := func(x T) bool { return x.ownedBy() == owner }
	if !slices.ContainsFunc(list, owned) {
		return list, 0
	}
	kept := slices.DeleteFunc(slices.Clone(list), owned)
	return kept, len(list) - len(kept)
}

// activeBody is the body that runs, or nil.
func (a *action) activeBody() *bodyRef {
	if a == nil || len(a.bodies) == 0 {
		return nil
	}
	return a.bodies[len(a.bodies)-1]
}

// activeReplacement is the replacement that runs, or nil.
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
	prev := a.activeBody()
	// An owner has one body per action: its new one replaces its old one.
	bodies, _ := withoutOwner(a.bodies, owner)
	b.at = v.reg.place(owner)
	a.bodies = insert(bodies, &bodyRef{fnRef: b, update: u})
	if v.tracing() {
		switch active := a.activeBody(); {
		case active.fnRef != b:
			v.tracef("registerAction %s by %s stays behind the body by %s", name, owner, active.owner)
		case prev != nil:
			v.tracef("registerAction %s by %s replaces the body by %s", name, owner, prev.owner)
		default:
			v.tracef("registerAction %s by %s", name, owner)
		}
	}
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
	prev := a.activeReplacement()
	r.at = v.reg.place(owner)
	a.replacements = insert(a.replacements, r)
	if v.tracing() {
		switch active := a.activeReplacement(); {
		case active != r:
			v.tracef("replaceAction %s by %s stays behind the replacement by %s", name, owner, active.owner)
		case prev != nil:
			v.tracef("replaceAction %s by %s takes over from the replacement by %s", name, owner, prev.owner)
		default:
			v.tracef("replaceAction %s by %s", name, owner)
		}
	}
	return nil
}

// Unload removes everything owner registered and returns the count. When
// the body or the replacement that runs goes, the one before it takes over;
// an action left with neither is gone. A staged owner (BeginStaged) is
// dropped, unseen. Loop only.
func (v *VM) Unload(owner Owner) int {
	v.reg.dropStaged(owner)
	n := 0
	for name, a := range v.reg.actions {
		var nb, nr int
		a.bodies, nb = withoutOwner(a.bodies, owner)
		a.replacements, nr = withoutOwner(a.replacements, owner)
		n += nb + nr
		if len(a.bodies) == 0 && len(a.replacements) == 0 {
			delete(v.reg.actions, name)
		}
	}
	for event, list := range v.reg.listeners {
		kept, nl := withoutOwner(list, owner)
		n += nl
		v.setListeners(event, kept)
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
		for _, b := range a.bodies {
			out = append(out, Registration{Kind: "action", Name: name, Owner: b.owner})
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
