package cvparse

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/utopiahire/utopiahire/internal/cv"
)

// A figure after a label: a label naming the skill keeps the skill, the
// figure its level ("Sténographie : 90 mots/min"); a label naming the
// measure ("Typing speed") keeps the line whole, as before.
func TestMeasuredSkills(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{"Sténographie : 90 mots/min", "Sténographie (90 mots/min)"},
		{"Data entry: 12000 keystrokes", "Data entry (12000 keystrokes)"},
		{"Typing speed: 55 wpm", "Typing speed: 55 wpm"},
		{"Vitesse de frappe : 50 mots/min", "Vitesse de frappe : 50 mots/min"},
	} {
		var s cv.Skills
		parseSkills([]line{{text: "Excel, Word"}, {text: c.line}}, &s)
		want := []string{"Excel", "Word", c.want}
		slices.Sort(want)
		if diff := cmp.Diff(want, allSkills(s)); diff != "" {
			t.Errorf("%q (-want +got):\n%s", c.line, diff)
		}
	}
}

// A part ending on "skills" names its skill whole: the comma after it
// parts two items of a one-a-line list, though a later part is worded as
// a phrase ("eager to learn"). A phrase whose commas are its own stays.
func TestNamedSkillBeforePhrase(t *testing.T) {
	lines := func(last string) []line {
		return []line{{text: "Revit, Navisworks"}, {text: "Site supervision"}, {text: "Quantity take-off"}, {text: last}}
	}
	for _, c := range []struct {
		last string
		want []string
	}{
		{"Strong negotiation skills, punctual and eager to learn", []string{"Strong negotiation skills", "punctual and eager to learn"}},
		{"Stock control, ordering from suppliers", []string{"Stock control, ordering from suppliers"}},
	} {
		var s cv.Skills
		parseSkills(lines(c.last), &s)
		want := append([]string{"Navisworks", "Quantity take-off", "Revit", "Site supervision"}, c.want...)
		slices.Sort(want)
		if diff := cmp.Diff(want, allSkills(s)); diff != "" {
			t.Errorf("%q (-want +got):\n%s", c.last, diff)
		}
	}
}
