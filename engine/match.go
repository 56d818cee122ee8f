package engine

// Pending and blocked invocations (spec §7). Matching reads user values the
// way the Flex code does, so its TypeErrors carry V8's wording (rule 48):
// goja words them differently, and the recordings show V8's.

import (
	"strconv"

	"github.com/dop251/goja"
)

// matches is rule 32: does query q match stored payload s?
func (v *VM) matches(q, s goja.Value, action string) (hit bool, err error) {
	if goja.IsUndefined(q) || q.StrictEquals(s) {
		return true, nil
	}
	if fn, ok := goja.AssertFunction(q); ok {
		r, err := fn(goja.Undefined(), s, v.rt.ToValue(action))
		if err != nil {
			return false, err
		}
		return r.ToBoolean(), nil
	}
	if !typeofObject(q) || !typeofObject(s) {
		return false, nil
	}
	if goja.IsNull(q) {
		return false, v.v8TypeError("Cannot convert undefined or null to object")
	}
	qo := q.(*goja.Object)
	if ex := v.rt.Try(func() {
		hit = true
		for _, k := range qo.Keys() {
			if goja.IsNull(s) {
				err = v.v8TypeError("Cannot read properties of null (reading '" + k + "')")
				hit = false
				return
			}
			if !orUndefined(s.(*goja.Object).Get(k)).StrictEquals(orUndefined(qo.Get(k))) {
				hit = false
				return
			}
		}
	}); ex != nil {
		return false, ex
	}
	return hit, err
}

// typeofObject is `typeof x === "object"`: null included, functions not.
func typeofObject(x goja.Value) bool {
	if goja.IsNull(x) {
		return true
	}
	if _, ok := x.(*goja.Object); !ok {
		return false
	}
	_, isFn := goja.AssertFunction(x)
	return !isFn
}

func (v *VM) v8TypeError(msg string) error {
	return v.throwValue(v.newError(v.typeErrorCtor, msg))
}

// find is rule 35, over the pending or the blocked list.
func (v *VM) find(list []*pendingEntry, actions, match goja.Value) (*goja.Object, error) {
	var names []string
	if obj, ok := actions.(*goja.Object); ok && obj.ClassName() == "Array" {
		n := obj.Get("length").ToInteger()
		for i := int64(0); i < n; i++ {
			names = append(names, orUndefined(obj.Get(strconv.FormatInt(i, 10))).String())
		}
	} else {
		names = []string{actions.String()}
	}
	res := v.rt.NewObject()
	first := true
	for _, name := range names {
		for _, e := range list {
			if e.action != name {
				continue
			}
			hit, err := v.matches(match, e.payload, name)
			if err != nil {
				return nil, err
			}
			if !hit {
				continue
			}
			res.Set(name, e.payload)
			if first {
				f := v.rt.NewObject()
				f.Set("action", name)
				f.Set("payload", e.payload)
				res.Set("first", f)
				first = false
			}
			break
		}
	}
	return res, nil
}

// FindPendingActions is Actions.findPendingActions (rule 35). Loop only.
func (v *VM) FindPendingActions(actions, match goja.Value) (*goja.Object, error) {
	return v.find(v.reg.pending, actions, orUndefined(match))
}

// FindBlockedActions is Actions.findBlockedActions (rule 35). Loop only.
func (v *VM) FindBlockedActions(actions, match goja.Value) (*goja.Object, error) {
	return v.find(v.reg.blocked, actions, orUndefined(match))
}

// BlockAction is Actions.blockAction (rule 36). Loop only.
func (v *VM) BlockAction(name string, payload goja.Value) error {
	payload = orUndefined(payload)
	v.reg.blocked = append(v.reg.blocked, &pendingEntry{action: name, payload: payload})
	return v.emitSync("actionBlockedChanged", v.rt.ToValue(true), v.rt.ToValue(name), payload)
}

// UnblockAction is Actions.unblockAction (rule 38). Loop only.
func (v *VM) UnblockAction(name string, payload goja.Value) error {
	payload = orUndefined(payload)
	kept := v.reg.blocked[:0:0]
	removed := false
	for _, e := range v.reg.blocked {
		if e.action == name {
			hit, err := v.matches(payload, e.payload, name)
			if err != nil {
				return err
			}
			if hit {
				removed = true
				continue
			}
		}
		kept = append(kept, e)
	}
	v.reg.blocked = kept
	if !removed {
		return nil
	}
	return v.emitSync("actionBlockedChanged", v.rt.ToValue(false), v.rt.ToValue(name), payload)
}

func orUndefined(x goja.Value) goja.Value {
	if x == nil {
		return goja.Undefined()
	}
	return x
}
