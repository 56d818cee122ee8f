package plugins

// goja's regular expressions do not know Unicode property escapes: with the
// goja version in go.mod, /\p{L}/u.test("a") is false, a silent wrong
// answer (TestGojaPropertyEscapeBug fails when an upgrade changes that).
// So the literals are rewritten in the parsed bundle, before goja compiles
// them: each \p{...} becomes the character class of the same code points,
// from Go's unicode tables, and \P{...} the class of all others. The u flag
// stays, so \u{...} and astral code points work in the classes. A property
// that Go's tables do not have is a compile error at the literal, never a
// silently wrong match. The parser finds the literals, so nothing in a
// string, a comment or a division is touched. RegExp objects made at run
// time (new RegExp("\\p{L}", "u")) are not rewritten.

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/dop251/goja/ast"

	"github.com/flexrun/flexrun/internal/jsast"
)

// rewritePropertyEscapes rewrites the property escapes of every regular
// expression literal with the u flag in prg, b's parsed Code.
func rewritePropertyEscapes(b *Bundle, prg *ast.Program) error {
	if !strings.Contains(b.Code, `\p{`) && !strings.Contains(b.Code, `\P{`) {
		return nil // the common case: no walk
	}
	var failed error
	jsast.Walk(prg, func(re *ast.RegExpLiteral) {
		if failed != nil || !strings.Contains(re.Flags, "u") || !strings.Contains(re.Pattern, `p{`) && !strings.Contains(re.Pattern, `P{`) {
			return
		}
		pattern, err := expandPropertyEscapes(re.Pattern)
		if err != nil {
			line, col := lineColumn(b.Code, int(re.Idx))
			ce := b.compileError(line, col, err.Error())
			ce.Diagnostics[0].Notes = []string{"goja, the JavaScript engine flexrun runs plugins on, has no Unicode property escapes; flexrun rewrites those of Go's unicode tables (general categories, scripts, some binary properties) into character classes"}
			failed = ce
			return
		}
		re.Pattern = pattern
	})
	return failed
}

// expandPropertyEscapes rewrites the property escapes of a u-mode pattern.
// Outside a class, \p{X} becomes [ranges]; inside one, just the ranges.
// \P{X} is the complement as ranges, not [^ranges], because with the i
// flag the two differ (/\P{Lu}/ui matches "A", as the complement has "a").
func expandPropertyEscapes(pattern string) (string, error) {
	var out strings.Builder
	inClass := false
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		switch {
		case c == '\\' && i+2 < len(pattern) && (pattern[i+1] == 'p' || pattern[i+1] == 'P') && pattern[i+2] == '{':
			end := strings.IndexByte(pattern[i:], '}')
			if end < 0 {
				return "", fmt.Errorf("unterminated property escape %s in a regular expression", pattern[i:])
			}
			escape := pattern[i : i+end+1]
			set, err := propertySet(pattern[i+3 : i+end])
			if err != nil {
				return "", fmt.Errorf("the Unicode property escape %s: %v", escape, err)
			}
			if pattern[i+1] == 'P' {
				set = complement(set)
			}
			writeRanges(&out, set, inClass)
			i += end
		case c == '\\' && i+1 < len(pattern):
			out.WriteString(pattern[i : i+2])
			i++
		case c == '[' && !inClass:
			inClass = true
			out.WriteByte(c)
		case c == ']' && inClass:
			inClass = false
			out.WriteByte(c)
		default:
			out.WriteByte(c)
		}
	}
	return out.String(), nil
}

// span is a range of code points, both ends included.
type span struct{ lo, hi rune }

func writeRanges(b *strings.Builder, set []span, inClass bool) {
	if len(set) == 0 && !inClass {
		b.WriteString("(?!)") // matches nothing, as an empty set does
		return
	}
	if !inClass {
		b.WriteByte('[')
	}
	for _, s := range set {
		writeCodePoint(b, s.lo)
		if s.hi != s.lo {
			b.WriteByte('-')
			writeCodePoint(b, s.hi)
		}
	}
	if !inClass {
		b.WriteByte(']')
	}
}

func writeCodePoint(b *strings.Builder, r rune) {
	b.WriteString(`\u{`)
	b.WriteString(strconv.FormatInt(int64(r), 16))
	b.WriteByte('}')
}

