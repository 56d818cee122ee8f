package plugins

import "github.com/dop251/goja/ast"

func rewritePropertyEscapes(b *Bundle, prg *ast.Program) error { return nil }
