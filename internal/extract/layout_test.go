package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// page builds word boxes for layout tests: each placed text is split into
// words 5pt per character wide, 3pt apart, 10pt high at its x and y.
type page []bbWord

func (p *page) at(x, y float64, text string) *page {
	for _, w := range strings.Fields(text) {
		wd := 5 * float64(len([]rune(w)))
		*p = append(*p, bbWord{XMin: x, YMin: y, XMax: x + wd, YMax: y + 10, Text: w})
		x += wd + 3
	}
	return p
}

// lines lays the page out on an A4-wide page and returns its lines' text.
func (p *page) lines() []string {
	var out []string
	for _, l := range layoutPage(append([]bbWord(nil), *p...), 595, 1) {
		out = append(out, l.Text)
	}
	return out
}

func TestLayoutSidebarUnderHeader(t *testing.T) {
	// A full-width header above a left sidebar (x=20) and a main column
	// (x=220): the header's last word starts 1pt left of the main column's
	// edge and crosses it, so the edge must not be taken from that word.
	p := &page{}
	p.at(40, 30, "Jane Doe")
	p.at(82, 50, "Senior Platform Engineer and Developer")
	side := []string{"CONTACT", "+1 555 0100", "jane@example.com", "SKILLS", "Go", "Kubernetes", "LANGUAGES", "English", "French"}
	main := []string{"EXPERIENCE", "Staff Engineer", "Acme Corp, Berlin | 2020 – Present", "Led the platform team of twelve people",
		"EDUCATION", "MSc Computer Science", "TU Berlin | 2014 – 2016"}
	for i, s := range side {
		p.at(20, 100+float64(i)*14, s)
	}
	for i, s := range main {
		p.at(220, 100+float64(i)*14, s)
	}
	want := append(append([]string{"Jane Doe", "Senior Platform Engineer and Developer"}, side...), main...)
	if diff := cmp.Diff(want, p.lines()); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
}

// fullWidthLines places the lines of a one-column page 16pt apart from
// y=40 at x=30; a line's part after "|" (its dates) ends at the right
// margin.
func fullWidthLines(lines ...string) *page {
	p := &page{}
	y := 40.0
	for _, s := range lines {
		text, date, _ := strings.Cut(s, "|")
		p.at(30, y, text)
		if date != "" {
			p.rightAt(560, y, date)
		}
		y += 16
	}
	return p
}

// rightAt places text so that it ends at x.
func (p *page) rightAt(x, y float64, text string) *page {
	w := 0.0
	for i, f := range strings.Fields(text) {
		if i > 0 {
			w += 3
		}
		w += 5 * float64(len([]rune(f)))
	}
	return p.at(x-w, y, text)
}

func TestLayoutTableUnderInterleavedHeader(t *testing.T) {
	// A moderncv-style page: the header puts the name on the left and the
	// address on the right, above a full-width headline that crosses the
	// value column's edge; below it, dates right-aligned against the
	// value column (x=160) label each entry.
	p := &page{}
	p.rightAt(560, 20, "Route de Tunis km 4")
	p.rightAt(560, 32, "Sfax")
	p.at(60, 40, "Youssef Ben Amor")
	p.at(60, 60, "Quality engineer in the automotive industry")
	y := 100.0
	for _, e := range []struct {
		date string
		rows []string
	}{
		{"since 2021", []string{"Supplier quality lead, Draxlmaier, Sfax", "Audits of 45 suppliers", "PPM down from 410 to 120"}},
		{"2017 – 2021", []string{"Product quality engineer, Leoni, Sousse", "PPAP and process FMEA", "QRQC in production"}},
		{"2014 – 2017", []string{"Engineering degree, ENIS", "Industrial engineering"}},
		{"2012 – 2014", []string{"Preparatory classes, IPEIS", "Mathematics and physics"}},
		{"Tools", []string{"Minitab, SAP QM, Excel, Power BI"}},
		{"Standards", []string{"IATF 16949, ISO 9001, VDA 6.3"}},
	} {
		p.rightAt(150, y, e.date)
		for i, r := range e.rows {
			p.at(160, y+float64(i)*13, r)
		}
		y += float64(len(e.rows))*13 + 10
	}
	want := []string{"Route de Tunis km 4", "Sfax", "Youssef Ben Amor", "Quality engineer in the automotive industry",
		"since 2021\tSupplier quality lead, Draxlmaier, Sfax", "Audits of 45 suppliers", "PPM down from 410 to 120",
		"2017 – 2021\tProduct quality engineer, Leoni, Sousse", "PPAP and process FMEA", "QRQC in production",
		"2014 – 2017\tEngineering degree, ENIS", "Industrial engineering",
		"2012 – 2014\tPreparatory classes, IPEIS", "Mathematics and physics",
		"Tools\tMinitab, SAP QM, Excel, Power BI", "Standards\tIATF 16949, ISO 9001, VDA 6.3"}
	if diff := cmp.Diff(want, p.lines()); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
}

// word is one word box at x with the given width, on the row at y.
func word(x, y, w float64, text string) bbWord {
	return bbWord{XMin: x, YMin: y, XMax: x + w, YMax: y + 7, Text: text}
}

