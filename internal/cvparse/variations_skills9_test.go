package cvparse

import (
	"slices"
	"testing"

	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/extract"
)

// Variations on the skills of the ninth blind set (testdata/blind9),
// written with invented text.

// checkSkillsAfterJob parses a CV with one job (titled title) and body
// after it, and fails t unless its skills are want in any order.
func checkSkillsAfterJob(t *testing.T, title, body string, want []string) cv.StructuredCV {
	t.Helper()
	c := ParseText("Marta Kowal\nmarta.kowal@example.com\n\nExperience\n" + title + ", Orbis Ltd 2019 - 2022\n\n" + body)
	want = slices.Sorted(slices.Values(want))
	if got := allSkills(c.Skills); !slices.Equal(got, want) {
		t.Errorf("skills = %q, want %q", got, want)
	}
	return c
}

// A list of links under its own heading ("Links", "Liens", "Online
// profiles") or among the skills gives links, no skills; a skill named
// like a domain ("Socket.IO") stays a skill.
func TestVariationLinksNoSkillsBlind9(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
		github     string
	}{
		{"links heading after skills",
			"Skills\n- Cypress\n- Socket.IO\n\nLinks\n\nhttps://github.com/mkowal-dev\nhttps://www.linkedin.com/in/m-kowal\n",
			[]string{"Cypress", "Socket.IO"}, "https://github.com/mkowal-dev"},
		{"liens",
			"Compétences\nExcel, SAP\n\nLiens\nhttps://github.com/mkowal-dev\nhttps://mkowal.fr/portfolio\n",
			[]string{"Excel", "SAP"}, "https://github.com/mkowal-dev"},
		{"online profiles",
			"Skills\nFigma, Sketch\n\nOnline profiles\nwww.behance.net/mkowal\ngithub.com/mkowal-dev\n",
			[]string{"Figma", "Sketch"}, "github.com/mkowal-dev"},
		{"a link among the skills",
			"Skills\nKotlin\nJetpack Compose\nhttps://github.com/mkowal-dev\n",
			[]string{"Jetpack Compose", "Kotlin"}, "https://github.com/mkowal-dev"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := checkSkillsAfterJob(t, "Developer", tc.body, tc.want)
			if c.Contact.GitHub != tc.github {
				t.Errorf("github = %q, want %q", c.Contact.GitHub, tc.github)
			}
		})
	}
}

// A list wrapped inside a compound joined by an en dash ("cost–" /
// "benefit analysis") keeps the compound one skill; the LaTeX logo,
// which a PDF gives back as letters set apart ("L A TEX"), is "LaTeX".
func TestVariationWrappedCompoundAndLogoBlind9(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"en dash compound wrapped",
			"Skills\nMethods: panel regression, input–output modelling, risk–\nreturn analysis.\nTools: Excel\n",
			[]string{"Excel", "input–output modelling", "panel regression", "risk–return analysis"}},
		{"latex logo set apart",
			"Skills\nTools: Overleaf, L A TEX, BibTeX\n",
			[]string{"BibTeX", "LaTeX", "Overleaf"}},
		{"latex logo half apart",
			"Skills\nTypesetting: LA T E X, InDesign\n",
			[]string{"InDesign", "LaTeX"}},
		{"latex in capitals stays",
			"Skills\nMaterials: LATEX, NITRILE\n",
			[]string{"LATEX", "NITRILE"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkSkillsAfterJob(t, "Analyst", tc.body, tc.want)
		})
	}
}

// A list set apart by middle dots wrapped inside a phrase joined by an
// ampersand ("Quality control" / "& snagging") keeps the phrase one
// skill.
func TestVariationAmpersandWrapBlind9(t *testing.T) {
	body := "Key skills\nStock control · Food safety (HACCP) · Rota planning · Ordering\n& receiving · Cash handling · Training & coaching\n"
	want := []string{"Cash handling", "Food safety (HACCP)", "Ordering & receiving", "Rota planning", "Stock control", "Training & coaching"}
	checkSkillsAfterJob(t, "Supervisor", body, want)
}

// Sections a CV names in words no list held: a registration with a
// professional body, designations, community work. Their lines are no
// skills.
func TestVariationRegistrationHeadingsBlind9(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"registration",
			"Skills\nWound care, Triage\n\nRegistration\nRegistered Nurse — Nursing Council\nPIN 12A3456B (current)\n",
			[]string{"Triage", "Wound care"}},
		{"professional registrations",
			"Skills\nAutoCAD, Revit\n\nProfessional registrations\nChartered Engineer (CEng), IStructE\n",
			[]string{"AutoCAD", "Revit"}},
		{"designations in a label column",
			"SKILLS\tUnderwriting, Excel\nDESIGNATIONS\tFellow Chartered Insurance Professional (FCIP) — 2021\n",
			[]string{"Excel", "Underwriting"}},
		{"community in a label column",
			"SKILLS\tUnderwriting, Excel\nLANGUAGES\tEnglish, French (bilingual), Tagalog\nCOMMUNITY\tVolunteer literacy tutor, ABC Reads (City Library), 2018 — present\n",
			[]string{"English", "Excel", "French (bilingual)", "Tagalog", "Underwriting"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkSkillsAfterJob(t, "Analyst", tc.body, tc.want)
		})
	}
}

// A list item whose words hold a heading's keyword ("Patient education",
// "Staff training"), set like the items above it, is a skill, not a
// heading; set apart in capitals, the keyword heads its section.
func TestVariationKeywordItemInListBlind9(t *testing.T) {
	row := func(y float64, size float64, x float64, gap bool, text string) extract.Line {
		return extract.Line{Text: text, Size: size, X: x, Y: y, Page: 1, GapBefore: gap}
	}
	doc := extract.Document{Pages: 1, Lines: []extract.Line{
		row(40, 20, 50, true, "Marta Kowal"),
		row(70, 10, 50, false, "marta.kowal@example.com"),
		row(100, 12, 50, true, "EXPERIENCE"),
		row(120, 10, 50, true, "Dental Nurse, Brightsmile Clinic\t2019 – 2023"),
		row(134, 10, 60, false, "• Chairside support for 30 patients a day."),
		row(160, 12, 50, true, "CLINICAL SKILLS"),
		row(180, 10, 60, false, "Infection control"),
		row(194, 10, 60, false, "Radiography"),
		row(208, 10, 60, false, "Patient education"),
		row(234, 12, 50, true, "EDUCATION"),
		row(254, 10, 50, true, "Diploma in Dental Nursing\t2017 – 2019"),
		row(268, 10, 50, false, "City College, Leeds"),
	}}
	c := Parse(doc)
	want := []string{"Infection control", "Patient education", "Radiography"}
	if got := allSkills(c.Skills); !slices.Equal(got, want) {
		t.Errorf("skills = %q, want %q", got, want)
	}
	if len(c.Education) != 1 {
		t.Errorf("education = %+v, want the one diploma", c.Education)
	}
}
