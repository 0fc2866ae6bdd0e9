package cvparse

import "testing"

// Qualifications of Spanish- and Portuguese-speaking schools ("Técnico em
// Mecânica", "Técnico Superior en …", "Tecnólogo en …", "Bachillerato",
// "Bachiller Académico"), Swiss further-education and vocational ones
// ("CAS en …", "MAS in …", "CFC de …") and the school acronyms written
// before a school's name (Spain's IES and CIFP, France's CFA) name the
// qualification and the school, whichever line comes first.
func TestVariationSchoolQualificationWords(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"técnico over school, school word in brackets", "Técnico em Mecânica (integrated with high school)\nIFBA – Instituto Federal da Bahia\n2012 – 2014 · Salvador, Brazil",
			[]eduWant{{"Técnico em Mecânica (integrated with high school)", "IFBA – Instituto Federal da Bahia", "Salvador, Brazil", "2012", "2014"}}, nil},
		{"CAS under the school", "2019\tHES-SO Valais, Sion\n\tCAS en Gestion des Achats",
			[]eduWant{{"CAS en Gestion des Achats", "HES-SO Valais", "Sion", "", "2019"}}, nil},
		{"one line with notes and CIFP", "Técnico Superior en Administración de Sistemas (Higher Vocational Training, FP Grado Superior), CIFP Joan Miró, Valencia\t2011 – 2013\n" +
			"Bachillerato (Sciences and Technology), IES Lluís Vives, Valencia\t2011",
			[]eduWant{{"Técnico Superior en Administración de Sistemas (Higher Vocational Training, FP Grado Superior)", "CIFP Joan Miró", "Valencia", "2011", "2013"},
				{"Bachillerato (Sciences and Technology)", "IES Lluís Vives", "Valencia", "", "2011"}}, nil},
	})
}
