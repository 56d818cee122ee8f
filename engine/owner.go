package engine

import "strconv"

// Owner says who made a registration: a plugin generation, the CLI script or
// the Go host. Unload(owner) removes everything an owner registered.
type Owner struct {
	// Name is the plugin path, "script" or "go".
	Name string
	// Generation counts reloads of one plugin; 0 for owners that never reload.
	Generation int
}

// Owners used by the engine itself and by the CLI.
var (
	HostOwner   = Owner{Name: "go"}
	ScriptOwner = Owner{Name: "script"}
)

func (o Owner) String() string {
	if o.Generation == 0 {
		return o.Name
	}
	return o.Name + "#" + strconv.Itoa(o.Generation)
}
