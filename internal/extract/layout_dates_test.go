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
