package cvparse

import (
	"slices"
	"strings"
	"unicode"
)

// unitBeforeEmployer joins to the title the part set right after it on
// its line by a comma or a dash when the employer's name follows that part
// on the same line ("Aide-soignante, service de médecine interne – CHU de
// Lille, Lille", "National Service Personnel, Logistics, Ghana Ports
// Authority, Takoradi"): a phrase opening in lower case, as no employer's
// name does, or a single word naming a line of work is the title's
// unit. The employer is then the part after it. It returns the picks and
// the joined part's index (-1 when none) for the caller to count as used.
func unitBeforeEmployer(parts []part, picked []int, title, company int) ([]int, int) {
	ti := picked[title]
	if ti < 0 || ti+2 >= len(parts) {
		return picked, -1
	}
	u, e := ti+1, ti+2
	p, n := parts[u], parts[e]
	// A ward after the title's dash ("Infirmier – Service des urgences,
	// Hôpital …") is its unit; after a comma it opens the employer's name
	// ("Comptable, Service de la paie, Ministère …").
	ward := dashSep(p.sep) && wardLed(strings.Fields(p.text))
	if p.line != parts[ti].line || n.line != p.line || !p.afterComma && !dashSep(p.sep) || p.role != "" || !teamShaped(p.text) && !ward ||
		isLocation(p.text) || hasDate(p.text) {
		return picked, -1
	}
	c := picked[company]
	switch {
	case c == u, c < 0:
		if slices.Contains(picked, e) || n.role != "" || isLocation(n.text) || hasDate(n.text) || !capitalisedName(n.text) && orgScore(n.text) == 0 {
			return picked, -1
		}
		picked[company] = e
	case c != e || slices.Contains(picked, u):
		return picked, -1
	}
	joinUnit(parts, ti, p)
	return picked, u
}

// teamShaped: a phrase of two words or more opening with a noun in lower
// case ("service de médecine interne", "service comptabilité
// fournisseurs"), or one word that names a team or a line of work
// ("Logistics", "Procurement"), or a department's phrase (deptPhrase).
func teamShaped(t string) bool {
	ws := strings.Fields(t)
	if len(ws) == 0 {
		return false
	}
	if deptPhrase(t) {
		return true
	}
	first := []rune(ws[0])
	if len(ws) == 1 {
		w := strings.ToLower(ws[0])
		return unicode.IsUpper(first[0]) && (unitWords[w] || teamWords[w])
	}
	return unicode.IsLower(first[0]) && !functionWords[ws[0]] && countIn(ws[0], unitWords)+countIn(ws[0], teamWords) > 0
}

// wardLed: a hospital's ward named by what it does, capitalised as it is:
// a ward's word, then a function word ("Service des urgences"). (A
// "Bureau de …" or "Department of …" before its parent may be the
// employer's own name, kept whole with it.)
func wardLed(ws []string) bool {
	return len(ws) > 2 && countIn(ws[0], wardWords) > 0 && (functionWords[strings.ToLower(ws[1])] || reElided.MatchString(ws[1]))
}

// wardWords open the name of a hospital's ward or unit.
var wardWords = wordSet(`service unité unit ward`)

// teamWords name lines of work a team is named after, beyond unitWords.
var teamWords = wordSet(`logistics procurement purchasing accounts accounting administration admin maintenance production
	quality warehousing transport security compliance treasury payroll logistique comptabilité achats qualité`)

// deptPhrase: two or three capitalised words closed by a word
// departments are named with ("Language Services", "Corporate Affairs",
// "Human Resources"): set after the title, with the employer named
// elsewhere in the header, it is the title's unit, though "Services"
// counts as an organisation's word. A word of an organisation or a legal
// form before it makes it a firm's name ("Apex Bank Services").
func deptPhrase(t string) bool {
	ws := strings.Fields(t)
	if len(ws) < 2 || len(ws) > 3 || !deptEnds[strings.ToLower(ws[len(ws)-1])] {
		return false
	}
	for _, w := range ws {
		if !unicode.IsUpper([]rune(w)[0]) {
			return false
		}
	}
	head := strings.Join(ws[:len(ws)-1], " ")
	return orgScore(head) == 0 && countIn(head, legalForms) == 0
}

// deptEnds name departments by the work they do for others.
var deptEnds = wordSet(`services affairs relations resources`)
