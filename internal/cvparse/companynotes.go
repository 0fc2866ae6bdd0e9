package cvparse

import (
	"regexp"
	"strings"
)

// reSizeNote is a bracket closing an employer's name that says how big the
// employer is ("(transport, 85 salariés)", "(retail, 1,200 employees)",
// "(CA 12 M€)"): a description of the firm, not part of its name.
var reSizeNote = regexp.MustCompile(`(?i)\s*\(([^()]*\d[^()]*)\)\s*$`)

var reHeadcount = regexp.MustCompile(`(?i)\d[\d\s.,]*\+?\s*(?:salariés|salaries|employés|employes|employees|staff|personnes|people|collaborateurs|collaboratrices|agents|workers|fte|etp|lits|beds|pupils|students|learners|élèves|eleves|étudiants|etudiants)\b|` +
	`\b(?:chiffre d['’]affaires|turnover|revenue|effectif|headcount)\b`)

// cutSizeNote splits such a note from the company.
func cutSizeNote(company string) (name, note string, ok bool) {
	m := reSizeNote.FindStringSubmatchIndex(company)
	if m == nil || m[0] == 0 || !reHeadcount.MatchString(company[m[2]:m[3]]) {
		return company, "", false
	}
	return strings.TrimSpace(company[:m[0]]), company[m[0]:], true
}

// genericOrgWord: a single word that names a kind of organisation or a
// line of business ("Technology", "Analytics", "Media"), with no name
// beside it: after a title's dash it is the team, not the employer.
func genericOrgWord(t string) bool {
	ws := strings.Fields(t)
	return len(ws) == 1 && orgSuffixes[strings.ToLower(ws[0])]
}

// reFormerName is a bracket giving the name a firm went by before or goes
// by now ("Jazz (formerly Mobilink)", "Capgemini Engineering (ex-Altran)",
// "(now part of Orange)"): part of the name as written, its small letters
// no sign of prose.
var reFormerName = regexp.MustCompile(`(?i)\s*\((?:formerly|previously|now|ex-|ex\s|anciennement|devenue?|aujourd['’]hui|désormais|part of|a subsidiary of|filiale d)[^()]*\)`)

// reSizePhrase opens with a number and goes on in small letters ("220-bed
// private hospital", "1,200 employees", "5-star resort"): a phrase on
// how big the employer is, set beside its name, not the name ("7-Eleven",
// "3M Company" go on in capitals).
var reSizePhrase = regexp.MustCompile(`^\d[\d,.]*(?:[-‑–]\p{L}+)?\s+\p{Ll}`)

func sizePhrase(s string) bool { return reSizePhrase.MatchString(strings.TrimSpace(s)) }
