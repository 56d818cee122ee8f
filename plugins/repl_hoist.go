package plugins

// The top-level declarations of a line that runs in an async function
// (see repl_line.go) are hoisted out of it, as Node's REPL does: the
// globals are declared before the function, and the declarations inside
// become assignments. The rewrite is a list of edits to the input, so
// that every column of the program still maps to a column of the input.

import (
	"fmt"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
)

// hoister turns the top-level declarations of the wrapped input into
// assignments to globals declared before the function.
type hoister struct {
	input    string
	base     int // offset of the input in the wrapped source
	edits    []lineEdit
	ret      *lineEdit // `return ` before the last statement, an expression
	vars     []string
	lets     []string
	declared map[string]bool
}

// at converts a parser index in the wrapped source to an input offset.
func (h *hoister) at(idx file.Idx) int { return int(idx) - 1 - h.base }

func (h *hoister) hoist(kind, name string) {
	if h.declared[name] {
		return
	}
	h.declared[name] = true
	if kind == "var" {
		h.vars = append(h.vars, name)
	} else {
		h.lets = append(h.lets, name)
	}
}

func (h *hoister) head() string {
	var b strings.Builder
	if len(h.vars) > 0 {
		fmt.Fprintf(&b, "var %s; ", strings.Join(h.vars, ", "))
	}
	if len(h.lets) > 0 {
		fmt.Fprintf(&b, "let %s; ", strings.Join(h.lets, ", "))
	}
	return b.String()
}

func (h *hoister) statements(list []ast.Statement) {
	for i, st := range list {
		switch st := st.(type) {
		case *ast.VariableStatement:
			h.declaration("var", h.at(st.Var), len("var"), st.List)
		case *ast.LexicalDeclaration:
			h.declaration("let", h.at(st.Idx), len(st.Token.String()), st.List)
		case *ast.FunctionDeclaration:
			// As Node does: `f = function f() {};`, so calling f before
			// the line declares it fails, unlike in a script.
			name := st.Function.Name.Name.String()
			h.hoist("var", name)
			h.edits = append(h.edits, lineEdit{h.at(st.Idx0()), h.at(st.Idx0()), name + " = "},
				lineEdit{h.at(st.Idx1()), h.at(st.Idx1()), ";"})
		case *ast.ClassDeclaration:
			name := st.Class.Name.Name.String()
			h.hoist("let", name)
			h.edits = append(h.edits, lineEdit{h.at(st.Idx0()), h.at(st.Idx0()), name + " = "},
				lineEdit{h.at(st.Idx1()), h.at(st.Idx1()), ";"})
		case *ast.ExpressionStatement:
			if i == len(list)-1 {
				start := h.expressionStart(h.at(leftmost(st.Expression).Idx0()))
				h.ret = &lineEdit{start, start, "return "}
			}
		}
	}
}

// declaration rewrites `let a = 1, {b} = o` as `void 0, a = 1, {b} = o`:
// a sequence of assignments (a pattern after a comma is an assignment
// pattern), so no closing parenthesis has to be placed after it.
func (h *hoister) declaration(kind string, keyword, keywordLen int, list []*ast.Binding) {
	for _, b := range list {
		for _, n := range boundNames(b.Target, nil) {
			h.hoist(kind, n)
		}
	}
	h.edits = append(h.edits, lineEdit{keyword, keyword + keywordLen, "void 0,"})
}

// leftmost is the expression whose Idx0 is where e starts: goja's Idx0 of a
// tagged template is its backtick, and expressions that start with one
// take their Idx0 from it.
func leftmost(e ast.Expression) ast.Expression {
	switch x := e.(type) {
	case *ast.TemplateLiteral:
		if x.Tag != nil {
			return leftmost(x.Tag)
		}
	case *ast.AssignExpression:
		return leftmost(x.Left)
	case *ast.BinaryExpression:
		return leftmost(x.Left)
	case *ast.BracketExpression:
		return leftmost(x.Left)
	case *ast.CallExpression:
		return leftmost(x.Callee)
	case *ast.ConditionalExpression:
		return leftmost(x.Test)
	case *ast.DotExpression:
		return leftmost(x.Left)
	case *ast.PrivateDotExpression:
		return leftmost(x.Left)
	case *ast.SequenceExpression:
		return leftmost(x.Sequence[0])
	case *ast.OptionalChain:
		return leftmost(x.Expression)
	case *ast.Optional:
		return leftmost(x.Expression)
	case *ast.UnaryExpression:
		if x.Postfix {
			return leftmost(x.Operand)
		}
	}
	return e
}

// expressionStart moves back over the parentheses that open an expression:
// goja's AST starts `(a, b)` at `a`.
func (h *hoister) expressionStart(at int) int {
	for i := at - 1; i >= 0; i-- {
		switch h.input[i] {
		case ' ', '\t', '\n', '\r':
		case '(':
			at = i
		default:
			return at
		}
	}
	return at
}

// boundNames appends the names a binding target declares.
func boundNames(e ast.Expression, out []string) []string {
	switch e := e.(type) {
	case *ast.Identifier:
		out = append(out, e.Name.String())
	case *ast.ObjectPattern:
		for _, p := range e.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				out = append(out, p.Name.Name.String())
			case *ast.PropertyKeyed:
				out = boundNames(p.Value, out)
			}
		}
		out = boundNames(e.Rest, out)
	case *ast.ArrayPattern:
		for _, el := range e.Elements {
			out = boundNames(el, out)
		}
		out = boundNames(e.Rest, out)
	case *ast.AssignExpression: // a default value
		out = boundNames(e.Left, out)
	}
	return out
}
