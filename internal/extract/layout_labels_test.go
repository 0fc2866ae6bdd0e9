package extract

import (
	"slices"
	"testing"
)

// TestLayoutLabelNotWrapped: in a table whose label column is
// right-aligned (Europass 2013), the next section's heading under a
// labelled row is a row of its own, set a full line lower or in capitals
// under a label that is not; a label wrapped at the line's pitch in the
// same case still joins its cell.
func TestLayoutLabelNotWrapped(t *testing.T) {
	for _, tc := range []struct {
		name         string
		label, value string
		under        string
		pitch        float64
		want         []string
	}{
		{"heading a line lower", "DESIRED POSITION", "Warehouse Team Leader", "PROFESSIONAL HISTORY", 15.5,
			[]string{"DESIRED POSITION\tWarehouse Team Leader", "PROFESSIONAL HISTORY"}},
		{"heading a line lower fr", "EMPLOI RECHERCHÉ", "Chef de chantier", "PARCOURS PROFESSIONNEL", 15.8,
			[]string{"EMPLOI RECHERCHÉ\tChef de chantier", "PARCOURS PROFESSIONNEL"}},
		{"capitals under a label", "Driving licence", "B, C1", "FURTHER DETAILS", 13,
			[]string{"Driving licence\tB, C1", "FURTHER DETAILS"}},
		{"capitals under a label fr", "Permis de conduire", "B", "AUTRES INFORMATIONS", 13.5,
			[]string{"Permis de conduire\tB", "AUTRES INFORMATIONS"}},
		{"wrapped label", "Organisational and", "Led a team of nine", "managerial skills", 12,
			[]string{"Organisational and managerial skills\tLed a team of nine"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &page{}
			rows := [][2]string{{"Occupation or position held", "Senior storekeeper"}, {"Name of employer", "Harbour Logistics, Mombasa"},
				{"Dates", "2015 – 2019"}, {"Occupation or position held", "Storekeeper"}, {"Name of employer", "Coast Mills, Kilifi"}}
			y := 60.0
			for _, r := range rows {
				p.rightAt(150, y, r[0])
				p.at(160, y, r[1])
				y += 14
			}
			p.rightAt(150, y, tc.label)
			p.at(160, y, tc.value)
			p.rightAt(150, y+tc.pitch, tc.under)
			p.rightAt(150, y+tc.pitch+14, "Memberships")
			p.at(160, y+tc.pitch+14, "Institute of Supply Chain")
			got := p.lines()
			for _, want := range tc.want {
				if !slices.Contains(got, want) {
					t.Errorf("no line %q in %q", want, got)
				}
			}
		})
	}
}
