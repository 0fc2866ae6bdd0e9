package cvparse

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/extract"
)

// tableDoc lays rows out as extract reads a two-column table: a row with a
// label cell is "label<tab>value" starting in the label column (x=60), a
// row with only a value starts in the value column (x=230).
func tableDoc(rows ...string) extract.Document {
	var d extract.Document
	for i, r := range rows {
		x := 60.0
		if strings.HasPrefix(r, ">") {
			r, x = r[1:], 230
		}
		d.Lines = append(d.Lines, extract.Line{Text: r, Page: 1, X: x, Y: 40 + 13*float64(i), Size: 10})
	}
	return d
}

type expKey struct{ Title, Company, Location, Start, End string }

func expKeys(xs []cv.Experience) []expKey {
	var out []expKey
	for _, x := range xs {
		out = append(out, expKey{x.Title, x.Company, x.Location, x.StartDate, x.EndDate})
	}
	return out
}

type eduKey struct{ Degree, Institution, Start, End string }

func eduKeys(xs []cv.Education) []eduKey {
	var out []eduKey
	for _, x := range xs {
		out = append(out, eduKey{x.Degree, x.Institution, x.StartDate, x.EndDate})
	}
	return out
}

func allSkills(s cv.Skills) []string {
	out := slices.Concat(s.Technical, s.Tools, s.SoftSkills, s.Languages, s.Other)
	slices.Sort(out)
	return out
}

