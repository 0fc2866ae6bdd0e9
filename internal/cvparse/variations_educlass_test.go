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
