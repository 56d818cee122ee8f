package plugins

// Edits to a REPL line, and the source map that takes the edited program's
// positions back to the line as typed.

import (
	"encoding/base64"
	"encoding/json"
	"strings"
)

// lineEdit replaces input[start:end] with text.
type lineEdit struct {
	start, end int
	text       string
}

// applyEdits returns the edited input and, for every byte of it and for its
// end, the input offset it came from (inserted text maps to where it went).
func applyEdits(input string, edits []lineEdit) (string, []int) {
	sortEdits(edits)
	var b strings.Builder
	origin := make([]int, 0, len(input)+16)
	pos := 0
	for _, e := range edits {
		for ; pos < e.start; pos++ {
			b.WriteByte(input[pos])
			origin = append(origin, pos)
		}
		b.WriteString(e.text)
		for range len(e.text) {
			origin = append(origin, e.start)
		}
		pos = max(pos, e.end)
	}
	for ; pos < len(input); pos++ {
		b.WriteByte(input[pos])
		origin = append(origin, pos)
	}
	return b.String(), append(origin, len(input))
}

// sortEdits orders edits by position; at one position, keeps them in the
// order they were made (insertions before a replacement starting there).
func sortEdits(edits []lineEdit) {
	for i := 1; i < len(edits); i++ {
		for j := i; j > 0 && edits[j].start < edits[j-1].start; j-- {
			edits[j], edits[j-1] = edits[j-1], edits[j]
		}
	}
}

// sourceMapComment maps every column of gen, which starts on line
// genLine (0-based) of the program, to the input position it came from,
// and the lines before it to the input's start.
// Columns are written 1-based on both sides: goja looks a position up with
// its 1-based column and reports the mapped column as it is (see
// gojaSourceMap).
func sourceMapComment(name, input, gen string, genLine int, origin []int) string {
	var lineStarts []int // of the input
	lineStarts = append(lineStarts, 0)
	for i := 0; i < len(input); i++ {
		if input[i] == '\n' {
			lineStarts = append(lineStarts, i+1)
		}
	}
	var m strings.Builder
	prevLine, prevCol, col := 0, 0, 0
	if genLine > 0 {
		// The lines before the input (the async wrapper) map to its start:
		// one segment each, at column 1, to column 1.
		m.WriteString("CAAC;" + strings.Repeat("CAAA;", genLine-1))
		prevCol = 1
	}
	for i := 0; i <= len(gen); i++ {
		o := origin[i]
		line := 0
		for line+1 < len(lineStarts) && lineStarts[line+1] <= o {
			line++
		}
		origCol := o - lineStarts[line] + 1
		if col > 0 {
			m.WriteByte(',')
		}
		// genCol is relative to the previous segment of the line: 1 apart,
		// except for the first, at column 1.
		m.WriteString(encodeVLQs([]int{1, 0, line - prevLine, origCol - prevCol}))
		prevLine, prevCol = line, origCol
		col++
		if i < len(gen) && gen[i] == '\n' {
			m.WriteByte(';')
			col = 0
		}
	}
	sm, _ := json.Marshal(sourceMap{Version: 3, Sources: []string{name}, Names: []json.RawMessage{}, Mappings: m.String()})
	return "//# sourceMappingURL=data:application/json;base64," + base64.StdEncoding.EncodeToString(sm)
}
