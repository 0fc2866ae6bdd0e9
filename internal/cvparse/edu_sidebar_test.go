package cvparse

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// Education in a narrow sidebar: the ways its entries are set there that
// read like headings or jobs.

// sidebarEduDoc lays out a page whose main column (left) holds a job and
// whose right sidebar holds an EDUCATION section of the given lines, one
// every 11pt in the body's size; a line opening with "^" is set apart by
// space (extract.Line.GapBefore), one ending in "»" runs to the column's
// edge (extract.Line.Full), the marks dropped.
func sidebarEduDoc(edu []string) extract.Document {
	d := extract.Document{Pages: 1}
	add := func(col int, y, size float64, text string, gap bool) {
		x := 30.0
		if col == 2 {
			x = 400
		}
		text, full := strings.CutSuffix(text, "»")
		d.Lines = append(d.Lines, extract.Line{Text: text, Page: 1, X: x, Y: y, Size: size, Column: col, GapBefore: gap, Full: full})
	}
	add(1, 40, 24, "Morwenna Achterberg", true)
	add(1, 120, 12, "WORK EXPERIENCE", true)
	add(1, 140, 11, "Laboratory Technician", true)
	add(1, 154, 10, "Coastal Water Trust, Plymouth", false)
	add(1, 168, 10, "March 2019 – Present", false)
	add(1, 182, 10, "• Ran the weekly bathing-water sampling programme", false)
	add(2, 120, 12, "CONTACT", true)
	add(2, 138, 10, "m.achterberg@example.org", true)
	add(2, 176, 12, "EDUCATION", true)
	y := 194.0
	for i, t := range edu {
		gap := i == 0 || strings.HasPrefix(t, "^")
		if gap && i > 0 {
			y += 10
		}
		add(2, y, 10, strings.TrimPrefix(t, "^"), gap)
		y += 11
	}
	add(2, y+16, 12, "LANGUAGES", true)
	add(2, y+34, 10, "English", true)
	return d
}

// A sidebar whose education entries each open with the school, set
// apart by space, then the programme and the years: the school's name
// heads an entry, not a section, even when what follows it looks like a
// job ("Foundation in Engineering" and its years).
func TestSidebarSchoolOpensEntry(t *testing.T) {
	got := Parse(sidebarEduDoc([]string{
		"Kestrel Valley University", "Bachelor of Science (Hons)", "Marine Biology", "2011 – 2015",
		"^Kestrel Valley University", "Foundation in Engineering", "2010 – 2011",
		"^Harbourside Technical Academy", "Higher National Certificate", "2008 – 2010",
	}))
	want := []eduWant{
		{"Bachelor of Science (Hons) Marine Biology", "Kestrel Valley University", "", "2011", "2015"},
		{"Foundation in Engineering", "Kestrel Valley University", "", "2010", "2011"},
		{"Higher National Certificate", "Harbourside Technical Academy", "", "2008", "2010"},
	}
	if diff := cmp.Diff(want, edusOf(got)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
	if len(got.Experience) != 1 {
		t.Errorf("experience = %+v, want the one job", got.Experience)
	}
}

// An honour under a degree that the sidebar wrapped ("Dean's
// Commendation for Academic" / "Excellence, 2020") is no heading, though
// its first line ends on a heading's word: the line ran to the column's
// edge and goes on tight under it. It is the honour of the degree above,
// and the entries after it are read as before.
func TestSidebarWrappedHonourNoHeading(t *testing.T) {
	for _, honour := range [][2]string{
		{"Dean's Commendation for Academic»", "Excellence, 2020"},
		{"Chancellor's Medal for Professional»", "Practice, 2020"},
	} {
		got := Parse(sidebarEduDoc([]string{
			"Master of Public Health", "Northgate University", "2019 – 2021", honour[0], honour[1],
			"Certificate IV in Laboratory Skills", "Riverbend Institute (TAFE)", "2016",
		}))
		want := []eduWant{
			{"Master of Public Health", "Northgate University", "", "2019", "2021"},
			{"Certificate IV in Laboratory Skills", "Riverbend Institute (TAFE)", "", "", "2016"},
		}
		if diff := cmp.Diff(want, edusOf(got)); diff != "" {
			t.Errorf("%s: education (-want +got):\n%s", honour[0], diff)
		}
		whole := strings.TrimSuffix(honour[0], "»") + " " + honour[1]
		if len(got.Education) > 0 && !strings.Contains(got.Education[0].Description+strings.Join(got.Education[0].Achievements, " "), whole) {
			t.Errorf("%s: the degree's notes = %q %q, want %q", honour[0], got.Education[0].Description, got.Education[0].Achievements, whole)
		}
	}
}

// A school's name that ran to the sidebar's edge by chance is followed by
// the degree's grade on a line of its own ("Grande distinction", "First
// Class Honours"): the grade is no wrapped end of the name.
func TestSidebarGradeUnderFullSchool(t *testing.T) {
	for _, grade := range []string{"Grande distinction", "La plus grande distinction", "First Class Honours"} {
		got := Parse(sidebarEduDoc([]string{
			"2014 – 2018", "Bachelier en kinésithérapie", "Haute École Robert Schuman (HERS)»", grade,
			"^2008 – 2014", "CESS – sciences générales", "Athénée royal de Marche",
		}))
		want := []eduWant{
			{"Bachelier en kinésithérapie", "Haute École Robert Schuman (HERS)", "", "2014", "2018"},
			{"CESS – sciences générales", "Athénée royal de Marche", "", "2008", "2014"},
		}
		if diff := cmp.Diff(want, edusOf(got)); diff != "" {
			t.Errorf("%s: education (-want +got):\n%s", grade, diff)
		}
	}
}
