package cvparse

import "regexp"

// reBranchOffice opens the name of an employer's branch or field office
// ("Agence Analakely", "agence de Rennes", "Branch Ikeja", "Succursale de
// Kara"): where the job was, not the employer's name.
var reBranchOffice = regexp.MustCompile(`(?i)^(?:agence|succursale|branch|sub-office|field office)\b`)

// siteAfterEmployer places the part after the employer's dash (c+1): a
// branch office goes before the place (the job's location, "Agence
// Analakely, Antananarivo"); any other site or brand is the employer's
// ("Lakeside Mining plc – Kivu Gold Mine").
func siteAfterEmployer(parts []part, picked []int, c int, placeAfter bool) []int {
	p := parts[c+1]
	if !reBranchOffice.MatchString(p.text) {
		parts[c].text += p.sep + p.text
		return append(picked, c+1)
	}
	if l := picked[0]; placeAfter {
		parts[l].text = p.text + ", " + parts[l].text
		return append(picked, c+1)
	}
	picked[0] = c + 1
	return picked
}
