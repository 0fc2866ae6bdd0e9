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

// One form field that asks for the family name first ("Nom, prénom",
// "Nom et prénom", "Surname, first names"): the name is written given
// names first, the family name known by its capitals, a comma, or its
// place first.
func TestNameFromSurnameFirstField(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"nom, prénom in mixed case", "CURRICULUM VITAE\n\nDonnées personnelles\nNom, prénom\tWüthrich Anne-Laure\n" +
			"Adresse\tRue du Midi 4, 1003 Lausanne\nTéléphone\t078 555 12 34\n", "Anne-Laure Wüthrich"},
		{"nom et prénom with capitals under a numbered heading", "CURRICULUM VITAE\n\nI. IDENTITÉ\n" +
			"Nom et prénom\t: HAKIZIMANA Claudine Aimée\nDate et lieu de naissance\t: 02/03/1990 à Ngozi\n" +
			"Téléphone\t: +257 79 000 111\n", "Claudine Aimée HAKIZIMANA"},
		{"surname, first names with a comma", "RESUME\n\nPERSONAL DETAILS\nSurname, first names:\tOkonkwo, Chidi Emeka\n" +
			"Phone:\t+234 803 000 1111\n", "Chidi Emeka Okonkwo"},
		{"particles open the family name", "CURRICULUM VITAE\n\nPersonalien\nNom, prénom\tvan der Merwe Pieter\n" +
			"Téléphone\t079 111 22 33\n", "Pieter van der Merwe"},
		{"already given names first", "CURRICULUM VITAE\n\nIDENTITÉ\nNom et prénom : Aline NDIKUMANA\n" +
			"Téléphone : +257 68 000 222\n", "Aline NDIKUMANA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ParseText(tt.text).Contact.Name; got != tt.want {
				t.Errorf("name = %q, want %q", got, tt.want)
			}
		})
	}
}

// Application forms number their rows and call the given names "Other
// names"; a photographed table keeps its cell borders as bars. The name
// is still the given names, then the surname, and it beats the board the
// form is addressed to, set large over it.
func TestNameFromNumberedFormRows(t *testing.T) {
	tests := []struct {
		name, text, want, phone string
	}{
		{"numbered rows under a board's name", "KISUMU COUNTY PUBLIC SERVICE BOARD\nAPPLICATION FOR EMPLOYMENT\n" +
			"SECTION A: PERSONAL DETAILS\n1.\tPost applied for\tNursing Officer\n2.\tSurname\tOTIENO\n" +
			"3.\tOther names\tJane Akinyi\n4.\tNational ID No.\t31447286\n5.\tMobile number\t0722 000 111\n" +
			"SECTION B: EMPLOYMENT HISTORY (Start with the current/last)\n", "Jane Akinyi OTIENO", "0722 000 111"},
		{"bars left by cell borders", "CURRICULUM VITAE\n\nPERSONAL DETAILS\nSurname\t| BANDA\n" +
			"Other Names\t| Mutale Ruth\nCell\t+260 977 000 111\nEmail\t| mrbanda@gmail.com\n\nPROFILE\nA teacher.\n",
			"Mutale Ruth BANDA", "+260 977 000 111"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ParseText(tt.text).Contact
			if c.Name != tt.want {
				t.Errorf("name = %q, want %q", c.Name, tt.want)
			}
			if c.Phone != tt.phone {
				t.Errorf("phone = %q, want %q", c.Phone, tt.phone)
			}
		})
	}
}