func TestLayoutLetterSpacing(t *testing.T) {
	// spaced places tokens 5pt wide (10pt for two letters, 15 for three)
	// with gap between them, and gap+wide before a token marked "|".
	spaced := func(gap, wide float64, toks ...string) []bbWord {
		var ws []bbWord
		x := 20.0
		for _, tk := range toks {
			if strings.HasPrefix(tk, "|") {
				tk, x = tk[1:], x+wide
			}
			w := 5 * float64(len([]rune(tk)))
			ws = append(ws, word(x, 100, w, tk))
			x += w + gap
		}
		return ws
	}
	tests := []struct {
		name  string
		words []bbWord
		want  string
	}{
		{"tracked heading with a kerned pair", spaced(2.4, 0, "C", "O", "N", "TA", "C", "T"), "CONTACT"},
		{"tracked hyphenated name", spaced(2.4, 8, "L", "É", "A", "|D", "U", "P", "O", "N", "T-", "R", "O", "Y"), "LÉA DUPONT-ROY"},
		{"tracked name, particle and hyphen", spaced(2.2, 7, "Y", "A", "N", "N", "|D", "E", "|L", "A", "|T", "O", "U", "R-", "B", "E", "R", "T"), "YANN DE LA TOUR-BERT"},
		{"two tracked words", spaced(2.4, 5, "C", "E", "N", "T", "R", "E", "S", "|D", "'", "I", "N", "T", "É", "R", "Ê", "T"), "CENTRES D'INTÉRÊT"},
		{"light tracking merged by poppler", spaced(1.6, 5.2, "D", "ATA", "|SCIENTIST"), "DATA SCIENTIST"},
		{"an initial between words", spaced(3, 0, "JOHN", "F", "KENNEDY"), "JOHN F KENNEDY"},
		{"lower case", spaced(2.4, 0, "a", "b", "c", "d"), "a b c d"},
		{"tracked mixed case", spaced(0.7, 3.6, "Ca", "r", "e", "e", "r", "|H", "i", "st", "o", "ry"), "Career History"},
		{"tracked mixed case with an ampersand", spaced(0.7, 3.6, "E", "d", "u", "cat", "i", "o", "n", "|&", "|S", "k", "i", "ll", "s"), "Education & Skills"},
		{"tracked French heading", spaced(0.8, 3.8, "E", "x", "p", "é", "r", "i", "e", "n", "c", "e", "s", "|p", "ro", "f", "e", "s", "s", "i", "o", "n", "n", "e", "ll", "e", "s"), "Expériences professionnelles"},
		{"tracked lower-case label", spaced(0.6, 3.2, "k", "e", "y", "|s", "k", "i", "ll", "s"), "key skills"},
		{"light tracking cut into fragments", spaced(0.75, 3.8, "E", "xp", "é", "r", "ience", "s", "|pr", "ofe", "ss", "ionnelle", "s"), "Expériences professionnelles"},
		{"light tracking in capitals", spaced(0.75, 3.8, "COORDONN", "É", "ES"), "COORDONNÉES"},
		{"light tracking, fragments of several letters", spaced(0.7, 3.6, "W", "or", "k", "|H", "ist", "or", "y"), "Work History"},
		{"single letters in plain type", spaced(1.8, 0, "x", "y", "z", "and", "w"), "x y z and w"},
		{"ordinary heading", spaced(3, 0, "WORK", "EXPERIENCE"), "WORK EXPERIENCE"},
		{"tracked name with a quoted nickname", spaced(2.4, 7, "K", "E", "A", "LO", "H", "A", "|\"", "K", "E", "A", "\"", "|D", "A", "N", "I", "E", "L", "S"), "KEALOHA \"KEA\" DANIELS"},
		{"tracked name with curly quotes", spaced(2.4, 7, "J", "O", "H", "N", "|“", "J", "A", "C", "K", "”", "|R", "O", "E"), "JOHN “JACK” ROE"},
		{"tracked French name with guillemets", spaced(2.4, 7, "M", "A", "R", "IE", "|«", "M", "I", "M", "I", "»", "|D", "U", "R", "A", "N", "D"), "MARIE «MIMI» DURAND"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := layoutPage(tt.words, 595, 1)
			if len(got) != 1 || got[0].Text != tt.want {
				t.Errorf("lines = %+v, want one line %q", got, tt.want)
			}
		})
	}
}

func TestLayoutWrappedTitle(t *testing.T) {
	// A name in 16pt type wrapped in a 170pt-wide sidebar is one line; a
	// name above a headline of the same size that would have fitted beside
	// it is not joined to it.
	p := &page{}
	*p = append(*p, bbWord{XMin: 20, YMin: 40, XMax: 150, YMax: 56, Text: "Fatima-Zahra"},
		bbWord{XMin: 20, YMin: 63, XMax: 85, YMax: 79, Text: "Benali"})
	for i, s := range []string{"DATA SCIENTIST", "+1 514 555 0147", "fz@example.com", "Montreal, Canada", "SKILLS", "Python, SQL",
		"LANGUAGES", "French, Arabic"} {
		p.at(20, 100+float64(i)*14, s)
	}
	p.at(20, 300, "Member of the data science guild")
	if got := p.lines(); len(got) < 2 || got[0] != "Fatima-Zahra Benali" || got[1] != "DATA SCIENTIST" {
		t.Errorf("lines = %q", got)
	}
	q := &page{}
	*q = append(*q, bbWord{XMin: 20, YMin: 40, XMax: 100, YMax: 56, Text: "JANE"}, bbWord{XMin: 104, YMin: 40, XMax: 170, YMax: 56, Text: "DOE"},
		bbWord{XMin: 20, YMin: 63, XMax: 100, YMax: 79, Text: "DATA"}, bbWord{XMin: 104, YMin: 63, XMax: 250, YMax: 79, Text: "ENGINEER"})
	for i, s := range []string{"jane@example.com", "EXPERIENCE", "Data Engineer, Acme, 2020 – 2024",
		"Built the ingestion pipelines of the payments platform and its monitoring"} {
		q.at(20, 100+float64(i)*14, s)
	}
	if got := q.lines(); len(got) < 2 || got[0] != "JANE DOE" || got[1] != "DATA ENGINEER" {
		t.Errorf("lines = %q", got)
	}
}

