package cvparse

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// A section heading of the 2013 form set level with the last row of the
// section above is read into that row's label cell ("Driving licence
// ADDITIONAL INFORMATION<tab>B"): the row keeps its label, the heading
// opens its section after it. Read as one unknown label, the licence went
// to the skills and the jobs under "WORK EXPERIENCE" were lost.
func TestEuropassHeadingGluedToLabel(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows []string
		want []string
	}{
		{"licence beside the heading", []string{"Digital skills\tAutoCAD, Revit", "Driving licence ADDITIONAL INFORMATION\tB",
			"Memberships\tOrder of Engineers"}, []string{"AutoCAD", "Polish", "Revit"}},
		{"capitals labels", []string{"DIGITAL SKILLS\tExcel, SAP MM", "DRIVING LICENCE ADDITIONAL INFORMATION\tB, C, CE"},
			[]string{"Excel", "Polish", "SAP MM"}},
		{"French heading wrapped below", []string{"Compétences informatiques\tSage Paie, Excel", "Permis de conduire INFORMATIONS\tB",
			">COMPLÉMENTAIRES", "Certifications\tCertificat IFRS (2019)"}, []string{"Excel", "Polish", "Sage Paie"}},
	} {
		got := allSkills(Parse(tableDoc(euSkillsDoc(tc.rows...)...)).Skills)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: skills (-want +got):\n%s", tc.name, diff)
		}
	}
	doc := tableDoc("europass", "PERSONAL INFORMATION\tTomasz Nowak", "JOB APPLIED FOR WORK EXPERIENCE\tPlant Manager",
		"04/2016–Present\tProduction Manager", ">Fabryka Okien Sp. z o.o., Poznań (Poland)", ">Run two shifts of 60 operators",
		"EDUCATION AND TRAINING", "2008–2013\tMaster of Mechanical Engineering", ">Poznań University of Technology",
		"PERSONAL SKILLS", "Mother tongue(s)\tPolish")
	got := Parse(doc)
	if len(got.Experience) != 1 || got.Experience[0].Title != "Production Manager" || got.Experience[0].StartDate != "04/2016" {
		t.Errorf("experience = %+v, want the production manager's job", got.Experience)
	}
}

// euFullDoc is tableDoc where a row ending in "~" is a line the PDF set
// full to its column's edge (extract.Line.Full): the next one goes on
// with it.
func euFullDoc(rows ...string) extract.Document {
	var marked []bool
	for i, r := range rows {
		full := strings.HasSuffix(r, "~")
		rows[i] = strings.TrimSuffix(r, "~")
		marked = append(marked, full)
	}
	d := tableDoc(rows...)
	for i := range d.Lines {
		d.Lines[i].Full = marked[i]
	}
	return d
}

// A skills row of the 2013 form lists one skill a line: a line that
// stopped short of the column's edge ended there, however many words it
// has ("Preventive maintenance of hydraulic presses and robotic cells" /
// "Root cause analysis"); one set full goes on on the next line. Groups
// labelled one a line ("Test automation: …" / "Load testing: …") keep
// each its label.
func TestEuropassSkillRowShortLines(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows []string
		want []string
	}{
		{"long line short of the edge", []string{"Job-related skills\tPreventive maintenance of hydraulic presses and robotic cells (ISO 13849)",
			">Root cause analysis", ">5S workshops"},
			[]string{"5S workshops", "Polish", "Preventive maintenance of hydraulic presses and robotic cells (ISO 13849)", "Root cause analysis"}},
		{"a line set full goes on", []string{"Job-related skills\tPreventive maintenance of hydraulic presses and robotic cells for the~",
			">Stamping Plant"},
			[]string{"Polish", "Preventive maintenance of hydraulic presses and robotic cells for the Stamping Plant"}},
		{"labelled groups a line", []string{"Job-related skills\tTest automation: Playwright, Robot Framework, Behave",
			">Load and security testing: k6, Gatling, OWASP ZAP", ">Languages used: Kotlin, Python"},
			[]string{"Behave", "Gatling", "Kotlin", "OWASP ZAP", "Playwright", "Polish", "Python", "Robot Framework", "k6"}},
	} {
		got := allSkills(Parse(euFullDoc(euSkillsDoc(tc.rows...)...)).Skills)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: skills (-want +got):\n%s", tc.name, diff)
		}
	}
}

// gapDoc is tableDoc where a row opening with "^" starts a new block
// (a blank line before it, extract.Line.GapBefore).
func gapDoc(rows ...string) extract.Document {
	var gaps []bool
	for i, r := range rows {
		gap := strings.HasPrefix(r, "^")
		rows[i] = strings.TrimPrefix(r, "^")
		gaps = append(gaps, gap)
	}
	d := tableDoc(rows...)
	for i := range d.Lines {
		d.Lines[i].GapBefore = gaps[i]
	}
	return d
}