// The 2004 Europass form, English: each job is a block of labelled rows
// with its activities between the title and the employer.
func TestEuropassLabelledRowsEN(t *testing.T) {
	doc := tableDoc(
		"Europass",
		"Curriculum Vitae",
		"Personal information",
		"First name(s) / Surname(s)\tAnna Kowalczyk",
		"Address(es)\tul. Polna 3/5, 00-635 Warszawa, Poland",
		"Telephone(s)\t+48 22 123 45 67",
		"E-mail\tanna.k@example.pl",
		"Nationality\tPolish",
		"Date of birth\t02/03/1991",
		"Desired employment / Occupational field\tProcess Engineer",
		"Work experience",
		"Dates\t04.2019 - present",
		"Occupation or position held\tProcess Engineer",
		"Main activities and responsibilities\tLine balancing and SMED workshops on three packaging lines; training",
		">of twelve operators",
		"Name and address of employer\tDanone Sp. z o.o., Warszawa (Poland)",
		"Type of business or sector\tFood industry",
		"Dates\t09.2016 - 03.2019",
		"Occupation or position held\tQuality Technician",
		"Name and address of employer\tMondelez Polska, Jankowice (Poland)",
		"Education and training",
		"Dates\t10.2011 - 06.2016",
		"Title of qualification awarded\tMaster of Science in Chemical Engineering",
		"Principal subjects / occupational skills covered\tProcess control, thermodynamics",
		"Name and type of organisation providing education and training\tWarsaw University of Technology, Warszawa",
		"Personal skills and competences",
		"Mother tongue(s)\tPolish",
		"Other language(s)\tEnglish (C1), German (B1)",
		"Self-assessment\tUnderstanding\tSpeaking\tWriting",
		"Social skills and competences\tTeam spirit gained in six years of shift work with rotating crews",
		"Technical skills and competences\tSPC, Six Sigma, HACCP",
		"Computer skills and competences\tMinitab, SAP PP",
		"Driving licence\tB",
	)
	got := Parse(doc)
	if got.Contact.Name != "Anna Kowalczyk" || got.Contact.Email != "anna.k@example.pl" ||
		digits(got.Contact.Phone) != "48221234567" || got.Contact.Location != "ul. Polna 3/5, 00-635 Warszawa, Poland" {
		t.Errorf("contact = %+v", got.Contact)
	}
	wantExp := []expKey{
		{"Process Engineer", "Danone Sp. z o.o.", "Warszawa (Poland)", "04.2019", "Present"},
		{"Quality Technician", "Mondelez Polska", "Jankowice (Poland)", "09.2016", "03.2019"},
	}
	if diff := cmp.Diff(wantExp, expKeys(got.Experience)); diff != "" {
		t.Errorf("experience (-want +got):\n%s", diff)
	}
	if len(got.Experience) > 0 && !slices.Contains(got.Experience[0].Bullets,
		"Line balancing and SMED workshops on three packaging lines; training of twelve operators") {
		t.Errorf("activities = %q, want the wrapped row joined", got.Experience[0].Bullets)
	}
	wantEdu := []eduKey{{"Master of Science in Chemical Engineering", "Warsaw University of Technology", "10.2011", "06.2016"}}
	if diff := cmp.Diff(wantEdu, eduKeys(got.Education)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
	wantSkills := []string{"English (C1)", "German (B1)", "HACCP", "Minitab", "Polish", "SAP PP", "SPC", "Six Sigma",
		"Team spirit gained in six years of shift work with rotating crews"}
	if diff := cmp.Diff(wantSkills, allSkills(got.Skills)); diff != "" {
		t.Errorf("skills (-want +got):\n%s", diff)
	}
	// A prose skills row is one soft skill, as written.
	if !slices.Contains(got.Skills.SoftSkills, "Team spirit gained in six years of shift work with rotating crews") {
		t.Errorf("soft skills = %q, want the social skills row as written", got.Skills.SoftSkills)
	}
	// Nothing is lost: the licence and personal data are kept under
	// their labels.
	var other []string
	for _, s := range got.OtherSections {
		other = append(other, s.Title+": "+s.Content)
	}
	for _, w := range []string{"Driving licence: B", "Nationality: Polish", "Date of birth: 02/03/1991"} {
		if !strings.Contains(strings.Join(other, "\n"), w) {
			t.Errorf("other sections lack %q: %q", w, other)
		}
	}
}

// The 2004 form in French, with labels wrapped in their narrow column.
func TestEuropassLabelledRowsFR(t *testing.T) {
	doc := tableDoc(
		"Informations personnelles",
		"Nom(s) / Prénom(s)\tLucie Martin",
		"Adresse(s)\t8 rue des Lilas, 31000 Toulouse (France)",
		"Courrier électronique\tlucie.martin@example.fr",
		"Expérience professionnelle",
		"Dates\t01/02/2018 – 31/12/2022",
		"Fonction ou poste occupé\tResponsable logistique",
		"Principales activités et responsabilités\tPilotage de deux entrepôts",
		"Nom et adresse de l'employeur\tGeodis, Toulouse (France)",
		"Type ou secteur d'activité\tTransport et logistique",
		"Éducation et formation",
		"Dates\t2013 – 2016",
		"Intitulé du certificat ou diplôme\tMaster Logistique",
		"délivré",
		"Nom et type de l'établissement\tUniversité Toulouse Capitole",
		"d'enseignement ou de formation",
		"Aptitudes et compétences personnelles",
		"Langue(s) maternelle(s)\tfrançais",
		"Autre(s) langue(s)\tanglais (B2), espagnol (B1)",
	)
	got := Parse(doc)
	if got.Contact.Name != "Lucie Martin" || got.Contact.Email != "lucie.martin@example.fr" {
		t.Errorf("contact = %+v", got.Contact)
	}
	wantExp := []expKey{{"Responsable logistique", "Geodis", "Toulouse (France)", "01/02/2018", "31/12/2022"}}
	if diff := cmp.Diff(wantExp, expKeys(got.Experience)); diff != "" {
		t.Errorf("experience (-want +got):\n%s", diff)
	}
	wantEdu := []eduKey{{"Master Logistique", "Université Toulouse Capitole", "2013", "2016"}}
	if diff := cmp.Diff(wantEdu, eduKeys(got.Education)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"anglais (B2)", "espagnol (B1)", "français"}, allSkills(got.Skills)); diff != "" {
		t.Errorf("skills (-want +got):\n%s", diff)
	}
}

