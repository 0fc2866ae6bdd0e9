package cvparse

import "testing"

// A form that gives the family name and the given names in rows of their
// own ("Nom :" / "Prénom :", "Surname:" / "First name:"): the name is the
// given names, then the family name, whichever row comes first and
// however many words the family name has.
func TestNameFromSplitFormRows(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"nom with particles, then prénom", "CURRICULUM VITAE\nSoudeur qualifié\n\nDONNÉES PERSONNELLES\n" +
			"Nom :\tVan der Straeten\nPrénom :\tMarie-Hélène\nAdresse :\tRue Haute 12, 1000 Bruxelles\n" +
			"GSM :\t0471 22 33 44\nNationalité :\tBelge\n", "Marie-Hélène Van der Straeten"},
		// With the labels of a Europass form further on, "Nom :" over
		// "Prénom :" is no "Nom(s) / Prénom(s)" label wrapped in its cell.
		{"nom over prénom in a form with Europass labels", "CURRICULUM VITAE\nMenuisier\n\nDONNÉES PERSONNELLES\n" +
			"Nom :\tDe la Rosa\nPrénom :\tJean-Marc\nGSM :\t0475 11 22 33\n\nCOMPÉTENCES\n" +
			"Langue maternelle :\tFrançais\nCompétences techniques :\tToupie, scie à format, CNC\n", "Jean-Marc De la Rosa"},
		{"prénoms first, two-word family name", "CURRICULUM VITAE\n\nÉTAT CIVIL\nPrénoms :\tAya Christelle\n" +
			"Nom :\tN'Guessan Kouamé\nTéléphone :\t+225 07 08 09 10 11\nNationalité :\tIvoirienne\n", "Aya Christelle N'Guessan Kouamé"},
		{"english rows", "RESUME\n\nPERSONAL DETAILS\nSurname:\tDe Souza Lima\nFirst name:\tRafael\n" +
			"Phone:\t+55 11 98765 4321\nNationality:\tBrazilian\n", "Rafael De Souza Lima"},
		{"nom alone is the whole name", "CURRICULUM VITAE\n\nINFORMATIONS\nNom :\tClaire Dubois-Leroy\n" +
			"Téléphone :\t06 12 34 56 78\nNationalité :\tFrançaise\n", "Claire Dubois-Leroy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ParseText(tt.text).Contact.Name; got != tt.want {
				t.Errorf("name = %q, want %q", got, tt.want)
			}
		})
	}
}
