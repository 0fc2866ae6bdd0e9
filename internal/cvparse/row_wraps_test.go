package cvparse

import (
	"slices"
	"testing"
)

// A labelled row's list that ran out of its cell mid-item, with no comma
// at the line's end, goes on in the value column: the item cut there is
// one skill.
func TestWrappedRowValue(t *testing.T) {
	c := Parse(tableDoc("Jana Novak", "jana.novak@example.com", "PERSONAL SKILLS",
		"Computer skills\tAutoCAD, Revit Structure, MS", ">Project, MS Office",
		"Organisational skills\tLed a site team of four engineers"))
	got := allSkills(c.Skills)
	for _, want := range []string{"MS Project", "MS Office", "Revit Structure"} {
		if !slices.Contains(got, want) {
			t.Errorf("skills %q: no %q", got, want)
		}
	}
}
