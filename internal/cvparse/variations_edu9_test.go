package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/utopiahire/utopiahire/internal/extract"
)

// An abbreviation's full stop inside a degree's phrase ("incl.", "esp.",
// "Dipl.") ends no sentence: what follows is still the degree.
func TestVariationAbbreviationInDegree(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"incl. after a count", "A-Levels (3), incl. Biology and Chemistry\t2016\nHolloway Park Sixth Form",
			[]eduWant{{"A-Levels (3), incl. Biology and Chemistry", "Holloway Park Sixth Form", "", "", "2016"}}, nil},
		{"esp. in the field", "BTEC Diploma in Media, esp. Film Production\t2012 – 2014\nWestmere College",
			[]eduWant{{"BTEC Diploma in Media, esp. Film Production", "Westmere College", "", "2012", "2014"}}, nil},
		{"excl. after a dash", "HKDSE — 6 subjects excl. Liberal Studies\t2017\nKowloon Bay Secondary School",
			[]eduWant{{"HKDSE — 6 subjects excl. Liberal Studies", "Kowloon Bay Secondary School", "", "", "2017"}}, nil},
	})
}

// "Name, Town (note)": a note in brackets after the school's town ("(distance)",
// "(part-time, day release)") says how one studied; the town is still cut
// from the school's name, and the note's own comma cuts nothing.
func TestVariationTownWithNote(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"distance", "Graduate Diploma in Teaching\t2019\nKestrel University, Upper Hutt (distance)",
			[]eduWant{{"Graduate Diploma in Teaching", "Kestrel University", "Upper Hutt (distance)", "", "2019"}}, nil},
		{"note with a comma", "HND Civil Engineering\t2011 – 2013\nMarlowe College, Dunsworth (part-time, evenings)",
			[]eduWant{{"HND Civil Engineering", "Marlowe College", "Dunsworth (part-time, evenings)", "2011", "2013"}}, nil},
		{"one line", "2004–2008\tBA Music, Ferncliff University, Glenmoor (evening classes)",
			[]eduWant{{"BA Music", "Ferncliff University", "Glenmoor (evening classes)", "2004", "2008"}}, nil},
	})
}

// "University of X, Town, First Class Honours": a class after the school
// is the grade, and the town between them is cut from the school;
// "Honours" opening the part after the school names a degree.
func TestVariationClassAfterSchoolTown(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"town then class", "2013–2017\tBSc Geology, University of Waverly, Harlow Vale, First Class Honours",
			[]eduWant{{"BSc Geology", "University of Waverly", "Harlow Vale", "2013", "2017"}}, []string{"First Class Honours"}},
		{"class after school", "2010–2014\tBA Politics, Bramford University, Second Class Honours (Upper Division)",
			[]eduWant{{"BA Politics", "Bramford University", "", "2010", "2014"}}, []string{"Second Class Honours (Upper Division)"}},
		{"class in the degree stays", "2010–2014\tBA Politics, First Class Honours, Bramford University",
			[]eduWant{{"BA Politics, First Class Honours", "Bramford University", "", "2010", "2014"}}, []string{""}},
	})
}

