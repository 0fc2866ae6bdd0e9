package cvparse

import "strings"

// datesCellFirst says whether a line opens with a cell of dates alone
// before a tab ("2016–2018<tab>Master of Science", a form's dates column
// right-aligned against its values). Its x is where the dates start, which
// moves with their length, not where its text does: the lines under its
// value, aligned with the value, are no body set in from it.
func datesCellFirst(t string) bool {
	first, rest, ok := strings.Cut(t, "\t")
	return ok && strings.TrimSpace(rest) != "" && onlyDates(first)
}
