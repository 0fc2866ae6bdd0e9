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
			[]string{"CGPA: 3.62 out of 4", "GPA: 4.80 out of 5"}},
		{"wrap of the first cell stays in it",
			[]string{"50|Exam Title\tInstitute | Board\tResult\tPassing Year",
				"50|Secondary School\tDhaka Board\tGPA 4.50 out\t2009",
				"50|Certificate (SSC)\tof 5"},
			[]eduWant{{"Secondary School Certificate (SSC)", "Dhaka Board", "", "", "2009"}},
			[]string{"GPA 4.50 out of 5"}},
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
