package plugins

// Import declarations on a REPL line. goja parses none, so they are read
// here, at the start of the line (where people paste them with a plugin
// snippet), and become assignments to globals from the host's module
// objects, with the interop HostModules documents. Their bindings are
// hoisted as `var`, so pasting the same imports again works.

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// importDecl is one import declaration at the start of a line.
type importDecl struct {
	start, end int    // byte range in the input, its ";" included
	spec       string // the specifier as written, quotes included
	def, ns    string // default and namespace bindings, "" when absent
	named      []importName
}

// importName is `imported as local`; imported is an identifier or a
// string literal as written.
type importName struct{ imported, local string }

func (im importDecl) locals() []string {
	var out []string
	for _, n := range []string{im.def, im.ns} {
		if n != "" {
			out = append(out, n)
		}
	}
	for _, n := range im.named {
		out = append(out, n.local)
	}
	return out
}

// edit replaces the declaration with a block that assigns its bindings.
func (im importDecl) edit() lineEdit {
	m := moduleLocal
	var b strings.Builder
	fmt.Fprintf(&b, "{ const %s = %s(%s);", m, requireHook, im.spec)
	interop := fmt.Sprintf("(%s && %s.__esModule ? %s.default : %s)", m, m, m, m)
	if im.def != "" {
		fmt.Fprintf(&b, " %s = %s;", im.def, interop)
	}
	if im.ns != "" {
		fmt.Fprintf(&b, " %s = %s;", im.ns, m)
	}
	for _, n := range im.named {
		switch {
		case n.imported == "default":
			fmt.Fprintf(&b, " %s = %s;", n.local, interop)
		case strings.HasPrefix(n.imported, `"`) || strings.HasPrefix(n.imported, "'"):
			fmt.Fprintf(&b, " %s = %s[%s];", n.local, m, n.imported)
		default:
			fmt.Fprintf(&b, " %s = %s.%s;", n.local, m, n.imported)
		}
	}
	b.WriteString(" }")
	return lineEdit{im.start, im.end, b.String()}
}

// parseImports reads the import declarations the input starts with.
func parseImports(name, input string) ([]importDecl, error) {
	sc := importScanner{name: name, s: input}
	var out []importDecl
	for {
		sc.skipSpace()
		if !sc.atImport() {
			return out, nil
		}
		im, err := sc.declaration()
		if err != nil {
			return nil, err
		}
		out = append(out, im)
	}
}

type importScanner struct {
	name, s string
	pos     int
}

func (sc *importScanner) skipSpace() {
	for sc.pos < len(sc.s) && strings.IndexByte(" \t\r\n", sc.s[sc.pos]) >= 0 {
		sc.pos++
	}
}

// atImport: an import declaration, not import(...) or import.meta.
func (sc *importScanner) atImport() bool {
	rest := sc.s[sc.pos:]
	if !strings.HasPrefix(rest, "import") || len(rest) == len("import") {
		return false
	}
	return strings.IndexByte(" \t{*'\"", rest[len("import")]) >= 0
}

func (sc *importScanner) declaration() (importDecl, error) {
	im := importDecl{start: sc.pos}
	sc.pos += len("import")
	sc.skipSpace()
	if !sc.atString() {
		if err := sc.clause(&im); err != nil {
			return im, err
		}
		if sc.ident() != "from" {
			return im, sc.fail(`Expected "from"`)
		}
		sc.skipSpace()
	}
	at := sc.pos
	spec, ok := sc.str()
	if !ok {
		return im, sc.fail("Expected a module specifier string")
	}
	if !HostModule(spec[1 : len(spec)-1]) {
		sc.pos = at
		return im, sc.fail(fmt.Sprintf("Cannot import %s here: the REPL imports host modules only (%s)",
			spec, strings.Join(HostModules(), ", ")))
	}
	im.spec = spec
	end := sc.pos
	sc.skipSpace()
	if sc.pos < len(sc.s) && sc.s[sc.pos] == ';' {
		end = sc.pos + 1
	}
	sc.pos = end
	im.end = end
	return im, nil
}

