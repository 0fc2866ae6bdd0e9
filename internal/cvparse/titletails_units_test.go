package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A hospital's ward named by a capitalised word and what it does
// ("Service de pédiatrie", "Service de gériatrie") between the title
// and the employer on the header's line goes with the title; the employer
// is the name after it.
func TestCapitalisedUnitBeforeEmployer(t *testing.T) {
	type job struct{ Title, Company, Location string }
	for _, tc := range []struct {
		name, text string
		want       job
	}{
		{"fr", "Julie Favre\njulie@exemple.ch\n\nEXPÉRIENCE\nInfirmière – Service de pédiatrie, Hôpital privé Kestrel, Annecy\n04.2019 – aujourd'hui\n" +
			"• Soins aux enfants hospitalisés.\n\nCOMPÉTENCES\nPédiatrie\n",
			job{"Infirmière – Service de pédiatrie", "Hôpital privé Kestrel", "Annecy"}},
		{"fr, gériatrie", "Marc Dubois\nmarc@exemple.fr\n\nEXPÉRIENCE\nAide-soignant – Service de gériatrie, Hôpital de Kestrel, Sion\n03.2020 – 02.2023\n" +
			"• Soins de base et mobilisation des patients.\n\nCOMPÉTENCES\nManutention\n",
			job{"Aide-soignant – Service de gériatrie", "Hôpital de Kestrel", "Sion"}},
	} {
		c := ParseText(tc.text)
		if len(c.Experience) != 1 {
			t.Fatalf("%s: got %d jobs: %+v", tc.name, len(c.Experience), c.Experience)
		}
		x := c.Experience[0]
		if diff := cmp.Diff(tc.want, job{x.Title, x.Company, x.Location}); diff != "" {
			t.Errorf("%s: job (-want +got):\n%s", tc.name, diff)
		}
	}
}
