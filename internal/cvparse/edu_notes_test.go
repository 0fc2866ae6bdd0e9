package cvparse

import "testing"

// A heading "Continuing Professional Development" (or "Professional
// development", "CPD") opens short courses, not degrees: its lines are
// no education entries. A line of honours under a degree that ends its
// sentence with a year ("Dean's Honour Roll (four terms); Captain,
// Debating Club 2012.") describes that degree, even with a bracket in it.
func TestVariationCPDAndHonoursLines(t *testing.T) {
	c := ParseText("Jane Roe\njane@example.com\n\nEducation\nBSc Nursing\t2009 – 2012\nKestrel University, Harlow\n" +
		"Dean's Honour Roll (four terms); Captain, Debating Club 2012.\n\nContinuing Professional Development\n" +
		"Tissue Viability Link Nurse course, Harlow NHS Trust – 2019\nSafeguarding Adults Level 3 – 2021\n\nSkills\nTriage, wound care\n")
	got := edusOf(c)
	want := []eduWant{{"BSc Nursing", "Kestrel University", "Harlow", "2009", "2012"}}
	if len(got) != 1 || got[0] != want[0] {
		t.Fatalf("education: got %+v want %+v", got, want)
	}
	if len(c.Certifications) != 2 {
		t.Errorf("certifications: got %+v, want the two courses", c.Certifications)
	}
	if d := c.Education[0].Description; d != "Dean's Honour Roll (four terms); Captain, Debating Club 2012." {
		t.Errorf("description: got %q", d)
	}
}

// A grade line dated by the year it was given ("Weighted average: 71%
// (2024)") is no entry's date: the school on the line above stays the
// entry's, and the grade is the mark without its year. "Results: …" gives its grade without the label's plural.
func TestVariationDatedGradeLine(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"weighted average with its year", "Kestrel University\tMombasa\nBSc Actuarial Science (2nd year)\tSep 2023 – Jun 2027 (expected)\nWeighted average: 71% (2024)\nRelevant courses: Probability, Financial Mathematics, Statistics and Data Analysis\nHarbour Girls High School\tMombasa\nKenya Certificate of Secondary Education\t2022",
			[]eduWant{{"BSc Actuarial Science (2nd year)", "Kestrel University", "Mombasa", "Sep 2023", "Jun 2027"},
				{"Kenya Certificate of Secondary Education", "Harbour Girls High School", "Mombasa", "", "2022"}}, []string{"71%", ""}},
		{"results label", "2016 – 2018\tHigher School Certificate (HSC)\nQueen Elizabeth College, Rose Hill\nResults: 3 A-levels (A, B, B)",
			[]eduWant{{"Higher School Certificate (HSC)", "Queen Elizabeth College", "Rose Hill", "2016", "2018"}}, []string{"3 A-levels (A, B, B)"}},
	})
}

// An acronym in brackets that the school's name spells ("Liceo
// Internacional de Música y Artes (LIMA)", "National Institute of
// Communication Engineering (NICE)") is the school's, though it spells a town; a place in brackets
// the name does not spell is still the place.
func TestVariationSchoolAcronymSpellingATown(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"acronym spelling a town", "2011 – 2015\tB.Tech Electronics – National Institute of Communication Engineering (NICE)",
			[]eduWant{{"B.Tech Electronics", "National Institute of Communication Engineering (NICE)", "", "2011", "2015"}}, nil},
		{"school and its university", "2013 – 2018\nDiploma in Music Performance\nLiceo Internacional de Música y Artes (LIMA) – Universidad de Kestrel,\nQuito",
			[]eduWant{{"Diploma in Music Performance", "Liceo Internacional de Música y Artes (LIMA) – Universidad de Kestrel", "Quito", "2013", "2018"}}, nil},
		{"a town in brackets", "2011 – 2015\tBSc Nursing – Kestrel College of Nursing (Lima)",
			[]eduWant{{"BSc Nursing", "Kestrel College of Nursing", "Lima", "2011", "2015"}}, nil},
	})
}

