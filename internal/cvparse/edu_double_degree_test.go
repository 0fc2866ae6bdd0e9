package cvparse

import "testing"

// A double degree written on one line names both schools, both towns
// set apart by a slash, and how the diploma was awarded after them
// ("Diploma with honours", the red diploma of Ukrainian or Polish CVs):
// the towns are the location, the award the grade.
func TestVariationDoubleDegreeLine(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"two schools, two towns, honours", "2014–2016\tMSc in Physics (double degree), Kestrel National University & Université de Lyon, Kyiv / Lyon, Diploma with honours",
			[]eduWant{{"MSc in Physics (double degree)", "Kestrel National University & Université de Lyon", "Kyiv / Lyon", "2014", "2016"}},
			[]string{"Diploma with honours"}},
		{"degree with distinction after the town", "2009–2013\tBSc in Chemistry, Kestrel University, Warsaw, Degree with distinction",
			[]eduWant{{"BSc in Chemistry", "Kestrel University", "Warsaw", "2009", "2013"}},
			[]string{"Degree with distinction"}},
	})
}

// The second school of a double degree often gets its own row, its
// degree opened by a label ("Double diplôme : …", "Dual degree: …") and
// its school's line carrying a labelled note with no dash before it
// ("Kestrel University (Danemark) Mémoire : « … »"): the label and the
// note go to the description, the school is the institution.
func TestVariationDoubleDegreeRow(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"double diplôme label, note on the school's line",
			"2017 – 2018\tDouble diplôme : MSc Water Management\nKestrel University (Danemark) Mémoire : « Nitrate run-off in clay soils »",
			[]eduWant{{"MSc Water Management", "Kestrel University", "Danemark", "2017", "2018"}},
			[]string{"Double diplôme Mémoire : « Nitrate run-off in clay soils »"}},
		{"dual degree label", "2019 – 2020\tDual degree: MBA\nKestrel Business School, Lyon",
			[]eduWant{{"MBA", "Kestrel Business School", "Lyon", "2019", "2020"}}, []string{"Dual degree"}},
	})
}
