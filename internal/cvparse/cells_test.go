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
