package cvparse

import "strings"

// headerPlace: a place as an entry's header line writes it after the
// employer's or school's comma, in the shapes isLocation leaves out for
// want of the wider context ("London, United" is a wrapped country in a
// contact block, "Java/Scala" a skill): there the comma or the header
// says a place may follow.
func headerPlace(s string) bool {
	return isLocation(s) || cityThenArea(strings.Split(s, ",")) || slashPlaces(s)
}

// cityThenArea: "Castleford, West Yorkshire", "Akure, Ondo State",
// "Marcory, Abidjan Sud": a town the gazetteer knows, then, after its
// comma, a county, state or district too small or too local for it,
// shaped as a place's name. The known town is what makes the pair a
// place: an unknown name before it ("Careem, Dubai") is the employer.
func cityThenArea(parts []string) bool {
	if len(parts) != 2 {
		return false
	}
	first, area := strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
	return placeOf(first)&placeCity != 0 && townShaped(first) && townShaped(area)
}

// slashPlaces: "Kinshasa/Lemba", "Louxor / Assouan": towns, or a town
// and its district, set apart by slashes, at least one a known place and
// the others shaped as places' names (no job, organisation or school
// word).
func slashPlaces(s string) bool {
	ps := strings.Split(s, "/")
	if len(ps) < 2 {
		return false
	}
	known := false
	for _, p := range ps {
		p = strings.TrimSpace(p)
		switch {
		case placeOf(p)&(placeCity|placeRegion|placeCountry) != 0:
			known = true
		case !townShaped(p):
			return false
		}
	}
	return known
}
