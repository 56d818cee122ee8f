package plugins

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/evanw/esbuild/pkg/api"
)

// Diagnostic is one compile error at a position in a source file.
type Diagnostic struct {
	// File is the absolute path of the file, or "" when esbuild gave no
	// position (for example a problem with the build itself).
	File string
	// Line and Column are 1-based; Column counts UTF-8 bytes. Both are 0
	// when File is "" or the problem is with the whole file (one that is
	// not a regular file, say).
	Line, Column int
	// Message is esbuild's text, such as `Expected ";" but found "x"`.
	Message string
	// LineText is the source line the position is on, without its newline.
	LineText string
	// Notes add context: where else the problem shows, or how to fix it.
	Notes []string
}

// CompileError is returned by Build when esbuild reports errors. It keeps
// every error, in esbuild's order.
type CompileError struct {
	Diagnostics []Diagnostic
}

// Error renders every diagnostic with paths relative to the process's
// working directory (absolute when that is unknown).
func (e *CompileError) Error() string {
	cwd, _ := os.Getwd()
	return strings.TrimRight(e.Render(cwd), "\n")
}

// Render renders every diagnostic with Diagnostic.Render, paths relative to
// cwd where possible.
func (e *CompileError) Render(cwd string) string {
	var b strings.Builder
	for i, d := range e.Diagnostics {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Render(cwd))
	}
	return b.String()
}

// Render formats d for a terminal, ending with a newline:
//
//	src/plugin.ts:12:7: error: Expected ";" but found "x"
//	   12 |   const a b = 1;
//	      |         ^
//	note: ...
//
// The path is relative to cwd when the file is inside it; otherwise, or when
// cwd is "", it is absolute. A diagnostic without a file has only its message
// and notes; one without a line ("x.js: error: not a regular file") has no
// code frame.
func (d Diagnostic) Render(cwd string) string {
	var b strings.Builder
	switch {
	case d.File != "" && d.Line > 0:
		fmt.Fprintf(&b, "%s:%d:%d: ", displayPath(d.File, cwd), d.Line, d.Column)
	case d.File != "": // the whole file
		fmt.Fprintf(&b, "%s: ", displayPath(d.File, cwd))
	}
	fmt.Fprintf(&b, "error: %s\n", d.Message)
	if d.File != "" && d.Line > 0 {
		writeCodeFrame(&b, strings.TrimRight(d.LineText, "\r\n"), d.Line, d.Column)
	}
	for _, n := range d.Notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	return b.String()
}

// displayPath is path relative to cwd if path is inside cwd, else path.
func displayPath(path, cwd string) string {
	if cwd == "" {
		return path
	}
	rel, err := filepath.Rel(cwd, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path
	}
	return rel
}

// codeFrameLine returns line as a terminal may show it, and the blanks that
// put a caret under byte offset col: one blank per character before it,
// tabs kept so that terminals align them. Control characters and bytes that
// are not UTF-8 are shown escaped ("\x1b"), so that a source line cannot
// drive the terminal.
func codeFrameLine(line string, col int) (shown, pad string) {
	col = max(0, min(col, len(line)))
	var sb, pb strings.Builder
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		text := string(r)
		switch {
		case r == utf8.RuneError && size == 1:
			text = fmt.Sprintf("\\x%02x", line[i])
		case r == '\t':
		case unicode.IsControl(r):
			text = strconv.QuoteRuneToASCII(r)
			text = text[1 : len(text)-1]
		}
		sb.WriteString(text)
		if i < col {
			if r == '\t' {
				pb.WriteByte('\t')
			} else {
				pb.WriteString(strings.Repeat(" ", utf8.RuneCountInString(text)))
			}
		}
		i += size
	}
	return sb.String(), pb.String()
}

// newCompileError converts esbuild's error messages, all of them, into a
// *CompileError. This is the only place where esbuild's 0-based column
// becomes a 1-based one.
func newCompileError(msgs []api.Message) *CompileError {
	e := &CompileError{Diagnostics: make([]Diagnostic, 0, len(msgs))}
	for _, m := range msgs {
		e.Diagnostics = append(e.Diagnostics, newDiagnostic(m))
	}
	return e
}