// The language grid of the 2013 form: a certificate under a language's
// row ("Cambridge English: Advanced (CAE)", "DELF B2 (2019)") is a
// certification, no language nor the wrapped end of one; the French
// grid's headings ("Compréhension de l'oral", "Production orale") are no
// languages; a mother tongue set after a blank line is a language, not a
// heading.
func TestEuropassLanguageGrid(t *testing.T) {
	for _, tc := range []struct {
		name  string
		rows  []string
		want  []string
		certs []string
	}{
		{"certificate under a row", []string{"^PERSONAL SKILLS", "^Mother tongue(s)\tDutch", "Other language(s)\tUNDERSTANDING\tSPEAKING\tWRITING",
			"Listening\tReading\tSpoken interaction\tSpoken production", "Spanish\tB2\tB2\tB1\tB1\tB2", ">DELE B2 (Instituto Cervantes, 2018)",
			"Swedish\tA2\tA2\tA1\tA1\tA1", "Digital skills\tExcel, Tableau"},
			[]string{"Dutch", "Excel", "Spanish", "Swedish", "Tableau"}, []string{"DELE B2 (Instituto Cervantes, 2018)"}},
		{"French grid headings", []string{"^COMPÉTENCES LINGUISTIQUES", "^Langue(s) maternelle(s)\tarabe", "Autre(s) langue(s)",
			"COMPRÉHENSION\tEXPRESSION ORALE\tÉCRITURE", "Compréhension de l'oral\tLecture\tProduction orale\tInteraction orale",
			"italien\tB1\tB2\tA2\tB1\tA2", "Compétences numériques\tSage 100, Excel"},
			[]string{"Excel", "Sage 100", "arabe", "italien"}, nil},
		{"mother tongue after a blank line", []string{"^PERSONAL SKILLS", "^Mother tongue(s)\tHungarian", "^Other language(s)",
			"English\tC1\tC1\tB2\tB2\tC1", "Digital skills\tSAP QM, Minitab"},
			[]string{"English", "Hungarian", "Minitab", "SAP QM"}, nil},
	} {
		rows := append([]string{"europass", "PERSONAL INFORMATION\tMarta Kowalska", "WORK EXPERIENCE",
			"2019–Present\tProcess Engineer", ">Danone Sp. z o.o., Warsaw (Poland)"}, tc.rows...)
		got := Parse(gapDoc(rows...))
		if diff := cmp.Diff(tc.want, allSkills(got.Skills)); diff != "" {
			t.Errorf("%s: skills (-want +got):\n%s", tc.name, diff)
		}
		var certs []string
		for _, c := range got.Certifications {
			certs = append(certs, c.Title)
		}
		for _, c := range tc.certs {
			if !slices.ContainsFunc(certs, func(s string) bool { return strings.HasPrefix(c, s) }) {
				t.Errorf("%s: certifications = %q, want %q", tc.name, certs, c)
			}
		}
	}
}

// A job-related row written as one sentence saying how well something is
// known ("Thorough knowledge of …", "Bonne maîtrise de …") is one skill as
// written (blind15 README); a communication phrase whose last part says
// where the skill was gained ("…, gained over …") is one phrase, not a list.
func TestEuropassSkillSentences(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows []string
		want []string
	}{
		{"English sentence", []string{"Job-related skills\tThorough knowledge of HACCP, IFS Food and allergen management requirements"},
			[]string{"Polish", "Thorough knowledge of HACCP, IFS Food and allergen management requirements"}},
		{"French sentence", []string{"Compétences liées à l'emploi\tBonne maîtrise des normes IFRS et de la consolidation des comptes"},
			[]string{"Bonne maîtrise des normes IFRS et de la consolidation des comptes", "Polish"}},
		{"a list stays a list", []string{"Job-related skills\tHACCP, IFS Food, allergen management"},
			[]string{"HACCP", "IFS Food", "Polish", "allergen management"}},
		{"phrase gained somewhere", []string{"Communication skills\tGood contact with drivers, planners and clients, gained over six years in a freight forwarder"},
			[]string{"Good contact with drivers, planners and clients, gained over six years in a freight forwarder", "Polish"}},
		{"French phrase acquired somewhere", []string{"Compétences en communication\tAisance avec les patients, familles et médecins, acquise en service d'urgences"},
			[]string{"Aisance avec les patients, familles et médecins, acquise en service d'urgences", "Polish"}},
	} {
		got := allSkills(Parse(tableDoc(euSkillsDoc(tc.rows...)...)).Skills)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: skills (-want +got):\n%s", tc.name, diff)
		}
	}
}

// A heading keyword inside brackets details an item, it heads nothing:
// "TNI (SMART Board)", "Moodle (Academic edition)" are tools in a list,
// where "Board" or "Academic" alone would be heading words.
func TestKeywordInBracketsHeadsNothing(t *testing.T) {
	for _, tc := range []struct {
		name, list string
		want       []string
	}{
		{"board", "OUTILS\nTNI (SMART Board)\nGoogle Classroom\nSeesaw", []string{"Classroom management", "Google Classroom", "Lesson planning", "Seesaw", "TNI (SMART Board)"}},
		{"academic", "TOOLS\nMoodle (Academic edition)\nTurnitin\nKahoot", []string{"Classroom management", "Kahoot", "Lesson planning", "Moodle (Academic edition)", "Turnitin"}},
	} {
		got := Parse(sidebarListDoc(tc.list))
		if diff := cmp.Diff(tc.want, allSkills(got.Skills)); diff != "" {
			t.Errorf("%s: skills (-want +got):\n%s", tc.name, diff)
		}
	}
}

