package cvparse

import "testing"

// A European qualifications framework level written after a degree
// ("EQF level 6", "Niveau 7 du CEC"), on its line or in a cell of its
// own, ranks the degree and is no part of its name nor its school's: it
// goes to the description.
func TestVariationFrameworkLevelAfterDegree(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"after the degree", "09/2011–06/2014\tBachelor's degree in Marine Biology EQF level 6\nKestrel University, Faculty of Sciences, Gdańsk (Poland)",
			[]eduWant{{"Bachelor's degree in Marine Biology", "Kestrel University, Faculty of Sciences", "Gdańsk (Poland)", "09/2011", "06/2014"}},
			[]string{"EQF level 6"}},
		{"in a cell of its own", "09/2006–06/2010\tBaccalaureate diploma, Science profile\tEQF level 4\nLiceul Teoretic „Ion Creangă”, Brașov (Romania)",
			[]eduWant{{"Baccalaureate diploma, Science profile", "Liceul Teoretic „Ion Creangă”", "Brașov (Romania)", "09/2006", "06/2010"}},
			[]string{"EQF level 4"}},
		{"french, in brackets", "2015 – 2017\tMaster en finance d'entreprise (niveau 7 du CEC)\nUniversité de Kestrel, Lille",
			[]eduWant{{"Master en finance d'entreprise", "Université de Kestrel", "Lille", "2015", "2017"}},
			[]string{"niveau 7 du CEC"}},
	})
}

// "Upper secondary" names a school level, not the upper second class of
// an honours degree: the line stays the degree.
func TestVariationUpperSecondaryIsNoClass(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"upper secondary diploma", "09/2006–06/2010\tUpper secondary diploma, Science profile\nLiceul Teoretic „Ion Creangă”, Brașov (Romania)",
			[]eduWant{{"Upper secondary diploma, Science profile", "Liceul Teoretic „Ion Creangă”", "Brașov (Romania)", "09/2006", "06/2010"}}, nil},
		{"lower secondary certificate", "2004 – 2008\nLower Secondary Certificate\nKestrel Junior School, Gaborone",
			[]eduWant{{"Lower Secondary Certificate", "Kestrel Junior School", "Gaborone", "2004", "2008"}}, nil},
	})
}
