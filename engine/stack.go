package engine

import (
	"regexp"
	"strings"
)

// goja prints frames as "\tat fn (file:1:2(34))"; the trailing "(34)" is a
// bytecode offset that means nothing to a user.
var gojaFrame = regexp.MustCompile(`^\s*at (.*?):(\d+):(\d+)\(\d+\)(\)?)$`)

// NodeStack rewrites a goja stack string (the "stack" property of an error)
// into Node's layout: four spaces, "at", and "file:line:col" without goja's
// program counter. Lines that are not frames (the message) are kept as they are.
func NodeStack(stack string) string {
	lines := strings.Split(strings.TrimRight(stack, "\n"), "\n")
	for i, l := range lines {
		if m := gojaFrame.FindStringSubmatch(l); m != nil {
			lines[i] = "    at " + m[1] + ":" + m[2] + ":" + m[3] + m[4]
		} else if t := strings.TrimLeft(l, " \t"); strings.HasPrefix(t, "at ") && l != t {
			lines[i] = "    " + t
		}
	}
	return strings.Join(lines, "\n")
}
