package cvparse

import (
	"strings"

	"github.com/utopiahire/utopiahire/internal/cv"
)

// itemLabels map the labels of a form's certificate or training blocks
// ("Training Title : …" / "Institute : …" / "Year : …") to the item's
// field they fill.
var itemLabels = map[string]string{
	"training title": "title", "training": "title", "course title": "title", "course": "title", "course name": "title",
	"name of course": "title", "certificate": "title", "certification": "title", "title": "title", "topic": "title",
	"intitule": "title", "formation": "title",
	"institute": "org", "institution": "org", "organised by": "org", "organized by": "org", "conducted by": "org",
	"organisation": "org", "organization": "org", "provider": "org", "issued by": "org", "issuer": "org",
	"organisme": "org", "etablissement": "org",
	"year": "date", "date": "date", "duration": "date", "annee": "date", "periode": "date",
}

// formItems reads a list section written as a form's blocks, one block a
// certificate: each title row opens an item, the rows under it give its
// issuer (the description) and its date. ok is false unless every line is
// such a row and a title opens the first block.
func formItems(units []unit) ([]cv.Item, bool) {
	var out []cv.Item
	for _, u := range units {
		label, value, ok := tabLabelRow(u.text)
		if !ok {
			label, value, ok = strings.Cut(u.text, ":")
		}
		label = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(label), ":："))
		value = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(value), ":："))
		field := itemLabels[fold(label)]
		if !ok || field == "" || value == "" || len(out) == 0 && field != "title" {
			return nil, false
		}
		if field == "title" {
			out = append(out, cv.Item{Title: value})
			continue
		}
		it := &out[len(out)-1]
		switch {
		case field == "org" && it.Description == "":
			it.Description = value
		case field == "date" && it.Date == "":
			if dr, found := findDateRange(value); found {
				it.Date = joinDates(dr.start, dr.end)
			}
		default:
			return nil, false
		}
	}
	return out, len(out) > 0
}