func TestLayoutColumnsContinueOnNextPage(t *testing.T) {
	// Page 1: a sidebar (x=20) and a main column (x=220). Page 2: the
	// sidebar has one short section left, too little to show a gutter by
	// itself, beside the main column's last sections.
	p1 := &page{}
	for i, s := range []string{"CONTACT", "jane@example.com", "+44 7700 900123", "SKILLS", "Figma", "Prototyping", "User research"} {
		p1.at(20, 60+float64(i)*14, s)
	}
	for i, s := range []string{"Jane Roe", "PROFILE", "Designer of accessible services", "EXPERIENCE", "Lead Designer",
		"Revolut, Dublin 2021 – present", "Led a team of five designers"} {
		p1.at(220, 60+float64(i)*14, s)
	}
	lines, x := layoutPageAfter(*p1, 595, 1, pageSplit{})
	if x.x == 0 || len(lines) == 0 || lines[0].Column != 1 || lines[len(lines)-1].Column != 2 {
		t.Fatalf("page 1 split at %v: %+v", x, lines)
	}
	p2 := &page{}
	p2.at(20, 40, "INTERESTS")
	p2.at(20, 54, "Ceramics, sea swimming")
	for i, s := range []string{"EDUCATION", "MSc Interaction Design", "Trinity College Dublin 2012 – 2013", "CERTIFICATIONS",
		"Nielsen Norman Group UX Certificate, 2019"} {
		p2.at(220, 40+float64(i)*14, s)
	}
	var got []string
	two, _ := layoutPageAfter(*p2, 595, 2, x)
	for _, l := range two {
		got = append(got, fmt.Sprintf("%d %s", l.Column, l.Text))
	}
	want := []string{"1 INTERESTS", "1 Ceramics, sea swimming", "2 EDUCATION", "2 MSc Interaction Design",
		"2 Trinity College Dublin 2012 – 2013", "2 CERTIFICATIONS", "2 Nielsen Norman Group UX Certificate, 2019"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("page 2 (-want +got):\n%s", diff)
	}
	// Alone, page 2 shows no gutter: its rows are read across.
	if alone := layoutPage(*p2, 595, 2); alone[0].Text != "INTERESTS\tEDUCATION" {
		t.Errorf("page 2 alone: %q", alone[0].Text)
	}
}

// A label/value table whose labels are as dense as their values
// ("Employer", "Job title", "Dates" beside each job) is read row by row:
// its recurring labels tell it from a sidebar.
func TestLayoutRecurringLabelColumn(t *testing.T) {
	p := &page{}
	p.at(40, 30, "Adaeze Okonkwo-Ibe")
	rows := [][2]string{
		{"Email", "adaeze@example.com"}, {"Mobile", "+234 802 555 0101"},
		{"Employer", "Dangote Cement Plc, Obajana"}, {"Job title", "Process Engineer"}, {"Dates", "January 2019 to date"},
		{"Employer", "Nigerian Breweries, Ibadan"}, {"Job title", "Graduate Trainee"}, {"Dates", "March 2017 – December 2018"},
		{"Institution", "University of Nigeria, Nsukka"}, {"Qualification", "B.Eng. Chemical Engineering"}, {"Year", "2016"},
	}
	var want []string
	want = append(want, "Adaeze Okonkwo-Ibe")
	for i, r := range rows {
		p.at(40, 100+float64(i)*14, r[0])
		p.at(190, 100+float64(i)*14, r[1])
		want = append(want, r[0]+"\t"+r[1])
	}
	if diff := cmp.Diff(want, p.lines()); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	// A sidebar of lines that do not recur stays a column of its own.
	p = &page{}
	p.at(40, 30, "Jane Doe")
	side := []string{"Go", "Python", "Kubernetes", "Terraform", "English", "French", "Arabic"}
	main := []string{"Staff Engineer", "Acme Corp, Berlin", "Led the platform team", "Senior Engineer", "Globex, Paris",
		"Built the billing service", "Engineer"}
	want = []string{"Jane Doe"}
	for i := range side {
		p.at(40, 100+float64(i)*14, side[i])
		p.at(190, 100+float64(i)*14, main[i])
	}
	want = append(append(want, side...), main...)
	if diff := cmp.Diff(want, p.lines()); diff != "" {
		t.Errorf("sidebar lines (-want +got):\n%s", diff)
	}
}

