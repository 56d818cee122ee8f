package plugins

// Code frames for runtime errors. goja's wording ("Value is not object
// coercible", "Cannot read property 'x' of undefined") hides what was
// undefined; the line with a caret under the column shows it, as compile
// errors' frames do. A stack only names files, so the line is read back
// from disk, and when that is not possible there is no frame rather than
// a wrong one.

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits of what a code frame reads: a file bigger than maxFrameFile is not
// one somebody edits by hand, and a line longer than maxFrameLine
// (minified code) would bury the message.
const (
	maxFrameFile = 4 << 20
	maxFrameLine = 500
)

// StackCodeFrame renders the code frame of the innermost frame of user
// code in the first of stacks that has one, ending with a newline:
//
//	/abs/path/script.js:3:17
//	    3 |   const { a } = opts;
//	      |                 ^
//
// stacks are Node-style stacks as engine.JSError.Stack holds them ("    at
// fn (file:line:col)", absolute paths, 1-based lines and columns). User
// code is a frame whose file is an absolute path to a regular JavaScript or
// TypeScript file (a stack is the error's "stack" property, which code may
// set), not flexrun's own ("flexrun:…", "<eval>", "native"); a frame in node_modules
// counts only when the stack has no other. It returns "" when no stack has
// such a frame, or when that frame's line cannot be read back: the file is
// too big, not UTF-8, shorter than the line, or the line is too long.
func StackCodeFrame(stacks ...string) string {
	for _, stack := range stacks {
		if loc, ok := userLocation(stack); ok {
			return loc.frame()
		}
	}
	return ""
}

// stackLocation is a position a stack frame names; col counts UTF-16 code
// units, as JavaScript (and source maps) do.
type stackLocation struct {
	file      string
	line, col int
}

// userLocation is the innermost frame of user code in stack.
func userLocation(stack string) (stackLocation, bool) {
	var fallback *stackLocation
	for _, l := range strings.Split(stack, "\n") {
		loc, ok := parseFrame(l)
		if !ok {
			continue
		}
		if !sourceFile(loc.file) {
			continue
		}
		if fi, err := os.Stat(loc.file); err != nil || !fi.Mode().IsRegular() {
			continue
		}
		if !inNodeModules(loc.file) {
			return loc, true
		}
		if fallback == nil {
			fallback = &loc
		}
	}
	if fallback != nil {
		return *fallback, true
	}
	return stackLocation{}, false
}

// parseFrame reads "    at fn (file:line:col)" or "    at file:line:col".
// The path may hold blanks and parentheses, so the bare form is tried first.
func parseFrame(l string) (stackLocation, bool) {
	rest, ok := strings.CutPrefix(strings.TrimLeft(l, " \t"), "at ")
	if !ok || l == strings.TrimLeft(l, " \t") {
		return stackLocation{}, false
	}
	if loc, ok := parseLocation(rest); ok {
		return loc, true
	}
	if _, inner, ok := strings.Cut(rest, " ("); ok && strings.HasSuffix(inner, ")") {
		return parseLocation(strings.TrimSuffix(inner, ")"))
	}
	return stackLocation{}, false
}

// parseLocation reads "file:line:col" with an absolute file.
func parseLocation(s string) (stackLocation, bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return stackLocation{}, false
	}
	j := strings.LastIndexByte(s[:i], ':')
	if j < 0 {
		return stackLocation{}, false
	}
	line, err1 := strconv.Atoi(s[j+1 : i])
	col, err2 := strconv.Atoi(s[i+1:])
	file := s[:j]
	if err1 != nil || err2 != nil || line < 1 || col < 1 || !filepath.IsAbs(file) {
		return stackLocation{}, false
	}
	return stackLocation{file: file, line: line, col: col}, true
}

// sourceFile reports whether file is named like a source esbuild bundles;
// a frame prints no line of any other file.
func sourceFile(file string) bool {
	ext := filepath.Ext(file)
	return slices.Contains(pluginExts, ext) || ext == ".mts" || ext == ".cts"
}

func inNodeModules(file string) bool {
	return strings.Contains(filepath.ToSlash(file), "/node_modules/")
}

// frame reads loc's line from disk and renders it; "" when it cannot.
func (loc stackLocation) frame() string {
	f, err := os.Open(loc.file)
	if err != nil {
		return ""
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() || fi.Size() > maxFrameFile {
		return ""
	}
	// The file may grow after Stat: read one byte more than allowed to see it.
	src, err := io.ReadAll(io.LimitReader(f, maxFrameFile+1))
	if err != nil || len(src) > maxFrameFile || !utf8.Valid(src) {
		return ""
	}
	lines := bytes.Split(src, []byte("\n"))
	if loc.line > len(lines) {
		return ""
	}
	text := strings.TrimRight(string(lines[loc.line-1]), "\r")
	if len(text) > maxFrameLine {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d\n", loc.file, loc.line, loc.col)
	writeCodeFrame(&b, text, loc.line, byteColumn(text, loc.col))
	return b.String()
}

// byteColumn converts a 1-based column in UTF-16 code units into a 1-based
// column in bytes of line, which writeCodeFrame wants.
func byteColumn(line string, col int) int {
	units := 0
	for i, r := range line {
		if units >= col-1 {
			return i + 1
		}
		units++
		if r >= 0x10000 {
			units++ // a surrogate pair
		}
	}
	return len(line) + 1
}

// writeCodeFrame writes the source line numbered num and a caret under its
// 1-based byte column col: the frame of every flexrun error.
func writeCodeFrame(b *strings.Builder, text string, num, col int) {
	n := strconv.Itoa(num)
	w := max(5, len(n))
	line, pad := codeFrameLine(text, col-1)
	fmt.Fprintf(b, "%*s | %s\n", w, n, line)
	fmt.Fprintf(b, "%*s | %s^\n", w, "", pad)
}
