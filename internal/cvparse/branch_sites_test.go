package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A branch office after the employer's dash is where the job was: it
// goes to the location, before the town when one follows; another site
// stays the employer's.
func TestBranchAfterEmployer(t *testing.T) {
	tests := []struct {
		name, body string
		want       []expWant
	}{
		{"branch then town", "2019 – 2022\tConseiller clientèle\nCrédit Rural du Sahel – Agence Tillabéri, Niamey",
			[]expWant{{"Conseiller clientèle", "Crédit Rural du Sahel", "Agence Tillabéri, Niamey", "2019", "2022"}}},
		{"branch alone", "2016 – 2019\tMagasinier\nTransports Dubois – agence de Roubaix",
			[]expWant{{"Magasinier", "Transports Dubois", "agence de Roubaix", "2016", "2019"}}},
		{"site kept", "2014 – 2016\tGeologist\nLakeside Mining plc – Kivu Gold Mine, Goma",
			[]expWant{{"Geologist", "Lakeside Mining plc – Kivu Gold Mine", "Goma", "2014", "2016"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ParseText("Jane Roe\njane@example.com\n\nExperience\n" + tt.body + "\n\nSkills\nExcel\n")
			if diff := cmp.Diff(tt.want, expsOf(c)); diff != "" {
				t.Errorf("experience (-want +got):\n%s", diff)
			}
		})
	}
}
