package cvparse

import (
	"slices"
	"strings"
)

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

// districtSep: the place part l is set after a comma, or after a dash
// when the part before it follows a comma ("Orange, Marcory – Abidjan"):
// a dash between a district and its town, the employer's comma before
// them. A dash straight after the employer ("Radio Sud – Canal Soleil,
// Nîmes") sets apart its brand or site instead.
// There the district is one word or a place the gazetteer knows: a
// unit of the employer is also set between its comma and the dash
// ("Société Générale, Inspection Générale — La Défense").
func districtSep(parts []part, l int) bool {
	if parts[l].afterComma {
		return true
	}
	if l == 0 || !dashSep(parts[l].sep) {
		return false
	}
	prev := parts[l-1].text
	if !parts[l-1].afterComma {
		i := lastCommaOutsideBrackets(prev)
		if i < 0 {
			return false
		}
		prev = strings.TrimSpace(prev[i+2:])
	}
	return len(strings.Fields(prev)) == 1 || placeOf(prev) != 0
}

// placeSep is what joins a district to the town after it: the dash as
// written, else a comma.
func placeSep(p part) string {
	if dashSep(p.sep) {
		return " " + strings.TrimSpace(p.sep) + " "
	}
	return ", "
}

// districtAfterDash reads "Employer — Point Lisas, Trinidad" as the
// employer then its place, a district and its town, when the section's
// other entries set their place straight after the employer's dash
// ("PwC — Port of Spain, Trinidad"): one author writes the entries
// alike. Elsewhere a name there may be the employer's site or brand
// ("Radio Sud – Canal Soleil, Nîmes").
func (l sectionLayout) districtAfterDash(parts []part, picked []int) []int {
	c, p := picked[2], picked[0]
	if !l.placeAfterDash || c < 0 || p != c+2 || slices.Contains(picked, c+1) {
		return picked
	}
	d := parts[c+1]
	if d.line != parts[c].line || parts[p].line != d.line || !dashSep(d.sep) || !parts[p].afterComma || d.role != "" || !townShaped(d.text) {
		return picked
	}
	parts[p].text = d.text + ", " + parts[p].text
	return append(picked, c+1)
}