// The 2013 form: dates in the label column, the name beside "Personal
// information", a language grid of CEFR levels, a skills label wrapped
// over two rows beside a wrapped value.
func TestEuropass2013(t *testing.T) {
	doc := tableDoc(
		"INFORMATIONS PERSONNELLES\tThomas Girard",
		">5 place Bellecour, 69002 Lyon (France)",
		">+33 6 11 22 33 44",
		">thomas.girard@example.fr",
		"POSTE VISÉ\tIngénieur méthodes",
		"EXPÉRIENCE PROFESSIONNELLE",
		"03/2017 – aujourd'hui\tIngénieur méthodes",
		">Safran, Toulouse",
		"COMPÉTENCES PERSONNELLES",
		"LANGUE(S) MATERNELLE(S)\tfrançais",
		"AUTRE(S) LANGUE(S)\tCOMPRENDRE\tPARLER\tÉCRIRE",
		">Écouter\tLire\tPrendre part à une conversation\tS'exprimer oralement en continu",
		">anglais\tC1\tC1\tB2\tB2\tC1",
		">italien\tA2\tA2\tA1\tAl\tA1", // "Al": A1 as OCR reads it
		"COMPÉTENCES\tConduite de réunions d'avancement hebdomadaires avec",
		"ORGANISATIONNELLES\tles équipes de production",
		"COMPÉTENCES NUMÉRIQUES\tCATIA V5, Excel, Python",
	)
	got := Parse(doc)
	if got.Contact.Name != "Thomas Girard" || got.Contact.Email != "thomas.girard@example.fr" || digits(got.Contact.Phone) != "33611223344" ||
		got.Contact.Location != "5 place Bellecour, 69002 Lyon (France)" {
		t.Errorf("contact = %+v", got.Contact)
	}
	if diff := cmp.Diff([]expKey{{"Ingénieur méthodes", "Safran", "Toulouse", "03/2017", "aujourd'hui"}}, expKeys(got.Experience)); diff != "" {
		t.Errorf("experience (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"CATIA V5", "Conduite de réunions d'avancement hebdomadaires avec les équipes de production",
		"Excel", "Python", "anglais", "français", "italien"}, allSkills(got.Skills)); diff != "" {
		t.Errorf("skills (-want +got):\n%s", diff)
	}
	// The wrapped organisational row is one soft skill, as written.
	if !slices.Contains(got.Skills.SoftSkills, "Conduite de réunions d'avancement hebdomadaires avec les équipes de production") {
		t.Errorf("soft skills = %q, want the organisational row as written", got.Skills.SoftSkills)
	}
}

// A CV with a few generic labels ("Dates", "Address") is no Europass form:
// europass leaves its lines alone.
func TestEuropassNotTriggeredByGenericLabels(t *testing.T) {
	doc := tableDoc("Jane Roe", "Address\t1 Main St, Leeds", "Experience", "Dates\t2019 – 2021", "Position\tEngineer",
		"Employer\tAcme Ltd", "Personal information", "Driving licence\tB")
	lines := prepare(doc.Lines)
	if diff := cmp.Diff(lines, europass(lines), cmp.AllowUnexported(line{})); diff != "" {
		t.Errorf("lines changed (-want +got):\n%s", diff)
	}
}

// The 2013 form from a word processor: each cell a paragraph of its own.
func TestEuropass2013Paragraphs(t *testing.T) {
	var d extract.Document
	for _, s := range []string{"europass", "Personal information", "Thomas Girard", "5 place Bellecour, 69002 Lyon (France)",
		"+33 6 11 22 33 44", "thomas.girard@example.fr", "Sex Male | Date of birth 03/11/1988", "Job applied for",
		"Process engineer", "Personal skills", "Mother tongue(s)", "French", "Other language(s)", "English", "Digital skills",
		"CATIA V5, Excel"} {
		d.Lines = append(d.Lines, extract.Line{Text: s})
	}
	got := Parse(d)
	if got.Contact.Name != "Thomas Girard" || got.Contact.Location != "5 place Bellecour, 69002 Lyon (France)" ||
		digits(got.Contact.Phone) != "33611223344" {
		t.Errorf("contact = %+v", got.Contact)
	}
}

