package cvparse

import "testing"

// Names of schools that their own punctuation would cut: a saint's town
// abbreviated ("Sta. Rosa") ends no sentence; a college of a federal
// university keeps its own name before the comma ("Goldsmiths,
// University of London"); an acronym, its town after a dash and the name
// it stands for after a comma are one school ("ESAD – Valence, École
// supérieure d'art et design"); an examining board after a school is no
// town ("Kestrel High School, Gujarat State Board").
func TestVariationPunctuatedSchoolNames(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"saint's town abbreviated", "Bachelor of Science in Nursing\nKestrel Colleges, Sta. Rosa, Laguna\n2010 - 2014",
			[]eduWant{{"Bachelor of Science in Nursing", "Kestrel Colleges", "Sta. Rosa, Laguna", "2010", "2014"}}, nil},
		{"saint's town Sto.", "BS Accountancy\t2008 – 2012\nMarlowe State University, Sto. Tomas, Batangas",
			[]eduWant{{"BS Accountancy", "Marlowe State University", "Sto. Tomas, Batangas", "2008", "2012"}}, nil},
		{"federal college", "MSc Economics\t2016 – 2017\nBirkbeck, University of London\nDissertation on housing.",
			[]eduWant{{"MSc Economics", "Birkbeck, University of London", "", "2016", "2017"}}, nil},
		{"federal college of two words", "BA History\t2012 – 2015\nRoyal Holloway, University of London",
			[]eduWant{{"BA History", "Royal Holloway, University of London", "", "2012", "2015"}}, nil},
		{"acronym, town and name", "Bachelor en design graphique\nESAD – Valence, École supérieure d'art et design · 2012 – 2015",
			[]eduWant{{"Bachelor en design graphique", "ESAD – Valence, École supérieure d'art et design", "", "2012", "2015"}}, nil},
		{"examining board", "Qualification\tInstitute / Board\tYear\tScore\nHSC (Class XII)\tKestrel Junior College, Gujarat State Board\t2015\t88.2%",
			[]eduWant{{"HSC (Class XII)", "Kestrel Junior College, Gujarat State Board", "", "", "2015"}}, nil},
	})
}

// A Swiss or Belgian secondary diploma ("Maturité gymnasiale") from a
// "gymnase" is a course of study like any school's, never a
// certificate.
func TestVariationSwissMaturite(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"dated row", "2009 – 2012\tBachelor of Science en chimie, Université de Kestrel\n2008\tMaturité gymnasiale, option biologie et chimie, Gymnase de Marlowe, Morges",
			[]eduWant{{"Bachelor of Science en chimie", "Université de Kestrel", "", "2009", "2012"},
				{"Maturité gymnasiale, option biologie et chimie", "Gymnase de Marlowe", "Morges", "", "2008"}}, nil},
	})
}