func newDiagnostic(m api.Message) Diagnostic {
	d := Diagnostic{Message: m.Text}
	if m.PluginName != "" && m.PluginName != sourceFilesPluginName {
		d.Message = fmt.Sprintf("[plugin %s] %s", m.PluginName, m.Text)
	}
	if l := m.Location; l != nil && filepath.IsAbs(l.File) {
		d.File, d.Line, d.Column, d.LineText = l.File, l.Line, l.Column+1, l.LineText
	}
	if r, ok := m.Detail.(refusedFile); ok && d.File != "" {
		// As the import names it: relative to the importer's directory.
		d.Message = fmt.Sprintf("%s: %v", displayPath(r.path, filepath.Dir(d.File)), r.err)
	}
	spec, unresolved := unresolvedImport(m.Text)
	for _, n := range m.Notes {
		if unresolved && (strings.Contains(n.Text, "as external") || strings.Contains(n.Text, "Platform")) {
			continue // advice about esbuild options that flexrun sets itself
		}
		d.Notes = append(d.Notes, noteText(n, d.File))
	}
	if builtin, ok := nodeBuiltin(spec); unresolved && ok {
		who := "this file"
		if pkg := packageOf(d.File); pkg != "" {
			who = "the package " + pkg
		}
		note := fmt.Sprintf("%s needs the Node.js built-in module %q: Flex plugins run in a browser, and neither it nor flexrun has Node.js built-ins", who, builtin)
		if poly, ok := webpack4Polyfills[strings.TrimPrefix(builtin, "node:")]; ok {
			note += fmt.Sprintf("; webpack 4, which built Flex 1.x plugins, bundled a browser version of it: install it in the project with `npm install %s`", poly)
		}
		d.Notes = append(d.Notes, note)
	} else if unresolved && !strings.HasPrefix(spec, ".") && !filepath.IsAbs(spec) {
		d.Notes = append(d.Notes, fmt.Sprintf(
			"flexrun bundles packages from node_modules directories, looked up from the importing file's directory upwards; the host provides only %s",
			strings.Join(HostModules(), ", ")))
	}
	return d
}

// nodeBuiltins are Node.js's built-in modules (module.builtinModules),
// which a browser bundle cannot resolve.
var nodeBuiltins = map[string]bool{
	"assert": true, "async_hooks": true, "buffer": true, "child_process": true, "cluster": true,
	"console": true, "constants": true, "crypto": true, "dgram": true, "diagnostics_channel": true,
	"dns": true, "domain": true, "events": true, "fs": true, "http": true, "http2": true, "https": true,
	"inspector": true, "module": true, "net": true, "os": true, "path": true, "perf_hooks": true,
	"process": true, "punycode": true, "querystring": true, "readline": true, "repl": true,
	"stream": true, "string_decoder": true, "sys": true, "timers": true, "tls": true, "trace_events": true,
	"tty": true, "url": true, "util": true, "v8": true, "vm": true, "wasi": true, "worker_threads": true,
	"zlib": true,
}

// webpack4Polyfills are the npm packages webpack 4 (node-libs-browser)
// bundled in place of Node.js built-ins, which Flex 1.x plugin builds got
// without asking.
var webpack4Polyfills = map[string]string{
	"assert": "assert", "buffer": "buffer", "console": "console-browserify", "constants": "constants-browserify",
	"crypto": "crypto-browserify", "domain": "domain-browser", "events": "events", "http": "stream-http",
	"https": "https-browserify", "os": "os-browserify", "path": "path-browserify", "process": "process",
	"punycode": "punycode", "querystring": "querystring-es3", "stream": "stream-browserify",
	"string_decoder": "string_decoder", "sys": "util", "timers": "timers-browserify", "tty": "tty-browserify",
	"url": "url", "util": "util", "vm": "vm-browserify", "zlib": "browserify-zlib",
}

// nodeBuiltin reports whether spec names a Node.js built-in ("fs",
// "node:fs", "fs/promises") and returns its name.
func nodeBuiltin(spec string) (string, bool) {
	name, prefixed := strings.CutPrefix(spec, "node:")
	base, _, _ := strings.Cut(name, "/")
	if prefixed || nodeBuiltins[base] {
		return name, true
	}
	return "", false
}

// packageOf is the npm package a file belongs to ("@scope/name" or
// "name"), from its last node_modules directory; "" outside node_modules.
func packageOf(file string) string {
	parts := strings.Split(filepath.ToSlash(file), "/")
	for i := len(parts) - 2; i >= 0; i-- {
		if parts[i] != "node_modules" || i+1 >= len(parts)-1 {
			continue
		}
		if strings.HasPrefix(parts[i+1], "@") && i+2 < len(parts)-1 {
			return parts[i+1] + "/" + parts[i+2]
		}
		return parts[i+1]
	}
	return ""
}

// unresolvedImport returns the specifier of esbuild's
// `Could not resolve "name"` message.
func unresolvedImport(text string) (spec string, ok bool) {
	rest, ok := strings.CutPrefix(text, `Could not resolve "`)
	if !ok {
		return "", false
	}
	spec, _, ok = strings.Cut(rest, `"`)
	return spec, ok
}

// noteText is the note's text followed by its position, if it has one: just
// line and column when it is in file, the diagnostic's own file.
func noteText(n api.Note, file string) string {
	l := n.Location
	if l == nil || l.File == "" {
		return n.Text
	}
	text := strings.TrimSuffix(n.Text, ":")
	if l.File == file {
		return fmt.Sprintf("%s (line %d, column %d)", text, l.Line, l.Column+1)
	}
	return fmt.Sprintf("%s (%s:%d:%d)", text, l.File, l.Line, l.Column+1)
}
