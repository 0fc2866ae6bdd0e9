package cvparse

import "strings"

// countryAfterDash says whether next, the contact part after a place, is
// a country set after it with a dash in the line t ("Douala – Cameroun"),
// and returns that dash with its spaces: the country is part of the
// location as written, not an item of its own.
func countryAfterDash(t, place, next string) (string, bool) {
	next = strings.TrimSpace(next)
	if next == "" || strings.ContainsAny(next, "0123456789") || placeOf(next)&placeCountry == 0 {
		return "", false
	}
	for _, dash := range []string{" – ", " — ", " - "} {
		if strings.Contains(t, strings.TrimSpace(place)+dash+next) {
			return dash, true
		}
	}
	return "", false
}
