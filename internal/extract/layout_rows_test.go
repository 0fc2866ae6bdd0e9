package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// formTop is the full-width text above a form's tables: lines running
// across the page.
func formTop(p *page) {
	for i, s := range []string{"APPLICATION FOR EMPLOYMENT WITH THE DISTRICT HEALTH BOARD OF THE COUNTY",
		"Please complete every section of this form in block capitals and return it with copies of certificates",
		"SECTION D: EMPLOYMENT HISTORY (Start with the current or last post held and work backwards)"} {
		p.at(40, 40+float64(i)*18, s)
	}
}

// TestLayoutTableLastColumn: a grid whose last column (duties) holds
// paragraphs of two or three lines, each starting on its row's line,
// is read row by row, not as a column beside the others; its cells
// wrapped in narrow columns ("Aug" / "2019", "To" / "date", an employer
// ending in "of", a bracket left open, a name wrapped at its hyphen, a
// grade under cells set close) join their rows.
func TestLayoutTableLastColumn(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows [][][]string // each row's cells, each cell's lines
		want []string
	}{
		{"en", [][][]string{
			{{"Sep", "2021"}, {"To", "date"}, {"Senior Nursing", "Officer (Job Group", "Grade K)"}, {"District Hospital of", "Meru – North Imenti-", "Central"}, {"Ward rounds and triage of", "emergency admissions; night", "shift supervision"}},
			{{"Feb", "2018"}, {"Aug", "2021"}, {"Nursing Officer"}, {"St. Luke's Mission", "Hospital"}, {"Maternity ward duties and", "antenatal clinics"}},
			{{"Jan", "2017"}, {"Dec", "2017"}, {"Intern"}, {"Ministry of Health –", "Embu Level 5 Hospital"}, {"Rotations through medical", "and surgical wards"}},
		}, []string{"Sep 2021\tTo date\tSenior Nursing Officer (Job Group Grade K)\tDistrict Hospital of Meru – North Imenti-Central\tWard rounds and triage of emergency admissions; night shift supervision",
			"Jan 2017\tDec 2017\tIntern\tMinistry of Health – Embu Level 5 Hospital\tRotations through medical and surgical wards"}},
		{"years", [][][]string{
			{{"Mar", "2020"}, {"To", "date"}, {"Registered Clinical", "Officer"}, {"Kisii County", "Government"}, {"Outpatient consultations", "and minor theatre work"}},
			{{"Apr", "2017"}, {"Feb", "2020"}, {"Clinical Assistant"}, {"Tenwek Mission", "Hospital"}, {"Screening clinics for", "diabetes and hypertension"}},
			{{"Jun", "2016"}, {"Mar", "2017"}, {"Intern"}, {"Kenyatta National", "Hospital"}, {"Surgical and paediatric", "rotations"}},
		}, []string{"Mar 2020\tTo date\tRegistered Clinical Officer\tKisii County Government\tOutpatient consultations and minor theatre work",
			"Jun 2016\tMar 2017\tIntern\tKenyatta National Hospital\tSurgical and paediatric rotations"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &page{}
			formTop(p)
			xs := []float64{44, 80, 116, 230, 340}
			y := 100.0
			for i, h := range []string{"From", "To", "Designation", "Employer and station", "Duties"} {
				p.at(xs[i], y, h)
			}
			y += 26
			for _, row := range tc.rows {
				n := 0
				for i, cell := range row {
					for j, l := range cell {
						p.at(xs[i], y+float64(j)*12, l)
					}
					n = max(n, len(cell))
				}
				y += float64(n)*12 + 6
			}
			p.at(40, y+12, "SECTION E: COMPUTER PROFICIENCY")
			if _, ok := lateColumns(segmentsOf(*p), xs[4]-0.5, 595); ok {
				t.Error("the duties column read as a column of its own")
			}
			got := p.lines()
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("no line %q in %q", w, got)
				}
			}
		})
	}
}

