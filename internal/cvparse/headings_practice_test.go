package cvparse

import (
	"slices"
	"testing"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// "Areas of Practice" and its kin head what a lawyer, a doctor or a
// consultant practises: skills, not more of the section above, though
// the list, with items of many words, does not read as skills by itself.
func TestPracticeAreaHeadings(t *testing.T) {
	for _, tc := range []struct {
		heading string
		items   []string
	}{
		{"Areas of Practice", []string{"Employment law", "Immigration appeals", "Data protection and privacy for employers", "Public procurement", "Planning appeals"}},
		{"Fields of Expertise", []string{"Family mediation", "Conveyancing", "Wills and probate for young families", "Residential leases", "Boundary disputes"}},
		{"Areas of Specialisation", []string{"Paediatric cardiology", "Echocardiography", "Fetal cardiology and antenatal counselling", "Cardiac catheterisation", "Heart failure clinics"}},
	} {
		// Headings are set barely larger than the text, the
		// memberships above one step in: nothing but the words tells
		// the heading from a line of the section above.
		rows := []struct {
			text    string
			x, size float64
			gap     bool
		}{
			{"Nadia Farrugia", 60, 20, false}, {"nadia@example.com", 60, 13.7, false},
			{"Experience", 60, 14.3, true}, {"Associate\t2018 – 2023", 60, 13.7, false}, {"Kestrel Law, Mdina", 60, 13.7, false},
			{"Admission & Memberships", 60, 14.3, true}, {"Admitted to the Kestrel Bar, 2016", 72, 13.7, false}, {"Member, Guild of Mediators", 72, 13.7, false},
			{tc.heading, 60, 14.3, true}, {tc.items[0] + " · " + tc.items[1] + " · " + tc.items[2] + " · " + tc.items[3], 60, 13.7, false},
			{tc.items[4], 60, 13.7, false},
		}
		var d extract.Document
		for i, r := range rows {
			d.Lines = append(d.Lines, extract.Line{Text: r.text, Page: 1, X: r.x, Y: 40 + 14*float64(i), Size: r.size, GapBefore: r.gap})
		}
		c := Parse(d)
		for _, it := range tc.items {
			if !slices.Contains(c.Skills.Technical, it) {
				t.Errorf("%s: skills %+v, want %q among them", tc.heading, c.Skills, it)
			}
		}
	}
}
