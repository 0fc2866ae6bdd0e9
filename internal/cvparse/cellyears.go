package cvparse

import "strings"

// yearNoteUnderCellDates: u closes on its one date alone in brackets
// ("Best graduating student, Department of Physics (2016)", "Merit
// Award (2019)") under an entry whose header sets its dates apart in a
// cell of their own ("BSc Physics<tab>2012 – 2016"): a layout that dates
// its entries so dates this line's honour, a note of the entry above, no
// entry of its own.
func yearNoteUnderCellDates(u unit, prev entry) bool {
	t := strings.TrimSpace(u.text)
	if !u.dated || strings.Contains(t, "\t") || !datesInCell(prev) {
		return false
	}
	dr, ok := findDateRange(t)
	if !ok || dr.end != "" || strings.TrimSpace(t[dr.until:]) != ")" {
		return false
	}
	pre := strings.TrimSpace(t[:dr.at])
	return strings.HasSuffix(pre, "(") && len(strings.Fields(strings.TrimSuffix(pre, "("))) >= 2
}

// datesInCell: a line of e's header ends on its dates set apart after a
// tab ("Lakeside College<tab>2009 – 2012").
func datesInCell(e entry) bool {
	for _, h := range e.head {
		if i := strings.LastIndex(h.text, "\t"); i > 0 && onlyDates(h.text[i+1:]) {
			return true
		}
	}
	return false
}
