package cvparse

import "slices"

// expRoles gives an experience header's parts their roles by what they
// say: the location, the title and the company (indexes 0, 1, 2 of
// picked, -1 for none); fellBack says which roles no word decided.
func expRoles(parts []part) (picked []int, fellBack []bool) {
	return assign(parts, []role{
		{name: "location", late: true, pick: func(p part) int {
			// After a comma, the shapes only a header's comma makes a
			// place ("Akure, Ondo State", "Kinshasa/Lemba") count too.
			place := isLocation(p.text) || p.afterComma && headerPlace(p.text)
			return roleBonus(p, "location") + boolScore(place && p.role == "")*5
		}},
		{name: "title", pick: func(p part) int {
			// "Department of … Engineering": a unit's field is no job.
			job := titleScore(p.text) * boolScore(!unitOfField(p.text))
			return roleBonus(p, "title") + (job*3-orgScore(p.text)*2-selfEmployed(p.text)*4)*boolScore(p.role == "")
		}},
		{name: "company", pick: func(p part) int {
			org := orgScore(p.text) * boolScore(!unitLed(p.text) && !sizePhrase(p.text))
			return roleBonus(p, "org") + (org*3-titleScore(p.text)+selfEmployed(p.text)*4)*boolScore(p.role == "")
		}},
	})
}

// slot is where a part sits in an entry's header: its line, and its
// place on that line counted from the line's end (the dates taken out).
type slot struct{ line, fromEnd int }

func slotOf(parts []part, i int) slot {
	n := 0
	for k := i + 1; k < len(parts) && parts[k].line == parts[i].line; k++ {
		n++
	}
	return slot{parts[i].line, n}
}

// sectionLayout is where the entries of one section put their title and
// their place, when most entries whose words decide it agree (two at
// least): one author writes the entries of a section the same way.
type sectionLayout struct {
	title, place       slot
	hasTitle, hasPlace bool
	// placeAfterDash: two entries or more set their place straight
	// after the employer's dash ("PwC — Port of Spain, Trinidad").
	placeAfterDash bool
}

// sectionLayoutOf reads the layout of a section's entries.
func sectionLayoutOf(entries []entry) sectionLayout {
	var l sectionLayout
	var titles, places []slot
	dashPlaces := 0
	for _, e := range entries {
		parts, _, _ := headParts(e.head)
		picked, fellBack := expRoles(parts)
		if c, p := picked[2], picked[0]; c >= 0 && p == c+1 && parts[p].line == parts[c].line && dashSep(parts[p].sep) {
			dashPlaces++
		}
		if picked[1] >= 0 && !fellBack[1] {
			titles = append(titles, slotOf(parts, picked[1]))
		}
		if picked[0] >= 0 {
			places = append(places, slotOf(parts, picked[0]))
		}
	}
	l.title, l.hasTitle = agreed(titles)
	l.place, l.hasPlace = agreed(places)
	l.placeAfterDash = dashPlaces >= 2
	return l
}

// agreed is the slot most of ss share, when there are two or more of
// them and they outnumber the rest: an author who sets one entry apart
// still writes most of them alike.
func agreed(ss []slot) (slot, bool) {
	count := map[slot]int{}
	for _, s := range ss {
		count[s]++
	}
	for s, n := range count {
		if n >= 2 && 2*n > len(ss) {
			return s, true
		}
	}
	return slot{}, false
}

// at is the part in slot s, -1 when none.
func at(parts []part, s slot) int {
	for i, p := range parts {
		if p.line == s.line && slotOf(parts, i) == s {
			return i
		}
	}
	return -1
}

// apply reads an entry by its section's layout where its words decide
// nothing: when no word names the job or the employer ("Imprimerie
// du Lac (Kribi) – Maquettiste PAO" among "Agence Y (Douala) –
// Directrice artistique" entries), the title is the part in the section's
// title slot and the company the first other part; a short name in the
// section's place slot, where no part names a place ("Northwind Contact ·
// Kelham BPO Park" among "Contoso Care · Bradford" entries), is the place.
func (l sectionLayout) apply(parts []part, picked []int, fellBack []bool) []int {
	loc, title, company := 0, 1, 2
	if i := at(parts, l.title); l.hasTitle && fellBack[title] && fellBack[company] && i >= 0 && i != picked[loc] && i != picked[title] {
		picked[title], picked[company] = i, -1
		for k := range parts {
			if k != i && k != picked[loc] {
				picked[company] = k
				break
			}
		}
	}
	if i := at(parts, l.place); l.hasPlace && picked[loc] < 0 && i >= 0 && !slices.Contains(picked, i) && placeShaped(parts[i]) {
		picked[loc] = i
	}
	return picked
}

// placeShaped: a short capitalised name that names no job, organisation,
// school or date ("Kelham BPO Park", "Leeds CBD").
func placeShaped(p part) bool {
	t := p.text
	return p.role == "" && capitalisedWords(t, 4) && titleScore(t)+orgScore(t)+institutionScore(t)+degreeScore(t) == 0 && !hasDate(t)
}