func TestLayoutFooterBelowColumns(t *testing.T) {
	// A browser footer (the file's address on the left, the page number on
	// the right) well below two columns belongs to neither; a page with
	// only that footer leaves the columns to the page after it.
	p := &page{}
	for i, s := range []string{"CONTACT", "jane@example.com", "SKILLS", "Figma", "Prototyping", "LANGUAGES", "English"} {
		p.at(20, 60+float64(i)*14, s)
	}
	for i, s := range []string{"EXPERIENCE", "Lead Designer", "Revolut, Dublin 2021 – present", "Led a team of five designers",
		"Senior Designer", "Deloitte, Dublin 2018 – 2021", "Service design for the tax portal", "Usability sessions"} {
		p.at(220, 60+float64(i)*14, s)
	}
	p.at(20, 800, "file:///home/jane/cv.html")
	p.at(540, 800, "1/3")
	lines, x := layoutPageAfter(*p, 595, 1, pageSplit{})
	last := lines[len(lines)-1]
	if x.x == 0 || last.Text != "file:///home/jane/cv.html\t1/3" || last.Column != 0 {
		t.Errorf("split at %v, last line %+v", x, last)
	}
	footer := &page{}
	footer.at(20, 800, "file:///home/jane/cv.html")
	footer.at(540, 800, "2/3")
	if _, x2 := layoutPageAfter(*footer, 595, 2, x); x2 != x {
		t.Errorf("a footer-only page passes on %v, want %v", x2, x)
	}
}

func TestLayoutTouchingWords(t *testing.T) {
	// Poppler cuts a word where its font or size changes: a synthesised
	// small-capital heading ("P" + "arcours") or a bold word before its
	// comma. Boxes that touch are one word; a word space is kept.
	words := []bbWord{
		{XMin: 33.7, YMin: 105.7, XMax: 42.8, YMax: 119.8, Text: "P"},
		{XMin: 42.8, YMin: 109.3, XMax: 89.8, YMax: 118.9, Text: "arcours"},
		{XMin: 94.0, YMin: 109.3, XMax: 176.3, YMax: 118.9, Text: "professionnel"},
	}
	if got := layoutPage(words, 595, 1); len(got) != 1 || got[0].Text != "Parcours professionnel" {
		t.Errorf("lines = %+v", got)
	}
	words = []bbWord{word(20, 100, 30, "Python"), word(50, 100, 2, ","), word(55, 100, 15, "SQL")}
	if got := layoutPage(words, 595, 1); len(got) != 1 || got[0].Text != "Python, SQL" {
		t.Errorf("lines = %+v", got)
	}
}

func TestLayoutSizeOfTextNotIcons(t *testing.T) {
	// Rating dots and icon glyphs have taller boxes than the words beside
	// them: the line's size is its text's.
	words := []bbWord{
		{XMin: 20, YMin: 100, XMax: 60, YMax: 107, Text: "Espagnol"},
		{XMin: 120, YMin: 98, XMax: 160, YMax: 108.5, Text: "●●○○○"},
	}
	if got := layoutPage(words, 595, 1); len(got) != 1 || got[0].Size != 7 {
		t.Errorf("lines = %+v, want one line of size 7", got)
	}
}

func TestLayoutTableContinuesOnNextPage(t *testing.T) {
	// A Europass-style form: labels right-aligned against the value
	// column (x=160), 10pt apart, too close to cut a row by its gap
	// alone. Page 2 holds three rows of it, too few to show the table by
	// themselves: it is cut where page 1 was.
	p1 := &page{}
	for i, r := range [][2]string{{"Dates", "2016 – 2019"}, {"Occupation or position held", "Warehouse supervisor of the cold chain site"},
		{"Name of employer", "Kuehne+Nagel, Antwerp (Belgium)"}, {"Dates", "2012 – 2016"}, {"Occupation or position held", "Forklift operator"},
		{"Name of employer", "DP World, Antwerp"}, {"Dates", "2009 – 2012"}, {"Title of qualification", "BSc Logistics"}} {
		p1.rightAt(150, 60+float64(i)*14, r[0])
		p1.at(160, 60+float64(i)*14, r[1])
	}
	_, split := layoutPageAfter(*p1, 595, 1, pageSplit{})
	if split.kind != gutterTable {
		t.Fatalf("page 1 split %+v, want a table", split)
	}
	p2 := &page{}
	p2.rightAt(150, 40, "Mother tongue")
	p2.at(160, 40, "Dutch")
	p2.rightAt(150, 54, "Organisational skills")
	p2.at(160, 54, "Shift planning for 30 staff")
	p2.rightAt(150, 68, "Computer skills")
	p2.at(160, 68, "SAP EWM, Excel")
	var got []string
	lines, _ := layoutPageAfter(*p2, 595, 2, split)
	for _, l := range lines {
		got = append(got, l.Text)
	}
	want := []string{"Mother tongue\tDutch", "Organisational skills\tShift planning for 30 staff", "Computer skills\tSAP EWM, Excel"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("page 2 (-want +got):\n%s", diff)
	}
	// The same rows on a page of their own stay whole: no table shows
	// (label and value, an em apart, are a row's two cells).
	if got := p2.lines(); got[0] != "Mother tongue\tDutch" {
		t.Errorf("alone, page 2 reads %q", got)
	}
}

