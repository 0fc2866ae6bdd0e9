package cvparse

import "strings"

// gridHeads are the column headings of a school certificate's results
// table ("Subject | Grade | Subject | Grade").
var gridHeads = wordSet(`subject subjects grade grades result results mark marks`)

// subjectGradeGrid reads a table of subjects and their grades under the
// qualification they were passed in (CSEC, WASSCE and GCE results set
// out as a grid): no entries of their own, each row is a note of the
// entry above ("English A (I), Social Studies (I)"), and the heading row
// is dropped. ok is false when lines[i] heads no such table.
func subjectGradeGrid(lines []line, i int) ([]line, bool) {
	if !gridHeadRow(lines[i].text) {
		return nil, false
	}
	out := append([]line{}, lines[:i]...)
	j := i + 1
	for ; j < len(lines) && strings.Contains(lines[j].text, "\t"); j++ {
		cells := strings.Split(lines[j].text, "\t")
		var pairs []string
		for k := 0; k+1 < len(cells); k += 2 {
			if subj, grade := strings.TrimSpace(cells[k]), strings.TrimSpace(cells[k+1]); subj != "" {
				pairs = append(pairs, subj+" ("+grade+")")
			}
		}
		if len(pairs) == 0 {
			continue
		}
		l := lines[j]
		l.text, l.bullet = strings.Join(pairs, ", "), true
		out = append(out, l)
	}
	return append(out, lines[j:]...), true
}

// gridHeadRow: t is a row of column headings naming subjects and grades
// only, in pairs.
func gridHeadRow(t string) bool {
	cells := strings.Split(t, "\t")
	if len(cells) < 2 || len(cells)%2 != 0 {
		return false
	}
	for k, c := range cells {
		w := strings.ToLower(strings.TrimSpace(c))
		subject := w == "subject" || w == "subjects"
		if !gridHeads[w] || subject != (k%2 == 0) {
			return false
		}
	}
	return true
}