// A university's school known by a short name closed by its acronym
// ("Odense HSS, Kestrel University") before the university is one
// institution with it, as "School of Nursing, Kestrel University" is; a
// degree before the university stays the degree.
func TestVariationSchoolBrandOfUniversity(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"brand then university", "2014 – 2016\tMSc in Finance (cand.oecon.)\nOdense HSS, Kestrel University\nThesis: Pricing of green bonds",
			[]eduWant{{"MSc in Finance (cand.oecon.)", "Odense HSS, Kestrel University", "", "2014", "2016"}}, nil},
		{"university of a place", "2010 – 2013\tBSc Economics\nLegon BMS, University of Kestrel",
			[]eduWant{{"BSc Economics", "Legon BMS, University of Kestrel", "", "2010", "2013"}}, nil},
		{"degree then university", "2010 – 2013\tMBA, Kestrel University",
			[]eduWant{{"MBA", "Kestrel University", "", "2010", "2013"}}, nil},
	})
}

// A line under an entry that dates what it names in brackets and goes on
// in lower case to its full stop ("HNC … (day release, 2014 – 2016)
// taken alongside the apprenticeship.") is a note on that entry, no
// entry of its own; a name closing on its bracketed dates is one.
func TestClauseAfterDatedAside(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"note under the entry", "NVQ Level 3 Plumbing\t2011 – 2015\nKestrel College\n" +
			"HNC Building Services (block release, 2013 – 2015) taken alongside the apprenticeship.\n" +
			"Highers: Maths, Physics\t2011\nMarrowby Academy",
			[]eduWant{{"NVQ Level 3 Plumbing", "Kestrel College", "", "2011", "2015"}, {"Highers: Maths, Physics", "Marrowby Academy", "", "", "2011"}},
			[]string{"HNC Building Services (block release, 2013 – 2015) taken alongside the apprenticeship.", ""}},
		{"a name closing on its dates", "NVQ Level 3 Plumbing\t2011 – 2015\nKestrel College\n" +
			"HNC Building Services (2013 – 2015)\nMarrowby College",
			[]eduWant{{"NVQ Level 3 Plumbing", "Kestrel College", "", "2011", "2015"}, {"HNC Building Services", "Marrowby College", "", "2013", "2015"}}, nil},
	})
}

// "Training & Certification", the singular beside training, heads short
// courses as "Training & Certifications" does: its dated courses at an
// institute are certificates, no degrees.
func TestTrainingAndCertificationHeading(t *testing.T) {
	c := ParseText("Jane Roe\njane@example.com\n\nEducation\nBSc Physics\t2016 – 2020\nKestrel University\n\n" +
		"Training & Certification\nRevit MEP\tMarrowby Design Institute, Kestrel — 2022\n" +
		"First Aid at Work\tKestrel Red Cross — 2021\n\nSkills\nExcel, SQL\n")
	if got := edusOf(c); len(got) != 1 || got[0].Degree != "BSc Physics" {
		t.Errorf("education: got %+v, want the BSc only", got)
	}
	if len(c.Certifications) != 2 {
		t.Errorf("certifications: got %+v, want the two courses", c.Certifications)
	}
}

// A school first with its dates, the degree under it closing on its
// class in brackets, then the grade under its label — "CWA" (cumulative
// weighted average) or "WAM" (weighted average mark): the class stays in
// the degree's name, the mark is the grade.
func TestWeightedAverageUnderDegree(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"cwa", "Kestrel University of Science and Technology (KUST), Okuta\t2016 – 2020\n" +
			"BSc. Civil Engineering (Second Class Honours)\nCWA: 68.10",
			[]eduWant{{"BSc. Civil Engineering (Second Class Honours)", "Kestrel University of Science and Technology (KUST)", "Okuta", "2016", "2020"}},
			[]string{"68.10"}},
		{"wam", "Kestrel University\t2015 – 2018\nBachelor of Commerce (First Class Honours)\nWAM: 81.4",
			[]eduWant{{"Bachelor of Commerce (First Class Honours)", "Kestrel University", "", "2015", "2018"}},
			[]string{"81.4"}},
	})
}
