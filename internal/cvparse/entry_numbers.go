package cvparse

import (
	"regexp"
	"strings"
)

// reEntryNumber is a list number opening an entry's header line ("1.
// Al-Futtaim Motors, Dubai", "2) Banque Atlantique, Abidjan"): the
// author's count of the entries, before a capitalised name.
var reEntryNumber = regexp.MustCompile(`^\d{1,2}[.)]\s+\p{Lu}`)

// dropEntryNumber takes a list number off the front of a header line,
// unless the number is the day of the line's first date ("1. März 2019").
func dropEntryNumber(t string) string {
	if !reEntryNumber.MatchString(t) {
		return t
	}
	if d, ok := findDateRange(t); ok && d.at == 0 {
		return t
	}
	_, rest, _ := strings.Cut(t, " ")
	return strings.TrimSpace(rest)
}
