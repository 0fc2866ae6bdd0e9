package cvparse

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A course dated by one season ("Summer 2014", "Fall 2023") began and
// ended in that year: the year is both its start and its end, where a
// bare year alone is only when the degree was obtained.
func TestVariationSeasonDatedCourse(t *testing.T) {
	c := ParseText("Jane Roe\njane@example.com\n\nEducation\nBSc Geography\t2010 – 2013\nKestrel University, Harlow\n\n" +
		"Spanish Language Programme\tSummer 2012\nUniversidad de Corvo, Valdemar\n\n" +
		"Certificate in Cartography\t2015\nHarlow Institute of Technology\n\nSkills\nGIS, mapping\n")
	want := []eduWant{
		{"BSc Geography", "Kestrel University", "Harlow", "2010", "2013"},
		{"Spanish Language Programme", "Universidad de Corvo", "Valdemar", "Summer 2012", "Summer 2012"},
		{"Certificate in Cartography", "Harlow Institute of Technology", "", "", "2015"},
	}
	if diff := cmp.Diff(want, edusOf(c)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
}

// A note ending on a grade's label ("…, note" / "5,5") whose mark the
// line's width pushed onto a line of its own keeps the mark: a bare mark
// opens no entry, and the dated entry under it keeps its school.
func TestVariationWrappedMarkAfterLabel(t *testing.T) {
	c := ParseText("Jane Roe\njane@example.com\n\nFormation\n2015 – 2018\tHaute École de Corvo, Valdemar\n" +
		"Bachelor of Science en gestion d'entreprise, à temps partiel\n" +
		"Mémoire de bachelor : « Analyse des flux de marchandises dans un entrepôt de pièces détachées », note\n5,2\n" +
		"2013\tARFT – Association romande pour la formation continue en transport\nBrevet fédéral de transitaire\n\n" +
		"Compétences\nSAP, Excel\n")
	want := []eduWant{
		{"Bachelor of Science en gestion d'entreprise", "Haute École de Corvo", "Valdemar", "2015", "2018"},
		{"Brevet fédéral de transitaire", "ARFT – Association romande pour la formation continue en transport", "", "", "2013"},
	}
	if diff := cmp.Diff(want, edusOf(c)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
	if d := c.Education[0].Description; !strings.HasSuffix(d, "note 5,2") {
		t.Errorf("description: got %q, want it to end on the mark", d)
	}
}

// A school naming no degree whose note is labelled as studies that led
// to none ("Non-credit courses: …") has the label as its degree.
func TestVariationNonDegreeLabel(t *testing.T) {
	c := ParseText("Jane Roe\njane@example.com\n\nEducation\nHarbourside Technical College — Corvo, OR\tSpring 2022\n" +
		"Non-credit courses: ACCT 1010 Bookkeeping Basics; BUS 1200 Payroll Essentials\n" +
		"Kestrel University — Valdemar, OR\t2012 – 2016\nBachelor of Arts in Economics\n\nSkills\nExcel\n")
	got := edusOf(c)
	if len(got) != 2 || got[0].Degree != "Non-credit courses" || got[0].Institution != "Harbourside Technical College" {
		t.Errorf("education: got %+v, want the label as the first entry's degree", got)
	}
}
