package cvparse

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/utopiahire/utopiahire/internal/extract"
)

// Rows of a table whose label column holds dates or skill groups (moderncv,
// CSS grids): the label cells reach the parser as "cell<tab>value".
func TestTableCells(t *testing.T) {
	doc := tableDoc(
		"Youssef Ben Amor",
		"youssef@example.tn",
		"Expérience professionnelle",
		"09/2017 – 02/2021\tIngénieur qualité produit, Leoni Wiring Systems, Sousse",
		">Pilotage des PPAP et des AMDEC process.",
		"Févr. 2017 – Juil.\tStagiaire ingénieur, Sartorius Mechatronics, Ben Arous",
		"2017\tProjet de fin d'études : mise en place du SPC sur une ligne d'usinage.",
		"Compétences",
		"Qualité\tAPQP, PPAP, AMDEC",
		"Outils\tMinitab, SAP QM",
		"Langues",
		"Arabe\tlangue maternelle",
		"Anglais\tprofessionnel (TOEIC 850)",
		"English\tNative",
		"Irish\tFluent",
	)
	got := Parse(doc)
	want := []expKey{
		{"Ingénieur qualité produit", "Leoni Wiring Systems", "Sousse", "09/2017", "02/2021"},
		{"Stagiaire ingénieur", "Sartorius Mechatronics", "Ben Arous", "Févr. 2017", "Juil. 2017"},
	}
	if diff := cmp.Diff(want, expKeys(got.Experience)); diff != "" {
		t.Errorf("experience (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"AMDEC", "APQP", "Anglais", "Arabe", "English", "Irish", "Minitab", "PPAP", "SAP QM"}, allSkills(got.Skills)); diff != "" {
		t.Errorf("skills (-want +got):\n%s", diff)
	}
}

// A definition list imported by a word processor: each label on a line of
// its own above its value.
func TestLabelLines(t *testing.T) {
	got := ParseText(`Carlos Eduardo da Silva
Phone:
+351 912 345 678
Location:
Porto, Portugal

Employment History
Position:
Project Engineer
Company:
Mota-Engil, Porto
Period:
Oct 2020 – Present
Duties:
Planning and cost control of the metro stations.
Position:
Engineering Trainee
Company:
Construtora Tenda, Belo Horizonte
Period:
Mar 2014 – Dec 2015
Responsibilities:
• Site visits

Skills:
AutoCAD, Primavera P6
`)
	want := []expKey{
		{"Project Engineer", "Mota-Engil", "Porto", "Oct 2020", "Present"},
		{"Engineering Trainee", "Construtora Tenda", "Belo Horizonte", "Mar 2014", "Dec 2015"},
	}
	if diff := cmp.Diff(want, expKeys(got.Experience)); diff != "" {
		t.Errorf("experience (-want +got):\n%s", diff)
	}
	if digits(got.Contact.Phone) != "351912345678" || got.Contact.Location != "Porto, Portugal" {
		t.Errorf("contact = %+v", got.Contact)
	}
	if diff := cmp.Diff([]string{"AutoCAD", "Primavera P6"}, allSkills(got.Skills)); diff != "" {
		t.Errorf("skills (-want +got):\n%s", diff)
	}
}

// Section headings set in a table's label column, on the row of their
// section's first line.
func TestHeadingCells(t *testing.T) {
	got := Parse(tableDoc(
		"Jane Roe",
		"jane@example.com",
		"Experience\tSenior Engineer\t2020 – 2022",
		">Acme Corp, London",
		">• Built the billing platform",
		"Education\tMSc Computer Science\t2018 – 2019",
		">Imperial College London",
		"Technical Skills",
		"Languages\tJava 17, Kotlin, SQL",
		"Tools\tDocker, Jenkins",
		"Languages spoken\tEnglish, Spanish",
	))
	if diff := cmp.Diff([]expKey{{"Senior Engineer", "Acme Corp", "London", "2020", "2022"}}, expKeys(got.Experience)); diff != "" {
		t.Errorf("experience (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]eduKey{{"MSc Computer Science", "Imperial College London", "2018", "2019"}}, eduKeys(got.Education)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
	// Inside a skills section, "Languages" labels programming languages.
	if diff := cmp.Diff([]string{"English", "Spanish"}, got.Skills.Languages); diff != "" {
		t.Errorf("spoken languages (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Docker", "English", "Java 17", "Jenkins", "Kotlin", "SQL", "Spanish"}, allSkills(got.Skills)); diff != "" {
		t.Errorf("skills (-want +got):\n%s", diff)
	}
}

// A word processor's styles: definition-list labels in a heading style
// ("List Heading"), each job's title in "Heading 3".
func TestStyledLabelsAndEntryTitles(t *testing.T) {
	var d extract.Document
	add := func(text string, heading bool) {
		d.Lines = append(d.Lines, extract.Line{Text: text, Heading: heading, Bullet: strings.HasPrefix(text, "• ")})
	}
	add("Oluwaseun Adeyemi", true)
	add("Phone:", true)
	add("+234 803 123 4567", false)
	add("Experience", true)
	add("Senior Product Manager, Payments", true)
	add("Flutterwave — Lagos\tJan 2020 – Present", false)
	add("• Own the merchant checkout product.", false)
	add("Product Manager", true)
	add("Company:", true)
	add("Paystack, Lagos", false)
	add("Period:", true)
	add("Aug 2017 – Dec 2019", false)
	add("• Shipped Paystack Storefront.", false)
	add("Education", true)
	add("MSc Data Science", true)
	add("University of Lagos\t2012 – 2014", false)
	got := Parse(d)
	want := []expKey{
		{"Senior Product Manager, Payments", "Flutterwave", "Lagos", "Jan 2020", "Present"},
		{"Product Manager", "Paystack", "Lagos", "Aug 2017", "Dec 2019"},
	}
	if diff := cmp.Diff(want, expKeys(got.Experience)); diff != "" {
		t.Errorf("experience (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]eduKey{{"MSc Data Science", "University of Lagos", "2012", "2014"}}, eduKeys(got.Education)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
	if digits(got.Contact.Phone) != "2348031234567" {
		t.Errorf("phone = %q", got.Contact.Phone)
	}
}

// A table under column headings whose dates column wraps each range
// ("2014 –" / "2017") while the other cells of the row wrap beside it
// ("… Dar es" / "Salaam", "(Upper" / "Second)"), as OCR reads a ruled
// table: the wrapped row's cells go on the row's cells, each entry keeps
// its own dates, and no cell runs into the next rows.
func TestWrappedDatesUnderColumnHeads(t *testing.T) {
	cases := []struct {
		name string
		rows []string
		want []eduWant
	}{
		{"year, school, award",
			[]string{"50|Year\tInstitution\tAward",
				"50|2014 –\tInstitute of Tax Administration (ITA), Dar es\tBachelor Degree in Customs and Tax Management (Upper",
				"50|2017\tSalaam\tSecond)",
				"50|2012-\tAzania Secondary School\tAdvanced Certificate of Secondary Education (ACSEE)",
				"50|2014",
				"50|2008 -\tKibasila Secondary School\tCertificate of Secondary Education (CSEE)",
				"50|2011"},
			[]eduWant{{"Bachelor Degree in Customs and Tax Management (Upper Second)", "Institute of Tax Administration (ITA)", "Dar es Salaam", "2014", "2017"},
				{"Advanced Certificate of Secondary Education (ACSEE)", "Azania Secondary School", "", "2012", "2014"},
				{"Certificate of Secondary Education (CSEE)", "Kibasila Secondary School", "", "2008", "2011"}}},
		{"period, qualification, college",
			[]string{"50|Period\tQualification\tCollege",
				"50|2016 –\tHigher National Diploma in Accountancy and\tTakoradi Technical",
				"50|2019\tFinance\tUniversity",
				"50|2012 –\tWASSCE\tFijai Senior High School",
				"50|2015"},
			[]eduWant{{"Higher National Diploma in Accountancy and Finance", "Takoradi Technical University", "", "2016", "2019"},
				{"WASSCE", "Fijai Senior High School", "", "2012", "2015"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows := append([]string{"50|Kofi Mensah", "50|kofi@example.com", "50|EDUCATION BACKGROUND"}, tc.rows...)
			rows = append(rows, "50|SKILLS", "50|Excel, SQL")
			if diff := cmp.Diff(tc.want, edusOf(Parse(placed(rows...)))); diff != "" {
				t.Errorf("education (-want +got):\n%s", diff)
			}
		})
	}
}
