package cvparse

import "testing"

// An abbreviation's full stop inside a degree's phrase ("incl.", "esp.",
// "Dipl.") ends no sentence: what follows is still the degree.
func TestVariationAbbreviationInDegree(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"incl. after a count", "A-Levels (3), incl. Biology and Chemistry\t2016\nHolloway Park Sixth Form",
			[]eduWant{{"A-Levels (3), incl. Biology and Chemistry", "Holloway Park Sixth Form", "", "", "2016"}}, nil},
		{"esp. in the field", "BTEC Diploma in Media, esp. Film Production\t2012 – 2014\nWestmere College",
			[]eduWant{{"BTEC Diploma in Media, esp. Film Production", "Westmere College", "", "2012", "2014"}}, nil},
		{"excl. after a dash", "HKDSE — 6 subjects excl. Liberal Studies\t2017\nKowloon Bay Secondary School",
			[]eduWant{{"HKDSE — 6 subjects excl. Liberal Studies", "Kowloon Bay Secondary School", "", "", "2017"}}, nil},
	})
}

// "Name, Town (note)": a note in brackets after the school's town ("(distance)",
// "(part-time, day release)") says how one studied; the town is still cut
// from the school's name, and the note's own comma cuts nothing.
func TestVariationTownWithNote(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"distance", "Graduate Diploma in Teaching\t2019\nKestrel University, Upper Hutt (distance)",
			[]eduWant{{"Graduate Diploma in Teaching", "Kestrel University", "Upper Hutt (distance)", "", "2019"}}, nil},
		{"note with a comma", "HND Civil Engineering\t2011 – 2013\nMarlowe College, Dunsworth (part-time, evenings)",
			[]eduWant{{"HND Civil Engineering", "Marlowe College", "Dunsworth (part-time, evenings)", "2011", "2013"}}, nil},
		{"one line", "2004–2008\tBA Music, Ferncliff University, Glenmoor (evening classes)",
			[]eduWant{{"BA Music", "Ferncliff University", "Glenmoor (evening classes)", "2004", "2008"}}, nil},
	})
}

// "University of X, Town, First Class Honours": a class after the school
// is the grade, and the town between them is cut from the school;
// "Honours" opening the part after the school names a degree.
func TestVariationClassAfterSchoolTown(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"town then class", "2013–2017\tBSc Geology, University of Waverly, Harlow Vale, First Class Honours",
			[]eduWant{{"BSc Geology", "University of Waverly", "Harlow Vale", "2013", "2017"}}, []string{"First Class Honours"}},
		{"class after school", "2010–2014\tBA Politics, Bramford University, Second Class Honours (Upper Division)",
			[]eduWant{{"BA Politics", "Bramford University", "", "2010", "2014"}}, []string{"Second Class Honours (Upper Division)"}},
		{"class in the degree stays", "2010–2014\tBA Politics, First Class Honours, Bramford University",
			[]eduWant{{"BA Politics, First Class Honours", "Bramford University", "", "2010", "2014"}}, []string{""}},
	})
}
