package plugins

// goja compiles what esbuild accepted, and rejects some of it (a dynamic
// import() of a computed name, syntax goja does not have). Its errors carry
// a position in the bundle ("Line 44" of a 3-line file): Bundle.Compile
// maps them through the bundle's source map to the plugin's own file, as a
// *CompileError like esbuild's.

import (
	"errors"
	"net/url"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dop251/goja"

	"github.com/dop251/goja/parser"
	"github.com/flexrun/flexrun/engine"
)

// gojaNote says why an error that esbuild let through appears at all.
const gojaNote = "esbuild accepts this code, but goja, the JavaScript engine flexrun runs plugins on, does not"

// Compile parses and compiles Code into the program the engine runs, named
// after Path (as a URL path: see programName). Code that goja cannot
// compile gives a *CompileError at the original file:line:col, as an
// esbuild error would; so does a regular expression literal with a Unicode
// property escape that flexrun cannot rewrite for goja (see
// rewritePropertyEscapes). It is safe to call from any goroutine.
func (b *Bundle) Compile() (*goja.Program, error) {
	prg, err := parser.ParseFile(nil, programName(b.Path), b.Code, 0)
	if err != nil {
		var list parser.ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			// The first error is goja's; the others follow from it.
			p := list[0].Position
			return nil, b.compileError(p.Line, p.Column, list[0].Message)
		}
		return nil, err
	}
	if err := rewritePropertyEscapes(b, prg); err != nil {
		return nil, err
	}
	prog, err := engine.CompileAST(prg, false)
	if err != nil {
		var se *goja.CompilerSyntaxError
		if errors.As(err, &se) {
			line, col := lineColumn(b.Code, se.Offset)
			return nil, b.compileError(line, col, se.Message)
		}
		return nil, err
	}
	return prog, nil
}

// programName is the goja program's name for the file at path: a URL path,
// escaped. goja parses the name as a URL to resolve the source map against
// (a tab or newline in it would fail the whole compile), and it shows
// names as URLs, which engine.NodeStack unescapes.
func programName(path string) string {
	return (&url.URL{Path: filepath.ToSlash(path)}).EscapedPath()
}

// lineColumn is the 1-based line and column of byte offset off (goja's
// file.Idx, 1-based) in src.
func lineColumn(src string, off int) (int, int) {
	off = max(0, min(off-1, len(src)))
	start := strings.LastIndexByte(src[:off], '\n') + 1
	return strings.Count(src[:off], "\n") + 1, off - start + 1
}

// compileError is a goja error at the bundle's line and column (1-based),
// mapped to its source when the source map has it.
func (b *Bundle) compileError(line, col int, msg string) *CompileError {
	d := Diagnostic{Message: msg, Notes: []string{gojaNote}}
	if file, l, c, ok := b.original(line, col); ok {
		d.File, d.Line, d.Column = file, l, c
		if src, err := readSource(file); err == nil {
			lines := strings.Split(string(src), "\n")
			if l <= len(lines) {
				d.LineText = strings.TrimRight(lines[l-1], "\r")
			}
		}
	}
	return &CompileError{Diagnostics: []Diagnostic{d}}
}

// original maps a 1-based line and column of Code to the file, line and
// column (1-based) it came from; ok is false when it came from no file (the
// wrapper, a virtual module).
func (b *Bundle) original(line, col int) (file string, l, c int, ok bool) {
	segs, err := decodeMappings(b.mappings)
	if err != nil || line-1 >= len(segs) {
		return "", 0, 0, false
	}
	row := segs[line-1]
	// The last segment that starts at or before col (goja-form maps have
	// 1-based columns, like col).
	i := sort.Search(len(row), func(i int) bool { return row[i].genCol > col }) - 1
	if i < 0 {
		i = 0 // before the first segment: the line's first mapping
	}
	if len(row) == 0 || row[i].source < 0 || row[i].source >= len(b.sources) {
		return "", 0, 0, false
	}
	file = b.sources[row[i].source]
	if !filepath.IsAbs(file) {
		return "", 0, 0, false
	}
	return file, row[i].line + 1, row[i].col, true
}

type segment struct{ genCol, source, line, col int }

// decodeMappings decodes a "mappings" string, one slice of segments per
// generated line, with absolute values.
func decodeMappings(mappings string) ([][]segment, error) {
	var out [][]segment
	var src, line, col int
	for _, l := range strings.Split(mappings, ";") {
		var row []segment
		gen := 0
		if l != "" {
			for _, s := range strings.Split(l, ",") {
				f, err := decodeVLQs(s)
				if err != nil {
					return nil, err
				}
				gen += f[0]
				seg := segment{genCol: gen, source: -1}
				if len(f) >= 4 {
					src, line, col = src+f[1], line+f[2], col+f[3]
					seg.source, seg.line, seg.col = src, line, col
				}
				row = append(row, seg)
			}
		}
		out = append(out, row)
	}
	return out, nil
}
