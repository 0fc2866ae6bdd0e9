package cvparse

import "testing"

// A programme's length in brackets after its dates ("2018 – 2019 (9
// months)") leaves the line a line of dates: it opens the entry below.
func TestDurationAfterEducationDates(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"months in capitals", "2018 – 2019 (9 MONTHS)\nProfessional Diploma in Cloud Computing\nNational Telecom Institute, Alexandria\n2012 – 2017\nB.Sc. in Civil Engineering\nTanta University, Tanta",
			[]eduWant{
				{"Professional Diploma in Cloud Computing", "National Telecom Institute", "Alexandria", "2018", "2019"},
				{"B.Sc. in Civil Engineering", "Tanta University", "Tanta", "2012", "2017"},
			}, nil},
		{"mois", "2020 – 2021 (10 mois)\nCertificat d'études supérieures en logistique\nInstitut Portuaire de Brévaud, Brévaud\n2015 – 2018\nLicence en gestion\nUniversité de Brévaud",
			[]eduWant{
				{"Certificat d'études supérieures en logistique", "Institut Portuaire de Brévaud", "Brévaud", "2020", "2021"},
				{"Licence en gestion", "Université de Brévaud", "", "2015", "2018"},
			}, nil},
	})
}

// A district after a dash, before the city the comma sets apart
// ("School – Heliport Quarter, Cairo"), is part of the place, as a town
// after a dash before its country is.
func TestDashDistrictBeforeCity(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"district before a city", "2013 – 2016\nB.Sc. in Chemistry\nNile Valley Institute of Science – Garden Hills, Cairo",
			[]eduWant{{"B.Sc. in Chemistry", "Nile Valley Institute of Science", "Garden Hills, Cairo", "2013", "2016"}}, nil},
		{"school with its acronym", "2009\nGeneral Secondary Certificate\nNorth Star Language School (NSLS) – Orchard Town, Giza",
			[]eduWant{{"General Secondary Certificate", "North Star Language School (NSLS)", "Orchard Town, Giza", "", "2009"}}, nil},
	})
}
