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

// The examination board of a school certificate, as a label/value form
// gives it ("Board: FBISE Rawalpindi") or as a table's "Board / University"
// column, goes to the notes: the school is the one named where it was
// studied, and the board's row opens no entry of its own.
func TestVariationExamBoardNotes(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"label form", "Degree:\tF.Sc. (Pre-Engineering)\nInstitute:\tPunjab Group of Colleges, Multan\nBoard:\tBISE Multan\nYear:\t2014\n" +
			"Degree:\tSecondary School Certificate (Science)\nInstitute:\tCity Grammar School, Multan\nBoard:\tBISE Multan\nYear:\t2012",
			[]eduWant{{"F.Sc. (Pre-Engineering)", "Punjab Group of Colleges", "Multan", "", "2014"},
				{"Secondary School Certificate (Science)", "City Grammar School", "Multan", "", "2012"}}, nil},
		{"table column", "Exam Title\tInstitute\tBoard / University\tPassing Year\n" +
			"HSC\tRajshahi College, Rajshahi\tRajshahi\t2017\nSSC\tGovt. Laboratory High School, Rajshahi\tRajshahi\t2015",
			[]eduWant{{"HSC", "Rajshahi College", "Rajshahi", "", "2017"}, {"SSC", "Govt. Laboratory High School", "Rajshahi", "", "2015"}}, nil},
	})
}

// "Mention complémentaire" is a French vocational degree, no grade
// ("Mention Bien"); "obtenu en juin 2023" after a degree's dash tells when
// it was had and goes to the notes, no school; the school is then the
// line under the header, however long a chamber's school's name runs.
func TestVariationObtainedQualification(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"mention complémentaire", "2024 - 2025\tMention complémentaire cuisinier en desserts de restaurant\n\tCFA des Compagnons du Devoir, Angers",
			[]eduWant{{"Mention complémentaire cuisinier en desserts de restaurant", "CFA des Compagnons du Devoir", "Angers", "2024", "2025"}}, nil},
		{"obtained after the dash", "2021 - 2023\tCAP Cuisine — obtenu en juin 2023\n\tCFA de la Chambre de Métiers de la Sarthe, Le Mans",
			[]eduWant{{"CAP Cuisine", "CFA de la Chambre de Métiers de la Sarthe", "Le Mans", "2021", "2023"}},
			[]string{"obtenu en juin 2023"}},
	})
}

// A school certificate summed up by how many subjects took each letter
// grade ("8A 2B", "7A, 3B") is its grade, no school nor place.
func TestVariationLetterGradeCounts(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"after a middle dot", "Sekolah Menengah Kebangsaan Bukit Indah\nSijil Pelajaran Malaysia (SPM)\nBatu Pahat, Johor\n2011 · 8A 2B",
			[]eduWant{{"Sijil Pelajaran Malaysia (SPM)", "Sekolah Menengah Kebangsaan Bukit Indah", "Batu Pahat, Johor", "", "2011"}}, []string{"8A 2B"}},
		{"after a comma", "G.C.E. O/L, Royal College, Colombo, 2008, 7A, 2B",
			[]eduWant{{"G.C.E. O/L", "Royal College", "Colombo", "", "2008"}}, []string{"7A, 2B"}},
	})
}
