package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// eduDescCase is an education section and the entries and descriptions
// it should give.
type eduDescCase struct {
	name, body string
	want       []eduWant
	desc       []string
}

func runEduDesc(t *testing.T, cases []eduDescCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := parseEducation(tc.body)
			if diff := cmp.Diff(tc.want, edusOf(got)); diff != "" {
				t.Errorf("education (-want +got):\n%s", diff)
			}
			if tc.desc == nil {
				return
			}
			var desc []string
			for _, x := range got.Education {
				desc = append(desc, x.Description)
			}
			if diff := cmp.Diff(tc.desc, desc); diff != "" {
				t.Errorf("descriptions (-want +got):\n%s", diff)
			}
		})
	}
}

// eduGPACase is an education section and the entries and grades it
// should give.
type eduGPACase struct {
	name, body string
	want       []eduWant
	gpa        []string
}

func runEduGPA(t *testing.T, cases []eduGPACase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := parseEducation(tc.body)
			if diff := cmp.Diff(tc.want, edusOf(got)); diff != "" {
				t.Errorf("education (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.gpa, gpasOf(got)); diff != "" {
				t.Errorf("gpa (-want +got):\n%s", diff)
			}
		})
	}
}

// An exchange told as a phrase under a degree ("Exchange semester at …")
// within the degree's years is that degree's description; one set out
// as an entry of its own, with its own dates or a dash before the school,
// stays an entry.
func TestVariationExchangeUnderDegree(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"line after the degree, season", "BA Economics, University of Leeds — 2012 – 2015\nExchange semester at Universität Wien, Vienna, spring 2014",
			[]eduWant{{"BA Economics", "University of Leeds", "", "2012", "2015"}},
			[]string{"Exchange semester at Universität Wien, Vienna, spring 2014"}},
		{"fr, season in brackets", "2010 – 2013\tLicence de géographie\nUniversité de Caen\nSemestre d'échange à l'Université Laval (hiver 2012)",
			[]eduWant{{"Licence de géographie", "Université de Caen", "", "2010", "2013"}},
			[]string{"Semestre d'échange à l'Université Laval (hiver 2012)"}},
		{"year in a sentence", "2009–2013\tBSc Biology, University of Porto\nExchange year at Lund University (2011) funded by a mobility grant.",
			[]eduWant{{"BSc Biology", "University of Porto", "", "2009", "2013"}},
			[]string{"Exchange year at Lund University (2011) funded by a mobility grant."}},
		{"own entry with a dash stays", "2011-2014 BSc Chemistry\nUniversity of Gdańsk\n2013\tExchange semester - Universidad de Sevilla, Spain",
			[]eduWant{{"BSc Chemistry", "University of Gdańsk", "", "2011", "2014"}, {"Exchange semester", "Universidad de Sevilla", "Spain", "", "2013"}}, nil},
		{"outside the degree's years stays", "BA History, University of York — 2015 – 2018\nExchange year at Keio University, Tokyo, 2019",
			[]eduWant{{"BA History", "University of York", "", "2015", "2018"}, {"", "Exchange year at Keio University", "Tokyo", "", "2019"}}, nil},
	})
}

