package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// A scanned CV with its dates and headings in a column of their own at
// the left, which OCR read as a block before the content column: each
// date is set back beside the line level with it, so the jobs and the
// degrees get their dates.
func TestOCRLabelColumnReadFirst(t *testing.T) {
	row := func(x, y float64, gap bool, text string) extract.Line {
		return extract.Line{Text: text, Page: 1, X: x, Y: y, Size: 10, GapBefore: gap}
	}
	doc := extract.Document{OCR: true, Pages: 1, Lines: []extract.Line{
		row(140, 40, true, "Ursula Moret"),
		row(140, 60, false, "Rue du Lac 12, 1800 Vevey"),
		row(140, 72, false, "u.moret@example.ch"),
		// The label column, read first.
		row(50, 120, true, "Expérience professionnelle"),
		row(50, 138, true, "depuis 04.2020"),
		row(50, 190, true, "09.2015 - 03.2020"),
		row(50, 240, true, "Formation"),
		row(50, 258, true, "2012 - 2015"),
		row(50, 290, true, "2009 - 2012"),
		// The content column, read after it.
		row(180, 138, true, "Gestionnaire des salaires"),
		row(180, 150, false, "Hôpital de la Riviera, Vevey"),
		row(180, 162, false, "• Paie mensuelle de 900 collaborateurs"),
		row(180, 190, true, "Employée de commerce"),
		row(180, 202, false, "Banque Cantonale du Valais, Sion"),
		row(180, 258, true, "Brevet fédéral de spécialiste RH"),
		row(180, 270, false, "École-club de Lausanne"),
		row(180, 290, true, "CFC d'employée de commerce"),
		row(180, 302, false, "École professionnelle de Sion"),
	}}
	got := Parse(doc)
	wantExp := []expWant{
		{"Gestionnaire des salaires", "Hôpital de la Riviera", "Vevey", "04.2020", "Present"},
		{"Employée de commerce", "Banque Cantonale du Valais", "Sion", "09.2015", "03.2020"},
	}
	if diff := cmp.Diff(wantExp, expsOf(got)); diff != "" {
		t.Errorf("experience (-want +got):\n%s", diff)
	}
	wantEdu := []eduWant{
		{"Brevet fédéral de spécialiste RH", "École-club de Lausanne", "", "2012", "2015"},
		{"CFC d'employée de commerce", "École professionnelle de Sion", "", "2009", "2012"},
	}
	if diff := cmp.Diff(wantEdu, edusOf(got)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
}

// A photographed CV whose sidebar the layout read as a page column before
// the main column, its lines standing level with the main column's on one
// baseline grid: the sidebar is no label column, and the jobs keep their
// own lines.
func TestOCRSidebarLevelWithMainColumn(t *testing.T) {
	row := func(col int, y float64, gap bool, text string) extract.Line {
		x := 30.0
		if col == 2 {
			x = 210
		}
		return extract.Line{Text: text, Page: 1, X: x, Y: y, Size: 9, GapBefore: gap, Column: col}
	}
	var lines []extract.Line
	for i, s := range []string{"Tomasz Wierzbicki", "CONTACT", "+48 601 555 014", "tomasz.w@example.pl", "SKILLS", "Python", "Airflow", "dbt", "LANGUAGES", "Polish", "English"} {
		lines = append(lines, row(1, 60+float64(i)*13, i == 0, s))
	}
	for i, s := range []string{"EXPERIENCE", "Data Engineer", "Vistula Freight Sp. z o.o., Gdańsk | Mar 2020 - Present",
		"Built the nightly pipelines feeding the warehouse.", "Junior Analyst", "Baltic Retail S.A., Gdynia | Jun 2017 - Feb 2020",
		"Wrote the weekly sales reports.", "EDUCATION", "MSc Computer Science", "Gdańsk University of Technology | 2015 - 2017"} {
		lines = append(lines, row(2, 60+float64(i)*13, i == 0, s))
	}
	got := Parse(extract.Document{OCR: true, Pages: 1, Lines: lines})
	want := []expWant{
		{"Data Engineer", "Vistula Freight Sp. z o.o.", "Gdańsk", "Mar 2020", "Present"},
		{"Junior Analyst", "Baltic Retail S.A.", "Gdynia", "Jun 2017", "Feb 2020"},
	}
	if diff := cmp.Diff(want, expsOf(got)); diff != "" {
		t.Errorf("experience (-want +got):\n%s", diff)
	}
}
