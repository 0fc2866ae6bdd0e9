package cvparse

import (
	"strings"
	"unicode"
)

// joinWrappedFirstCells mends a grid of skills read row by row whose
// first column's item ran out of its cell ("Contractor & consultant<tab>•
// Market intelligence" / "approvals<tab>• MS Excel"): the lower-case
// word or two opening the next row are that item's rest, not a word of
// the item before them on the line.
func joinWrappedFirstCells(lines []line) []line {
	out := append([]line(nil), lines...)
	for i := 1; i < len(out); i++ {
		prev, cur := splitCells(out[i-1].text), splitCells(out[i].text)
		if len(prev) < 2 || len(cur) < 2 || len(cur) > len(prev) || out[i].gapBefore || out[i].heading ||
			len(strings.Fields(prev[0])) < 2 || !wrappedCellRest(cur[0]) || allLevels(strings.Join(cur[1:], "\t")) {
			continue
		}
		prev[0] += " " + cur[0]
		out[i-1].text = strings.Join(prev, "\t")
		out[i].text = strings.Join(cur[1:], "\t")
	}
	return out
}

// wrappedCellRest: one or two words of lower-case letters.
func wrappedCellRest(c string) bool {
	ws := strings.Fields(c)
	if len(ws) == 0 || len(ws) > 2 {
		return false
	}
	for _, w := range ws {
		if strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLower(r) && r != '-' }) >= 0 {
			return false
		}
	}
	return true
}
