package cvparse

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/utopiahire/utopiahire/internal/extract"
)

// Headings as forms, portals and letter-spaced PDFs write them: a plural
// mark after the noun, a heading the text layer broke into fragments at
// other places than its words, the bare "Extra-Curricular", a French
// technician's "Habilitations". Lines of capitals that join into no
// heading stay none.
func TestHeadingForms(t *testing.T) {
	for _, c := range []struct {
		text string
		kind sectionKind
		ok   bool
	}{
		{"Referee(s):", secOther, true},
		{"Reference (s)", secOther, true},
		{"Certificate(s)", secCertifications, true},
		{"PRO JET S", secProjects, true},
		{"COMP É TEN CES", secSkills, true},
		{"L AN GUES", secLanguages, true},
		{"EXPÉRIEN CES PROFESSIONNELLES", secExperience, true},
		{"PROFESSIONAL CERT IFICATE", secCertifications, true},
		{"CAREER OBJEC TIVE", secSummary, true},
		{"Professional Certificate", secCertifications, true},
		{"Extra-Curricular", secActivities, true},
		{"Co-curricular", secActivities, true},
		{"Habilitations", secCertifications, true},
		{"JO HN DA VIES", 0, false},
		{"MAN AGER", 0, false},
	} {
		kind, ok := headingKind(c.text)
		if ok != c.ok || ok && kind != c.kind {
			t.Errorf("headingKind(%q) = %v, %v; want %v, %v", c.text, kind, ok, c.kind, c.ok)
		}
	}
}

// Under the heading, the extra-curricular roles and the habilitation are
// no skills.
func TestActivitiesAndHabilitationsOutOfSkills(t *testing.T) {
	got := ParseText("Jane Roe\njane@example.com\n\nSkills\nLesson planning, GeoGebra\n\n" +
		"Extra-Curricular\nChess club patron, Riverside Academy; choir member, St Paul's Parish.\n")
	if want := []string{"GeoGebra", "Lesson planning"}; !slices.Equal(allSkills(got.Skills), want) {
		t.Errorf("skills %q, want %q", allSkills(got.Skills), want)
	}
	if len(got.Activities) != 1 {
		t.Errorf("activities %+v, want the one line", got.Activities)
	}
	got = ParseText("Jean Dupont\njean@example.com\n\nCompétences\nÉlectricité : câblage, éclairage\n" +
		"Habilitation : Habilitation électrique B1V (2021)\n")
	if want := []string{"câblage", "éclairage"}; !slices.Equal(allSkills(got.Skills), want) {
		t.Errorf("skills %q, want %q", allSkills(got.Skills), want)
	}
	if len(got.Certifications) != 1 {
		t.Errorf("certifications %+v, want the habilitation", got.Certifications)
	}
}

// A referee's labelled fields set in bold ("Organization: …",
// "Designation: …") under a references heading head nothing: read as a
// heading over the next rows, they made skills of names and numbers.
func TestRefereeRows(t *testing.T) {
	d := extract.Document{}
	for _, l := range []extract.Line{
		{Text: "Jane Roe"}, {Text: "jane@example.com"},
		{Text: "Key Skills", GapBefore: true, Bold: true}, {Text: "Route planning"}, {Text: "Cold chain logistics"},
		{Text: "Referee(s):", GapBefore: true, Bold: true},
		{Text: "Name: Mr. Tom Field"}, {Text: "Organization: Harbour Foods Limited", Bold: true},
		{Text: "Designation: Head of Logistics"}, {Text: "Mobile: 0170-555-1234"},
	} {
		d.Lines = append(d.Lines, l)
	}
	got := Parse(d)
	if diff := cmp.Diff([]string{"Cold chain logistics", "Route planning"}, allSkills(got.Skills)); diff != "" {
		t.Errorf("skills (-want +got):\n%s", diff)
	}
}
