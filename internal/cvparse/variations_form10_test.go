package cvparse

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Variations on label/value forms and the unthemed CVs of blind10 outside
// a sidebar: "Période : / Poste : / Établissement :" rows, a body label
// alone over its bullets, "à nos jours" ending a running range.

// A body label alone on its line ("Tâches :", "Responsibilities:") over
// the bullets of a job on a label/value form heads that job's body: it
// opens no section, and the jobs after it stay jobs. "à nos jours" ("to
// this day") ends a running range.
func TestVariationFormBodyLabelAlone(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"fr missions", "Période : Mars 2018 à nos jours\nPoste : Surveillante d’externat\nÉtablissement : Collège Sacré-Cœur, Dakar\nTâches :\n• Surveillance des études du soir\n• Suivi des absences\n" +
			"Période : Janvier 2015 à Février 2018\nPoste : Surveillante\nÉtablissement : Lycée Malick Diop, Thiès\n",
			[]expWant{{"Surveillante d’externat", "Collège Sacré-Cœur", "Dakar", "Mars 2018", "nos jours"},
				{"Surveillante", "Lycée Malick Diop", "Thiès", "Janvier 2015", "Février 2018"}}},
		{"en responsibilities", "Period: 2019 – 2023\nPosition: Exam Invigilator\nSchool: Harbour View Academy, Mombasa\nKey responsibilities:\n• Supervised the mock examinations\n• Ran the laboratory budget\n" +
			"Period: 2016 – 2019\nPosition: Lab Demonstrator\nSchool: Coastline Secondary School, Malindi\n",
			[]expWant{{"Exam Invigilator", "Harbour View Academy", "Mombasa", "2019", "2023"},
				{"Lab Demonstrator", "Coastline Secondary School", "Malindi", "2016", "2019"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ParseText("Mariama Faye\nmariama.faye@example.sn\n\nExpérience professionnelle\n" + tc.body + "\nCompétences\nExcel, Word\n")
			if diff := cmp.Diff(tc.want, expsOf(c)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if len(c.Education) != 0 {
				t.Errorf("education = %+v, want none", edusOf(c))
			}
		})
	}
}

