package cvparse

import (
	"regexp"
	"strings"
)

// reSizeNote is a bracket closing an employer's name that says how big the
// employer is ("(transport, 85 salariés)", "(retail, 1,200 employees)",
// "(CA 12 M€)"): a description of the firm, not part of its name.
var reSizeNote = regexp.MustCompile(`(?i)\s*\(([^()]*\d[^()]*)\)\s*$`)

var reHeadcount = regexp.MustCompile(`(?i)\d[\d\s.,]*\+?\s*(?:salariés|salaries|employés|employes|employees|staff|personnes|people|collaborateurs|collaboratrices|agents|workers|fte|etp|lits|beds)\b|` +
	`\b(?:chiffre d['’]affaires|turnover|revenue|effectif|headcount)\b`)

// cutSizeNote splits such a note from the company.
func cutSizeNote(company string) (name, note string, ok bool) {
	m := reSizeNote.FindStringSubmatchIndex(company)
	if m == nil || m[0] == 0 || !reHeadcount.MatchString(company[m[2]:m[3]]) {
		return company, "", false
	}
	return strings.TrimSpace(company[:m[0]]), company[m[0]:], true
}
