package cvparse

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// entryBodyLabel says whether t is the label alone of an entry's body
// ("Tâches :", "Key responsibilities:") inside a section of entries: on a
// label/value form it heads the lines under it, which belong to the entry
// above, and opens no section of its own. A project's "Responsibilities:"
// under its "Client:", "Role:" and "Duration:" rows is its body too, no
// section of jobs.
func entryBodyLabel(k sectionKind, t string) bool {
	if k != secExperience && k != secVolunteer && k != secEducation && k != secProjects {
		return false
	}
	t = strings.TrimSpace(t)
	label, ok := strings.CutSuffix(t, ":")
	if !ok {
		label, ok = strings.CutSuffix(t, "：")
	}
	return ok && !strings.ContainsAny(label, ":：") && bodyLabelled(t)
}

// joinValueWraps reads the value column of a label/value form laid out in
// a PDF ("Établissement :<tab>Université …, Faculté de" / "Médecine,
// Dakar", set in under the value): a line set in well past the row's
// label, under a row whose label a tab parts from its value, goes on with
// that value. Under a body label ("Tâches :<tab>Dispensation …") each such
// line is an item of the body, as a bullet would be; a line that only
// wraps the one above (it opens in lower case, or closes a bracket left
// open) is joined to it.
func joinValueWraps(lines []line) []line {
	out := make([]line, 0, len(lines))
	row := -1 // index in out of the label/value row being continued
	for _, l := range lines {
		if row >= 0 && valueWrap(out[row], out[len(out)-1], l) {
			prev := &out[len(out)-1]
			if bodyLabelled(out[row].text) && !wrapsItem(prev.text, l.text) {
				l.bullet = true
				out = append(out, l)
			} else {
				prev.text = joinWrapped(prev.text, l.text)
			}
			continue
		}
		row = -1
		if _, _, ok := tabLabelRow(l.text); ok && l.x > 0 {
			row = len(out)
		}
		out = append(out, l)
	}
	return out
}

// tabLabelRow splits "Label :<tab>value", a form's row whose label a tab
// parts from its value.
func tabLabelRow(t string) (label, value string, ok bool) {
	label, value, ok = strings.Cut(t, "\t")
	if !ok || strings.Contains(value, "\t") || !strings.HasSuffix(strings.TrimSpace(label), ":") {
		return "", "", false
	}
	return labelShaped(t)
}

// valueWrap says whether l, after last, continues the value of the form's
// row: on the same page, tight under it, set in at least four text
// heights past the row's label, not itself a row, a bullet or a heading.
func valueWrap(row, last, l line) bool {
	if l.page != row.page || l.gapBefore || l.bullet || l.heading || strings.Contains(l.text, "\t") || l.size == 0 {
		return false
	}
	if _, known := headingKind(l.text); known {
		return false
	}
	// Later wraps stand where the first did.
	if last.y != row.y && math.Abs(l.x-last.x) > 2 {
		return false
	}
	return l.x-row.x >= 4*row.size
}

// wrapsItem says whether next only wraps the item prev began: it opens in
// lower case or closes a bracket prev left open.
func wrapsItem(prev, next string) bool {
	first, _ := utf8.DecodeRuneInString(strings.TrimSpace(next))
	return unicode.IsLower(first) || strings.Count(prev, "(") > strings.Count(prev, ")")
}

// facultyAfterComma: a part after a school and a comma that names a unit
// of it ("Faculté de Médecine", "School of Engineering") or the
// university it belongs to, never a place.
func facultyAfterComma(t string) bool {
	return !isLocation(t) && (reSchoolUnit.MatchString(t) || institutionScore(t) > 0 && degreeScore(t) == 0 && titleScore(t) == 0)
}
