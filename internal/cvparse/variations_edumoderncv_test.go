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
			[]eduWant{{"BS Mathematics", "Bahauddin Zakariya University", "Multan", "2012", "2016"}}, []string{"CGPA 3.61/4.00"}},
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
