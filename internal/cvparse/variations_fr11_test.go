package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Variations on the eleventh blind set's French one-column and plain-text
// CVs: jobs headed by a bullet that opens with their dates, French typed
// without accents, schools named after a date.

// A plain-text CV heads each job with a bullet that opens with its dates
// ("* 03/2019 - a ce jour : Vendeuse"), the employer on the line under it
// and the tasks as sub-bullets: each such bullet heads an entry. "a ce
// jour", French typed without its accent, is the present.
func TestVariationDateLedBullets(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"stars and dashes, no accents", "* 03/2019 - a ce jour : Vendeuse en boulangerie\n  Maison Perrot, Nantes - Rayon patisserie\n  - Accueil des clients\n  - Tenue de caisse\n\n* 09/2016 - 02/2019 : Serveuse\n  Brasserie du Marche, Nantes\n  - Service en salle",
			[]expWant{{"Vendeuse en boulangerie", "Maison Perrot", "Nantes", "03/2019", "a ce jour"}, {"Serveuse", "Brasserie du Marche", "Nantes", "09/2016", "02/2019"}}},
		{"dots and dashes after the dates", "• 2020 – 2023 – Infirmier de nuit\n  Clinique des Lilas, Rennes\n  - Soins post-opératoires\n• 2017 – 2020 – Aide-soignant\n  EHPAD Les Tilleuls, Vannes\n  - Toilettes et repas",
			[]expWant{{"Infirmier de nuit", "Clinique des Lilas", "Rennes", "2020", "2023"}, {"Aide-soignant", "EHPAD Les Tilleuls", "Vannes", "2017", "2020"}}},
		{"english plain text", "* 01/2021 - 12/2023 : Warehouse Supervisor\n  Northway Logistics, Leeds\n  - Ran the night shift\n* 05/2018 - 12/2020 : Forklift Driver\n  Brookfield Foods, Wakefield\n  - Loaded trailers",
			[]expWant{{"Warehouse Supervisor", "Northway Logistics", "Leeds", "01/2021", "12/2023"}, {"Forklift Driver", "Brookfield Foods", "Wakefield", "05/2018", "12/2020"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := expsOf(ParseText("Jeanne Roux\njeanne.roux@example.fr\n\nEXPERIENCES PROFESSIONNELLES\n\n" + tc.body + "\n\nCOMPETENCES\n\nExcel, SAP\n"))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A task bullet that opens with a year and tells what happened is no
// entry header: the bullets stay the body of the job above them.
func TestVariationDatedTaskBulletStaysBody(t *testing.T) {
	got := expsOf(ParseText("Jeanne Roux\njeanne.roux@example.fr\n\nExpérience\nVendeuse\t2015 – 2019\nMaison Perrot, Nantes\n• 2017 – 2018 : a formé les trois apprentis du magasin et géré seule les commandes.\n• Accueil des clients\n\nCompétences\nExcel, SAP\n"))
	want := []expWant{{"Vendeuse", "Maison Perrot", "Nantes", "2015", "2019"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// Schools and streets in North Africa are often named after a date
// ("Lycée 2 Mars 1934", "Collège 18 Janvier"): the date in the name is not
// the diploma's.
func TestVariationSchoolNamedAfterDate(t *testing.T) {
	cases := []struct {
		name, body string
		want       []eduWant
	}{
		{"lycee after the degree", "2012          Baccalaureat Mathematiques - mention Bien\n              Lycee 2 Mars 1934, Sousse",
			[]eduWant{{"Baccalaureat Mathematiques", "Lycee 2 Mars 1934", "Sousse", "", "2012"}}},
		{"accented, dates right", "Baccalauréat Lettres\t2009\nLycée 20 Août 1955, Skikda",
			[]eduWant{{"Baccalauréat Lettres", "Lycée 20 Août 1955", "Skikda", "", "2009"}}},
		{"real date after a school stays a date", "Brevet des collèges\nCollège Jean Moulin, Lyon, juin 2008",
			[]eduWant{{"Brevet des collèges", "Collège Jean Moulin", "Lyon", "", "juin 2008"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := edusOf(ParseText("Amel Haddad\namel.haddad@example.tn\n\nFORMATION\n\n" + tc.body + "\n\nCOMPETENCES\n\nExcel, SAP\n"))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A skills block set as labelled columns side by side reaches us row by
// row, the cells a tab apart: each column is one labelled list, an item
// cut where its column was full ("gestion des" / "stocks") whole again.
func TestVariationSkillColumns(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"three columns, french", "Logiciels\tSavoir-faire\tLangues\nSage, Cegid, Excel,\tInventaires, gestion des\tAnglais : courant\nQuadra, Suite Office\tstocks, Paie des\tAllemand : notions\n(Word, PowerPoint)\tsalariés\n",
			[]string{"sage", "cegid", "excel", "quadra", "suite office", "inventaires", "gestion des stocks", "paie des salaries", "anglais", "allemand"}},
		{"two columns, english", "Tools\tMethods\nJira, Confluence,\tDesign thinking, card\nMiro, Figma\tsorting, A/B testing\n",
			[]string{"jira", "confluence", "miro", "figma", "design thinking", "card sorting", "a b testing"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkSkillSet(t, ParseText("Jeanne Roux\njeanne.roux@example.fr\n\nCOMPÉTENCES\n"+tc.body+"\nCENTRES D'INTÉRÊT\nRandonnée\n"), tc.want)
		})
	}
}

// A grid of skills without labels stays a grid of skills: its first row
// names skills, not columns.
func TestVariationSkillGridNoLabels(t *testing.T) {
	checkSkillSet(t, ParseText("Jeanne Roux\njeanne.roux@example.fr\n\nSkills\nPython\tDocker\tSQL\nGo\tKubernetes\tdbt\nRust\tTerraform\tSpark\n\nInterests\nChess\n"),
		[]string{"python", "docker", "sql", "go", "kubernetes", "dbt", "rust", "terraform", "spark"})
}

// A qualification a school gave over years, written among the diplomas
// ("Habilitation …", "Certification …" from a university, two years
// apart), is education; the French degree's rank in brackets ("grade de
// licence") names its level, no licence and no mark.
func TestVariationSchoolQualificationsStay(t *testing.T) {
	cases := []struct {
		name, body string
		want       []eduWant
		gpa        []string
	}{
		{"habilitation over a year", "2016 – 2017\tHabilitation à diriger des travaux en son nom propre\nÉcole nationale supérieure d'architecture de Nantes\n2011 – 2016\tDiplôme d'État d'architecte\nÉcole nationale supérieure d'architecture de Nantes",
			[]eduWant{{"Habilitation à diriger des travaux en son nom propre", "École nationale supérieure d'architecture de Nantes", "", "2016", "2017"}, {"Diplôme d'État d'architecte", "École nationale supérieure d'architecture de Nantes", "", "2011", "2016"}}, []string{"", ""}},
		{"grade de licence", "2008 – 2011\tDiplôme d'études en paysage (grade de licence)\nÉcole nationale supérieure de paysage, Versailles",
			[]eduWant{{"Diplôme d'études en paysage (grade de licence)", "École nationale supérieure de paysage", "Versailles", "2008", "2011"}}, []string{""}},
		{"grade de master after a comma", "2011 – 2013\tDiplôme d'ingénieur agronome, grade de Master\nInstitut Agro, Montpellier",
			[]eduWant{{"Diplôme d'ingénieur agronome, grade de Master", "Institut Agro", "Montpellier", "2011", "2013"}}, []string{""}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ParseText("Jeanne Roux\njeanne.roux@example.fr\n\nFORMATION\n" + tc.body + "\n\nCOMPÉTENCES\nExcel, SAP\n")
			if diff := cmp.Diff(tc.want, edusOf(c)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.gpa, gpasOf(c)); diff != "" {
				t.Errorf("gpa (-want +got):\n%s", diff)
			}
		})
	}
}

// A bank's branch named by its place after the employer ("…, agence
// Tunis Lac") is where the job was; an agency named for a trade or with a
// capital ("Agence Val de Loire") is the employer's unit and stays with
// it.
func TestVariationAgenceBranch(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"agence and district", "Conseiller clientèle\tMars 2020 – Présent\nBanque Zitouna, agence Tunis Lac",
			[]expWant{{"Conseiller clientèle", "Banque Zitouna", "Tunis Lac", "Mars 2020", "Présent"}}},
		{"agence de", "Guichetière\t2017 – 2019\nCrédit Agricole Alpes Provence, agence de Manosque",
			[]expWant{{"Guichetière", "Crédit Agricole Alpes Provence", "Manosque", "2017", "2019"}}},
		{"trade agency stays", "Ingénieure études\t2017 – 2019\nCapgemini, Agence Énergie & Utilities, Nantes",
			[]expWant{{"Ingénieure études", "Capgemini, Agence Énergie & Utilities", "Nantes", "2017", "2019"}}},
		{"named regional agency stays", "Chargé d'affaires\t2015 – 2018\nEiffage Énergie, Agence Val de Loire, Tours",
			[]expWant{{"Chargé d'affaires", "Eiffage Énergie, Agence Val de Loire", "Tours", "2015", "2018"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := expsOf(ParseText("Jeanne Roux\njeanne.roux@example.fr\n\nExpérience professionnelle\n" + tc.body + "\nAccueil des clients et tenue de caisse.\n\nCompétences\nExcel, SAP\n"))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// An organisation and its unit or site written as one employer with a
// comma in it, after the title's dash ("CHU de Brest, Hôpital de la
// Cavale Blanche") or after a comma when the first names a unit
// ("Direction des finances, Ville de Grenoble"), is one employer.
func TestVariationEmployerWithComma(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"hospital group and site", "Depuis mars 2021\tInfirmière de bloc – CHU de Brest, Hôpital de la Cavale Blanche (Brest)",
			[]expWant{{"Infirmière de bloc", "CHU de Brest, Hôpital de la Cavale Blanche", "Brest", "mars 2021", "Present"}}},
		{"unit then parent after a dash", "Juin 2016 à mai 2020\nComptable — Direction des finances, Ville de Grenoble, Grenoble",
			[]expWant{{"Comptable", "Direction des finances, Ville de Grenoble", "Grenoble", "Juin 2016", "mai 2020"}}},
		{"unit then parent after a comma", "2014–2018\tComptable, Service de la paie, Ministère des Armées, Paris",
			[]expWant{{"Comptable", "Service de la paie, Ministère des Armées", "Paris", "2014", "2018"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := expsOf(ParseText("Jeanne Roux\njeanne.roux@example.fr\n\nExpérience professionnelle\n" + tc.body + "\n— Suivi des dossiers et des budgets.\n\nCompétences\nExcel, SAP\n"))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// Québec CVs head their summary "Sommaire" and their further training
// "Perfectionnement": the summary's "depuis 2019" dates no job.
func TestVariationQuebecHeadings(t *testing.T) {
	c := ParseText("Jeanne Roux\njeanne.roux@example.ca\n\nSOMMAIRE\nComptable agréée comptant douze ans d'expérience en audit et en fiscalité. Travailleuse autonome depuis 2019.\n\nEXPÉRIENCE DE TRAVAIL\nComptable — Raymond Chabot, Montréal\nMai 2012 à mai 2019\nAudit des PME.\n\nPERFECTIONNEMENT\nFormation « Normes IFRS », CPA Canada, 2022\n")
	if got := expsOf(c); len(got) != 1 || got[0].Company != "Raymond Chabot" {
		t.Errorf("experience = %+v, want the one job at Raymond Chabot", got)
	}
	if len(c.Certifications) != 1 {
		t.Errorf("certifications = %+v, want the IFRS course", c.Certifications)
	}
}
