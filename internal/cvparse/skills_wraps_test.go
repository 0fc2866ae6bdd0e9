package cvparse

import (
	"slices"
	"testing"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// A list set with middle dots in a narrow column, each line run to the
// column's edge, was cut by the typesetter inside its items ("Jira ·
// Microsoft" / "Project · Miro"): the items go on across the lines. Lines
// that stop short of the edge end their items.
func TestWrappedDottedList(t *testing.T) {
	doc := func(full bool) extract.Document {
		d := extract.Document{Pages: 1}
		for _, l := range []extract.Line{
			{Text: "Jane Roe"}, {Text: "jane@example.com"},
			{Text: "Experience", GapBefore: true}, {Text: "Planner, Acme Ltd\t2019 – 2022"},
			{Text: "Tools", GapBefore: true},
			{Text: "Jira · Microsoft", Full: full}, {Text: "Project · Miro · Power", Full: full}, {Text: "BI"},
		} {
			l.Page = 1
			d.Lines = append(d.Lines, l)
		}
		return d
	}
	if got, want := allSkills(Parse(doc(true)).Skills), []string{"Jira", "Microsoft Project", "Miro", "Power BI"}; !slices.Equal(got, want) {
		t.Errorf("full lines: skills %q, want %q", got, want)
	}
	if got := allSkills(Parse(doc(false)).Skills); !slices.Contains(got, "Microsoft") {
		t.Errorf("short lines: skills %q, want each line's items as typed", got)
	}
}
