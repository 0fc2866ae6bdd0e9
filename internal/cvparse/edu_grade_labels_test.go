package cvparse

import "testing"

// Grade labels of school-leaving and university results on a line of
// their own: Australia's "ATAR 91.35", Egypt's "Total: 97.1%", Kenya's
// "Mean Grade: B+ (plus)", Québec's "Moyenne cumulative : 3,52/4,33":
// the mark is the grade, its label dropped.
func TestGradeLabelsOwnLine(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"atar", "2014\tWestern Australian Certificate of Education (WACE)\nKestrel Senior High School, Geraldton WA\nATAR 91.35",
			[]eduWant{{"Western Australian Certificate of Education (WACE)", "Kestrel Senior High School", "Geraldton WA", "", "2014"}}, []string{"91.35"}},
		{"total", "2012\nGeneral Secondary Certificate, Science\nNile Star Language School – Maadi, Cairo\nTotal: 97.1%",
			[]eduWant{{"General Secondary Certificate, Science", "Nile Star Language School", "Maadi, Cairo", "", "2012"}}, []string{"97.1%"}},
		{"mean grade", "2006 – 2009\nKenya Certificate of Secondary Education (KCSE)\nKestrel Boys' High School, Nyeri\nMean Grade: B+ (plus)",
			[]eduWant{{"Kenya Certificate of Secondary Education (KCSE)", "Kestrel Boys' High School", "Nyeri", "2006", "2009"}}, []string{"B+ (plus)"}},
		{"moyenne cumulative", "2016 – 2019\tBaccalauréat en travail social\nUniversité de Trois-Lacs\nMoyenne cumulative : 3,52/4,33",
			[]eduWant{{"Baccalauréat en travail social", "Université de Trois-Lacs", "", "2016", "2019"}}, []string{"3,52/4,33"}},
	})
}

// A mark followed by the honour list the student was on ("GPA 3.71 /
// 4.00 — Dean's List (3 terms)", "… – Liste d'honneur du doyen"): the
// mark is the grade, the honour a note.
func TestMarkThenHonourList(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"dean's list after a dash", "2015 – 2019\tBSc Nursing\nKestrel University, Ndola\nGPA 3.71 / 4.00 — Dean's List (3 terms)",
			[]eduWant{{"BSc Nursing", "Kestrel University", "Ndola", "2015", "2019"}}, []string{"Dean's List (3 terms)"}},
		{"liste d'honneur", "2016 – 2019\tBaccalauréat en service social\nUniversité de Trois-Lacs\nMoyenne cumulative : 3,61/4,33 – Liste d’honneur du doyen",
			[]eduWant{{"Baccalauréat en service social", "Université de Trois-Lacs", "", "2016", "2019"}}, []string{"Liste d’honneur du doyen"}},
	})
	for _, body := range []string{"2015 – 2019\tBSc Nursing\nKestrel University, Ndola\nGPA 3.71 / 4.00 — Dean's List (3 terms)",
		"2016 – 2019\tBaccalauréat en service social\nUniversité de Trois-Lacs\nMoyenne cumulative : 3,61/4,33 – Liste d’honneur du doyen"} {
		if got := gpasOf(parseEducation(body)); len(got) != 1 || got[0] != "3.71 / 4.00" && got[0] != "3,61/4,33" {
			t.Errorf("gpa = %q, want the mark alone", got)
		}
	}
}
