package engine

import (
	"net/url"
	"regexp"
	"strings"
)

// goja prints frames as "\tat fn (file:1:2(34))"; the trailing "(34)" is a
// bytecode offset that means nothing to a user.
var gojaFrame = regexp.MustCompile(`^\s*at (.*?):(\d+):(\d+)\(\d+\)(\)?)$`)

// NodeStack rewrites a goja stack string (the "stack" property of an error)
// into Node's layout: four spaces, "at", and "file:line:col" without goja's
// program counter. Frames that are flexrun's own plumbing — Go functions
// no JavaScript code holds, which keep their Go names (see package
// jsfunc), the engine's trampolines, the bundle's module wrappers — are
// left out: they name nothing in the user's code. The Go functions
// JavaScript calls (invokeAction, fetch, Headers.prototype.forEach) carry
// their JavaScript names and show as goja's built-ins do: "at invokeAction
// (native)", like "at forEach (native)". Lines that are not frames (the
// message) are kept as they are.
func NodeStack(stack string) string {
	lines := strings.Split(strings.TrimRight(stack, "\n"), "\n")
	out := lines[:0]
	for _, l := range lines {
		t := strings.TrimLeft(l, " \t")
		isFrame := strings.HasPrefix(t, "at ") && l != t
		if !isFrame {
			out = append(out, l)
			continue
		}
		if internalFrame(t) {
			continue
		}
		if m := gojaFrame.FindStringSubmatch(l); m != nil {
			loc := m[1]
			if u, err := url.PathUnescape(loc); err == nil {
				loc = u // goja escapes source names as URLs ("my%20plugin.ts")
			}
			out = append(out, "    at "+loc+":"+m[2]+":"+m[3]+m[4])
		} else {
			out = append(out, "    "+t)
		}
	}
	return strings.Join(out, "\n")
}

// internalFrame reports frames of flexrun's plumbing rather than user code.
func internalFrame(frame string) bool {
	switch {
	case strings.Contains(frame, "github.com/"), // Go plumbing: "at github.com/x.(*T).m (native)"
		strings.Contains(frame, "<eval>"),   // the engine's trampolines
		strings.Contains(frame, "flexrun:"), // the bundle's virtual entry
		strings.HasPrefix(frame, "at __require "), strings.HasPrefix(frame, "at __init "):
		return true
	}
	return false
}
