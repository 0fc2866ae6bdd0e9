package cvparse

import (
	"regexp"
	"strings"
)

// reAnyLabel is a short label of words and its colon before a value
// ("Cellulaire : …", "Handy: …", "Celular: …"): contact labels come in
// more languages and wordings than any list holds.
var reAnyLabel = regexp.MustCompile(`^(\p{L}[\p{L}'’.\- ]{0,24}?)\s*[:：]\s*(.+)$`)

// reFaxLabel opens a fax number: a number, but no phone to call.
var reFaxLabel = regexp.MustCompile(`(?i)^\s*(?:tele)?fax\b|^\s*t[ée]l[ée]copi`)

// faxNumber says whether a contact part is a labelled fax number.
func faxNumber(p string) bool {
	return reFaxLabel.MatchString(p) && rePhone.MatchString(p)
}

// labelledPhone reads a phone number after a label no list names: what
// follows the label's colon is a phone number, and only that (a fax
// number aside).
func labelledPhone(p string) (string, bool) {
	m := reAnyLabel.FindStringSubmatch(p)
	if m == nil || reFaxLabel.MatchString(m[1]) || len(strings.Fields(m[1])) > 3 {
		return "", false
	}
	v := strings.TrimSpace(m[2])
	if !isPhone(v) {
		return "", false
	}
	return v, true
}
