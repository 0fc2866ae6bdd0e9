package cvparse

import "testing"

// Lines under a degree that Philippine CVs write, and a school's town or
// campus in brackets: a Dean's Lister line dated by academic years is an
// honour of the degree above, no entry; "Senior High School – strand"
// over a school named without a school's word is the stage studied at
// that school; a town in brackets after a school is part of its name,
// when the school is named after its city, while a country there is where
// it stands.
func TestEducationSchoolNotes(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"dean's lister by academic years",
			"Bachelor of Science in Civil Engineering\t2018 – 2022\nKestrel State University, Cebu City\n" +
				"  Dean's Lister, 1st Sem AY 2019–2020 to 2nd Sem AY 2021–2022",
			[]eduWant{{"Bachelor of Science in Civil Engineering", "Kestrel State University", "Cebu City", "2018", "2022"}}, nil},
		{"president's listers",
			"BS Accountancy\t2015 – 2019\nHarbourview University\n  President's Lister, AY 2016–2017",
			[]eduWant{{"BS Accountancy", "Harbourview University", "", "2015", "2019"}}, nil},
		{"strand over a learning center",
			"Senior High School – ABM Strand\t2016 – 2018\nBrightwater Learning Center (BLC), Cebu City",
			[]eduWant{{"Senior High School – ABM Strand", "Brightwater Learning Center (BLC)", "Cebu City", "2016", "2018"}}, nil},
		{"strand over a town alone",
			"Senior High School – GAS Strand\t2016 – 2018\nCebu City",
			[]eduWant{{"GAS Strand", "Senior High School", "Cebu City", "2016", "2018"}}, nil},
		{"town in brackets",
			"2004\tLicence en sciences économiques\nUniversité de Bordeaux 5 (Talence)",
			[]eduWant{{"Licence en sciences économiques", "Université de Bordeaux 5 (Talence)", "", "", "2004"}}, nil},
		{"country in brackets",
			"2010\tMSc Soil Science\nKestrel University (Netherlands)",
			[]eduWant{{"MSc Soil Science", "Kestrel University", "Netherlands", "", "2010"}}, nil},
	})
}
