package cvparse

import (
	"regexp"
	"strings"
)

// reFrameworkLevel is a European qualifications framework level written
// at the end of a degree's line, bare, in brackets or in a cell of its
// own ("EQF level 6", "(niveau 7 du CEC)", "Niveau CEC 5"): Europass
// prints it beside every degree to rank it; it names neither the degree
// nor the school.
var reFrameworkLevel = regexp.MustCompile(`(?i)\s*[(\[]?((?:\bEQF|\bCEC)[\s-]*(?:level|niveau)\s*\d|` +
	`\b(?:level|niveau)\s*\d\s+(?:(?:du|dans le|of the)\s+)?(?:EQF|CEC)\b)[)\]]?\s*$`)

// cutFrameworkLevel cuts such a level off the end of t: the line without
// it, and the level.
func cutFrameworkLevel(t string) (rest, level string, ok bool) {
	m := reFrameworkLevel.FindStringSubmatchIndex(t)
	if m == nil {
		return t, "", false
	}
	rest = strings.TrimSpace(t[:m[0]])
	if rest == "" {
		return t, "", false
	}
	return rest, t[m[2]:m[3]], true
}
