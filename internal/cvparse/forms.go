package cvparse

import "strings"

// entryBodyLabel says whether t is the label alone of an entry's body
// ("Tâches :", "Key responsibilities:") inside a section of entries: on a
// label/value form it heads the lines under it, which belong to the entry
// above, and opens no section of its own.
func entryBodyLabel(k sectionKind, t string) bool {
	if k != secExperience && k != secVolunteer && k != secEducation {
		return false
	}
	t = strings.TrimSpace(t)
	label, ok := strings.CutSuffix(t, ":")
	if !ok {
		label, ok = strings.CutSuffix(t, "：")
	}
	return ok && !strings.ContainsAny(label, ":：") && bodyLabelled(t)
}
