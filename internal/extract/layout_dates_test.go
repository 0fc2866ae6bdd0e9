package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLayoutDatesColumnOfGrid: a one-column page whose entries sit in
// tables with their dates in the left column (a "Period" column before
// the employer's, or a narrow dates cell wrapped over two lines beside
// each entry) under headings set in that column: the dates are the rows'
// first cells, read row by row, not a sidebar read before the entries.
func TestLayoutDatesColumnOfGrid(t *testing.T) {
	type row struct {
		dates []string // the dates cell's lines, at x = 50
		cells []string // the row's other cells, at x = 170, 320, 470
		under []string // the first cell's next lines, at x = 170
	}
	for _, tc := range []struct {
		name     string
		sections [][]row // each under a heading, the first row maybe a row of column headings
	}{
		{"grids with column headings", [][]row{{
			{[]string{"Term"}, []string{"Organisation", "Role", "City"}, nil},
			{[]string{"Apr 2022 – Now"}, []string{"Harbourline Foods", "Shift Supervisor", "Cork"}, nil},
			{[]string{"Feb 2019 – Mar 2022"}, []string{"Greenway Dairies", "Line Operator", "Mallow"}, nil},
			{[]string{"Jun 2017 – Jan 2019"}, []string{"Cedar Bakeries", "Packer", "Tralee"}, nil},
		}, {
			{[]string{"Years"}, []string{"Course", "College"}, nil},
			{[]string{"2014 – 2016"}, []string{"Diploma in Food Science", "Tralee Institute"}, nil},
			{[]string{"2012 – 2014"}, []string{"Leaving Certificate", "St Brendan's College"}, nil},
		}}},
		{"wrapped dates beside entries", [][]row{{
			{[]string{"Depuis mars", "2021"}, []string{"Responsable de rayon — Marché Vert, Rennes"}, []string{"Commandes, inventaires et encadrement de six vendeurs."}},
			{[]string{"Oct. 2017 –", "févr. 2021"}, []string{"Vendeur — Primeurs du Port, Brest"}, []string{"Mise en rayon, caisse et conseil aux clients."}},
			{[]string{"2015 – 2017"}, []string{"Employé polyvalent — Ferme des Aulnes, Morlaix"}, nil},
		}, {
			{[]string{"2013 – 2015"}, []string{"BTS Management commercial"}, []string{"Lycée Kerichen, Brest"}},
			{[]string{"2012"}, []string{"Baccalauréat STMG"}, []string{"Lycée de l'Iroise, Brest"}},
		}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &page{}
			p.at(50, 40, "Alex Morgan-Reyes")
			p.at(50, 56, "Cork · +353 87 000 1122 · alex.reyes@post.example")
			want := []string{"Alex Morgan-Reyes", "Cork · +353 87 000 1122 · alex.reyes@post.example"}
			y := 80.0
			for i, sec := range tc.sections {
				head := []string{"EXPERIENCE", "EDUCATION"}[i]
				p.at(50, y, head)
				want = append(want, head)
				y += 20
				for _, r := range sec {
					p.at(50, y, r.dates[0])
					cells := append([]string{r.dates[0]}, r.cells...)
					for k, c := range r.cells {
						p.at(170+150*float64(k), y, c)
					}
					want = append(want, strings.Join(cells, "\t"))
					for k := 1; k < max(len(r.dates), len(r.under)+1); k++ {
						y += 12
						var line []string
						if k < len(r.dates) {
							p.at(50, y, r.dates[k])
							line = append(line, r.dates[k])
						}
						if k-1 < len(r.under) {
							p.at(170, y, r.under[k-1])
							line = append(line, r.under[k-1])
						}
						want = append(want, strings.Join(line, "\t"))
					}
					y += 16
				}
				y += 12
			}
			if diff := cmp.Diff(want, p.lines()); diff != "" {
				t.Errorf("lines (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLayoutWrappedGridCells: the cells of a grid (dates, employer, role,
// place) wrapped over two lines in their narrow columns are read whole on
// their row; a cell's second line set apart on purpose, with room left on
// its first, a value's lines beside a label, and lines under the last
// cell alone (a description) stay lines of their own.
func TestLayoutWrappedGridCells(t *testing.T) {
	type cell struct {
		x     float64
		lines []string
		small bool // the lines after the first set in smaller type
	}
	for _, tc := range []struct {
		name  string
		cells []cell
		want  []string
	}{
		{"employer wrapped", []cell{{50, []string{"2019 – 2023"}, false}, {150, []string{"Northfield Tyre &", "Rubber Company"}, false}, {270, []string{"Fitter"}, false}, {400, []string{"Leeds"}, false}},
			[]string{"2019 – 2023\tNorthfield Tyre & Rubber Company\tFitter\tLeeds"}},
		{"dates and role wrapped", []cell{{50, []string{"12 Feb 2016 –", "30 Jun 2019"}, false}, {125, []string{"Banque Atlantique"}, false}, {270, []string{"Chargée de clientèle", "entreprises"}, false}},
			[]string{"12 Feb 2016 – 30 Jun 2019\tBanque Atlantique\tChargée de clientèle entreprises"}},
		{"second line set apart", []cell{{50, []string{"2010 – 2013"}, false}, {150, []string{"BSc Chemistry", "University of Hull"}, false}, {400, []string{"First"}, false}},
			[]string{"2010 – 2013\tBSc Chemistry\tFirst", "University of Hull"}},
		{"label and value", []cell{{50, []string{"Mar 2020 – now"}, false}, {150, []string{"Warehouse Team Leader, Northfield Tyre and Rubber", "Company"}, false}},
			[]string{"Mar 2020 – now\tWarehouse Team Leader, Northfield Tyre and Rubber", "Company"}},
		{"town set smaller", []cell{{50, []string{"Harwell Mining Consolidated", "Johannesburg"}, true}, {200, []string{"Shift Geologist"}, false}, {330, []string{"2018 – 2022"}, false}},
			[]string{"Harwell Mining Consolidated\tShift Geologist\t2018 – 2022", "Johannesburg"}},
		{"last cell alone", []cell{{50, []string{"2019 – 2023"}, false}, {150, []string{"Northfield Tyres"}, false}, {270, []string{"Fitter and welder on", "the night shift crews"}, false}},
			[]string{"2019 – 2023\tNorthfield Tyres\tFitter and welder on", "the night shift crews"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &page{}
			p.at(50, 40, "WORK HISTORY")
			for _, c := range tc.cells {
				for i, l := range c.lines {
					n := len(*p)
					p.at(c.x, 60+11*float64(i), l)
					for j := n; j < len(*p) && c.small && i > 0; j++ {
						(*p)[j].YMin += 2
					}
				}
			}
			p.at(50, 100, "2015 – 2019\tKestrel Mills\tApprentice")
			got := p.lines()
			want := append(append([]string{"WORK HISTORY"}, tc.want...), "2015 – 2019 Kestrel Mills Apprentice")
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("lines (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLayoutGridFirstColumn: a "Company | Role | Dates" grid whose first
// column (the employer's, the school's) sits left of a gutter: its cells
// share their lines with the rows of two cells beside them, so the page
// is read row by row, not the first column as a sidebar before the rest;
// a cell wrapped in the first column rejoins its row.
func TestLayoutGridFirstColumn(t *testing.T) {
	for _, tc := range []struct {
		name     string
		sections [][][3]string // rows of cells at x = 50, 200, 400
		want     []string
	}{
		{"en", [][][3]string{
			{{"Employer", "Position", "Period"}, {"Larkfield Foods", "Night Shift Supervisor", "Mar 2021 – now"},
				{"Bexley Packaging", "Machine Operator", "Jan 2018 – Feb 2021"}, {"Corran Mills", "Warehouse Operative", "2016 – 2017"}},
			{{"School", "Course", "Year"}, {"Bexley College", "BTEC Engineering", "2014 – 2016"}, {"Hurst Academy", "GCSEs", "2009 – 2014"}}},
			[]string{"Employer\tPosition\tPeriod", "Larkfield Foods\tNight Shift Supervisor\tMar 2021 – now",
				"Bexley Packaging\tMachine Operator\tJan 2018 – Feb 2021", "Corran Mills\tWarehouse Operative\t2016 – 2017",
				"EDUCATION", "School\tCourse\tYear", "Bexley College\tBTEC Engineering\t2014 – 2016", "Hurst Academy\tGCSEs\t2009 – 2014"}},
		{"fr", [][][3]string{
			{{"Entreprise", "Poste", "Période"}, {"Boulangerie Morel", "Vendeuse", "depuis 2022"},
				{"Hôtel du Lac", "Réceptionniste de nuit", "2019 – 2022"}, {"Camping Les Pins", "Saisonnière", "été 2018"}},
			{{"Établissement", "Diplôme", "Année"}, {"Lycée Jean Moulin", "Bac pro Commerce", "2018"}, {"Collège Pasteur", "Brevet", "2015"}}},
			[]string{"Entreprise\tPoste\tPériode", "Boulangerie Morel\tVendeuse\tdepuis 2022",
				"Hôtel du Lac\tRéceptionniste de nuit\t2019 – 2022", "Camping Les Pins\tSaisonnière\tété 2018",
				"EDUCATION", "Établissement\tDiplôme\tAnnée", "Lycée Jean Moulin\tBac pro Commerce\t2018", "Collège Pasteur\tBrevet\t2015"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &page{}
			p.at(50, 40, "Sam Whitlock-Ayodele")
			p.at(50, 56, "sam.whitlock@post.example · 07700 900 123")
			y := 80.0
			for i, sec := range tc.sections {
				p.at(50, y, []string{"EXPERIENCE", "EDUCATION"}[i])
				y += 20
				for _, r := range sec {
					p.at(50, y, r[0]).at(200, y, r[1]).at(400, y, r[2])
					y += 16
				}
				y += 12
			}
			p.at(50, y, "SKILLS")
			p.at(50, y+16, "Forklift, stock control")
			want := append([]string{"Sam Whitlock-Ayodele", "sam.whitlock@post.example · 07700 900 123", "EXPERIENCE"}, tc.want...)
			want = append(want, "SKILLS", "Forklift, stock control")
			if diff := cmp.Diff(want, p.lines()); diff != "" {
				t.Errorf("lines (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLayoutGridCellsSetApart: in a grid whose "Position / Company"
// column sets the title and the firm one a line, a cell whose title
// fills its first line keeps its firm apart too, as the cells whose
// firm would have fitted after the title show.
func TestLayoutGridCellsSetApart(t *testing.T) {
	p := &page{}
	p.at(50, 40, "PERIOD").at(130, 40, "POSITION / COMPANY").at(270, 40, "ACHIEVEMENTS")
	rows := [][3]string{{"2021 – now", "Senior Payroll Officer", "Moved payroll to the cloud"}, {"", "Quayside Marine Holdings", ""},
		{"2018 – 2021", "Payroll Clerk", "Ran the weekly payroll"}, {"", "Tern Logistics", ""},
		{"2016 – 2018", "Cashier", "Balanced the tills"}, {"", "Fernley Stores", ""}}
	var want []string
	y := 60.0
	for i, r := range rows {
		var line []string
		for k, c := range r {
			if c != "" {
				p.at([]float64{50, 130, 270}[k], y, c)
				line = append(line, c)
			}
		}
		want = append(want, strings.Join(line, "\t"))
		y += 11
		if i%2 == 1 {
			y += 8
		}
	}
	// "Quayside" would not fit after "Senior Payroll Officer" (it ends
	// at 240, the next column starts at 270), "Tern" and "Fernley" would
	// have after theirs.
	got := p.lines()
	if diff := cmp.Diff(append([]string{"PERIOD\tPOSITION / COMPANY\tACHIEVEMENTS"}, want...), got); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
}

// TestLayoutDatesColumnAboveFullWidthTail: a one-column page whose entries
// sit beside a dates column, ended by sections whose lines run across the
// page ("Skills", "Languages"): their headings stand alone on the left
// below the entries, and the dates column is still read row by row, each
// date with its entry, not as a sidebar read before the entries.
func TestLayoutDatesColumnAboveFullWidthTail(t *testing.T) {
	p := &page{}
	var want []string
	add := func(x, y float64, text string) {
		p.at(x, y, text)
		want = append(want, text)
	}
	row := func(y float64, date, head string, under ...string) float64 {
		p.at(50, y, date)
		p.at(170, y, head)
		want = append(want, date+"\t"+head)
		for _, u := range under {
			y += 12
			add(170, y, u)
		}
		return y + 16
	}
	add(50, 40, "Mira Castellano")
	add(50, 56, "mira.castellano@post.example · +356 7900 1234")
	add(50, 80, "Profile")
	add(50, 96, "Hotel receptionist seeking a front office supervisor's role in a larger resort.")
	add(50, 120, "Experience")
	y := row(140, "06/2022 – present", "Night Auditor", "Harbour View Hotel, Sliema", "Closed the day's accounts for 200 rooms.")
	y = row(y, "03/2020 – 05/2022", "Receptionist", "Old Gate Inn, Mdina", "Checked guests in and out.")
	y = row(y, "2019 (4 months)", "Trainee", "Bastion Suites, Valletta")
	add(50, y+4, "Education")
	y = row(y+24, "2016 – 2019", "Diploma in Hospitality", "Institute of Tourism Studies, Qawra")
	y = row(y, "2014 – 2016", "Sixth Form Certificate", "Giovanni Curmi College, Naxxar")
	add(50, y+4, "Skills")
	add(60, y+24, "Front desk systems, night audit, cash handling")
	add(60, y+36, "Word processing, spreadsheets, email")
	add(50, y+56, "Courses")
	add(60, y+76, "Food Safety Level 2 – Institute of Tourism Studies, 2018")
	add(50, y+96, "Languages")
	add(50, y+116, "Maltese (native), English (fluent), Italian (good)")
	add(50, y+136, "Interests")
	add(50, y+156, "Sailing, choir singing and local history walks")
	if diff := cmp.Diff(want, p.lines()); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
}

// TestLayoutWrappedOCRGridCells: on a scanned page, each word's box is its
// Tesseract line's ink, so a cell's second line with no descender
// ("Boroboro") is shorter than the row above it, set in the same type:
// it still goes on the cell it wraps in. A line in smaller type stays
// apart.
func TestLayoutWrappedOCRGridCells(t *testing.T) {
	type line struct {
		x, y, h float64
		text    string
	}
	for _, tc := range []struct {
		name  string
		under []line // the lines under the row "2014 —  St. Agnes College  Higher School Certificate (HSC)"
		want  []string
	}{
		{"second lines without descenders", []line{{50, 74, 8.3, "2016"}, {104, 74, 8.3, "Kitale"}},
			[]string{"2014 — 2016\tSt. Agnes College Kitale\tHigher School Certificate (HSC)"}},
		{"a town set smaller", []line{{50, 74, 8.3, "2016"}, {104, 74, 6.5, "Kitale"}},
			[]string{"2014 —\tSt. Agnes College\tHigher School Certificate (HSC)", "2016\tKitale"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Tesseract reads each row of the table as one line.
			var words []bbWord
			add := func(x, y, h float64, text string) {
				n := int(y)
				for _, w := range strings.Fields(text) {
					wd := 0.5 * h * float64(len([]rune(w)))
					words = append(words, bbWord{XMin: x, YMin: y, XMax: x + wd, YMax: y + h, Text: w, Conf: 90, line: n})
					x += wd + 0.3*h
				}
			}
			add(50, 40, 10.8, "Year")
			add(104, 40, 10.8, "School")
			add(215, 40, 10.8, "Award")
			add(50, 60, 10.8, "2014 —")
			add(104, 60, 10.8, "St. Agnes College")
			add(215, 60, 10.8, "Higher School Certificate (HSC)")
			for _, l := range tc.under {
				add(l.x, l.y, l.h, l.text)
			}
			add(50, 96, 10.8, "2010 —")
			add(104, 96, 10.8, "Elgon Primary")
			add(215, 96, 10.8, "Certificate of Primary Education")
			var got []string
			for _, l := range layoutPage(words, 595, 1) {
				got = append(got, l.Text)
			}
			want := append(append([]string{"Year\tSchool\tAward"}, tc.want...), "2010 —\tElgon Primary\tCertificate of Primary Education")
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("lines (-want +got):\n%s", diff)
			}
		})
	}
}
