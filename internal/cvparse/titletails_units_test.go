package cvparse

import "testing"

// A hospital's ward named by a capitalised word and what it does
// ("Service de pédiatrie", "Service de gériatrie") between the title
// and the employer on the header's line goes with the title; the employer
// is the name after it.
func TestCapitalisedUnitBeforeEmployer(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       oneJob
	}{
		{"fr", "Julie Favre\njulie@exemple.ch\n\nEXPÉRIENCE\nInfirmière – Service de pédiatrie, Hôpital privé Kestrel, Annecy\n04.2019 – aujourd'hui\n" +
			"• Soins aux enfants hospitalisés.\n\nCOMPÉTENCES\nPédiatrie\n",
			oneJob{"Infirmière – Service de pédiatrie", "Hôpital privé Kestrel", "Annecy"}},
		{"fr, gériatrie", "Marc Dubois\nmarc@exemple.fr\n\nEXPÉRIENCE\nAide-soignant – Service de gériatrie, Hôpital de Kestrel, Sion\n03.2020 – 02.2023\n" +
			"• Soins de base et mobilisation des patients.\n\nCOMPÉTENCES\nManutention\n",
			oneJob{"Aide-soignant – Service de gériatrie", "Hôpital de Kestrel", "Sion"}},
	} {
		checkOneJob(t, tc.name, tc.text, tc.want)
	}
}
