package cvparse

import "testing"

// A qualification's line over its "School, Town | dates" line heads its
// entry however long it runs: a degree's name with its class after a
// dash, a count of school examinations with their subjects and grades.
func TestLongQualificationOverSchool(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"class after a dash", "NVQ Diploma in Veterinary Nursing\nHarbourside College, Leeds | Sept 2018 – July 2020\n" +
			"BTEC Level 3 Extended Diploma in Animal Care and Land Management – DMM\nRiverside Sixth Form College, Leeds | 2016 – 2018",
			[]eduWant{
				{"NVQ Diploma in Veterinary Nursing", "Harbourside College", "Leeds", "Sept 2018", "July 2020"},
				{"BTEC Level 3 Extended Diploma in Animal Care and Land Management – DMM", "Riverside Sixth Form College", "Leeds", "2016", "2018"},
			}, []string{"", ""}},
		{"count of examinations", "BTEC Level 3 Diploma in Sport\nRiverside Sixth Form College, Leeds | 2016 – 2018\n" +
			"8 GCSEs (grades 9–4) including English Language (6), Maths (5) and Biology (7)\nHill Top Academy, Leeds | 2011 – 2016",
			[]eduWant{
				{"BTEC Level 3 Diploma in Sport", "Riverside Sixth Form College", "Leeds", "2016", "2018"},
				{"8 GCSEs (grades 9–4) including English Language (6), Maths (5) and Biology (7)", "Hill Top Academy", "Leeds", "2011", "2016"},
			}, []string{"", ""}},
	})
}
