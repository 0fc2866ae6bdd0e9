package cvparse

import (
	"slices"
	"strings"
)

// parentBeforeComma joins to the employer the name set between it and
// the title's dash, a comma before the employer: "Traductrice — Bureau de
// la traduction, Services publics Canada, Gatineau", "Assistante sociale
// – CHU de Nantes, Hôpital Nord (Nantes)". One organisation and its unit,
// or its site, written as one employer with a comma in it: neither part
// alone is where the job was. The name is capitalised or opens with a
// unit's word (only that after a comma: "Réviseure, Bureau de la
// traduction, Services publics Canada"), and names no place, job or
// date.
func parentBeforeComma(parts []part, picked []int, title, company int) []int {
	ti, c := picked[title], picked[company]
	if ti < 0 || c != ti+2 || slices.Contains(picked, c-1) {
		return picked
	}
	p, e := parts[c-1], parts[c]
	if p.line != parts[ti].line || e.line != p.line || !dashSep(p.sep) && !p.afterComma || !e.afterComma || p.role != "" || e.role != "" {
		return picked
	}
	ws := strings.Fields(p.text)
	unit := len(ws) > 1 && unitWords[strings.ToLower(ws[0])] && unitName(p.text)
	// After a comma, only a unit's name: "Analyst, Payments Team,
	// Monzo" keeps its team with the title.
	if !unit && (p.afterComma || !capitalisedName(p.text)) || isLocation(p.text) || townShaped(p.text) || hasDate(p.text) || titleScore(p.text) > 0 {
		return picked
	}
	parts[c].text = p.text + ", " + e.text
	return append(picked, c-1)
}