// National and vocational qualifications written as acronyms (Québec's
// DEC and DEP, Malaysia's SPM, the Caribbean's CSEC, the British NVQ) and
// the schools written so (SMK, TAFE) name a degree and a school: the
// entry is a degree, not a certificate, and its title is not taken for a
// heading. "Dec" as a month stays a date.
func TestVariationQualificationAcronyms(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"SPM under a diploma", "2013 - 2015\tDiploma in Culinary Arts\nBerjaya Hill College, Cheras\n2012\tSijil Pelajaran Malaysia (SPM)\nSMK Taman Melawati, Ampang",
			[]eduWant{{"Diploma in Culinary Arts", "Berjaya Hill College", "Cheras", "2013", "2015"}, {"Sijil Pelajaran Malaysia (SPM)", "SMK Taman Melawati", "Ampang", "", "2012"}}, nil},
		{"CXC results", "2010\tCXC — 6 subjects\nHarbour View Secondary School",
			[]eduWant{{"CXC — 6 subjects", "Harbour View Secondary School", "", "", "2010"}}, nil},
		{"TAFE with a suburb", "2018 – 2019\tCertificate III in Horticulture\nTAFE Ridgeland, Kelvin Grove",
			[]eduWant{{"Certificate III in Horticulture", "TAFE Ridgeland", "Kelvin Grove", "2018", "2019"}}, nil},
		// A TAFE is named after its state, and a suburb named like an
		// organisation ("Mill Bank") is no town the parser can tell: the
		// school is the acronym's.
		{"TAFE before a bank-named suburb", "2018 – 2019\tCertificate III in Horticulture\nTAFE Tasmania, Mill Bank",
			[]eduWant{{"Certificate III in Horticulture", "TAFE Tasmania", "", "2018", "2019"}}, nil},
		{"month Dec stays a date", "BSc Nursing, Coral Coast University\nSep 2014 – Dec 2017",
			[]eduWant{{"BSc Nursing", "Coral Coast University", "", "Sep 2014", "Dec 2017"}}, nil},
	})
}

// A degree styled as a heading inside Education ("DEC en Sciences
// humaines" set in a word processor's Heading 3) heads an entry; its
// acronym says it is a degree.
func TestVariationQualificationAcronymHeading(t *testing.T) {
	lines := []extract.Line{
		{Text: "Jeanne Roy", Heading: true, Size: 20},
		{Text: "jeanne.roy@example.com", Size: 10},
		{Text: "Formation", Heading: true, Size: 14, GapBefore: true},
		{Text: "Baccalauréat en sociologie", Heading: true, Size: 12, GapBefore: true},
		{Text: "Université de Sherbrooke, Sherbrooke | 2014 – 2017", Size: 10},
		{Text: "DEP Mécanique automobile", Heading: true, Size: 12, GapBefore: true},
		{Text: "Centre de formation Vimont, Laval | 2011 – 2012", Size: 10},
		{Text: "Compétences", Heading: true, Size: 14, GapBefore: true},
		{Text: "Diagnostic, freinage", Size: 10},
	}
	got := edusOf(Parse(extract.Document{Kind: extract.KindODT, Lines: lines}))
	want := []eduWant{{"Baccalauréat en sociologie", "Université de Sherbrooke", "Sherbrooke", "2014", "2017"},
		{"DEP Mécanique automobile", "Centre de formation Vimont", "Laval", "2011", "2012"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
}

// A school and the university it belongs to, after a comma, are one
// institution ("École … (ESC), Université de …", "School of Nursing,
// Harlow University"), in a line of its own, after the degree, or in a
// Europass row; a town after them is still cut off.
func TestVariationSchoolOfUniversity(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"acronym then university", "2009 – 2013\tDiplôme d'ingénieur, option Chimie\nÉcole Supérieure de Chimie (ESC), Université de Toliara",
			[]eduWant{{"Diplôme d'ingénieur, option Chimie", "École Supérieure de Chimie (ESC), Université de Toliara", "", "2009", "2013"}}, nil},
		{"after the degree, town after", "2009 – 2013\tMSc Chemistry, Institut de Chimie (ICM), Université de Mons, Mons",
			[]eduWant{{"MSc Chemistry", "Institut de Chimie (ICM), Université de Mons", "Mons", "2009", "2013"}}, nil},
		{"europass rows", "Dates\t2009 – 2013\nIntitulé du certificat ou diplôme délivré\tDiplôme d'ingénieur, option Chimie\n" +
			"Nom et type de l'établissement\tÉcole Supérieure de Chimie (ESC), Université de Toliara, Toliara (Madagascar)",
			[]eduWant{{"Diplôme d'ingénieur, option Chimie", "École Supérieure de Chimie (ESC), Université de Toliara", "Toliara (Madagascar)", "2009", "2013"}}, nil},
		{"faculty stays whole", "2009 – 2013\tBSc Nursing, School of Nursing, Harlow University, Leeds",
			[]eduWant{{"BSc Nursing", "School of Nursing, Harlow University", "Leeds", "2009", "2013"}}, nil},
	})
}

