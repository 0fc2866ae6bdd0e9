package cvparse

import "strings"

// dateColumnX is where a section's date column stands: the x at which two
// rows or more open with a cell holding only their dates, text beside it
// ("Sep 2020 – present<tab>Head Chef"). 0 when the section has none.
func dateColumnX(lines []line) float64 {
	count := map[float64]int{}
	for _, l := range lines {
		cell, rest, ok := strings.Cut(l.text, "\t")
		if ok && l.x > 0 && strings.TrimSpace(rest) != "" && onlyDates(strings.TrimSpace(cell)) {
			count[l.x]++
		}
	}
	best, bestN := 0.0, 1
	for x, n := range count {
		if n > bestN || n == bestN && x < best {
			best, bestN = x, n
		}
	}
	return best
}

// textColumnDate says whether a unit is a line of the text column beside
// a date column at dateX that carries a date of its own ("Restaurant
// listed in the city guide" / "2023", "Ran the Diwali menus, 2018–2020"):
// set further in than a body indent from the date column, with no cell of
// its own. Entries there open on the date column's rows, so its dates are
// things the entry tells, not a new entry's.
func textColumnDate(u unit, dateX float64) bool {
	return dateX > 0 && u.dated && !u.bullet && u.x > dateX+bodyIndentMax && !strings.Contains(u.text, "\t")
}
