package cvparse

import "strings"

// townBeforeCountry cuts "Name, Town" before a place in brackets when the
// town is one the bracket places ("KALRO, Njoro (Kenya)", "Ferme du
// Moulin, Saint-Rémi (Canada)"): a town the gazetteer does not know, set
// after the last comma and shaped as a town's name, with its country or
// region in brackets the way Europass writes a place. It returns what
// comes before the town, cut as any header text, and the town with its
// bracket. Without a comma ("Deloitte (UK)") the name may be the
// employer's.
func townBeforeCountry(before, bracket string) (head []string, place string, ok bool) {
	i := strings.LastIndex(before, ", ")
	if i <= 0 || !higherPlace(bracket) {
		return nil, "", false
	}
	town := strings.TrimSpace(before[i+2:])
	if !townShaped(town) {
		return nil, "", false
	}
	return commaSplit(strings.TrimSpace(before[:i])), town + " (" + bracket + ")", true
}
