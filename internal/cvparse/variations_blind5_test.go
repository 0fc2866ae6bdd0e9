package cvparse

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// Variations on the fifth blind set (testdata/blind5), written with
// invented text.

// A date range wrapped in a plain-text date column after a bullet
// ("sept. 2012 -" / "août 2016"), its month in lower case, opens the next
// entry rather than going on with the bullet.
func TestVariationLowerCaseDateAfterBullet(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"fr, month range wrapped", "2016 - 2021      Chef de rayon\n                 Carrefour Market, Lyon\n                 * Gestion des stocks\n\nsept. 2012 -     Vendeur conseil\naoût 2016        Fnac Darty SA, Villeurbanne\n                 * Conseil client",
			[]expWant{{"Chef de rayon", "Carrefour Market", "Lyon", "2016", "2021"}, {"Vendeur conseil", "Fnac Darty SA", "Villeurbanne", "sept. 2012", "août 2016"}}},
		{"fr, month range on one line", "2019 - 2022\tInfirmière\nClinique du Parc, Nantes\n* Soins post-opératoires\n\nmars 2015 - juin 2019\tAide-soignante\nEHPAD Les Tilleuls, Rezé\n* Accompagnement des résidents",
			[]expWant{{"Infirmière", "Clinique du Parc", "Nantes", "2019", "2022"}, {"Aide-soignante", "EHPAD Les Tilleuls", "Rezé", "mars 2015", "juin 2019"}}},
		{"en, month range wrapped", "2018 - 2021      Store Manager\n                 Brightmart Ltd, Leeds\n                 * Ran a team of 20\n\nsep 2014 -       Sales Assistant\njun 2018         Corner Books, York\n                 * Handled returns",
			[]expWant{{"Store Manager", "Brightmart Ltd", "Leeds", "2018", "2021"}, {"Sales Assistant", "Corner Books", "York", "sep 2014", "jun 2018"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := expsOf(ParseText("Jane Roe\njane@example.com\n\nExperience\n\n" + tc.body + "\n\nSkills\nExcel, SQL\n"))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A bullet's wrapped last word that is also a heading's ("… a stock of
// 4 500" / "references.") stays in the bullet: the jobs after it are
// still experience.
func TestVariationHeadingWordEndsSentence(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"fr, références", "Pharmacien — Pharmacie du Port, Sète\n02/2019 – 06/2022\n• Gestion d'un stock de plus de 3 000\nréférences.\nPréparateur — Pharmacie Centrale, Agde\n01/2016 – 01/2019\n• Préparations",
			[]expWant{{"Pharmacien", "Pharmacie du Port", "Sète", "02/2019", "06/2022"}, {"Préparateur", "Pharmacie Centrale", "Agde", "01/2016", "01/2019"}}},
		{"en, references", "Librarian — Town Library, Hove\n2019 – 2022\n• Catalogued and checked over 12 000\nreferences.\nLibrary Assistant — City Archive, Brighton\n2016 – 2019\n• Shelving",
			[]expWant{{"Librarian", "Town Library", "Hove", "2019", "2022"}, {"Library Assistant", "City Archive", "Brighton", "2016", "2019"}}},
		{"fr, formation", "Formatrice — Institut Pro, Metz\n2020 – 2023\n• Conception de modules pour les nouvelles sessions de\nformation.\nConseillère — Agence Emploi, Nancy\n2017 – 2020\n• Suivi des demandeurs",
			[]expWant{{"Formatrice", "Institut Pro", "Metz", "2020", "2023"}, {"Conseillère", "Agence Emploi", "Nancy", "2017", "2020"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := parseExps(tc.body)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A school set as a dash under a degree that names none ("2014<tab>BTS
// Commerce" / "- Lycée Voltaire, Paris") is the degree's school.
func TestVariationSchoolUnderDegreeAsDash(t *testing.T) {
	cases := []struct {
		name, body string
		want       []eduWant
	}{
		{"fr, IUT", "2019   Licence professionnelle Commerce\n       - IUT de Lyon, Lyon\n2016   BTS Management des Unités Commerciales\n       - Lycée Jean Monnet, Annecy",
			[]eduWant{{"Licence professionnelle Commerce", "IUT de Lyon", "Lyon", "", "2019"}, {"BTS Management des Unités Commerciales", "Lycée Jean Monnet", "Annecy", "", "2016"}}},
		{"en, college", "2018   BSc Biology\n       - Kingsford University, Leeds\n2015   A Levels\n       - St Anne's College, York",
			[]eduWant{{"BSc Biology", "Kingsford University", "Leeds", "", "2018"}, {"A Levels", "St Anne's College", "York", "", "2015"}}},
		// A school already named keeps the dash line as a detail.
		{"en, school named", "2018   BSc Biology, Kingsford University\n       - Dissertation on river ecology",
			[]eduWant{{"BSc Biology", "Kingsford University", "", "", "2018"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := edusOf(parseEducation(tc.body))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A skills heading naming a job's word ("Software Skills", "Computer
// Skills") heads skills.
func TestVariationSoftwareSkillsHeading(t *testing.T) {
	for _, h := range []string{"SOFTWARE SKILLS", "Computer Skills", "IT Skills", "Compétences informatiques", "DIGITAL SKILLS"} {
		t.Run(h, func(t *testing.T) {
			c := ParseText("Jane Roe\njane@example.com\n\nExperience\nEngineer, Acme Ltd, Leeds\n2019 – 2022\n\n" + h + "\nDesign: Revit, SketchUp\nOffice: MS Excel, MS Word\n")
			want := []string{"MS Excel", "MS Word", "Revit", "SketchUp"}
			if diff := cmp.Diff(want, allSkills(c.Skills)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// Tags drawn as boxes side by side reach us as one line of words with only
// spaces between them: each word is a skill. A phrase that is one skill
// stays whole.
func TestVariationSkillChips(t *testing.T) {
	cases := []struct {
		name, line string
		want       []string
	}{
		{"backend", "Rust Python MySQL Redis RabbitMQ Docker GCP", []string{"Docker", "GCP", "MySQL", "Python", "RabbitMQ", "Redis", "Rust"}},
		{"mobile", "Swift Kotlin iOS Android Firebase GraphQL", []string{"Android", "Firebase", "GraphQL", "Kotlin", "Swift", "iOS"}},
		{"one phrase", "Gestion de projet Agile", []string{"Gestion de projet Agile"}},
		{"sentence", "Strong SQL and Python skills for reporting", []string{"Strong SQL and Python skills for reporting"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ParseText("Jane Roe\njane@example.com\n\nExperience\nEngineer, Acme Ltd, Leeds\n2019 – 2022\n\nTechnical Skills\n" + tc.line + "\n")
			got := allSkills(c.Skills)
			want := slices.Sorted(slices.Values(tc.want))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A title in lower-case words with its single date set apart in the
// right-hand column ("Stagiaire en analytique<tab>été 2017") opens an
// entry: a date in its own column is no date in running text.
func TestVariationSingleDateInColumnAfterLowerWords(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"fr, season", "Analyste BI\taoût 2018 – avril 2021\nHydro Nord · Montréal\n• Rapports SQL.\nStagiaire en analytique\tété 2017\nVille de Laval · Laval\n• Analyse en R.",
			[]expWant{{"Analyste BI", "Hydro Nord", "Montréal", "août 2018", "avril 2021"}, {"Stagiaire en analytique", "Ville de Laval", "Laval", "été 2017", "été 2017"}}},
		{"fr, year", "Chargée de projet\t2019 – 2022\nAgence Horizon · Rennes\n• Suivi budgétaire.\nAssistante en communication\t2018\nMairie de Vannes · Vannes\n• Rédaction.",
			[]expWant{{"Chargée de projet", "Agence Horizon", "Rennes", "2019", "2022"}, {"Assistante en communication", "Mairie de Vannes", "Vannes", "2018", "2018"}}},
		{"en, lower-case words", "Data Analyst\t2019 – 2022\nNorthwind Ltd · Leeds\n• Built dashboards.\nIntern in analytics\tsummer 2018\nCity of York · York\n• Cleaned data.",
			[]expWant{{"Data Analyst", "Northwind Ltd", "Leeds", "2019", "2022"}, {"Intern in analytics", "City of York", "York", "summer 2018", "summer 2018"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := parseExps(tc.body)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A line of description that closes with its years in brackets ("Listed
// in the regional guide (2022, 2023).") tells what happened: no entry.
// Seasons in the plural ("Étés 2013 à 2015") date an entry, and a
// department or branch set after the employer with a dash ("Ville de
// Brest – centres de loisirs") is part of the company.
func TestVariationEntryDetailsBlind5(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"fr, plural seasons and unit", "2018 – 2021\tProfesseur — Collège Victor-Hugo, Brest\n•\tCours de 5e.\nÉtés 2014 à 2016\tAnimateur (saisonnier) — Ville de Quimper – centres de loisirs",
			[]expWant{{"Professeur", "Collège Victor-Hugo", "Brest", "2018", "2021"}, {"Animateur (saisonnier)", "Ville de Quimper – centres de loisirs", "", "Étés 2014", "2016"}}},
		{"en, plural summers", "2019 – 2022\tTeacher — Hillside School, Derby\n•\tYear 9 science.\nSummers 2015 – 2017\tCamp Leader — Peak Adventures – outdoor centre",
			[]expWant{{"Teacher", "Hillside School", "Derby", "2019", "2022"}, {"Camp Leader", "Peak Adventures – outdoor centre", "", "Summers 2015", "2017"}}},
		{"fr, unit then place", "Analyste BI\taoût 2018 – avril 2021\nHydro Nord · Montréal\n• Rapports SQL.\nStagiaire\tété 2017\nVille de Laval – Service des finances · Laval",
			[]expWant{{"Analyste BI", "Hydro Nord", "Montréal", "août 2018", "avril 2021"}, {"Stagiaire", "Ville de Laval – Service des finances", "Laval", "été 2017", "été 2017"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := parseExps(tc.body)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A line of description set in under its header that closes with its
// years in brackets ("Listed in the regional guide (2022, 2023).") tells
// what happened: it opens no entry.
func TestVariationYearsInBracketsInDescription(t *testing.T) {
	cases := []struct {
		name string
		rows []string
		want []expWant
	}{
		{"en, two years", []string{"57|Head Baker — The Mill House, Bath\tMar 2019 – Present", "70|Run a team of six bakers; 300 loaves a day, pastries at weekends.", "70|Cut flour waste from 9% to 4% through batch planning and supplier", "70|renegotiation.",
			"70|Bakery listed in the Good Food Guide (2021, 2022).", "57|Baker — Crumb & Co, Bristol\tJan 2015 – Feb 2019", "70|Laminated doughs and sourdough."},
			[]expWant{{"Head Baker", "The Mill House", "Bath", "Mar 2019", "Present"}, {"Baker", "Crumb & Co", "Bristol", "Jan 2015", "Feb 2019"}}},
		{"fr, two years", []string{"57|Cheffe de cuisine — Le Quai, Sète\t03/2018 – 05/2023", "70|Brigade de huit ; 60 couverts le midi, 90 le soir, menu dégustation le week-end.", "70|Coût matière réduit de 33 % à 27 % grâce aux achats groupés et à la", "70|renégociation.",
			"70|Restaurant cité au Guide Gault Millau (2022, 2023).", "57|Commis — Bistrot Lou, Agde\t01/2015 – 02/2018", "70|Garde-manger et pâtisserie."},
			[]expWant{{"Cheffe de cuisine", "Le Quai", "Sète", "03/2018", "05/2023"}, {"Commis", "Bistrot Lou", "Agde", "01/2015", "02/2018"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows := append([]string{"57|Jane Roe", "57|jane@example.com", "57|EXPERIENCE"}, tc.rows...)
			rows = append(rows, "57|SKILLS", "57|Excel, SQL")
			got := expsOf(Parse(placed(rows...)))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A contact footer repeated on every page (a LaTeX class sets the
// address, phone and e-mail at each page's foot) is page furniture, but
// its e-mail is the person's: read once, it wins over a referee's.
func TestVariationContactFooterEmail(t *testing.T) {
	cases := []struct{ name, footer, referee, want string }{
		{"en", "M +44 7700 900123 • E amy.lee@uni.example.ac.uk", "Dr Paul Grant, Northgate University – p.grant@uni.example.ac.uk", "amy.lee@uni.example.ac.uk"},
		{"fr", "Tél. 06 12 34 56 78 • Courriel : claire.roux@labo.example.fr", "Pr Luc Martin, Université de Tours – luc.martin@univ.example.fr", "claire.roux@labo.example.fr"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var d extract.Document
			add := func(page int, y float64, text string) {
				d.Lines = append(d.Lines, extract.Line{Text: text, Page: page, X: 60, Y: y, Size: 10})
			}
			add(1, 40, "Amy Claire Lee")
			add(1, 80, "Research experience")
			add(1, 100, "2019–2023\tPostdoctoral Fellow, Northgate University, Leeds")
			add(1, 760, tc.footer)
			add(1, 775, "1/2")
			add(2, 60, "Referees")
			add(2, 80, tc.referee)
			add(2, 760, tc.footer)
			add(2, 775, "2/2")
			d.Pages = 2
			if got := Parse(d).Contact.Email; got != tc.want {
				t.Errorf("email %q, want %q", got, tc.want)
			}
		})
	}
}
