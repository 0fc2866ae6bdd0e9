package cvparse

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// formRowNumber opens a form's row: the row's number ("3.<tab>Surname",
// "10) Mobile number") that application forms print before each label.
const formRowNumber = `^\s*(?:\d{1,2}\s*[.)]\s*)?`

// formValueSep parts a form's label from its value: a colon, a cell
// break, or both, and the cell's border a photographed table leaves as a
// bar ("Surname<tab>| MWANZA").
const formValueSep = `\s*(?:[:：]\s*|\t+)(?:[|:：]\s*)?`

// surnameFirstLabel is a name row's label that asks for the family name
// first in one field ("Nom, prénom", "Nom et prénom(s)", "Surname and
// other names"). A Europass "Nom(s) / Prénom(s)" row is not among them:
// its value is written as the document shows it.
const surnameFirstLabel = `noms?\s*(?:,|et|&)\s*pr[ée]noms?(?:\s*\(s\))?|` +
	`(?:surname|family\s+name|last\s+name)\s*(?:,|and|&)\s*(?:first|given|other)\s+names?(?:\s*\(s\))?`

// givenNamesFirst writes a name a form gave family name first with the
// given names first, as the name is read everywhere else: "NDAYISHIMIYE
// Aline" and "Baumgartner Chloé" give "Aline NDAYISHIMIYE" and "Chloé
// Baumgartner". The family name is the run of capitals that opens the
// value when there is one, what stands before a comma, or else the first
// word with the particles before it ("van der Berg Anna"). A value that
// ends with its capitals is already given names first.
func givenNamesFirst(v string) string {
	if fam, given, ok := strings.Cut(v, ","); ok && strings.TrimSpace(given) != "" {
		return strings.TrimSpace(given) + " " + strings.TrimSpace(fam)
	}
	ws := strings.Fields(v)
	if len(ws) < 2 {
		return v
	}
	caps := 0
	for caps < len(ws) && capitalsWord(ws[caps]) {
		caps++
	}
	switch {
	case caps == len(ws):
		caps = 1
	case caps == 0 && capitalsWord(ws[len(ws)-1]):
		return v
	case caps == 0:
		for caps < len(ws)-1 && particles[strings.ToLower(ws[caps])] {
			caps++
		}
		caps++
	}
	if caps >= len(ws) {
		return v
	}
	return strings.Join(ws[caps:], " ") + " " + strings.Join(ws[:caps], " ")
}

// capitalsWord: a word of two letters or more, all capitals.
func capitalsWord(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsLetter(r):
			n++
		}
	}
	return n >= 2
}

// sharesNameWord says whether two names have a word in common, accents
// and case aside: "KAMAU Grace" and "Grace Wanjiru KAMAU" do, a board's
// name over an application form and the applicant's name do not.
func sharesNameWord(a, b string) bool {
	ws := strings.Fields(fold(b))
	for _, w := range strings.Fields(fold(a)) {
		if slices.Contains(ws, w) {
			return true
		}
	}
	return false
}

// reNumberedRow is a form's row number in a cell of its own before the
// label and its value ("10.<tab>Mobile number<tab>0722 615 904").
var reNumberedRow = regexp.MustCompile(`^\s*\d{1,2}\s*[.)]\t+([^\t]+\t)`)

// dropRowNumbers takes the row numbers off a numbered form's rows: the
// label and value are read as in any form, the number is neither.
func dropRowNumbers(ts []string) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = reNumberedRow.ReplaceAllString(t, "$1")
	}
	return out
}

// namesPerson says whether p is the person's name found already, in any
// case and with post-nominals after it ("Thandiwe Mokoena CA(SA)").
func namesPerson(p, name string) bool {
	if name == "" {
		return false
	}
	bare := strings.TrimSpace(rePostNominals.ReplaceAllString(p, ""))
	return fold(bare) == fold(name) || fold(p) == fold(name)
}
