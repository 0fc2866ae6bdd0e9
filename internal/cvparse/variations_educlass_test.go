package cvparse

import "testing"

// A classification after a dash on the degree's own line is the degree's
// phrase, as after a comma ("BSc Midwifery – First Class Honours"); after
// the school it is the grade, and a mark is always the grade. A class the
// line's end cuts in two is set apart from the name: the grade.
func TestVariationClassAfterDegreeDash(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"en dash, honours", "2011 – 2015\tBSc (Hons) Midwifery – First Class Honours\nAlderbrook University",
			[]eduWant{{"BSc (Hons) Midwifery – First Class Honours", "Alderbrook University", "", "2011", "2015"}}, []string{""}},
		{"em dash after a field", "Bachelor of Science, Agronomy — Merit\t1998 – 2002\nKestrel Valley University\tLusaka",
			[]eduWant{{"Bachelor of Science, Agronomy — Merit", "Kestrel Valley University", "Lusaka", "1998", "2002"}}, []string{""}},
		{"division in brackets", "2006 – 2010\tB.Com. Finance (Special) Degree – Second Class (Lower Division)\nUniversity of Ruhunawatte",
			[]eduWant{{"B.Com. Finance (Special) Degree – Second Class (Lower Division)", "University of Ruhunawatte", "", "2006", "2010"}}, []string{""}},
		{"after the school stays the grade", "2011 – 2015\tBSc Midwifery, Alderbrook University – First Class Honours",
			[]eduWant{{"BSc Midwifery", "Alderbrook University", "", "2011", "2015"}}, []string{"First Class Honours"}},
		{"a mark stays the grade", "2011 – 2015\tBSc Midwifery – 71.5%\nAlderbrook University",
			[]eduWant{{"BSc Midwifery", "Alderbrook University", "", "2011", "2015"}}, []string{"71.5%"}},
		{"class cut by the line's end", "2011 – 2015\tBSc (Hons) in Land Economy — Second Class (Lower\nDivision)\nAlderbrook University",
			[]eduWant{{"BSc (Hons) in Land Economy", "Alderbrook University", "", "2011", "2015"}}, []string{"Second Class (Lower Division)"}},
	})
}

// What a degree's line holds after its name: an abbreviation's full stop
// inside a bracket left open ends no sentence ("(B. Ing.)"); a field joined
// by "with" is still the field ("French with Spanish"); a study mode after
// a dash is cut off to the notes, as after a comma.
func TestVariationDegreeTails(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"initials in brackets", "2014 – 2018\tBaccalauréat en génie civil (B. Ing.)\nÉcole de technologie de Rimouski",
			[]eduWant{{"Baccalauréat en génie civil (B. Ing.)", "École de technologie de Rimouski", "", "2014", "2018"}}, nil},
		{"master's initials in brackets", "Maîtrise en orthophonie (M. Sc. S.)\t2019 – 2021\nUniversité de Trois-Lacs",
			[]eduWant{{"Maîtrise en orthophonie (M. Sc. S.)", "Université de Trois-Lacs", "", "2019", "2021"}}, nil},
		{"field joined by with", "2015 – 2016\tPostgraduate Diploma in Education (Primary) – French with Spanish\nUniversity of Kelvinhaugh",
			[]eduWant{{"Postgraduate Diploma in Education (Primary) – French with Spanish", "University of Kelvinhaugh", "", "2015", "2016"}}, []string{""}},
		{"mode after a dash", "Sept. 2021 – juin 2023\tMaster Achats et Logistique (MAL) – en alternance\nUniversité de Valmont",
			[]eduWant{{"Master Achats et Logistique (MAL)", "Université de Valmont", "", "Sept. 2021", "juin 2023"}}, []string{"en alternance"}},
		{"mode after an em dash", "2017 – 2019\tHND Quantity Surveying — part-time\nBrackenfield College",
			[]eduWant{{"HND Quantity Surveying", "Brackenfield College", "", "2017", "2019"}}, []string{"part-time"}},
	})
}

// A class in brackets after a degree: Latin honours are the degree's
// class, whatever follows ("(magna cum laude), School"); "(Merit)" closing
// the degree's own line is part of the title set whole; followed on its
// line by the school, it is the grade.
func TestVariationClassInBrackets(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"latin honours before the school", "2009 – 2012\tBA Linguistics (magna cum laude), University of Karoo Ridge",
			[]eduWant{{"BA Linguistics (magna cum laude)", "University of Karoo Ridge", "", "2009", "2012"}}, []string{""}},
		{"merit closing the line", "MSc Marine Ecology (Merit)\t2016 – 2017\nUniversity of Dunmore",
			[]eduWant{{"MSc Marine Ecology (Merit)", "University of Dunmore", "", "2016", "2017"}}, []string{""}},
		{"merit before the school", "2016–2017\tMSc Marine Ecology (Merit), University of Dunmore, Dunmore, UK",
			[]eduWant{{"MSc Marine Ecology", "University of Dunmore", "Dunmore, UK", "2016", "2017"}}, []string{"Merit"}},
	})
}

// A note opened by its label after a dash on the degree's line ("– Main
// subjects: …", "— Thesis: …") goes to the description; a label naming
// the degree's branch ("– Option : …") stays with the degree.
func TestVariationLabelledNoteAfterDegree(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"subjects after the exam", "2014 – 2015\tHigher Secondary Certificate (HSC) – Main subjects: Biology, Chemistry; Subsidiary: Art\nLycée Beausoleil",
			[]eduWant{{"Higher Secondary Certificate (HSC)", "Lycée Beausoleil", "", "2014", "2015"}}, []string{"Main subjects: Biology, Chemistry; Subsidiary: Art"}},
		{"subjects after an em dash", "2009 – 2011\tLeaving Certificate — Subjects taken: Irish, Geography, Art\nColáiste Bríde, Ennistymon",
			[]eduWant{{"Leaving Certificate", "Coláiste Bríde", "Ennistymon", "2009", "2011"}}, []string{"Subjects taken: Irish, Geography, Art"}},
		{"branch label stays", "2010 – 2012\tBTS Électrotechnique – Option : Maintenance\nLycée Jean Moulin",
			[]eduWant{{"BTS Électrotechnique – Option : Maintenance", "Lycée Jean Moulin", "", "2010", "2012"}}, []string{""}},
	})
}

// A field of study then the class after the degree's dash ("Bachelor of
// Education – Early Childhood Studies, Second Class Honours (Upper
// Division)") is the degree's phrase whole, as the class alone is.
func TestFieldThenClassAfterDegreeDash(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"field and class", "Bachelor of Education – Early Childhood Studies, Second Class Honours (Upper Division)\t2013 – 2017\nMapleton Teachers' College, Kingston",
			[]eduWant{{"Bachelor of Education – Early Childhood Studies, Second Class Honours (Upper Division)", "Mapleton Teachers' College", "Kingston", "2013", "2017"}}, []string{""}},
		{"field and first class", "BSc – Land Surveying and Mapping, First Class Honours\t2010 – 2014\nKestrel University, Ndola",
			[]eduWant{{"BSc – Land Surveying and Mapping, First Class Honours", "Kestrel University", "Ndola", "2010", "2014"}}, []string{""}},
	})
}