// "Professeur", "Professeure" name a job as "professor" does: a French
// teacher's lines name the school too, and the job word says which part
// is the title.
func TestVariationFormFrenchTeacher(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"school first", "Collège Jean Moulin, Lyon – Professeur de physique-chimie\t2016 – 2020\n• Classes de 4e et 3e\n",
			[]expWant{{"Professeur de physique-chimie", "Collège Jean Moulin", "Lyon", "2016", "2020"}}},
		{"school after", "Professeure d'histoire-géographie (lycée)\tSept. 2020 – Juin 2023\nLycée Victor Hugo, Besançon\n• Préparation au baccalauréat\n",
			[]expWant{{"Professeure d'histoire-géographie (lycée)", "Lycée Victor Hugo", "Besançon", "Sept. 2020", "Juin 2023"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ParseText("Claire Dumas\nclaire.dumas@example.fr\n\nExpérience\n" + tc.body + "\nCompétences\nPronote, Excel\n")
			if diff := cmp.Diff(tc.want, expsOf(c)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A label/value form laid out in a PDF wraps a long value under itself, in
// the value column: the wrapped line goes on with the value ("Structure
// :" names the employer), and under a body label ("Tâches :") each line
// set there is an item of the job's body, not the next job's header.
func TestVariationFormValueColumnWraps(t *testing.T) {
	doc := tableDoc("Ousmane Sarr", "ousmane.sarr@example.sn", "EXPÉRIENCES PROFESSIONNELLES",
		"Période :\tDepuis mars 2021",
		"Poste :\tTechnicien de laboratoire",
		"Structure :\tLaboratoire d'analyses médicales Bio24, Saint-Louis",
		"Tâches :\tPrélèvements et analyses d'hématologie",
		">Maintenance des automates (Sysmex,",
		">Mindray)",
		">Contrôle qualité interne hebdomadaire",
		"Période :\tJanvier 2019 – Février 2021",
		"Poste :\tAide-laborantin",
		"Structure :\tCentre de santé de Pikine, Dakar",
		"Tâches :\tRéception des échantillons",
		">Saisie des résultats dans le logiciel du centre",
		"Période :\tJuin 2018 – Août 2018",
		"Poste :\tStagiaire",
		"Structure :\tInstitut Pasteur de Dakar (IPD), Dakar",
		"COMPÉTENCES", "Hématologie, biochimie")
	want := []expKey{
		{"Technicien de laboratoire", "Laboratoire d'analyses médicales Bio24", "Saint-Louis", "mars 2021", "Present"},
		{"Aide-laborantin", "Centre de santé de Pikine", "Dakar", "Janvier 2019", "Février 2021"},
		{"Stagiaire", "Institut Pasteur de Dakar (IPD)", "Dakar", "Juin 2018", "Août 2018"},
	}
	c := Parse(doc)
	if diff := cmp.Diff(want, expKeys(c.Experience)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if len(c.Experience) > 0 {
		if got := c.Experience[0].Bullets; !slices.Contains(got, "Maintenance des automates (Sysmex, Mindray)") {
			t.Errorf("first job's bullets = %q", got)
		}
	}
}

// A school's faculty after a comma ("Université de Dakar, Faculté de
// Médecine") is part of the institution as written, also when the value
// wraps in a form's value column; a town after it stays the location.
func TestVariationFormFacultyAfterComma(t *testing.T) {
	cases := []struct {
		name string
		rows []string
		want eduWant
	}{
		{"form, wrapped", []string{"Année :\t2019", "Diplôme :\tDoctorat d'État en Médecine", "Établissement :\tUniversité Gaston Berger (UGB), UFR des Sciences de la Santé,", ">Saint-Louis"},
			eduWant{"Doctorat d'État en Médecine", "Université Gaston Berger (UGB), UFR des Sciences de la Santé", "Saint-Louis", "", "2019"}},
		{"plain line", []string{"Master en Droit des affaires, Université Abdou Moumouni, Faculté des Sciences Juridiques, Niamey\t2012 – 2014"},
			eduWant{"Master en Droit des affaires", "Université Abdou Moumouni, Faculté des Sciences Juridiques", "Niamey", "2012", "2014"}},
		{"english school of", []string{"MSc Public Health\t2016 – 2017", "University of Ghana, School of Public Health, Accra"},
			eduWant{"MSc Public Health", "University of Ghana, School of Public Health", "Accra", "2016", "2017"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows := append([]string{"Awa Cissé", "awa.cisse@example.sn", "FORMATION"}, tc.rows...)
			c := Parse(tableDoc(append(rows, "COMPÉTENCES", "Excel, SPSS")...))
			if diff := cmp.Diff([]eduWant{tc.want}, edusOf(c)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// The degree sign of "n° 12" numbers a house or a street in an address;
// it is no icon parting two contact items.
func TestVariationFormAddressNumberSign(t *testing.T) {
	cases := []struct{ name, line, want string }{
		{"labelled villa", "Adresse : Sicap Liberté 6, Villa n° 7120, Dakar", "Sicap Liberté 6, Villa n° 7120, Dakar"},
		{"street number", "Adresse : Lot N° 45, rue des Jardins, Ouagadougou", "Lot N° 45, rue des Jardins, Ouagadougou"},
		{"unlabelled", "Immeuble Alpha, porte n° 3, Abidjan", "Immeuble Alpha, porte n° 3, Abidjan"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ParseText("Fatou Kane\n" + tc.line + "\nfatou.kane@example.sn\n\nCompétences\nExcel, Word\n")
			if c.Contact.Location != tc.want {
				t.Errorf("location = %q, want %q", c.Contact.Location, tc.want)
			}
		})
	}
}

// A bracket after the employer's name that says how big the firm is
// ("(négoce, 40 salariés)", "(1,200 employees)") describes it: it goes to
// the description, the name stays; a bracket that is part of the name
// (an acronym, "formerly …") stays.
func TestVariationCompanySizeNote(t *testing.T) {
	cases := []struct {
		name, body string
		want       expWant
		desc       string
	}{
		{"fr sector and headcount", "Assistante de direction\tDepuis mars 2019\nBoissons du Dauphiné (négoce, 40 salariés) – Grenoble\n• Agenda du directeur",
			expWant{"Assistante de direction", "Boissons du Dauphiné", "Grenoble", "mars 2019", "Present"}, "(négoce, 40 salariés)"},
		{"en headcount, comma place", "Warehouse Supervisor\t2017 – 2021\nNorthgate Cold Storage (1,200 employees), Leeds\n• Ran the night shift",
			expWant{"Warehouse Supervisor", "Northgate Cold Storage", "Leeds", "2017", "2021"}, "(1,200 employees)"},
		{"fr turnover", "Contrôleur de gestion\t2012 – 2016\nMenuiseries Arnaud (CA 12 M€, 60 personnes) – Niort\n• Budget annuel",
			expWant{"Contrôleur de gestion", "Menuiseries Arnaud", "Niort", "2012", "2016"}, "(CA 12 M€, 60 personnes)"},
		{"acronym stays", "Analyst\t2015 – 2018\nKenya Power and Lighting Company (KPLC), Nairobi\n• Tariff models",
			expWant{"Analyst", "Kenya Power and Lighting Company (KPLC)", "Nairobi", "2015", "2018"}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ParseText("Jane Roe\njane@example.com\n\nExperience\n" + tc.body + "\n\nSkills\nExcel, SQL\n")
			if diff := cmp.Diff([]expWant{tc.want}, expsOf(c)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if len(c.Experience) == 1 && !strings.Contains(c.Experience[0].Description, tc.desc) {
				t.Errorf("description = %q, want it to hold %q", c.Experience[0].Description, tc.desc)
			}
		})
	}
}

// A title's team after a dash that is a line of business alone
// ("Technology", "Media") is the title's, not the employer: the employer
// stands on the next line, also when its name carries a former name in
// brackets ("(formerly …)", "(ex-…)").
func TestVariationTitleTeamBusinessWord(t *testing.T) {
	cases := []struct {
		name, body string
		want       expWant
	}{
		{"media team", "Brand Manager – Media\tJan 2018 – Dec 2020\nUnilever Pakistan, Karachi\n• Launched two shampoo lines",
			expWant{"Brand Manager – Media", "Unilever Pakistan", "Karachi", "Jan 2018", "Dec 2020"}},
		{"solutions team", "Software Engineer – Solutions\t2016 – 2019\nKainos, Belfast\n• Built case-management portals",
			expWant{"Software Engineer – Solutions", "Kainos", "Belfast", "2016", "2019"}},
		{"formerly", "Network Engineer – Technology\t2015 – 2019\nZong (formerly Paktel), Islamabad\n• Planned 300 cell sites",
			expWant{"Network Engineer – Technology", "Zong (formerly Paktel)", "Islamabad", "2015", "2019"}},
		{"ex- brand", "Ingénieure qualité – Analytics\t2016 – 2020\nCapgemini Engineering (ex-Altran), Toulouse\n• Audits fournisseurs",
			expWant{"Ingénieure qualité – Analytics", "Capgemini Engineering (ex-Altran)", "Toulouse", "2016", "2020"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := parseExps(tc.body)
			if diff := cmp.Diff([]expWant{tc.want}, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// Entries without bullets set apart by blank lines, their dates on
// different lines in each (under the school in one, on the degree's line
// in the next), are cut at the blank lines.
func TestVariationGapSeparatedEntries(t *testing.T) {
	body := "Diploma in Electrical Technology\nSouthern Cross Institute - 2014-2016\n\nForklift Operator Course\nMetro Skills Centre - 2013\n\n" +
		"Grade 12 Diploma - Eastview Secondary School, Regina - 2012\n"
	want := []eduWant{
		{"Diploma in Electrical Technology", "Southern Cross Institute", "", "2014", "2016"},
		{"Forklift Operator Course", "Metro Skills Centre", "", "", "2013"},
		{"Grade 12 Diploma", "Eastview Secondary School", "Regina", "", "2012"},
	}
	if diff := cmp.Diff(want, edusOf(parseEducation(body))); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// A job that moved from site to site names where with a phrase
// ("Various sites", "Multiple client locations", "Divers chantiers"),
// the regions after it: that is its location, not part of the employer.
func TestVariationMultiSiteLocation(t *testing.T) {
	cases := []struct {
		name, body string
		want       expWant
	}{
		{"various sites, codes", "Scaffolder\nPrairie Access Ltd. - Various sites, SK/MB\n2016 - 2019\n - Erected tube-and-clamp scaffolds",
			expWant{"Scaffolder", "Prairie Access Ltd.", "Various sites, SK/MB", "2016", "2019"}},
		{"multiple client locations", "Field Technician\tMar 2018 – Jun 2021\nNorthwind Security Systems – Multiple client locations\n• Installed CCTV",
			expWant{"Field Technician", "Northwind Security Systems", "Multiple client locations", "Mar 2018", "Jun 2021"}},
		{"fr divers chantiers", "Chef d'équipe\t2015 – 2020\nBâtiments Lemoine – Divers chantiers, Normandie\n• Gros œuvre",
			expWant{"Chef d'équipe", "Bâtiments Lemoine", "Divers chantiers, Normandie", "2015", "2020"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := parseExps(tc.body)
			if diff := cmp.Diff([]expWant{tc.want}, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// Trades name jobs as other job words do ("Soudeur", "Plombier",
// "Welder", "Scaffolder"): set before the employer and the town with
// commas, the trade is the title; Québec's DEP is a diploma, its school
// a "centre de formation professionnelle", no certification.
func TestVariationTradesAndDEP(t *testing.T) {
	cases := []struct {
		name, body string
		want       expWant
	}{
		{"fr soudeur", "2016 - 2020\nSoudeur, Charpentes Gagnon, Sherbrooke\n  - Soudage de poutres", expWant{"Soudeur", "Charpentes Gagnon", "Sherbrooke", "2016", "2020"}},
		{"fr plombier", "2012 - 2016\nPlombier, Groupe Bouchard, Trois-Rivières\n  - Entretien des réseaux", expWant{"Plombier", "Groupe Bouchard", "Trois-Rivières", "2012", "2016"}},
		{"en welder", "2015 - 2019\nWelder, Dufresne Steel, Kamloops\n  - Structural welding", expWant{"Welder", "Dufresne Steel", "Kamloops", "2015", "2019"}},
		{"en millwright", "2010 - 2014\nMillwright, Harlow Mills, Prince George\n  - Conveyor alignment", expWant{"Millwright", "Harlow Mills", "Prince George", "2010", "2014"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := expsOf(ParseText("Jean Roy\njean.roy@example.ca\n\nEXPÉRIENCE\n" + tc.body + "\n\nCOMPÉTENCES\nSMAW, GMAW\n"))
			if diff := cmp.Diff([]expWant{tc.want}, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	t.Run("DEP", func(t *testing.T) {
		c := ParseText("Jean Roy\njean.roy@example.ca\n\nFORMATION\n2014  DEP Mécanique industrielle\n      Centre de formation professionnelle de Rimouski\n\nCOMPÉTENCES\nSMAW, GMAW\n")
		want := []eduWant{{"DEP Mécanique industrielle", "Centre de formation professionnelle de Rimouski", "", "", "2014"}}
		if diff := cmp.Diff(want, edusOf(c)); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
}
