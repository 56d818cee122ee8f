package plugins

// How a REPL line becomes a goja program. Node's REPL does the same job in
// processTopLevelAwait; this is a smaller version of it, on goja's parser.
//
//   - A line with neither `await` nor an import is a script, run as it is:
//     its completion value is the result, and its declarations are global
//     ones that later lines see (goja keeps a global lexical scope across
//     scripts, as V8 does). A line that starts with `{` and does not end with
//     `;` is tried as an object literal first, as Node does.
//   - A line with `await` or imports becomes the body of an async function in
//     the bundle shape of package plugins, so jsapi.Host.Run runs it as a
//     module of the script owner and gives it __flexrun_require for its
//     imports. Its top-level declarations are hoisted out of the function as
//     globals: `var` (and imports, and functions) as `var`, `let`, `const`
//     and classes as `let`, and the declaration itself becomes an
//     assignment; the last statement, if it is an expression, is returned.
//     `await` in a string or in a nested async function only sends a line
//     this way; it runs the same.
//
// Positions stay those of the line as typed: the rewritten program carries a
// source map (every generated column mapped to the column it came from), so
// stack frames and runtime errors say REPLn:line:col of the input.
//
// Not supported, each a syntax error: imports after other statements, import
// of anything but a host module (HostModules), `export`, TypeScript, `for
// await` (goja lacks it; plugins get it lowered by esbuild). `const` declared
// on a line with `await` becomes `let`, as in Node's REPL.

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/dop251/goja"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/flexrun/flexrun/engine"
)

// replSyntaxError is a line that does not parse, at a 1-based line and
// column of the input.
type replSyntaxError struct {
	Source       string // "REPL3"
	Line, Column int
	Message      string
	Text         string // the input line the error is on
}

func (e *replSyntaxError) Error() string {
	return fmt.Sprintf("%s:%d:%d: SyntaxError: %s", e.Source, e.Line, e.Column, e.Message)
}

// replProgram is a compiled line.
type replProgram struct {
	prog *goja.Program
	// async: prog evaluates to an async function of the bundle shape,
	// whose promise settles with the line's value (see jsapi.Host.Run).
	async bool
}

const (
	// asyncHead opens the function a line with await or imports runs in:
	// a bundle's parameters (see Build), so that the timers it sets after
	// an await are the script's too, without its "use strict" (the REPL is
	// sloppy, as Node's is).
	asyncHead = "(async function (" + requireHook + ", " + exportsHook +
		", flex, Twilio, setTimeout, setInterval, clearTimeout, clearInterval) {"
	asyncTail   = "\n})"
	moduleLocal = "__flexrun_m" // an import's module object, in the import's own block
)

var (
	awaitWord     = regexp.MustCompile(`\bawait\b`)
	objectLiteral = regexp.MustCompile(`^\s*\{`)
	endsStatement = regexp.MustCompile(`;\s*$`)
)

// compileLine compiles one REPL input, named name in stack frames. It
// returns a *replSyntaxError when the input does not parse.
func compileLine(name, input string) (p *replProgram, err error) {
	// goja's parser panics on some malformed input ("var[...1[{.["): a
	// typo must not take the REPL down.
	defer func() {
		if recover() != nil {
			p, err = nil, &replSyntaxError{Source: name, Line: 1, Column: 1, Message: "Invalid or unexpected token", Text: firstLine(input)}
		}
	}()
	imports, err := parseImports(name, input)
	if err != nil {
		return nil, err
	}
	if len(imports) == 0 && !awaitWord.MatchString(input) {
		return compileScript(name, input)
	}
	p, asyncErr := compileAsync(name, input, imports)
	if asyncErr == nil {
		return p, nil
	}
	if len(imports) == 0 {
		// `await` as an identifier, in sloppy scripts (var await = 1).
		if p, err := compileScript(name, input); err == nil {
			return p, nil
		}
	}
	return nil, asyncErr
}

func compileScript(name, input string) (*replProgram, error) {
	if objectLiteral.MatchString(input) && !endsStatement.MatchString(input) {
		edits := []lineEdit{{0, 0, "("}, {len(input), len(input), ")"}}
		if prog, err := assemble(name, input, "", edits, ""); err == nil {
			return &replProgram{prog: prog}, nil
		}
	}
	prog, err := assemble(name, input, "", nil, "")
	if err != nil {
		return nil, err
	}
	return &replProgram{prog: prog}, nil
}