// Soft-skill rows of the form written as lists of short phrases are
// skills, one a phrase; a sentence is one soft skill as written
// (TestEuropassLabelledRowsEN).
func TestEuropassSkillRowsAsPhrases(t *testing.T) {
	for _, tc := range []struct {
		row  string
		want []string
	}{
		{"Organisational skills and competences\tShift planning for 40 operators, continuous improvement (Lean, 5S), crisis management during peak season",
			[]string{"Shift planning for 40 operators", "continuous improvement (Lean, 5S)", "crisis management during peak season"}},
		{"Compétences en communication\tEntretiens en trois langues, animation de réunions publiques, prise de parole en direct",
			[]string{"Entretiens en trois langues", "animation de réunions publiques", "prise de parole en direct"}},
	} {
		doc := tableDoc("Europass", "Curriculum Vitae", "Personal information", "First name(s) / Surname(s)\tAnna Kowalczyk",
			"Work experience", "Dates\t04.2019 - present", "Occupation or position held\tProcess Engineer",
			"Personal skills and competences", "Mother tongue(s)\tPolish", tc.row)
		got := allSkills(Parse(doc).Skills)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: skills %q lack %q", tc.row, got, w)
			}
		}
	}
}

// A soft-skills row written as a sentence is one soft skill, as written:
// clauses a semicolon sets apart that go on in lower case stay together;
// a list of short phrases is still cut; items set one a line under a
// job-related label are no sentence.
func TestEuropassProseSkillRows(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows []string
		soft []string // wanted in soft_skills
		all  []string // wanted among all skills
	}{
		{"communication sentence, en",
			[]string{"Communication skills\tStrong negotiation skills acquired as buyer for a chain of twelve bakeries"},
			[]string{"Strong negotiation skills acquired as buyer for a chain of twelve bakeries"}, nil},
		{"organisational clauses, fr",
			[]string{"Compétences organisationnelles / managériales\tGestion du planning de 15 chauffeurs livreurs ; formation des nouveaux arrivants"},
			[]string{"Gestion du planning de 15 chauffeurs livreurs ; formation des nouveaux arrivants"}, nil},
		{"wrapped sentence with its full stop",
			[]string{"Communication skills\tGood command of written French gained in drafting the minutes of a dairy", ">cooperative's board meetings, sent to its 300 members every month."},
			[]string{"Good command of written French gained in drafting the minutes of a dairy cooperative's board meetings, sent to its 300 members every month."}, nil},
		{"short phrases still a list",
			[]string{"Communication skills\tPublic speaking; mentoring; customer care"},
			nil, []string{"Public speaking", "mentoring", "customer care"}},
		{"items one a line are no sentence",
			[]string{"Job-related skills\tPreventive maintenance of hydraulic presses", ">Vibration analysis", ">Infrared thermography"},
			nil, []string{"Preventive maintenance of hydraulic presses", "Vibration analysis", "Infrared thermography"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := tableDoc(append([]string{"Europass", "Curriculum Vitae", "Personal information",
				"First name(s) / Surname(s)\tTomás Ferreira", "Work experience", "Dates\t01.2020 - present",
				"Occupation or position held\tWarehouse Supervisor", "Personal skills and competences", "Mother tongue(s)\tPortuguese"},
				tc.rows...)...)
			got := Parse(doc).Skills
			for _, w := range tc.soft {
				if !slices.Contains(got.SoftSkills, w) {
					t.Errorf("soft skills %q lack %q", got.SoftSkills, w)
				}
			}
			for _, w := range tc.all {
				if !slices.Contains(allSkills(got), w) {
					t.Errorf("skills %q lack %q", allSkills(got), w)
				}
			}
		})
	}
}