func TestLayoutLateColumns(t *testing.T) {
	// A one-column page that ends with two blocks side by side: skills
	// as chips on the left (x=30), certifications on the right (x=300),
	// their rows not aligned. The blocks are read one after the other.
	full := func() *page {
		return fullWidthLines("Jane Roe", "EXPERIENCE", "Senior Designer, Acme Bank, Leeds|2019 – 2024",
			"Led the redesign of the mobile banking app used by two million customers every month",
			"Ran usability sessions with customers in three regions and shared what we learned",
			"Designer, Leeds City Council, Leeds|2015 – 2019", "Designed the council's web forms and their accessibility checks",
			"EDUCATION", "BA Graphic Design, University of Leeds|2012 – 2015")
	}
	p := full()
	p.at(30, 200, "SKILLS").at(300, 200, "CERTIFICATIONS") // below the last full-width line (y=168)
	for i, row := range [][]string{{"User research", "Prototyping"}, {"Figma", "Sketch", "Miro"}, {"Accessibility"}, {"Design systems"}, {"Workshops", "Journey maps"}} {
		x := 38.0
		for _, chip := range row {
			p.at(x, 218+float64(i)*17, chip)
			x += 5*float64(len(chip)) + 30
		}
	}
	for i, s := range []string{"Certified Usability Analyst 2018", "Human Factors International", "UX Certificate 2020",
		"Nielsen Norman Group", "LANGUAGES", "English, Welsh"} {
		p.at(300, 214+float64(i)*13, s)
	}
	got := p.lines()
	want := []string{"SKILLS", "User research\tPrototyping", "Figma\tSketch\tMiro", "Accessibility", "Design systems",
		"Workshops\tJourney maps", "CERTIFICATIONS", "Certified Usability Analyst 2018", "Human Factors International",
		"UX Certificate 2020", "Nielsen Norman Group", "LANGUAGES", "English, Welsh"}
	if len(got) < len(want) || !slices.Equal(got[len(got)-len(want):], want) {
		t.Errorf("lines = %q", got)
	}
	// A label/value table at the end of the page pairs its rows: it is
	// read row by row.
	q := full()
	for i, r := range [][2]string{{"Design", "User research, prototyping, journey maps, design systems"},
		{"Software", "Figma, Sketch, Miro, Adobe Illustrator, Principle"}, {"Methods", "Design sprints, usability testing"},
		{"Languages", "English (native), Welsh (fluent)"}, {"Other", "Workshop facilitation, mentoring juniors"}} {
		q.at(30, 200+float64(i)*14, r[0]).at(300, 200+float64(i)*14, r[1])
	}
	if got := q.lines(); got[len(got)-1] != "Other\tWorkshop facilitation, mentoring juniors" {
		t.Errorf("table lines = %q", got)
	}
}

func TestLayoutTableHeadingUnderLabel(t *testing.T) {
	// A Europass table: a section heading in larger capitals in the label
	// column, right under a labelled row, is a row of its own; a label
	// wrapped in the same type still joins its cell.
	p := &page{}
	for i, r := range [][2]string{{"Dates", "2016 – 2019"}, {"Occupation or position held", "Warehouse supervisor of the cold chain site"},
		{"Name of employer", "Kuehne+Nagel, Antwerp (Belgium)"}, {"Dates", "2012 – 2016"}, {"Occupation or position held", "Forklift operator"},
		{"Name of employer", "DP World, Antwerp"}, {"Driving licence", "B, C"}} {
		p.rightAt(150, 60+float64(i)*14, r[0])
		p.at(160, 60+float64(i)*14, r[1])
	}
	big := func(x, y float64, s string) {
		w := 7 * float64(len([]rune(s)))
		*p = append(*p, bbWord{XMin: x - w, YMin: y, XMax: x, YMax: y + 13, Text: s})
	}
	big(150, 60+7*14-1, "ADDITIONAL")
	big(150, 60+8*14, "INFORMATION")
	p.rightAt(150, 60+9*14+4, "Memberships")
	p.at(160, 60+9*14+4, "Chartered Institute of Logistics")
	p.rightAt(150, 60+10*14+4, "and Transport")
	got := p.lines()
	for _, want := range []string{"Driving licence\tB, C", "ADDITIONAL", "INFORMATION", "Memberships and Transport\tChartered Institute of Logistics"} {
		if !slices.Contains(got, want) {
			t.Errorf("no line %q in %q", want, got)
		}
	}
}

func TestLayoutSidebarWithGrid(t *testing.T) {
	// A right sidebar (x=380) whose lines are outnumbered by the cells of
	// a small grid in it (a language, its spoken and written levels):
	// its lines still start at its edge or one indent in, so it is a
	// column beside the main one (x=40), whose dates are right-aligned
	// against the gutter.
	for _, tc := range []struct {
		name  string
		main  []string // "text|date"
		side  []string
		grid  [][3]string
		after []string
	}{
		{"fr", []string{"EXPÉRIENCE", "Chargé de mission|2019 – 2023", "Fondation des Rivières, Lyon",
			"Suivi de trois projets de restauration de berges", "Animateur nature|2016 – 2019", "Parc des Dombes, Villars",
			"Sorties scolaires et ateliers pour les familles"},
			[]string{"CONTACT", "Rue des Pins 4, Lyon", "06 11 22 33 44", "LANGUES"},
			[][3]string{{"Français", "C2", "C2"}, {"Anglais", "B2", "B1"}, {"Allemand", "A2", "A1"}, {"Italien", "A1", "–"}, {"Wolof", "B1", "–"}},
			[]string{"ATOUTS", "Patience, sens du terrain"}},
		{"en", []string{"EXPERIENCE", "Field Officer|2020 – 2024", "River Trust, Cardiff",
			"Ran volunteer days on four river banks", "Ranger|2017 – 2020", "Brecon Park Authority, Brecon",
			"Led school visits and family walks"},
			[]string{"CONTACT", "4 Pine Road, Cardiff", "07700 900123", "LANGUAGES"},
			[][3]string{{"English", "C2", "C2"}, {"Welsh", "B2", "B1"}, {"Spanish", "A2", "A1"}, {"German", "A1", "–"}, {"Polish", "B1", "–"}},
			[]string{"STRENGTHS", "Patience, fieldwork"}},
	} {
		p := &page{}
		for i, s := range tc.main {
			text, date, _ := strings.Cut(s, "|")
			p.at(40, 100+float64(i)*14, text)
			if date != "" {
				p.rightAt(340, 100+float64(i)*14, date)
			}
		}
		var side []string
		y := 100.0
		for _, s := range tc.side {
			p.at(380, y, s)
			side = append(side, s)
			y += 14
		}
		for _, r := range tc.grid {
			p.at(392, y, r[0]).at(470, y, r[1]).at(520, y, r[2])
			side = append(side, r[0]+"\t"+r[1]+"\t"+r[2])
			y += 14
		}
		for _, s := range tc.after {
			p.at(380, y, s)
			side = append(side, s)
			y += 14
		}
		var main []string
		for _, s := range tc.main {
			text, date, _ := strings.Cut(s, "|")
			if date != "" {
				text += "\t" + date
			}
			main = append(main, text)
		}
		if diff := cmp.Diff(append(main, side...), p.lines()); diff != "" {
			t.Errorf("%s: lines (-want +got):\n%s", tc.name, diff)
		}
	}
}