// TestLayoutTableGradeUnderCloseCells: a grade wrapped under a row's
// last cells set too close to read apart ("2016<tab>2019<tab>Second
// Class Upper" / "Division") goes on the last of them, and a school's
// name wrapped in its cell ("… of Agriculture" / "and Technology") joins
// it.
func TestLayoutTableGradeUnderCloseCells(t *testing.T) {
	for _, grade := range [][2]string{{"Second Class Upper", "Division"}, {"Upper Second", "Class Honours"}} {
		t.Run(grade[1], func(t *testing.T) {
			p := &page{}
			formTop(p)
			p.at(44, 100, "Institution attended").at(250, 100, "Award / Qualification").at(420, 100, "From To").at(480, 100, "Grade")
			p.at(44, 126, "Masinde Muliro University of Agriculture").at(250, 126, "Bachelor of Science in Public").at(420, 126, "2014").at(447, 126, "2018").at(480, 126, grade[0])
			p.at(44, 138, "and Technology").at(250, 138, "Health").at(480, 138, grade[1])
			p.at(44, 160, "Kakamega School").at(250, 160, "Kenya Certificate of Secondary").at(420, 160, "2010").at(447, 160, "2013").at(480, 160, "B")
			p.at(250, 172, "Education")
			got := p.lines()
			want := fmt.Sprintf("Masinde Muliro University of Agriculture and Technology\tBachelor of Science in Public Health\t2014\t2018\t%s %s", grade[0], grade[1])
			if !slices.ContainsFunc(got, func(l string) bool { return strings.ReplaceAll(l, "\t", " ") == strings.ReplaceAll(want, "\t", " ") }) {
				t.Errorf("no line %q in %q", want, got)
			}
		})
	}
}

// TestLayoutTableRowsNoBlocks: the rows of a table set in larger type
// than the table under it (licences over a sea service record) are no
// two blocks side by side opening with headings: the right "heading" has
// cells after it on its row.
func TestLayoutTableRowsNoBlocks(t *testing.T) {
	p := &page{}
	for i, s := range []string{"LICENCES AND CERTIFICATES HELD BY THE APPLICANT AT THE DATE OF THIS APPLICATION",
		"Certificate of Competency Chief Mate (II/2) – Maritime Authority  CM-0077123  Mar 2020  Mar 2025"} {
		p.atSize(40, 40+float64(i)*16, 11, s)
	}
	for i, r := range [][4]string{{"Advanced Fire Fighting", "AFF-31120", "Jan 2021", "Jan 2026"},
		{"Medical First Aid", "MFA-88120", "Feb 2019", "Unlimited"}, {"Seaman's Book", "S0981123", "Apr 2020", "Apr 2030"}} {
		y := 80 + float64(i)*16
		p.atSize(40, y, 11, r[0]).atSize(310, y, 11, r[1]).atSize(400, y, 11, r[2]).atSize(470, y, 11, r[3])
	}
	for i, r := range [][4]string{{"MV Ocean Pride", "Bulk / 28,400", "Chief Officer", "Mar 2023"},
		{"MV Sea Lotus", "Tanker / 11,200", "Second Officer", "Jan 2021"}, {"MV Blue Heron", "Container / 9,100", "Third Officer", "Feb 2018"},
		{"MV Kestrel", "Bulk / 31,000", "Deck Cadet", "Jun 2016"}} {
		y := 140 + float64(i)*14
		p.atSize(40, y, 9.9, r[0]).atSize(160, y, 9.9, r[1]).atSize(310, y, 9.9, r[2]).atSize(470, y, 9.9, r[3])
	}
	if _, _, _, ok := headedBlocks(segmentsOf(*p), 595); ok {
		t.Error("the table's rows read as two blocks opening with headings")
	}
	got := p.lines()
	for _, want := range []string{"Medical First Aid\tMFA-88120\tFeb 2019\tUnlimited", "MV Sea Lotus\tTanker / 11,200\tSecond Officer\tJan 2021"} {
		if !slices.Contains(got, want) {
			t.Errorf("no line %q in %q", want, got)
		}
	}
}
