package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
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