func compileAsync(name, input string, imports []importDecl) (*replProgram, error) {
	// goja parses no import declarations: blank them, keeping every offset.
	blanked := []byte(input)
	for _, im := range imports {
		for i := im.start; i < im.end; i++ {
			if blanked[i] != '\n' {
				blanked[i] = ' '
			}
		}
	}
	wrapped := asyncHead + "\n" + string(blanked) + asyncTail
	parsed, err := parser.ParseFile(nil, name, wrapped, 0, parser.WithDisableSourceMaps)
	if err != nil {
		return nil, syntaxError(name, input, err, 1)
	}
	fn := wrapperFunction(parsed, len(wrapped))
	if fn == nil {
		// The input closed the wrapper (an unbalanced "}"): as a script, the
		// same input fails where the user can see why.
		if _, err := compileScript(name, input); err != nil {
			return nil, err
		}
		return nil, &replSyntaxError{Source: name, Line: 1, Column: 1, Message: "Unexpected token }", Text: firstLine(input)}
	}
	h := hoister{input: input, base: len(asyncHead) + 1, declared: map[string]bool{}}
	h.statements(fn.Body.List)
	for _, im := range imports {
		h.edits = append(h.edits, im.edit())
		for _, n := range im.locals() {
			h.hoist("var", n)
		}
	}
	head := h.head() + asyncHead + "\n"
	if h.ret != nil {
		edits := append(slices.Clone(h.edits), *h.ret)
		if prog, err := assemble(name, input, head, edits, asyncTail); err == nil {
			return &replProgram{prog: prog, async: true}, nil
		}
		// Where the AST put the start of the last expression was wrong:
		// run the line all the same, without its value.
	}
	prog, err := assemble(name, input, head, h.edits, asyncTail)
	if err != nil {
		return nil, err
	}
	return &replProgram{prog: prog, async: true}, nil
}

// wrapperFunction is the async function of the wrapped input, or nil when
// the input escaped it.
func wrapperFunction(p *ast.Program, size int) *ast.FunctionLiteral {
	if len(p.Body) != 1 {
		return nil
	}
	st, ok := p.Body[0].(*ast.ExpressionStatement)
	if !ok {
		return nil
	}
	fn, ok := st.Expression.(*ast.FunctionLiteral)
	if !ok || int(fn.Idx0()) != 2 || int(fn.Body.RightBrace) != size-1 {
		return nil
	}
	return fn
}

// assemble compiles head + the edited input + tail, with a source map back
// to the input when anything was added. Errors come back as
// *replSyntaxError at input positions.
func assemble(name, input, head string, edits []lineEdit, tail string) (*goja.Program, error) {
	src := input
	if head != "" || len(edits) > 0 {
		gen, origin := applyEdits(input, edits)
		src = head + gen + "\n" + sourceMapComment(name, input, gen, strings.Count(head, "\n"), origin) + tail
	}
	parsed, err := parser.ParseFile(nil, name, src, 0, parser.WithSourceMapLoader(noSourceMapFiles))
	if err != nil {
		if head != "" || len(edits) > 0 {
			return nil, &replSyntaxError{Source: name, Line: 1, Column: 1, Message: firstMessage(err), Text: firstLine(input)}
		}
		return nil, syntaxError(name, input, err, 0)
	}
	prog, err := engine.CompileAST(parsed, false)
	var ce *goja.CompilerSyntaxError
	if errors.As(err, &ce) && ce.File != nil {
		pos := ce.File.Position(ce.Offset) // through the source map: an input position
		lines := strings.Split(input, "\n")
		line := min(max(pos.Line, 1), len(lines))
		return nil, &replSyntaxError{Source: name, Line: line, Column: pos.Column, Message: ce.Message, Text: lines[line-1]}
	}
	return prog, err
}

// noSourceMapFiles keeps a "//# sourceMappingURL=" typed into a line from
// reading files: only the inline maps assemble writes are used.
func noSourceMapFiles(string) ([]byte, error) {
	return nil, errors.New("source map files are not read for REPL lines")
}

// syntaxError converts a parse error of a program whose input starts on
// line headLines+1 to input positions; positions past the input (the
// wrapper's end) are its end.
func syntaxError(name, input string, err error, headLines int) error {
	var list parser.ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		return err
	}
	pos := list[0].Position
	lines := strings.Split(input, "\n")
	line, col := pos.Line-headLines, pos.Column
	msg := list[0].Message
	switch {
	case line < 1:
		line, col = 1, 1
	case line > len(lines): // in the wrapper's end: the input stopped early
		line = len(lines)
		col = len(lines[line-1]) + 1
		msg = "Unexpected end of input"
	}
	return &replSyntaxError{Source: name, Line: line, Column: col, Message: msg, Text: lines[line-1]}
}

func firstMessage(err error) string {
	var list parser.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		return list[0].Message
	}
	return err.Error()
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