// propertySet is the code points of a property escape's contents ("L",
// "Script=Greek", "White_Space"), as ECMAScript names them.
func propertySet(prop string) ([]span, error) {
	name, value, hasValue := strings.Cut(prop, "=")
	if hasValue {
		switch name {
		case "General_Category", "gc":
			return category(value)
		case "Script", "sc":
			if t, ok := unicode.Scripts[value]; ok {
				return spans(t), nil
			}
			return nil, fmt.Errorf("%q is not a script name in Go's unicode tables (Unicode %s; only long names such as Greek are known)", value, unicode.Version)
		}
		return nil, fmt.Errorf("the property %s is not supported", name)
	}
	if set, err := category(name); err == nil {
		return set, nil
	}
	switch name {
	case "Any":
		return []span{{0, unicode.MaxRune}}, nil
	case "ASCII":
		return []span{{0, unicode.MaxASCII}}, nil
	case "Assigned":
		return complement(unassigned()), nil
	case "Alphabetic": // DerivedCoreProperties.txt
		return union(spans(unicode.Lu), spans(unicode.Ll), spans(unicode.Lt), spans(unicode.Lm), spans(unicode.Lo), spans(unicode.Nl), spans(unicode.Other_Alphabetic)), nil
	case "Lowercase":
		return union(spans(unicode.Ll), spans(unicode.Other_Lowercase)), nil
	case "Uppercase":
		return union(spans(unicode.Lu), spans(unicode.Other_Uppercase)), nil
	case "Math":
		return union(spans(unicode.Sm), spans(unicode.Other_Math)), nil
	}
	if t, ok := unicode.Properties[name]; ok && !strings.HasPrefix(name, "Other_") { // Other_* are not ECMAScript properties
		return spans(t), nil
	}
	return nil, fmt.Errorf("%q is not a general category, script or binary property that flexrun knows (Go's unicode tables, Unicode %s)", name, unicode.Version)
}

// categoryNames are ECMAScript's long names (and aliases) of the general
// categories, by their short names.
var categoryNames = map[string]string{
	"Letter": "L", "Cased_Letter": "LC", "Uppercase_Letter": "Lu", "Lowercase_Letter": "Ll", "Titlecase_Letter": "Lt",
	"Modifier_Letter": "Lm", "Other_Letter": "Lo", "Mark": "M", "Combining_Mark": "M", "Nonspacing_Mark": "Mn",
	"Spacing_Mark": "Mc", "Enclosing_Mark": "Me", "Number": "N", "Decimal_Number": "Nd", "digit": "Nd",
	"Letter_Number": "Nl", "Other_Number": "No", "Punctuation": "P", "punct": "P", "Connector_Punctuation": "Pc",
	"Dash_Punctuation": "Pd", "Open_Punctuation": "Ps", "Close_Punctuation": "Pe", "Initial_Punctuation": "Pi",
	"Final_Punctuation": "Pf", "Other_Punctuation": "Po", "Symbol": "S", "Math_Symbol": "Sm", "Currency_Symbol": "Sc",
	"Modifier_Symbol": "Sk", "Other_Symbol": "So", "Separator": "Z", "Space_Separator": "Zs", "Line_Separator": "Zl",
	"Paragraph_Separator": "Zp", "Other": "C", "Control": "Cc", "cntrl": "Cc", "Format": "Cf", "Surrogate": "Cs",
	"Private_Use": "Co", "Unassigned": "Cn",
}

func category(name string) ([]span, error) {
	if short, ok := categoryNames[name]; ok {
		name = short
	}
	switch name {
	case "LC":
		return union(spans(unicode.Lu), spans(unicode.Ll), spans(unicode.Lt)), nil
	case "Cn":
		return unassigned(), nil
	case "C": // Go's C leaves out Cn
		return union(spans(unicode.C), unassigned()), nil
	}
	if t, ok := unicode.Categories[name]; ok {
		return spans(t), nil
	}
	return nil, fmt.Errorf("%q is not a general category", name)
}

// unassigned is Cn: what no category of Go's tables has.
func unassigned() []span {
	var all [][]span
	for _, t := range unicode.Categories {
		all = append(all, spans(t))
	}
	return complement(union(all...))
}

// spans are the code points of t, merged into sorted ranges.
func spans(t *unicode.RangeTable) []span {
	var out []span
	add := func(lo, hi, stride rune) {
		for r := lo; r <= hi; r += stride {
			end := r
			if stride == 1 {
				end = hi
			}
			if n := len(out); n > 0 && out[n-1].hi+1 >= r {
				out[n-1].hi = max(out[n-1].hi, end)
			} else {
				out = append(out, span{r, end})
			}
			if stride == 1 {
				break
			}
		}
	}
	for _, r := range t.R16 {
		add(rune(r.Lo), rune(r.Hi), rune(r.Stride))
	}
	for _, r := range t.R32 {
		add(rune(r.Lo), rune(r.Hi), rune(r.Stride))
	}
	return out
}

func union(sets ...[]span) []span {
	var all []span
	for _, s := range sets {
		all = append(all, s...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].lo < all[j].lo })
	var out []span
	for _, s := range all {
		if n := len(out); n > 0 && out[n-1].hi+1 >= s.lo {
			out[n-1].hi = max(out[n-1].hi, s.hi)
		} else {
			out = append(out, s)
		}
	}
	return out
}

// complement is every code point not in the sorted, merged set.
func complement(set []span) []span {
	var out []span
	next := rune(0)
	for _, s := range set {
		if s.lo > next {
			out = append(out, span{next, s.lo - 1})
		}
		next = s.hi + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, span{next, unicode.MaxRune})
	}
	return out
}