// "School – thesis: …" under a degree that names no school: the line is
// too long for the header, but the school before the dash is the
// entry's, the note after it the description. A bullet stays the body's.
func TestVariationSchoolThenNote(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"fr thèse", "Doctorat en pharmacie\t2008 – 2014\nFaculté de Pharmacie de Sfax – thèse : « Stabilité des sirops pédiatriques en milieu hospitalier tunisien »\n" +
			"Baccalauréat mathématiques\t2008\nLycée Ibn Rochd, Sfax",
			[]eduWant{{"Doctorat en pharmacie", "Faculté de Pharmacie de Sfax", "", "2008", "2014"}, {"Baccalauréat mathématiques", "Lycée Ibn Rochd", "Sfax", "", "2008"}},
			[]string{"thèse : « Stabilité des sirops pédiatriques en milieu hospitalier tunisien »", ""}},
		{"en thesis", "PhD in Marine Biology\t2014 – 2018\nHarbourside University – thesis: \"Coral bleaching thresholds in shallow reef lagoons of the western Pacific\"",
			[]eduWant{{"PhD in Marine Biology", "Harbourside University", "", "2014", "2018"}},
			[]string{"thesis: \"Coral bleaching thresholds in shallow reef lagoons of the western Pacific\""}},
		{"bullet stays", "PhD in Marine Biology, Harbourside University\t2014 – 2018\n• University teaching award – for a first-year reef ecology lab course I redesigned",
			[]eduWant{{"PhD in Marine Biology", "Harbourside University", "", "2014", "2018"}}, nil},
	})
}

// A course of days, weeks or months, or one given in house, with no
// school, is a certificate even in Education; a diploma from a school
// stays a degree whatever its length.
func TestVariationShortCourseIsCertificate(t *testing.T) {
	cases := []struct {
		name, body string
		want       []eduWant
		certs      []string
	}{
		{"fr formation interne", "2010 à 2013\tLicence en Gestion\nUniversité Gaston Berger, Saint-Louis\n2022\tCertificat « Gestion des stocks » (formation interne, 4 mois)",
			[]eduWant{{"Licence en Gestion", "Université Gaston Berger", "Saint-Louis", "2010", "2013"}},
			[]string{"Certificat « Gestion des stocks » (formation interne, 4 mois)"}},
		{"en in-house weeks, diploma with school stays", "2016 – 2019\tBA Business Studies\nRiverside University\n2021\tCertificate in Retail Leadership (in-house, 6 weeks)\n" +
			"2019\tDiploma in Visual Merchandising (6 months), Crestfield College",
			[]eduWant{{"BA Business Studies", "Riverside University", "", "2016", "2019"}, {"Diploma in Visual Merchandising (6 months)", "Crestfield College", "", "", "2019"}},
			[]string{"Certificate in Retail Leadership (in-house, 6 weeks)"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkEduCerts(t, tc.body, tc.want, tc.certs)
		})
	}
}

// "Implication" (communautaire, sociale) heads volunteering in Québec
// French: what it lists is no job of the Experience section.
func TestVariationImplicationHeading(t *testing.T) {
	got := ParseText("Julie Tremblay\njulie.tremblay@example.com\n\nExpérience\nEnseignante, École des Saules, Lévis · 2017 – 2023\n\n" +
		"Formation\nBaccalauréat en enseignement\nUniversité de Sherbrooke | 2013 – 2017\n\n" +
		"Implication\nBénévole au Club des petits déjeuners de Lévis (service du matin), depuis 2019.\n")
	if len(got.Experience) != 1 {
		t.Errorf("experience: got %d entries, want 1: %+v", len(got.Experience), got.Experience)
	}
	if len(got.Volunteer) != 1 {
		t.Errorf("volunteer: got %d entries, want 1: %+v", len(got.Volunteer), got.Volunteer)
	}
}
