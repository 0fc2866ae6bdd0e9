package cvparse

import (
	"regexp"
	"slices"
	"strings"
)

// reDetailSep sets apart the fields of a row of personal details, in
// cells or after middle dots ("Citizenship: Filipino<tab>Religion: …").
var reDetailSep = regexp.MustCompile(`\s+·\s+|\t`)

// languageField finds, among a row's fields each with its own label, the
// one that lists spoken languages ("Citizenship: Filipino · Languages:
// English, Filipino"): its value, and the other fields rejoined. Cut at
// the row's first colon, the label would be the first field's.
func languageField(t string) (value, others string, ok bool) {
	fs := reDetailSep.Split(strings.TrimSpace(t), -1)
	if len(fs) < 2 {
		return "", "", false
	}
	for i, f := range fs {
		label, v, found := strings.Cut(f, ":")
		if found && languageLabels[fold(label)] && spokenShare(splitSkills(v)) >= 0.5 {
			rest := slices.Concat(fs[:i], fs[i+1:])
			return strings.TrimSpace(v), strings.Join(rest, " · "), true
		}
	}
	return "", "", false
}
