package cvparse

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// euSkillsDoc is a 2013 Europass CV whose personal skills are the rows
// given, each "label<tab>value" in the label column or, after ">", a line
// of the value column.
func euSkillsDoc(rows ...string) []string {
	return append([]string{"europass", "PERSONAL INFORMATION\tMarta Kowalska", "WORK EXPERIENCE",
		"2019–Present\tProcess Engineer", ">Danone Sp. z o.o., Warsaw (Poland)", "PERSONAL SKILLS", "Mother tongue(s)\tPolish"}, rows...)
}

// The job-related and digital rows of the 2013 form list one skill, or one
// group, a line: each line is an item, a line cut inside a phrase goes on
// with the one above, and an acronym alone on its line heads nothing.
func TestEuropassSkillRowLines(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows []string
		want []string
	}{
		{"one skill a line", []string{"Job-related skills\tCNC programming (Fanuc, Heidenhain)", ">Tool grinding",
			">HACCP", ">Quality audits (ISO 9001)"},
			[]string{"CNC programming (Fanuc, Heidenhain)", "HACCP", "Polish", "Quality audits (ISO 9001)", "Tool grinding"}},
		{"groups a line", []string{"Job-related skills\tFront end: React, Vue", ">Back end: Go, PostgreSQL"},
			[]string{"Go", "Polish", "PostgreSQL", "React", "Vue"}},
		{"French, with a wrapped line", []string{"Compétences professionnelles\tMaçonnerie, coffrage", ">Lecture de plans et métré des",
			">ouvrages", ">CACES R482"},
			[]string{"CACES R482", "Lecture de plans et métré des ouvrages", "Maçonnerie", "Polish", "coffrage"}},
		{"singular digital label", []string{"Compétence numérique\tExcel, SAP MM", ">Power BI"},
			[]string{"Excel", "Polish", "Power BI", "SAP MM"}},
	} {
		got := allSkills(Parse(tableDoc(euSkillsDoc(tc.rows...)...)).Skills)
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s: skills (-want +got):\n%s", tc.name, diff)
		}
	}
}

// The form's communication and organisational rows ask for one phrase a
// skill: a short phrase is one skill as written, its commas and its
// final stop kept; a list of short items is a list; an account longer
// than a phrase is one soft skill as written too (the Europass
// prose-skills convention, blind10/README.md).
func TestEuropassPhraseRows(t *testing.T) {
	long := "Ran weekly progress meetings with the site teams and the client, wrote the monthly reports to the board and " +
		"presented the yearly results to the shareholders of the group"
	for _, tc := range []struct {
		name  string
		rows  []string
		want  []string
		soft  string // wanted in soft_skills as written
		other string
	}{
		{"English phrases", []string{"Communication skills\tGood communication skills gained as liaison between suppliers, buyers and auditors.",
			"Organisational / managerial skills\tScheduling of night shifts for a ward of 30 beds"},
			[]string{"Good communication skills gained as liaison between suppliers, buyers and auditors.", "Polish",
				"Scheduling of night shifts for a ward of 30 beds"}, "", ""},
		{"French phrase wrapped", []string{"Compétences en communication\tSens de l'écoute acquis auprès des familles, en",
			">maison de retraite.", "Compétences organisationnelles / managériales\tEncadrement de trois aides (horaires, congés)."},
			[]string{"Encadrement de trois aides (horaires, congés).", "Polish",
				"Sens de l'écoute acquis auprès des familles, en maison de retraite."}, "", ""},
		{"list stays a list", []string{"Communication skills\tPublic speaking, negotiation, media interviews"},
			[]string{"Polish", "media interviews", "negotiation", "Public speaking"}, "", ""},
		{"an account is one soft skill as written", []string{"Organisational / managerial skills\t" + long},
			[]string{"Polish", long}, long, ""},
	} {
		got := Parse(tableDoc(euSkillsDoc(tc.rows...)...))
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if diff := cmp.Diff(want, allSkills(got.Skills)); diff != "" {
			t.Errorf("%s: skills (-want +got):\n%s", tc.name, diff)
		}
		if tc.soft != "" && !slices.Contains(got.Skills.SoftSkills, tc.soft) {
			t.Errorf("%s: soft skills %q lack the row as written", tc.name, got.Skills.SoftSkills)
		}
		if tc.other != "" {
			found := false
			for _, s := range got.OtherSections {
				found = found || strings.Contains(s.Content, tc.other)
			}
			if !found {
				t.Errorf("%s: other sections %+v lack the account", tc.name, got.OtherSections)
			}
		}
	}
}

// The digital skills grid (its areas, the levels under them, or a
// sentence giving the level) names no skill; the list after it does. The
// form's footer read into a label leaves the label readable.
func TestEuropassDigitalGridAndFooter(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows []string
		want []string
	}{
		{"grid then list", []string{"Digital skills\tSELF-ASSESSMENT", ">Information\tContent\tProblem-",
			">Communication\tSafety", ">processing\tcreation\tsolving", ">Proficient user\tIndependent\tBasic user\tIndependent\tProficient",
			">user\tuser\tuser", ">AutoCAD, Revit"},
			[]string{"AutoCAD", "Polish", "Revit"}},
		{"French grid", []string{"Compétences numériques\tAUTO-ÉVALUATION", ">Traitement de\tCréation de\tRésolution de",
			">Communication\tSécurité", ">l'information\tcontenu\tproblèmes", ">Utilisateur expérimenté\tUtilisateur indépendant",
			">QGIS, AutoCAD Map"},
			[]string{"AutoCAD Map", "Polish", "QGIS"}},
		{"level sentence", []string{"Digital competence\tIndependent user in all five areas of the self-assessment grid.", ">Tableau, SQL"},
			[]string{"Polish", "SQL", "Tableau"}},
		{"footer in a label", []string{"© European Union, 2002-2024 Other|language(s) europass.cedefop.europa.eu\tCzech",
			"Job-related skills\tWelding (MIG, TIG)"},
			[]string{"Czech", "Polish", "Welding (MIG, TIG)"}},
	} {
		got := allSkills(Parse(tableDoc(euSkillsDoc(tc.rows...)...)).Skills)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: skills (-want +got):\n%s", tc.name, diff)
		}
	}
}

// "Foreign language(s)" labels the language grid's heading row as "Other
// language(s)" does: the grid's headings beside it are no languages.
func TestEuropassForeignLanguagesLabel(t *testing.T) {
	for _, label := range []string{"Foreign language(s)", "Langue(s) étrangère(s)"} {
		rows := euSkillsDoc(label+"\tListening\tReading\tSpoken interaction\tSpoken production\tWriting",
			"German\tB2\tB2\tB1\tB1\tB1", "Digital skills\tAutoCAD")
		got := allSkills(Parse(tableDoc(rows...)).Skills)
		if want := []string{"AutoCAD", "German", "Polish"}; !slices.Equal(got, want) {
			t.Errorf("%s: skills %q, want %q", label, got, want)
		}
	}
}