// A class or mention written after a comma in the degree's phrase is
// part of the degree; the school after it is cut off as ever, and a
// class after the school, after a dash or in its own line is the grade.
func TestVariationClassInDegreePhrase(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"mention then school fr", "2014\tBaccalauréat ES, mention Bien, Lycée Fénelon, Lille",
			[]eduWant{{"Baccalauréat ES, mention Bien", "Lycée Fénelon", "Lille", "", "2014"}}, []string{""}},
		{"school first, mention after the degree", "Université de Nantes — Licence de droit, mention Assez bien (2011 - 2014)",
			[]eduWant{{"Licence de droit, mention Assez bien", "Université de Nantes", "", "2011", "2014"}}, []string{""}},
		{"cum laude", "Bachelor of Arts in Philosophy, magna cum laude\nAteneo de Manila University\n2008 - 2012",
			[]eduWant{{"Bachelor of Arts in Philosophy, magna cum laude", "Ateneo de Manila University", "", "2008", "2012"}}, []string{""}},
		{"with distinction", "BSc (Hons) Chemistry, with distinction\t2013 – 2016\nUniversity of Kent",
			[]eduWant{{"BSc (Hons) Chemistry, with distinction", "University of Kent", "", "2013", "2016"}}, []string{""}},
		{"engineer's degree in capitals", "2010 – 2014\tBE Civil Engineering, First Class Honours\nUniversity College Dublin, Dublin",
			[]eduWant{{"BE Civil Engineering, First Class Honours", "University College Dublin", "Dublin", "2010", "2014"}}, []string{""}},
		{"class then its grade in brackets", "Bachelor of Science (Physics), Honours (Merit)\t2011 – 2015\nUniversity of Otago",
			[]eduWant{{"Bachelor of Science (Physics), Honours (Merit)", "University of Otago", "", "2011", "2015"}}, []string{""}},
		{"honours class in brackets, without the word", "B.Eng. Civil Engineering (Second Class Lower)\t2005 – 2010\nUniversity of Jos",
			[]eduWant{{"B.Eng. Civil Engineering (Second Class Lower)", "University of Jos", "", "2005", "2010"}}, []string{""}},
		// A class in brackets closing the degree's line is the degree's
		// (blind10/README.md's settled rule); before the school on its
		// line it is apart (TestVariationClassInBrackets).
		{"a grade in brackets closing the line stays", "MSc Public Policy (Merit)\t2015 – 2016\nUniversity of Leeds",
			[]eduWant{{"MSc Public Policy (Merit)", "University of Leeds", "", "2015", "2016"}}, []string{""}},
		{"mention after a dash is apart", "2016\tBaccalauréat S – mention Bien\nLycée Kléber, Strasbourg",
			[]eduWant{{"Baccalauréat S", "Lycée Kléber", "Strasbourg", "", "2016"}}, []string{"mention Bien"}},
		{"grade point after comma is apart", "MSc Statistics, GPA 3.8/4.0\t2017 – 2018\nUniversity of Toronto",
			[]eduWant{{"MSc Statistics", "University of Toronto", "", "2017", "2018"}}, []string{"3.8/4.0"}},
	})
}

// An ongoing degree's end written as the expected year ("2024 – expected
// 2026") is the end of its range; a note on its progress after a comma
// ("in progress, expected 2026") names neither the school nor the place;
// an abbreviated word's full stop ("MSc Eng. Computer Science") ends no
// sentence.
func TestVariationOngoingDegreeNotes(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"expected end in a range", "MA Economics (part-time), University of Kent — 2024 – expected 2026",
			[]eduWant{{"MA Economics (part-time)", "University of Kent", "", "2024", "2026"}}, nil},
		{"prévue fr", "Master Finance, Université de Lille — 2024 – prévue 2026",
			[]eduWant{{"Master Finance", "Université de Lille", "", "2024", "2026"}}, nil},
		{"progress note after the school", "2023–2025\tMSc Data Science, Unicamp, in progress, expected 2025",
			[]eduWant{{"MSc Data Science", "Unicamp", "", "2023", "2025"}}, []string{"in progress expected 2025"}},
		{"en cours fr", "2024 – 2026\tMaster MIAGE, Université de Nice, en cours",
			[]eduWant{{"Master MIAGE", "Université de Nice", "", "2024", "2026"}}, []string{"en cours"}},
		{"abbreviated engineering", "2012-2014 MSc Eng. Mechanical Engineering\nWarsaw University of Technology, Warsaw",
			[]eduWant{{"MSc Eng. Mechanical Engineering", "Warsaw University of Technology", "Warsaw", "2012", "2014"}}, nil},
	})
}

// Education tables: a column of notes ("Notes", "Remarks") describes
// its row, a "Résultat" column holds the grade, a dash alone fills an
// empty cell, and a range running to "Date" runs to the present.
func TestVariationEducationTableColumns(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"notes column", "Year\tDegree\tInstitution\tNotes\n2015 – 2017\tMSc Logistics\tCranfield University\tPart-time, evenings\n2010 – 2013\tBA Geography\tUniversity of Exeter\tGPA 3.4",
			[]eduWant{{"MSc Logistics", "Cranfield University", "", "2015", "2017"}, {"BA Geography", "University of Exeter", "", "2010", "2013"}},
			[]string{"Part-time, evenings", ""}},
		{"résultat fr", "Années\tDiplôme\tÉtablissement\tRésultat\n2012 – 2014\tMaster Droit des affaires\tUniversité de Rennes\tMention Bien\n2009 – 2012\tLicence de droit\tUniversité de Brest\t",
			[]eduWant{{"Master Droit des affaires", "Université de Rennes", "", "2012", "2014"}, {"Licence de droit", "Université de Brest", "", "2009", "2012"}}, nil},
		{"dash for no grade, to date", "Year\tQualification\tInstitution\tGrade\n2023 – Date\tMBA\tLagos Business School, Lagos\t–\n2005 – 2010\tB.Sc. Physics\tUniversity of Ibadan, Ibadan\tSecond Class Upper",
			[]eduWant{{"MBA", "Lagos Business School", "Lagos", "2023", "Date"}, {"B.Sc. Physics", "University of Ibadan", "Ibadan", "2005", "2010"}}, nil},
	})
}