func TestLayoutTagsSideBySide(t *testing.T) {
	// tags places cells of words 5pt per character wide and 7pt high,
	// words 2pt apart and cells gap apart, on one row of a sidebar.
	tags := func(gap float64, cells ...string) []bbWord {
		var ws []bbWord
		x := 30.0
		for _, c := range cells {
			for i, w := range strings.Fields(c) {
				if i > 0 {
					x += 2
				}
				wd := 5 * float64(len([]rune(w)))
				ws = append(ws, word(x, 100, wd, w))
				x += wd
			}
			x += gap
		}
		return ws
	}
	tests := []struct {
		name  string
		words []bbWord
		want  string
	}{
		{"two tags of two words", tags(9, "Event planning", "Vendor contracts"), "Event planning\tVendor contracts"},
		{"three one-word tags", tags(8, "Kotlin", "Gradle", "Jetpack"), "Kotlin\tGradle\tJetpack"},
		{"French tags", tags(9.5, "Gestion de stock", "Inventaires"), "Gestion de stock\tInventaires"},
		{"tag with an ampersand", tags(8.5, "Sales & CRM", "Pricing"), "Sales & CRM\tPricing"},
		// Word spaces, even stretched by justification, stay spaces.
		{"stretched word spaces", tags(4.5, "Negotiated", "supplier", "contracts", "across", "regions"), "Negotiated supplier contracts across regions"},
		{"plain sentence", tags(2, "Stock", "control", "and", "audits"), "Stock control and audits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := layoutPage(tt.words, 595, 1)
			if len(got) != 1 || got[0].Text != tt.want {
				t.Errorf("lines = %+v, want one line %q", got, tt.want)
			}
		})
	}
}

func TestLayoutDateColumnBesideEntries(t *testing.T) {
	// A LaTeX CV with each entry's dates in a column of their own (x=50)
	// beside its lines (x=150), under a header whose address sits on the
	// left with the phone and e-mail on the right, and headings in the
	// date column: the dates label their entries, so rows are read
	// whole, though the left side is as dense as the right.
	for _, tc := range []struct {
		name    string
		header  [][2]string
		heads   [2]string
		entries [][]string // date, then the entry's lines
		labels  [][2]string
	}{
		{"fr", [][2]string{{"Rue des Lilas 12", "+32 470 00 11 22"}, {"4000 Liège", "prenom.nom@example.be"}},
			[2]string{"Expériences", "Compétences"},
			[][]string{{"2020 – auj.", "Rédactrice web", "La Gazette du Nord, Liège", "Articles et newsletters"},
				{"2017 – 2020", "Assistante de rédaction", "Éditions du Pont, Namur"},
				{"2015 – 2017", "Correctrice (indépendante)", "Maisons d'édition diverses, Liège"},
				{"été 2014", "Stagiaire", "Radio Meuse, Huy"}},
			[][2]string{{"Outils", "InDesign, WordPress, Canva"}, {"Langues", "Français, néerlandais, anglais"}, {"Permis", "B"}}},
		{"en", [][2]string{{"12 Mill Lane", "+44 7700 900456"}, {"Bristol BS1 4AA", "name@example.co.uk"}},
			[2]string{"Experience", "Skills"},
			[][]string{{"2021 – now", "Data Reporter", "Western Daily News, Bristol", "Built the housing tracker"},
				{"2018 – 2021", "Sub-editor", "Avon Weekly, Bath"},
				{"2016 – 2018", "Freelance reporter", "Various titles, Bristol"},
				{"summer 2015", "Intern", "City Radio, Bath"}},
			[][2]string{{"Tools", "Python, Datawrapper, QGIS"}, {"Languages", "English, Welsh"}, {"Licence", "B"}}},
	} {
		p := &page{}
		p.at(50, 40, "Jordan Avery")
		y := 60.0
		var want []string
		want = append(want, "Jordan Avery")
		for _, r := range tc.header {
			p.at(50, y, r[0]).rightAt(545, y, r[1])
			want = append(want, r[0]+"\t"+r[1])
			y += 12
		}
		y += 24
		p.at(50, y, tc.heads[0])
		want = append(want, tc.heads[0])
		y += 20
		for _, e := range tc.entries {
			p.at(50, y, e[0]).at(150, y, e[1])
			want = append(want, e[0]+"\t"+e[1])
			for _, l := range e[2:] {
				y += 12
				p.at(150, y, l)
				want = append(want, l)
			}
			y += 12
		}
		y += 24
		p.at(50, y, tc.heads[1])
		want = append(want, tc.heads[1])
		y += 20
		for _, r := range tc.labels {
			p.at(50, y, r[0]).at(150, y, r[1])
			want = append(want, r[0]+"\t"+r[1])
			y += 12
		}
		if diff := cmp.Diff(want, p.lines()); diff != "" {
			t.Errorf("%s: lines (-want +got):\n%s", tc.name, diff)
		}
	}
}

