package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Education tables as OCR reads them: a rule between two heading cells
// read as a bar ("Major | Institute"), the Bdjobs headings ("Exam Title",
// "Concentration", "Pas.Year"), rows wrapped with their first cell empty
// (the wrap starts right of the first column) and a score cut inside "out
// of" ("CGPA: 3.62 out" / "of 4"), the rest on a line of its own.
func TestVariationOCREducationTables(t *testing.T) {
	cases := []struct {
		name string
		rows []string
		want []eduWant
		gpa  []string
	}{
		{"bar between headings, wraps set in",
			[]string{"50|Exam Title\tConcentration/Major | Institute\tResult\tPas.Year",
				"50|Bachelor of Pharmacy\tPharmaceutical\tUniversity of Rajshahi\tCGPA: 3.62 out\t2016",
				"130|Chemistry\t(RU)\tof 4",
				"50|HSC\tScience\tRajshahi College\tGPA: 4.80 out\t2011",
				"300|of 5"},
			[]eduWant{{"Bachelor of Pharmacy", "University of Rajshahi (RU)", "", "", "2016"},
				{"HSC", "Rajshahi College", "", "", "2011"}},
			[]string{"3.62 out of 4", "4.80 out of 5"}},
		{"wrap of the first cell stays in it",
			[]string{"50|Exam Title\tInstitute | Board\tResult\tPassing Year",
				"50|Secondary School\tDhaka Board\tGPA 4.50 out\t2009",
				"50|Certificate (SSC)\tof 5"},
			[]eduWant{{"Secondary School Certificate (SSC)", "Dhaka Board", "", "", "2009"}},
			[]string{"4.50 out of 5"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows := append([]string{"50|Rina Akter", "50|rina@example.com", "50|Academic Qualification:"}, tc.rows...)
			rows = append(rows, "50|Skills", "50|Excel, SQL")
			got := Parse(placed(rows...))
			if diff := cmp.Diff(tc.want, edusOf(got)); diff != "" {
				t.Errorf("education (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.gpa, gpasOf(got)); diff != "" {
				t.Errorf("grades (-want +got):\n%s", diff)
			}
		})
	}
}

// A language table rating each skill High, Medium or Low gives the
// languages only.
func TestVariationLanguageTableLevels(t *testing.T) {
	got := Parse(placed("50|Rina Akter", "50|rina@example.com", "50|Language Proficiency:",
		"50|Language\tReading\tWriting\tSpeaking", "50|Bangla\tHigh\tHigh\tHigh", "50|English\tHigh\tMedium\tMedium",
		"50|Arabic\tLow\tLow\tLow"))
	want := []string{"Arabic", "Bangla", "English"}
	if diff := cmp.Diff(want, allSkills(got.Skills)); diff != "" {
		t.Errorf("skills (-want +got):\n%s", diff)
	}
}

// "Company Location:" under a job gives its location; "Career Summary"
// heads the summary, not a job.
func TestVariationCompanyLocationLabel(t *testing.T) {
	got := Parse(placed("50|Rina Akter", "50|rina@example.com", "50|Career Summary:",
		"50|Total Year of Experience: 8 Year(s)", "50|Employment History:",
		"50|1. Quality Controller (May 2018 - Continuing)", "50|Padma Textile Mills Ltd.",
		"50|Company Location: Tongi, Gazipur", "50|Department: Quality", "50|Duties/Responsibilities:",
		"60|• Inline inspection of knit fabric and AQL audits.",
		"50|2. QC Inspector (June 2015 - April 2018)", "50|Meghna Denim Ltd.", "50|Job Location: Savar, Dhaka", "50|Department: Quality",
		"50|Duties/Responsibilities:", "60|• Final inspection before shipment.", "50|Computer Skills:", "50|MS Excel, SAP"))
	want := []expWant{{"Quality Controller", "Padma Textile Mills Ltd.", "Tongi, Gazipur", "May 2018", "Continuing"},
		{"QC Inspector", "Meghna Denim Ltd.", "Savar, Dhaka", "June 2015", "April 2018"}}
	if diff := cmp.Diff(want, expsOf(got)); diff != "" {
		t.Errorf("experience (-want +got):\n%s", diff)
	}
}

// Rows of an education table set apart by blank lines keep their cells
// together: the blank line stands before a row's first cell only, so a
// row's year is not taken for the next row's.
func TestVariationTableRowsApart(t *testing.T) {
	doc := placed("50|Rina Akter", "50|rina@example.com", "50|Academic Qualification:",
		"50|Exam Title\tConcentration/Major | Institute\tResult\tPas.Year",
		"50|MBA\tFinance\tUniversity of Chittagong\tCGPA: 3.20 out\t2015",
		"50|(Evening)\tof 4",
		"50|HSC\tCommerce\tChattogram College\tGPA: 4.60 out\t2008",
		"300|of 5",
		"50|SSC\tCommerce\tChattogram Collegiate School\tGPA: 5.00 out\t2006",
		"300|of 5",
		"50|Skills", "50|Excel, SQL")
	y := 40.0
	for i := range doc.Lines {
		if i == 4 || i == 6 || i == 8 {
			doc.Lines[i].GapBefore, y = true, y+12
		}
		doc.Lines[i].Y, y = y, y+14
	}
	want := []eduWant{{"MBA (Evening)", "University of Chittagong", "", "", "2015"},
		{"HSC", "Chattogram College", "", "", "2008"}, {"SSC", "Chattogram Collegiate School", "", "", "2006"}}
	if diff := cmp.Diff(want, edusOf(Parse(doc))); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
}

// tableRows sets a row's blank line before its first cell only.
func TestTableRowGapOnFirstCell(t *testing.T) {
	ls := []line{{text: "Degree\tInstitution\tYear", x: 50, size: 10},
		{text: "HSC\tChattogram College\t2008", x: 50, size: 10, gapBefore: true},
		{text: "SSC\tChattogram Collegiate School\t2006", x: 50, size: 10, gapBefore: true}}
	var gaps []bool
	for _, l := range tableRows(ls) {
		gaps = append(gaps, l.gapBefore)
	}
	want := []bool{true, false, false, true, false, false}
	if diff := cmp.Diff(want, gaps); diff != "" {
		t.Errorf("gaps (-want +got):\n%s", diff)
	}
}
