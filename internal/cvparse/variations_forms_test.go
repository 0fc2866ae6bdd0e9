package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Variations on CVs written as forms (Indian and South Asian "bio-data"
// layouts): a document title over the name, labels whose colons a tab
// aligns, headings carrying a note, education as label/value rows of
// varying length.

// A document title alone on the first line, contact data under it, is no
// "Résumé" summary heading; an honorific before the name is not part of
// it; "Label<tab>: value" rows are labels and values.
func TestVariationFormHeader(t *testing.T) {
	type want struct{ name, phone, email string }
	cases := []struct {
		name, text string
		want
	}{
		{"resume title engineer honorific", "RESUME\nEr. Anand Krishnan, B.E.\nMobile\t: +91 99000 11223\nE-mail\t: anand.k@example.com\n",
			want{"Anand Krishnan", "+91 99000 11223", "anand.k@example.com"}},
		{"curriculum vitae title", "CURRICULUM VITAE\nMeera Pillai\nPhone\t: +91 98450 66120\nEmail\t: meera.p@example.org\n",
			want{"Meera Pillai", "+91 98450 66120", "meera.p@example.org"}},
		{"accented résumé title", "Résumé\nRavi Teja Kondapalli\nContact No.\t: +91 90300 41518\nEmail ID\t: ravi.tk@example.in\n",
			want{"Ravi Teja Kondapalli", "+91 90300 41518", "ravi.tk@example.in"}},
		{"advocate honorific", "RESUME\nAdv. Farah Naqvi\nMobile\t: +92 300 5551234\nE-mail\t: farah.naqvi@example.pk\n",
			want{"Farah Naqvi", "+92 300 5551234", "farah.naqvi@example.pk"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ParseText(tc.text + "\nCAREER OBJECTIVE\nTo contribute my skills to a growing organisation.\n\nSKILLS\nExcel, Tally\n")
			got := want{c.Contact.Name, c.Contact.Phone, c.Contact.Email}
			if got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
			if c.Summary != "To contribute my skills to a growing organisation." {
				t.Errorf("summary = %q", c.Summary)
			}
		})
	}
}

// A heading with a note in brackets ("(9 years)", "(3)") is the heading;
// jobs as "Label<tab>: value" rows are read by their labels, "till date"
// ends a running range.
func TestVariationFormExperience(t *testing.T) {
	job := "Organisation\t: Deccan Cables Pvt. Ltd.\nDesignation\t: Planning Engineer\nLocation\t: Pune, Maharashtra\nDuration\t: 2019-06 to till date\nPrepared weekly schedules for three substations.\n" +
		"Organisation\t: Konkan Roadways Limited\nDesignation\t: Junior Engineer\nLocation\t: Ratnagiri, Maharashtra\nDuration\t: 2016-07 to 2019-05\nSupervised culvert works on the coastal highway.\n"
	want := []expWant{
		{"Planning Engineer", "Deccan Cables Pvt. Ltd.", "Pune, Maharashtra", "2019-06", "till date"},
		{"Junior Engineer", "Konkan Roadways Limited", "Ratnagiri, Maharashtra", "2016-07", "2019-05"},
	}
	for _, heading := range []string{"PROFESSIONAL EXPERIENCE (6 years)", "WORK EXPERIENCE (2)", "Employment History (2016 – present)", "EXPERIENCE (Total: 6 yrs)"} {
		t.Run(heading, func(t *testing.T) {
			got := expsOf(ParseText("Vikram Joshi\nvikram.j@example.com\n\n" + heading + "\n" + job + "\nSKILLS\nPrimavera, Excel\n"))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// Education as label/value rows, each degree with its own number of rows,
// and a row whose label is the degree itself ("SSC (Class X): school,
// town – year – mark").
func TestVariationFormEducation(t *testing.T) {
	cases := []struct {
		name, body string
		want       []eduWant
		gpas       []string
	}{
		{"rows of varying length",
			"Degree\t: B.Tech. Mechanical Engineering\nInstitute\t: Walchand College of Engineering, Sangli\nYear of Passing\t: 2016\nAggregate\t: 74.2%\n" +
				"Degree\t: Diploma in Mechanical Engineering\nInstitute\t: Government Polytechnic, Kolhapur\nYear of Passing\t: 2013\n" +
				"Degree\t: SSC\nBoard\t: Maharashtra State Board\nYear of Passing\t: 2010\nPercentage\t: 88.4%\n",
			[]eduWant{{"B.Tech. Mechanical Engineering", "Walchand College of Engineering", "Sangli", "", "2016"},
				{"Diploma in Mechanical Engineering", "Government Polytechnic", "Kolhapur", "", "2013"},
				{"SSC", "Maharashtra State Board", "", "", "2010"}},
			[]string{"74.2%", "", "88.4%"}},
		{"degree as the row's label",
			"Degree\t: B.Com. (Honours)\nCollege\t: Loyola College, Chennai\nYear of Passing\t: 2018\nPercentage\t: 79%\n" +
				"HSC (Class XII)\t: Govt. Hr. Sec. School, Madurai – 2015 – 91.5%\n",
			[]eduWant{{"B.Com. (Honours)", "Loyola College", "Chennai", "", "2018"},
				{"HSC (Class XII)", "Govt. Hr. Sec. School", "Madurai", "", "2015"}},
			[]string{"79%", "91.5%"}},
		{"label cell wrapped in its bracket",
			"MBA (Retail &\t:\tUniversity of Karachi, Karachi, 2016 — CGPA 3.4/4.0\nMarketing)\nBBA\t:\tIqra University, Karachi, 2014\n",
			[]eduWant{{"MBA (Retail & Marketing)", "University of Karachi", "Karachi", "", "2016"}, {"BBA", "Iqra University", "Karachi", "", "2014"}},
			[]string{"3.4/4.0", ""}},
		{"subjects after the degree's colon",
			"2011 – 2014\tUniversity of Exeter\nBA (Hons) History\n2009 – 2011\tTruro School\nA-levels: History (A), English (A), French (B)\n",
			[]eduWant{{"BA (Hons) History", "University of Exeter", "", "2011", "2014"}, {"A-levels: History (A), English (A), French (B)", "Truro School", "", "2009", "2011"}},
			[]string{"", ""}},
		{"plain colons",
			"Qualification: MBA (Finance)\nUniversity: University of Mumbai\nYear: 2021\nCGPA: 7.9 / 10\nQualification: BBA\nUniversity: Pune University\nYear: 2019\n",
			[]eduWant{{"MBA (Finance)", "University of Mumbai", "", "", "2021"}, {"BBA", "Pune University", "", "", "2019"}},
			[]string{"7.9 / 10", ""}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ParseText("Sunita Rao\nsunita.rao@example.com\n\nEDUCATIONAL QUALIFICATION\n" + tc.body + "\nSKILLS\nExcel, SAP\n")
			if diff := cmp.Diff(tc.want, edusOf(c)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			var gpas []string
			for _, e := range c.Education {
				gpas = append(gpas, e.GPA)
			}
			if diff := cmp.Diff(tc.gpas, gpas); diff != "" {
				t.Errorf("gpa (-want +got):\n%s", diff)
			}
		})
	}
}

// A list's keyword last in a heading ("Software Skills") heads the list,
// whatever the words before it name.
func TestVariationQualifiedListHeading(t *testing.T) {
	for _, heading := range []string{"SOFTWARE SKILLS", "Software Skills", "Software Competencies", "Engineering Skills"} {
		t.Run(heading, func(t *testing.T) {
			if k, ok := keywordHeading(heading); !ok || k != secSkills {
				t.Errorf("keywordHeading(%q) = %v, %v; want skills", heading, k, ok)
			}
		})
	}
	for _, line := range []string{"Software Engineer", "Skills Trainer", "Master of Education", "Chargée de projets", "Chef de projets"} {
		if k, ok := keywordHeading(line); ok {
			t.Errorf("keywordHeading(%q) = %v, want none", line, k)
		}
	}
}

// Skill rows whose colons a tab aligns ("Design<tab>: Revit, Tekla",
// "Office<tab>:<tab>Excel") list the skills after the label.
func TestVariationFormSkillRows(t *testing.T) {
	cases := []struct{ name, rows string }{
		{"tab before colon", "Design\t: Revit, Tekla Structures\nOffice\t: MS Excel, MS Word\n"},
		{"tabs around colon", "Design\t:\tRevit, Tekla Structures\nOffice\t:\tMS Excel, MS Word\n"},
		{"spaces and tab", "Design \t : Revit, Tekla Structures\nOffice \t : MS Excel, MS Word\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ParseText("Nadia Qureshi\nnadia.q@example.com\n\nSOFTWARE SKILLS\n" + tc.rows + "\nLANGUAGES\nUrdu, English\n")
			checkSkillSet(t, c, []string{"revit", "tekla structures", "ms excel", "ms word", "urdu", "english"})
		})
	}
}