// sidebarListDoc is a one-column PDF page with a name, an e-mail, a
// skills section and the lines given after it: a line in capitals is a
// heading set apart, the others lines of a list set in under it.
func sidebarListDoc(list string) extract.Document {
	rows := append([]string{"Nora Lindqvist", "nora.lindqvist@example.org", "SKILLS", "Lesson planning", "Classroom management"},
		strings.Split(list, "\n")...)
	var d extract.Document
	for i, r := range rows {
		caps := strings.ToUpper(r) == r
		x := 69.0 // items set in from their heading
		if caps || i < 2 {
			x = 60
		}
		d.Lines = append(d.Lines, extract.Line{Text: r, Page: 1, X: x, Y: 60 + 14*float64(i), Size: 10, GapBefore: caps})
	}
	return d
}

// "Personal" set inside a skills list as "Technical" is above it names a
// group of skills over the row it heads ("Personal" / "Teamwork  Time
// management"); set apart after the list, over labelled rows, it heads the
// personal details.
func TestPersonalGroupInSkills(t *testing.T) {
	rows := []string{"Kwame Asante", "kwame.asante@example.com", "^SKILLS", "Technical", "Revit\tNavisworks\tPrimavera P6",
		"Personal", "Teamwork\tPublic speaking\tTime management", "^LANGUAGES", "English, Twi"}
	got := allSkills(Parse(plainPDF(rows...)).Skills)
	want := []string{"English", "Navisworks", "Primavera P6", "Public speaking", "Revit", "Teamwork", "Time management", "Twi"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("group: skills (-want +got):\n%s", diff)
	}
	rows = []string{"Kwame Asante", "kwame.asante@example.com", "^SKILLS", "Revit, Navisworks", "^Personal",
		"Nationality: Ghanaian", "Driving licence: B"}
	if got := allSkills(Parse(plainPDF(rows...)).Skills); !slices.Equal(got, []string{"Navisworks", "Revit"}) {
		t.Errorf("details: skills = %q, want only Navisworks and Revit", got)
	}
}

// plainPDF is a one-column PDF page of the rows given, all at one indent;
// a row opening with "^" starts a block.
func plainPDF(rows ...string) extract.Document {
	var d extract.Document
	for i, r := range rows {
		gap := strings.HasPrefix(r, "^")
		d.Lines = append(d.Lines, extract.Line{Text: strings.TrimPrefix(r, "^"), Page: 1, X: 60, Y: 60 + 14*float64(i), Size: 10, GapBefore: gap})
	}
	return d
}

// A declaration closes the CV: the signature under it (a name, "Applicant",
// a place and date) is no skill. "Non-related referees", South Asian CVs'
// heading for referees, ends the skills above it.
func TestSkillsEndAtDeclarationAndReferees(t *testing.T) {
	for _, tc := range []struct{ name, tail string }{
		{"declaration", "I hereby certify that the above particulars are true and correct.\n\nJOSEFINA M. CRUZ\nApplicant"},
		{"declaration, I declare", "I declare that the information given above is true to the best of my knowledge.\nLusaka, 3 March 2024\nPeter Banda"},
		{"non-related referees", "NON-RELATED REFEREES\n1. Mr. Anura Fernando, Plant Manager, Lanka Tiles PLC – +94 11 555 1234"},
	} {
		cv := ParseText("Ana Reyes\nana.reyes@example.com\n\nSKILLS\nMarine diesel engines; purifier overhaul\nAutoCAD, MS Excel\n\n" + tc.tail + "\n")
		want := []string{"AutoCAD", "MS Excel", "Marine diesel engines", "purifier overhaul"}
		if diff := cmp.Diff(want, allSkills(cv.Skills)); diff != "" {
			t.Errorf("%s: skills (-want +got):\n%s", tc.name, diff)
		}
	}
}

// "Languages: English, te reo Māori" set apart at the end of another
// section, in sentence case, heads the spoken languages it lists; a label
// listing no language ("Interests: …") stays in its section.
func TestInlineLanguagesLine(t *testing.T) {
	for _, tc := range []struct {
		name, line string
		want       []string
	}{
		{"English and Māori", "Languages: English, te reo Māori (conversational)", []string{"English", "Welding", "te reo Māori (conversational)"}},
		{"French", "Langues : français, anglais (B2), wolof", []string{"Welding", "anglais (B2)", "français", "wolof"}},
	} {
		cv := ParseText("Tane Walker\ntane.walker@example.com\n\nSKILLS\n- Welding\n\nVOLUNTEERING\n" +
			"Volunteer Firefighter, Raglan Volunteer Fire Brigade\t2019 - present\n\n" + tc.line + "\n")
		if diff := cmp.Diff(tc.want, allSkills(cv.Skills)); diff != "" {
			t.Errorf("%s: skills (-want +got):\n%s", tc.name, diff)
		}
	}
}
