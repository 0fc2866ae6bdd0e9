package cvparse

import "strings"

// placeFieldLabels label the wider parts of a place that a form writes
// after the town, each in its own field ("City: Iași | Country: Romania",
// the Europass form since 2020; "Ville : Lyon | Pays : France").
var placeFieldLabels = phraseSet(`country pays state province region county etat departement`)

// joinPlaceFields reads "Iași | Country: Romania" (the town's own label
// already taken off) as "Iași, Romania": every field after the first is
// a labelled part of the place. Anything else is returned as it is.
func joinPlaceFields(v string) string {
	segs := strings.Split(v, "|")
	if len(segs) < 2 {
		return v
	}
	out := []string{strings.TrimSpace(segs[0])}
	for _, s := range segs[1:] {
		label, value, ok := strings.Cut(s, ":")
		value = strings.TrimSpace(value)
		if !ok || value == "" || !placeFieldLabels[fold(label)] {
			return v
		}
		out = append(out, value)
	}
	if out[0] == "" {
		return v
	}
	return strings.Join(out, ", ")
}
