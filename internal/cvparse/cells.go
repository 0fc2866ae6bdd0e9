package cvparse

import "strings"

// joinWrappedDateCells mends a date range wrapped in a table's narrow date
// column when both rows have text beside it ("Févr. 2017 – Juil.<tab>
// Stagiaire ingénieur" / "2017<tab>Projet de fin d'études"): the second
// row's date part ends the first row's range, and what stands beside it
// stays a line of its own.
func joinWrappedDateCells(lines []line) []line {
	out := make([]line, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		cell, rest, ok := strings.Cut(l.text, "\t")
		if ok && i+1 < len(lines) && reOpenRange.MatchString(strings.TrimSpace(cell)) {
			next := lines[i+1]
			nc, nrest, nok := strings.Cut(next.text, "\t")
			if nok && reDatePart.FindString(strings.TrimSpace(nc)) == strings.TrimSpace(nc) && next.page == l.page {
				l.text = strings.TrimSpace(cell) + " " + strings.TrimSpace(nc) + "\t" + rest
				next.text = strings.TrimSpace(nrest)
				next.x = 0
				out = append(out, l, next)
				i++
				continue
			}
		}
		out = append(out, l)
	}
	return out
}
