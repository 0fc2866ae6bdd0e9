package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/utopiahire/utopiahire/internal/extract"
)

// A town between a school and the grade that ends the line ("…,
// Universidad Austral, Valdivia, Distinción Máxima", "…, Multan, CGPA
// 3.61/4.00") is cut from the grade: the town is the location and the
// grade the gpa, as moderncv prints its town and grade fields.
func TestVariationTownBeforeGrade(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"honours after the town", "2006–2011\tIngeniera Civil, Universidad Austral, Valdivia, Distinción Máxima",
			[]eduWant{{"Ingeniera Civil", "Universidad Austral", "Valdivia", "2006", "2011"}}, []string{"Distinción Máxima"}},
		{"mark after the town", "2012–2016\tBS Mathematics, Bahauddin Zakariya University, Multan, CGPA 3.61/4.00",
			[]eduWant{{"BS Mathematics", "Bahauddin Zakariya University", "Multan", "2012", "2016"}}, []string{"3.61/4.00"}},
	})
}

// A school's name that ran to the column's edge and was cut at a
// hyphen by the typesetter ("Universidad Austral de Valdivia, Val-" /
// "divia, Distinción Máxima") is mended without the hyphen; a compound
// town cut at one of its own hyphens keeps it.
func TestVariationHyphenCutNameWrap(t *testing.T) {
	doc := func(first, second string) extract.Document {
		d := extract.Document{Pages: 1}
		add := func(x float64, text string, full bool) {
			d.Lines = append(d.Lines, extract.Line{Text: text, Page: 1, X: x, Y: 40 + 14*float64(len(d.Lines)), Size: 10, Full: full})
		}
		add(96, "Jane Roe", false)
		add(96, "jane@example.com", false)
		add(160, "Education", false)
		add(96, "2016–2018\tMSc in Mining, Universidad de Chile, Santiago", false)
		add(96, first, true)
		add(160, second, false)
		add(160, "Skills", false)
		add(96, "Software\tExcel, SQL", false)
		return d
	}
	got := edusOf(Parse(doc("2006–2011\tIngeniera Civil (Professional Title in Mining), Universidad Austral de Valdivia, Val-",
		"divia, Distinción Máxima")))
	want := []eduWant{{"MSc in Mining", "Universidad de Chile", "Santiago", "2016", "2018"},
		{"Ingeniera Civil (Professional Title in Mining)", "Universidad Austral de Valdivia", "Valdivia", "2006", "2011"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
}

// moderncv's school-first entry prints the school and its town on one
// line and the degree with its dates on the next, the grade field after
// the degree's comma: that field is the gpa, an honours class included,
// and no part of the degree's name.
func TestVariationModerncvGradeField(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"class, class and mark, named mark",
			"Brackenhurst University\tBristol, UK\nMSc Soil Science and Drainage, Merit\t2015–2016\nDissertation: field drains.\n" +
				"Elmswil Institute of Technology\tTamale, Ghana\nBEng (Hons) Mining Engineering, Second Class Honours, CWA 71.2\t2010–2014\n" +
				"St Agnes Secondary School\tTamale, Ghana\nSenior Secondary Certificate Examination (SSCE), Aggregate 9\t2007–2010",
			[]eduWant{{"MSc Soil Science and Drainage", "Brackenhurst University", "Bristol, UK", "2015", "2016"},
				{"BEng (Hons) Mining Engineering", "Elmswil Institute of Technology", "Tamale, Ghana", "2010", "2014"},
				{"Senior Secondary Certificate Examination (SSCE)", "St Agnes Secondary School", "Tamale, Ghana", "2007", "2010"}},
			[]string{"Merit", "Second Class Honours, CWA 71.2", "Aggregate 9"}},
		{"first class",
			"Harbour College\tLeeds\nBachelor of Arts (History), First Class Honours\t2011 – 2015",
			[]eduWant{{"Bachelor of Arts (History)", "Harbour College", "Leeds", "2011", "2015"}},
			[]string{"First Class Honours"}},
	})
}
