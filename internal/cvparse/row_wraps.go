package cvparse

import "strings"

// rowValueColumn is how far right of a row's label, in points, the line
// under it must start to be in the row's value column.
const rowValueColumn = 40

// joinWrappedRowValue mends a labelled row whose list of values ran out
// of its cell mid-item ("Computer skills<tab>ETABS, Revit, MS" /
// "Project, MS Office"): a list that goes on past its line's end would
// have a comma there had the item ended, so the line under it, set in the
// value column, holds that item's rest and the list's.
func joinWrappedRowValue(lines []line) []line {
	var out []line
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		for i+1 < len(lines) && rowValueGoesOn(l, lines[i+1]) {
			l.text = strings.TrimSpace(l.text) + " " + strings.TrimSpace(lines[i+1].text)
			i++
		}
		out = append(out, l)
	}
	return out
}

func rowValueGoesOn(row, next line) bool {
	k := strings.LastIndex(row.text, "\t")
	if k < 0 || next.bullet || next.heading || next.gapBefore || strings.ContainsAny(next.text, "\t:") || next.x < row.x+rowValueColumn {
		return false
	}
	v := strings.TrimSpace(row.text[k+1:])
	return strings.Contains(v, ", ") && !strings.ContainsAny(v[len(v)-1:], ",.;:") && strings.Contains(next.text, ", ")
}