// A label/value CV whose jobs repeat a set of labels ("Role", "Company",
// "Dates") among labels said once (the contact's, the skills' kinds): the
// recurring set makes it a table though the one-off labels outnumber it.
func TestLayoutJobLabelsAmongOneOffLabels(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows [][2]string // label, value; a lone label is a heading, a lone value goes on its entry
	}{
		{"en", [][2]string{{"Address", "14 Mill Lane, Leeds"}, {"Phone", "07700 900456"}, {"Email", "sam.hart@example.org"},
			{"Website", "samhart.example.org"}, {"EXPERIENCE", ""},
			{"Role", "Payroll Officer"}, {"Company", "Northgate Foods, York"}, {"Dates", "May 2020 – present"},
			{"", "Ran the monthly payroll for 600 staff."},
			{"Role", "HR Assistant"}, {"Company", "Harlow Logistics, Hull"}, {"Dates", "2017 – 2020"},
			{"SKILLS", ""}, {"Software", "Sage, Excel, Teams"}, {"Methods", "payroll audits, onboarding"}, {"Qualities", "tact, rigour"}}},
		{"fr", [][2]string{{"Adresse", "8 rue des Lilas, Liège"}, {"Téléphone", "0470 11 22 33"}, {"Courriel", "a.dumont@example.be"},
			{"Site", "adumont.example.be"}, {"EXPÉRIENCE", ""},
			{"Poste", "Comptable"}, {"Société", "Brasserie du Val, Namur"}, {"Dates", "avril 2021 – aujourd'hui"},
			{"", "Clôtures mensuelles et déclarations TVA."},
			{"Poste", "Aide-comptable"}, {"Société", "Fiduciaire Leroy, Huy"}, {"Dates", "2018 – 2021"},
			{"OUTILS", ""}, {"Logiciels", "Winbooks, Excel"}, {"Métier", "clôtures, TVA, paie"}, {"Qualités", "rigueur, discrétion"}}},
	} {
		p := &page{}
		p.at(40, 30, "Header Name")
		want := []string{"Header Name"}
		y := 100.0
		for _, r := range tc.rows {
			if r[1] == "" {
				y += 12 // a heading's space above it
			}
			y += 14
			if r[0] != "" {
				p.at(40, y, r[0])
			}
			if r[1] != "" {
				p.at(190, y, r[1])
			}
			want = append(want, strings.TrimSpace(r[0]+"\t"+r[1]))
		}
		if diff := cmp.Diff(want, p.lines()); diff != "" {
			t.Errorf("%s: lines (-want +got):\n%s", tc.name, diff)
		}
	}
}

func TestLayoutCellRunsUpToNextColumn(t *testing.T) {
	// A table whose second column's text runs up to the third column with
	// no more than a narrow gap ("Harbour Logistics Ltd., Mombasa Senior
	// Clerk"): the third column's edge, where its heading and the row's
	// wrapped description start, cuts the cell. Word spaces inside a cell
	// stay.
	for _, tc := range []struct {
		name                    string
		date, org, title        string
		descr                   []string
		wantRow, wantFirstDescr string
	}{
		{"en", "Mar 2015 –", "Harbour Logistics Ltd., Mombasa", "Senior Clerk, Imports",
			[]string{"Cleared 200 containers a", "month through the port", "with no demurrage."},
			"Mar 2015 –\tHarbour Logistics Ltd., Mombasa\tSenior Clerk, Imports", "Cleared 200 containers a"},
		{"fr", "janv. 2016 –", "Transports Delmas SA, Abidjan", "Déclarant en douane",
			[]string{"Dédouanement de 150", "conteneurs par mois", "pour trois armateurs."},
			"janv. 2016 –\tTransports Delmas SA, Abidjan\tDéclarant en douane", "Dédouanement de 150"},
	} {
		// The employer cell ends 6pt before the role column's edge.
		edge := 150.0
		for i, w := range strings.Fields(tc.org) {
			if i > 0 {
				edge += 3
			}
			edge += 5 * float64(len([]rune(w)))
		}
		edge += 6
		p := &page{}
		p.at(50, 100, "Period").at(150, 100, "Employer").at(edge, 100, "Role")
		p.at(50, 120, tc.date).at(150, 120, tc.org).at(edge, 120, tc.title)
		for i, d := range tc.descr {
			p.at(edge, 134+float64(i)*12, d)
		}
		got := p.lines()
		if len(got) < 3 || got[1] != tc.wantRow || got[2] != tc.wantFirstDescr {
			t.Errorf("%s: lines = %q", tc.name, got)
		}
	}
}

