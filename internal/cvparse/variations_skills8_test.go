package cvparse

import (
	"testing"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// Variations on the skills of the eighth blind set (testdata/blind8),
// written with invented text.

// A line under a job that lists what it was done with ("Technologies:",
// "Tools used:", "Environnement technique :") gives skills, each once
// with the skills section's, and is neither a bullet of the job nor the
// first line of the next one.
func TestVariationJobSkillLinesBlind8(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
		titles     []string
	}{
		{"technologies after bullets",
			"Skills\nGo, PostgreSQL\n\nExperience\n03/2021 – Present\tBackend Engineer\nLumen Freight, Oslo\n" +
				"• Wrote the billing service.\nTechnologies: Go, gRPC, Redis\n" +
				"01/2018 – 02/2021\tJunior Developer\nNordkap Data, Bergen\n• Kept the ETL running.\nTechnologies: Python, Airflow\n",
			[]string{"go", "postgresql", "grpc", "redis", "python", "airflow"},
			[]string{"Backend Engineer", "Junior Developer"}},
		{"tools used, skills section after",
			"Experience\nSales Coordinator, Brookfield Tiles, Derby\tMar 2019 — Present\n" +
				"• Ran the spring catalogue.\nTools used: Salesforce, Excel, Canva\n" +
				"Sales Assistant, Marlow Home, Derby\tJun 2016 — Feb 2019\n• Answered the order line.\n" +
				"Tools used: Sage 50, Excel\n\nSkills\nExcel, Negotiation\n",
			[]string{"salesforce", "excel", "canva", "sage 50", "negotiation"},
			[]string{"Sales Coordinator", "Sales Assistant"}},
		{"fr environnement technique",
			"Expérience professionnelle\nPoste : Consultante BI\nEntreprise : Datavera\nPériode : 2019 – 2023\n" +
				"Missions :\n• Refonte des tableaux de bord commerciaux.\nEnvironnement technique : Qlik Sense, Talend, Oracle 19c\n" +
				"Poste : Analyste\nEntreprise : Finoria\nPériode : 2016 – 2019\n",
			[]string{"qlik sense", "talend", "oracle 19c"},
			[]string{"Consultante BI", "Analyste"}},
		{"a list wrapped after its comma",
			"Experience\nData Engineer\tJan 2020 – Present\nKestrel Analytics, Leeds\n• Built the lakehouse.\n" +
				"Tech stack: Spark, Delta Lake, Databricks,\nAzure Data Factory\n",
			[]string{"spark", "delta lake", "databricks", "azure data factory"},
			[]string{"Data Engineer"}},
		// "Environment:" followed by a sentence says where, not with what.
		{"a sentence is no list",
			"Experience\nNurse\tJan 2020 – Present\nSt Olave Clinic, York\nEnvironment: a busy twenty-bed surgical ward\n",
			nil, []string{"Nurse"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ParseText("Jane Roe\njane@example.com\n\n" + tc.body)
			checkSkillSet(t, c, tc.want)
			if len(c.Experience) != len(tc.titles) {
				t.Fatalf("%d jobs, want %d: %+v", len(c.Experience), len(tc.titles), c.Experience)
			}
			for i, x := range c.Experience {
				if x.Title != tc.titles[i] {
					t.Errorf("job %d title %q, want %q", i, x.Title, tc.titles[i])
				}
				for _, s := range append(x.Bullets, x.Description, x.Company) {
					if _, ok := jobSkillLine(s); ok {
						t.Errorf("job %d keeps the technology line %q", i, s)
					}
				}
			}
		})
	}
}

// Skills as people write them: a sentence opened by "Proficient in" or
// "working knowledge of" lists skills, even two joined by "and", and
// opens a line of its own between labelled lines; a table of
// certifications may hold a row whose label names a group of skills.
func TestVariationSkillProseBlind8(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"working knowledge of two",
			"Proficient in Stata, Excel (Solver) and Tableau; working knowledge of R and Julia (JuMP).",
			[]string{"stata", "excel", "tableau", "r", "julia"}},
		{"familiar with two",
			"Familiar with Docker and Ansible", []string{"docker", "ansible"}},
		{"prose between labelled lines",
			"Audit: sampling; controls testing; fraud reviews\nProficient in IDEA, Excel and Xero; basic knowledge of SQL.\nStrengths: patience; clear writing",
			[]string{"sampling", "controls testing", "fraud reviews", "idea", "excel", "xero", "sql", "patience", "clear writing"}},
		// A pair with no phrase before it stays one skill.
		{"a pair alone stays", "Research and Development\nBudgeting", []string{"research and development", "budgeting"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ParseText("Jane Roe\njane@example.com\n\nSkills\n" + tc.body + "\n")
			checkSkillSet(t, c, tc.want)
		})
	}
}

func TestVariationSkillRowInCertificationsBlind8(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"systems row", "Licence\tState Pharmacy Board (active)\nSystems\tMeditech · Omnicell · Kronos",
			[]string{"meditech", "omnicell", "kronos"}},
		{"tools row", "Certificates\tPRINCE2 · ITIL 4\nTools\tJira, Confluence, MS Project",
			[]string{"jira", "confluence", "ms project"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ParseText("Jane Roe\njane@example.com\n\nExperience\nPharmacist\t2019 – Present\nCity Care, Leeds\n\nCertifications\n" + tc.body + "\n")
			checkSkillSet(t, c, tc.want)
		})
	}
}

// A sidebar's languages rated by dots, a level word after the name
// ("Polish Native<tab>●●●●●"), then a heading we have no word for over a
// short list ("Leadership" / "Mentoring · Conflict"): the level is no part
// of the language, and the list is skills.
func TestVariationAfterLanguagesBlind8(t *testing.T) {
	body := "Skills\nRoute planning\nLanguages\nCzech Native\t●●●●●\nGerman B2\t●●●○○\n\nPeople\nMentoring drivers · Conflict\nresolution · Rota planning\n"
	c := ParseText("Jane Roe\njane@example.com\n\n" + body)
	checkSkillSet(t, c, []string{"route planning", "czech", "german", "mentoring drivers", "conflict resolution", "rota planning"})
}

// A heading wrapped in a narrow sidebar ("OUTILS" / "UTILISÉS" over
// smaller items): both lines in capitals and the same size are one
// heading, not a heading and a skill.
func TestVariationWrappedSidebarHeadingBlind8(t *testing.T) {
	doc := extract.Document{Lines: []extract.Line{
		{Text: "Jane Roe", Size: 24}, {Text: "jane@example.com", Size: 11.1},
		{Text: "COMPÉTENCES", Size: 11.6, GapBefore: true}, {Text: "Gestion de stocks", Size: 11.1}, {Text: "Inventaires", Size: 11.1},
		{Text: "OUTILS", Size: 11.6, GapBefore: true}, {Text: "UTILISÉS", Size: 11.6}, {Text: "Word", Size: 11.1}, {Text: "Excel", Size: 11.1},
		{Text: "EXPÉRIENCE", Size: 11.6, GapBefore: true}, {Text: "Magasinière\t2019 – 2023", Size: 11.1}, {Text: "Entrepôt Sud, Nîmes", Size: 11.1},
	}}
	checkSkillSet(t, Parse(doc), []string{"gestion de stocks", "inventaires", "word", "excel"})
}