// Schools and degrees as other systems write them: a German engineer's
// diploma with its thesis labelled under it, an Irish "Coláiste", a
// French preparatory class over its lycée, and a school's town repeated
// after a dash though no list knows it.
func TestVariationDegreeAndSchoolWords(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"dipl.-ing. with a thesis line", "Dipl.-Ing. Mechanical Engineering\t2009 – 2015\nKarlsruhe Institute of Technology (KIT)\nDiploma thesis: Fatigue of welded aluminium joints",
			[]eduWant{{"Dipl.-Ing. Mechanical Engineering", "Karlsruhe Institute of Technology (KIT)", "", "2009", "2015"}},
			[]string{"Diploma thesis: Fatigue of welded aluminium joints"}},
		{"coláiste", "Leaving Certificate, Coláiste Mhuire, Ennis — 2012 — 540 points",
			[]eduWant{{"Leaving Certificate", "Coláiste Mhuire", "Ennis", "", "2012"}}, nil},
		{"classe préparatoire over its lycée", "2009 — 2011\tClasse préparatoire aux grandes écoles PCSI / PC\nLycée Chaptal, Paris",
			[]eduWant{{"Classe préparatoire aux grandes écoles PCSI / PC", "Lycée Chaptal", "Paris", "2009", "2011"}}, nil},
		{"town repeated after a dash", "2012 – 2014\tBTS Viticulture-œnologie\nLycée viticole de Montagnac — Montagnac",
			[]eduWant{{"BTS Viticulture-œnologie", "Lycée viticole de Montagnac", "Montagnac", "2012", "2014"}}, nil},
		{"mémoire with its mention", "2014 – 2016\tMaster 2 Urbanisme\nUniversité de Tours\nMémoire : « Les friches de la Loire » – Mention Bien",
			[]eduWant{{"Master 2 Urbanisme", "Université de Tours", "", "2014", "2016"}},
			[]string{"Mémoire : « Les friches de la Loire »"}},
	})
}

// A degree's class on a line of its own ("First Class Honours") is its
// grade, and no heading of an awards section that would swallow the
// degrees after it.
func TestVariationClassLineUnderDegree(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"first class honours between degrees", "MSc Finance\t2019 – 2020\nUniversity of Bath\nFirst Class Honours\nBSc Economics\t2015 – 2018\nUniversity of Gdańsk",
			[]eduWant{{"MSc Finance", "University of Bath", "", "2019", "2020"}, {"BSc Economics", "University of Gdańsk", "", "2015", "2018"}}, []string{"First Class Honours", ""}},
		{"upper second", "BA History\t2010 – 2013\nUniversity of Leeds\nUpper Second Class\nA-levels\t2008 – 2010\nLeeds Grammar School",
			[]eduWant{{"BA History", "University of Leeds", "", "2010", "2013"}, {"A-levels", "Leeds Grammar School", "", "2008", "2010"}}, []string{"Upper Second Class", ""}},
		{"distinction", "MSc Geology\t2016 – 2017\nUniversity of Cape Town\nDistinction",
			[]eduWant{{"MSc Geology", "University of Cape Town", "", "2016", "2017"}}, []string{"Distinction"}},
	})
}

// A mark in brackets after the degree is its grade; a town after a pipe
// is a field of its own, not part of the school's name as a lab after a
// dash is.
func TestVariationMarkInBracketsAndPipedTown(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"percent in brackets", "B.Com. Accounting (78.5%)\t2009 – 2012\nLoyola College, Chennai",
			[]eduWant{{"B.Com. Accounting", "Loyola College", "Chennai", "2009", "2012"}}, nil},
		{"town after a pipe", "BSc Physics, Second Class Upper | University of Ibadan | Ajibode | 2006 – 2010",
			[]eduWant{{"BSc Physics, Second Class Upper", "University of Ibadan", "Ajibode", "2006", "2010"}}, nil},
	})
}

// The system a school belongs to, as an acronym after a middle dot, is
// part of the school's name ("Université PSL" schools, "IP Paris").
func TestVariationSchoolSystemAfterDot(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"acronym after a middle dot", "Master 2 Finance\t2016 · 2018\nÉcole des Mines · PSL, Paris",
			[]eduWant{{"Master 2 Finance", "École des Mines · PSL", "Paris", "2016", "2018"}}, nil},
	})
}