// A Europass table whose value cell sits lower than its label (the cell
// padded at its top where a new entry starts): the label and the value
// overlap by half their height and make one row, not the label joined to
// the cell above as if wrapped.
func TestLayoutTableValueCellOffset(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows [][2]string
	}{
		{"en", [][2]string{{"Dates", "2020 – present"}, {"Occupation or position held", "Site Engineer"},
			{"Name and address of employer", "Kestrel Civil Engineering Ltd, Derby"}, {"Dates", "2016 – 2020"},
			{"Occupation or position held", "Assistant Engineer"}, {"Name and address of employer", "Brindle Roads, Stoke"},
			{"Dates", "2012 – 2016"}, {"Title of qualification awarded", "BEng Civil Engineering"}}},
		{"fr", [][2]string{{"Dates", "2019 – aujourd'hui"}, {"Fonction ou poste occupé", "Technicienne qualité"},
			{"Nom et adresse de l'employeur", "Laiterie du Plateau, Rodez"}, {"Dates", "De 2014 à 2019"},
			{"Fonction ou poste occupé", "Opératrice"}, {"Nom et adresse de l'employeur", "Conserverie Marty, Albi"},
			{"Dates", "2011 – 2014"}, {"Intitulé du diplôme", "BTS Qualité"}}},
	} {
		p := &page{}
		p.at(40, 30, "Header Name")
		want := []string{"Header Name"}
		y := 100.0
		for i, r := range tc.rows {
			p.rightAt(180, y, r[0])
			off := 0.0
			if i == 3 {
				off = 5 // the second entry's first value cell, lower than its label
			}
			p.at(200, y+off, r[1])
			want = append(want, r[0]+"\t"+r[1])
			y += 14 + off
		}
		if diff := cmp.Diff(want, p.lines()); diff != "" {
			t.Errorf("%s: lines (-want +got):\n%s", tc.name, diff)
		}
	}
}

// TestOCRWordCutAcrossBlocks: where Tesseract splits a photographed line
// into blocks it can cut a word in two ("Englis" "h"), setting no space
// between halves a pixel or two apart; the row rejoins them, and keeps the
// spaces of words a real word space apart or starting a new word.
func TestOCRWordCutAcrossBlocks(t *testing.T) {
	word := func(x0, x1 float64, text string, line int) bbWord {
		return bbWord{XMin: x0, YMin: 100, XMax: x1, YMax: 116, Text: text, Conf: 93, par: line, line: line}
	}
	tests := []struct {
		name string
		b    bbWord
		want string
	}{
		{"cut word", word(161, 166, "h", 2), "Spoken: English"},
		{"word space", word(165, 180, "held", 2), "Spoken: Englis held"},
		{"capital after", word(161, 180, "Home", 2), "Spoken: Englis Home"},
		{"same Tesseract line", word(161, 166, "h", 1), "Spoken: Englis h"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := []bbWord{word(100, 130, "Spoken:", 1), word(135, 160, "Englis", 1), tt.b}
			lines := layoutPage(words, 595, 1)
			if len(lines) != 1 {
				t.Fatalf("%d lines: %+v", len(lines), lines)
			}
			if lines[0].Text != tt.want {
				t.Errorf("got %q, want %q", lines[0].Text, tt.want)
			}
		})
	}
}

// sidebarWithHangingBullets is a main column (x=40) beside a right
// sidebar whose headings and lines start at x=402 and whose bullets hang
// 2pt left of them, high on the page; it returns the page and the
// sidebar's lines.
func sidebarWithHangingBullets() (*page, []string, []string) {
	p := &page{}
	var side []string
	y := 40.0
	sideLine := func(x float64, s string) {
		p.at(x, y, s)
		side = append(side, s)
		y += 14
	}
	sideLine(402, "Contact")
	sideLine(402, "12 rue des Lilas, 69003 Lyon, France")
	sideLine(402, "+33 6 12 34 56 78")
	sideLine(402, "Skills")
	for _, s := range []string{"• Payroll and benefits", "• Filing", "• Front desk", "• Purchase orders", "• Letters"} {
		sideLine(400, s)
	}
	sideLine(402, "Software")
	sideLine(402, "Word, Excel")
	sideLine(402, "Languages")
	sideLine(402, "English, French")
	var main []string
	words := strings.Fields("Handled payroll for three hundred staff across two sites and kept every file in order while the office moved twice")
	for i := range 24 {
		s := strings.Join(words[i%5:i%5+5+i%3], " ")
		p.at(40, 40+float64(i)*14, s)
		main = append(main, s)
	}
	return p, main, side
}

func TestLayoutSidebarBulletsHangLeftOfItsEdge(t *testing.T) {
	// The sidebar's edge is where its bullets start, not its headings,
	// and the bullets are read in the sidebar.
	p, main, side := sidebarWithHangingBullets()
	if diff := cmp.Diff(append(main, side...), p.lines()); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
}

func TestColumnEdgeUnderHangingBullets(t *testing.T) {
	// Of two edges a point or two apart that both part the columns, the
	// one left of the bullets, which no line crosses, is the column's:
	// split at the headings' edge, the bullets would run across it.
	p, _, _ := sidebarWithHangingBullets()
	segs := segmentsOf(*p)
	if got := columnEdge(segs, 401.5, 595, []float64{399.5}); got != 399.5 {
		t.Errorf("columnEdge = %v, want 399.5", got)
	}
}
