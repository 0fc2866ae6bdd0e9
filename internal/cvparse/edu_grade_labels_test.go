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
