package cvparse

import "testing"

// A school's line may name two bodies joined by a dash, the institute and
// the university it belongs to, a school and its section, or a brand
// name and a school: together they are the institution as written. A
// town after the dash stays the location.
func TestVariationSchoolOfTwoNames(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"institute elided before the university", "2014 – 2016\tMaster MEEF 1er degré\nIUFM de l'académie de Rouen – Université de Rouen Normandie",
			[]eduWant{{"Master MEEF 1er degré", "IUFM de l'académie de Rouen – Université de Rouen Normandie", "", "2014", "2016"}}, nil},
		{"section of a university", "2011 – 2013\tMaster en chimie\nUniversité de Fribourg – Section de chimie analytique",
			[]eduWant{{"Master en chimie", "Université de Fribourg – Section de chimie analytique", "", "2011", "2013"}}, nil},
		{"department after the university", "2009 – 2013\tBSc Geology\nUniversity of Otago – Department of Earth Sciences",
			[]eduWant{{"BSc Geology", "University of Otago – Department of Earth Sciences", "", "2009", "2013"}}, nil},
		{"brand name before the school", "2020\tCertificat en fiscalité — UNamur – Namur Business School",
			[]eduWant{{"Certificat en fiscalité", "UNamur – Namur Business School", "", "", "2020"}}, nil},
		{"a town after the dash stays a place", "2012 – 2015\tLicence de chimie\nUniversité de Savoie – Chambéry",
			[]eduWant{{"Licence de chimie", "Université de Savoie", "Chambéry", "2012", "2015"}}, nil},
	})
}