// clause reads `d`, `* as ns`, `{ a, b as c }`, `d, * as ns` or `d, {...}`.
func (sc *importScanner) clause(im *importDecl) error {
	if !sc.punct('*') && !sc.peek('{') {
		if im.def = sc.ident(); im.def == "" {
			return sc.fail("Unexpected token in import declaration")
		}
		if im.def == "type" && (sc.peek('{') || sc.peek('*')) {
			return sc.fail("Type-only imports are TypeScript; the REPL runs JavaScript")
		}
		if !sc.punct(',') {
			return nil
		}
		if !sc.punct('*') && !sc.peek('{') {
			return sc.fail("Unexpected token in import declaration")
		}
		if sc.peek('{') {
			return sc.namedImports(im)
		}
	} else if sc.peek('{') {
		return sc.namedImports(im)
	}
	// after "*"
	if sc.ident() != "as" {
		return sc.fail(`Expected "as"`)
	}
	if im.ns = sc.ident(); im.ns == "" {
		return sc.fail("Expected a name for the namespace")
	}
	return nil
}

func (sc *importScanner) namedImports(im *importDecl) error {
	sc.punct('{')
	for !sc.punct('}') {
		var n importName
		if sc.atString() {
			n.imported, _ = sc.str()
			sc.skipSpace()
		} else if n.imported = sc.ident(); n.imported == "" {
			return sc.fail("Unexpected token in import list")
		}
		n.local = n.imported
		save := sc.pos
		if sc.ident() == "as" {
			if n.local = sc.ident(); n.local == "" {
				return sc.fail("Expected a local name after \"as\"")
			}
		} else {
			sc.pos = save
		}
		if n.local[0] == '"' || n.local[0] == '\'' {
			return sc.fail(`Expected "as" after a string import name`)
		}
		im.named = append(im.named, n)
		if !sc.punct(',') && !sc.peek('}') {
			return sc.fail(`Expected "," or "}" in import list`)
		}
	}
	return nil
}

// ident reads an identifier (and the space after it), or returns "".
func (sc *importScanner) ident() string {
	start := sc.pos
	for sc.pos < len(sc.s) {
		r, size := utf8.DecodeRuneInString(sc.s[sc.pos:])
		if !(r == '_' || r == '$' || unicode.IsLetter(r) || sc.pos > start && unicode.IsDigit(r)) {
			break
		}
		sc.pos += size
	}
	id := sc.s[start:sc.pos]
	sc.skipSpace()
	return id
}

func (sc *importScanner) atString() bool {
	return sc.pos < len(sc.s) && (sc.s[sc.pos] == '"' || sc.s[sc.pos] == '\'')
}

// str reads a string literal as written, quotes included.
func (sc *importScanner) str() (string, bool) {
	if !sc.atString() {
		return "", false
	}
	q := sc.s[sc.pos]
	for i := sc.pos + 1; i < len(sc.s) && sc.s[i] != '\n'; i++ {
		switch sc.s[i] {
		case '\\':
			i++
		case q:
			lit := sc.s[sc.pos : i+1]
			sc.pos = i + 1
			return lit, true
		}
	}
	return "", false
}

// punct consumes c (and the space after it) if it comes next.
func (sc *importScanner) punct(c byte) bool {
	if !sc.peek(c) {
		return false
	}
	sc.pos++
	sc.skipSpace()
	return true
}

func (sc *importScanner) peek(c byte) bool { return sc.pos < len(sc.s) && sc.s[sc.pos] == c }

func (sc *importScanner) fail(msg string) error {
	line, col, text := positionOf(sc.s, sc.pos)
	return &replSyntaxError{Source: sc.name, Line: line, Column: col, Message: msg, Text: text}
}

// positionOf is the 1-based line and column of a byte offset, and its line.
func positionOf(s string, offset int) (line, col int, text string) {
	start := strings.LastIndexByte(s[:offset], '\n') + 1
	end := strings.IndexByte(s[offset:], '\n')
	if end < 0 {
		end = len(s)
	} else {
		end += offset
	}
	return strings.Count(s[:offset], "\n") + 1, offset - start + 1, s[start:end]
}
