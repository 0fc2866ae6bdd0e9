package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// A bordered education table whose columns touch, read by the PDF reader
// as two blocks side by side (years and degree, then school and grade),
// each cell wrapped over lines: sewn back row by row.
func TestTornTableRows(t *testing.T) {
	type row struct {
		x, y float64
		text string
	}
	rows := []row{
		{50, 100, "Jordan Mbeki"}, {50, 114, "jordan.mbeki@example.com"},
		{50, 150, "ACADEMIC RECORD"},
		{50, 170, "Year\tDegree"},
		{50, 188, "2015 –\tB.Sc. Chemical"},
		{50, 199, "2019\tEngineering"},
		{50, 217, "2013\tSenior Certificate,"},
		{98, 228, "Western Cape Board"},
		{240, 170, "University\tScore"},
		{240, 188, "Lakeview University of Science, Durban\tSecond Class"},
		{430, 199, "Upper (68%)"},
		{240, 217, "Rosebank Girls' High\t81%"},
		{240, 228, "School, Cape Town"},
		{50, 260, "SKILLS"},
		{50, 274, "Process simulation, HAZOP"},
	}
	var doc extract.Document
	for _, r := range rows {
		doc.Lines = append(doc.Lines, extract.Line{Text: r.text, Page: 1, X: r.x, Y: r.y, Size: 10})
	}
	got := Parse(doc)
	want := []eduWant{
		{"B.Sc. Chemical Engineering", "Lakeview University of Science", "Durban", "2015", "2019"},
		{"Senior Certificate, Western Cape Board", "Rosebank Girls' High School", "Cape Town", "", "2013"},
	}
	if diff := cmp.Diff(want, edusOf(got)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Second Class Upper (68%)", "81%"}, gpasOf(got)); diff != "" {
		t.Errorf("gpa (-want +got):\n%s", diff)
	}
}

// posDoc lays out positioned lines on one page, all in one type size.
func posDoc(rows []posRow) extract.Document {
	var doc extract.Document
	for _, r := range rows {
		doc.Lines = append(doc.Lines, extract.Line{Text: r.text, Page: 1, X: r.x, Y: r.y, Size: 8, Full: r.full})
	}
	return doc
}

type posRow struct {
	x, y float64
	text string
	full bool
}

// A table's cell wrapped onto a line of its own, set in under its column
// ("University of the" / "Western Cape, Bellville"): the one cell of the
// row left open goes on, not the row's description.
func TestTableCellWrapSetIn(t *testing.T) {
	doc := posDoc([]posRow{
		{x: 40, y: 60, text: "Thandeka Mokoena"}, {x: 40, y: 72, text: "thandeka@example.com"},
		{x: 40, y: 100, text: "EDUCATION"},
		{x: 40, y: 120, text: "Years\tDegree\tSchool\tGrade"},
		{x: 40, y: 140, text: "2010 – 2014\tBachelor of Arts in History\tUniversity of the\t3.7 / 4"},
		{x: 310, y: 152, text: "Western Cape, Bellville"},
		{x: 40, y: 172, text: "2008 – 2010\tDiploma in Public Administration and\tBoland College\t–"},
		{x: 112, y: 184, text: "Local Governance"},
		{x: 40, y: 210, text: "SKILLS"},
		{x: 40, y: 222, text: "Policy analysis, Excel"},
	})
	got := Parse(doc)
	want := []eduWant{
		{"Bachelor of Arts in History", "University of the Western Cape", "Bellville", "2010", "2014"},
		{"Diploma in Public Administration and Local Governance", "Boland College", "", "2008", "2010"},
	}
	if diff := cmp.Diff(want, edusOf(got)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
}
