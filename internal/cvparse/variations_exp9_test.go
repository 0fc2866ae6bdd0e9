package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Variations on the experience entries of the ninth blind set
// (testdata/blind9), written with invented text.

// runExpCases parses each case's body as the experience section of a CV
// with a contact header and a skills section after it.
func runExpCases(t *testing.T, cases []struct {
	name, body string
	want       []expWant
}) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := parseExps(tc.body)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// "depuis le 03/04/2020" opens a running range as "depuis 2020" does:
// its article is no employer's name.
func TestVariationSinceTheDayBlind9(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"date column", "depuis le 03/04/2020\tResponsable d'entrepôt\nTransports Morel, Valence\n• Réception des camions",
			[]expWant{{"Responsable d'entrepôt", "Transports Morel", "Valence", "03/04/2020", "Present"}}},
		{"after the employer", "Responsable d'entrepôt\nTransports Morel, Valence, depuis le 03/04/2020\n• Réception des camions",
			[]expWant{{"Responsable d'entrepôt", "Transports Morel", "Valence", "03/04/2020", "Present"}}},
	})
}

// A row opening with its range in words ("du 01/02/2016 au 30/06/2019")
// set apart under the last line of the entry before heads the next entry,
// though its first word is in lower case.
func TestVariationRangeInWordsOpensEntryBlind9(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"after a bullet", "du 01/07/2019 au 31/12/2021\tChef d'équipe\nTransports Morel, Valence\n• Secteur logistique\n\ndu 01/02/2016 au 30/06/2019\tCariste\nEntrepôts Vidal, Lyon\n• Préparation",
			[]expWant{{"Chef d'équipe", "Transports Morel", "Valence", "01/07/2019", "31/12/2021"},
				{"Cariste", "Entrepôts Vidal", "Lyon", "01/02/2016", "30/06/2019"}}},
	})
}

// A range left open ("2019–", "2019 -") at the end of its line or cell
// runs to now, as "2019 – present" does.
func TestVariationOpenRangeBlind9(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"dates after a tab", "Data Analyst\t2019–\nHarbourline Freight, Leeds\n• Built dashboards\nJunior Analyst\t2016 – 2019\nCopperfield Bank, York\n• Reports",
			[]expWant{{"Data Analyst", "Harbourline Freight", "Leeds", "2019", "Present"},
				{"Junior Analyst", "Copperfield Bank", "York", "2016", "2019"}}},
		{"dates in front", "2019 -\tData Analyst, Harbourline Freight, Leeds\n• Built dashboards",
			[]expWant{{"Data Analyst", "Harbourline Freight", "Leeds", "2019", "Present"}}},
	})
}

// A date column too narrow for its range wraps its end onto a line of its
// own ("09/2015–" / "06/2017"): the end belongs to the range above, not
// to a new entry.
func TestVariationWrappedDateColumnBlind9(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"month and year", "2017–2020\tLecturer, Northgate College, Bristol\nTaught statistics.\n09/2015–\tResearch Fellow, Elmwood Institute, Cardiff\n06/2017\nLed a survey of rural households.",
			[]expWant{{"Lecturer", "Northgate College", "Bristol", "2017", "2020"},
				{"Research Fellow", "Elmwood Institute", "Cardiff", "09/2015", "06/2017"}}},
	})
}

// A sentence that tells a "since" in passing ("Volunteer tutor at the
// youth club (homework help), since 2018.") under a heading we have no
// word for is a membership or pastime, not a job: the section it opens is
// no experience.
func TestVariationSinceInSentenceBlind9(t *testing.T) {
	cases := []struct{ name, tail string }{
		{"english", "Involvement\nVolunteer tutor at the Riverside Youth Club (homework help), since 2018.\n"},
		{"french", "Implication\nBénévole au club de lecture de la bibliothèque municipale, depuis 2019.\n"},
		{"inside brackets", "Outside the office\nHiking, chess, volunteer at the Food Bank of Leeds (weekend shifts, since 2020).\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := expsOf(ParseText("Jane Roe\njane@example.com\n\nExperience\nData Analyst\nHarbourline Freight, Leeds | 2019 – 2023\n• Built dashboards\n\nSkills\nExcel, SQL\n\n" + tc.tail))
			want := []expWant{{"Data Analyst", "Harbourline Freight", "Leeds", "2019", "2023"}}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// "Stage" is the French internship: "Stage de fin d'études" names a job
// (its "études" no education heading) and heads an entry.
func TestVariationStageTitleBlind9(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"last entry", "Commis de cuisine\nBrasserie du Quai, Nantes · 2016 – 2018\nPréparation froide.\n\nStage de fin d'études\nAuberge des Tilleuls, Vannes · été 2015",
			[]expWant{{"Commis de cuisine", "Brasserie du Quai", "Nantes", "2016", "2018"},
				{"Stage de fin d'études", "Auberge des Tilleuls", "Vannes", "été 2015", "été 2015"}}},
	})
}

// A district or street set between the employer and the town on one line
// ("Tamu Foods, Westlands, Nairobi") is where the job was: part of the
// place, not of the employer. A unit named by what it does stays with
// the employer.
func TestVariationDistrictBeforeTownBlind9(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"district", "Store Supervisor\nTamu Foods, Westlands, Nairobi | 2018 – 2021\n• Ran the tills",
			[]expWant{{"Store Supervisor", "Tamu Foods", "Westlands, Nairobi", "2018", "2021"}}},
		{"street", "Caissière\nSupérette Kalinda, Avenue Kasa, Lyon | 2015 – 2018\n• Encaissements",
			[]expWant{{"Caissière", "Supérette Kalinda", "Avenue Kasa, Lyon", "2015", "2018"}}},
		{"unit stays", "Data Analyst\nHarbour Energy, Asset Management, Aberdeen | 2018 – 2021\n• Reports",
			[]expWant{{"Data Analyst", "Harbour Energy, Asset Management", "Aberdeen", "2018", "2021"}}},
		{"parent body stays", "Junior Engineer\nRoads Department, Government of Kerala, Kochi | 2012 – 2014\n• Surveys",
			[]expWant{{"Junior Engineer", "Roads Department, Government of Kerala", "Kochi", "2012", "2014"}}},
	})
}

// A shop, agency or site named in lower case after the employer
// ("Carrefour Market, magasin de Montplaisir", "Banque Atlas, agence
// Maarif") says where the job was; a local chapter ("antenne de …")
// stays the employer's.
func TestVariationSiteAfterEmployerBlind9(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"shop before the town", "Directrice de magasin\nCarrefour Market, magasin de Montplaisir, Lyon | 2019 – 2023\n• Gestion du magasin",
			[]expWant{{"Directrice de magasin", "Carrefour Market", "Montplaisir, Lyon", "2019", "2023"}}},
		{"agency alone", "Conseillère clientèle\nBanque Atlas, agence Maarif | 2016 – 2019\n• Accueil",
			[]expWant{{"Conseillère clientèle", "Banque Atlas", "Maarif", "2016", "2019"}}},
		{"chapter stays", "Bénévole\nSecours Solidaire, antenne de Villeurbanne, Lyon | 2014 – 2016\n• Distribution",
			[]expWant{{"Bénévole", "Secours Solidaire, antenne de Villeurbanne", "Lyon", "2014", "2016"}}},
	})
}
