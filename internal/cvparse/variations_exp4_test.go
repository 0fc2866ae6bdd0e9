package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Variations on the experience headers of the third blind set
// (testdata/blind3), written with invented text.

// A title wrapped in a narrow column, its right-aligned dates set so close
// to the first line's end that they read as part of it: the title goes on
// on the next line, before the dates.
func TestVariationDatesGluedToWrappedTitle(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"fr, cut after de", "Chargée de communication et de 2018 – 2021\nrelations presse\nOffice du Tourisme du Val, Annecy\n• Dossiers de presse",
			[]expWant{{"Chargée de communication et de relations presse", "Office du Tourisme du Val", "Annecy", "2018", "2021"}}},
		{"en, cut after and", "Coordinator for Youth and 2017 – 2020\nCommunity Programmes\nRiverside Trust, Leeds\n• Ran weekly clubs",
			[]expWant{{"Coordinator for Youth and Community Programmes", "Riverside Trust", "Leeds", "2017", "2020"}}},
		{"en, compound cut at its hyphen", "Research Assistant, Socio- Jan 2019 – Jun 2020\neconomic Surveys\nNorthgate Institute, York\n• Household panels",
			[]expWant{{"Research Assistant, Socio-economic Surveys", "Northgate Institute", "York", "Jan 2019", "Jun 2020"}}},
		{"fr, compound cut at its hyphen", "Animatrice socio- 09/2014 – 06/2016\néducative\nMaison des Jeunes de Brelles, Brest\n• Ateliers du mercredi",
			[]expWant{{"Animatrice socio-éducative", "Maison des Jeunes de Brelles", "Brest", "09/2014", "06/2016"}}},
		{"fr, volunteer over two parts", "Volontaire internationale – animatrice santé 03/2012 – 02/2014\nProgramme Régional Eau Potable (PREP), Thiès\n• Suivi des forages",
			[]expWant{{"Volontaire internationale – animatrice santé", "Programme Régional Eau Potable (PREP)", "Thiès", "03/2012", "02/2014"}}},
		// A hyphen the typesetter put in a word still goes.
		{"en, hyphenated word", "Senior Communi- 2015 – 2018\ncations Officer\nHarbour Trust, Hull",
			[]expWant{{"Senior Communications Officer", "Harbour Trust", "Hull", "2015", "2018"}}},
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

// Entries read from a date column beside them ("2019 – 2022<tab>Title" /
// "Employer, Town" / a line of description): an award's year in the
// description is no entry, a season's date opens the next entry though its
// first word is in lower case, and a name set after the employer's with a
// dash is part of it.
func TestVariationDateColumnEntries(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"fr, prize year in description", "2019 – 2023\tRédactrice au service Culture\nLa Voix du Nord, Lille\nChroniques et critiques ; prix Varenne 2021.\n2016 – 2019\tReporter\nFrance Bleu, Lille",
			[]expWant{{"Rédactrice au service Culture", "La Voix du Nord", "Lille", "2019", "2023"}, {"Reporter", "France Bleu", "Lille", "2016", "2019"}}},
		{"en, prize year in description", "2018 – 2022\tData Reporter\nWestern Gazette, Bristol\nHousing investigations; shortlisted for the Orwell Prize 2020.\n2015 – 2018\tSub-editor\nAvon Weekly, Bath",
			[]expWant{{"Data Reporter", "Western Gazette", "Bristol", "2018", "2022"}, {"Sub-editor", "Avon Weekly", "Bath", "2015", "2018"}}},
		{"fr, season opens the next entry", "2015 – 2017\tCorrespondante locale\nLe Courrier, Namur\nété 2014\tStagiaire\nRadio Meuse, Huy",
			[]expWant{{"Correspondante locale", "Le Courrier", "Namur", "2015", "2017"}, {"Stagiaire", "Radio Meuse", "Huy", "été 2014", "été 2014"}}},
		{"en, season opens the next entry", "2016 – 2018\tJunior Reporter\nThe Courier, Dundee\nsummer 2015\tIntern\nTay Radio, Perth",
			[]expWant{{"Junior Reporter", "The Courier", "Dundee", "2016", "2018"}, {"Intern", "Tay Radio", "Perth", "summer 2015", "summer 2015"}}},
		{"fr, brand after the broadcaster", "2016 – 2019\tAnimateur radio\nRadio Sud – Canal Soleil, Nîmes",
			[]expWant{{"Animateur radio", "Radio Sud – Canal Soleil", "Nîmes", "2016", "2019"}}},
		{"en, site after the employer", "2017 – 2021\tShift Supervisor\nLakeside Mining plc – Kivu Gold Mine, Goma",
			[]expWant{{"Shift Supervisor", "Lakeside Mining plc – Kivu Gold Mine", "Goma", "2017", "2021"}}},
		// A town after the dash, with no place after it, is the place.
		{"fr, town after the dash", "2014 – 2016\tTechnicienne qualité\nValmont Optique – Pontarlier",
			[]expWant{{"Technicienne qualité", "Valmont Optique", "Pontarlier", "2014", "2016"}}},
		// A district after a comma stays with the town.
		{"en, district after a comma", "2012 – 2015\tPlant Engineer\nHarlow Forge Ltd., Peenya, Bengaluru",
			[]expWant{{"Plant Engineer", "Harlow Forge Ltd.", "Peenya, Bengaluru", "2012", "2015"}}},
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

// An employment table ("Duration | Organization | Designation &
// Responsibilities"): a range cut open in its cell goes on on the row under
// it, whose cells go on the row's cells one for one; the end of a range
// wrapped alone goes on the dates; a description wrapped in the last
// column describes its row; the description under its field's name in a
// heading is no column of its own.
func TestVariationEmploymentTable(t *testing.T) {
	cases := []struct {
		name string
		rows []string
		want []expWant
	}{
		{"en", []string{"50|Employment History", "50|Duration\tOrganization\tDesignation & Responsibilities",
			"50|01 Mar 2016 –\tHarbour Logistics Ltd.,\tSenior Customs",
			"50|Continuing\tMombasa\tClerk",
			"350|Cleared two hundred containers a",
			"350|month through the port.",
			"50|10 Jan 2011 – 28\tCoastline Freight Ltd.,\tJunior Customs",
			"50|Feb 2016\tNairobi\tClerk",
			"350|Filed import declarations daily.",
			"50|Jul 2008 – Dec\tBlue Anchor Agencies\tTrainee",
			"50|2010",
			"50|Skills", "50|Customs law, Excel"},
			[]expWant{{"Senior Customs Clerk", "Harbour Logistics Ltd.", "Mombasa", "Mar 2016", "Continuing"},
				{"Junior Customs Clerk", "Coastline Freight Ltd.", "Nairobi", "Jan 2011", "Feb 2016"},
				{"Trainee", "Blue Anchor Agencies", "", "Jul 2008", "Dec 2010"}}},
		{"fr", []string{"50|Expérience professionnelle", "50|Période\tEntreprise\tPoste & Missions",
			"50|janv. 2017 –\tTransports Delmas SA,\tDéclarante",
			"50|aujourd'hui\tAbidjan\tprincipale",
			"350|Dédouanement de cent cinquante",
			"350|conteneurs par mois.",
			"50|mars 2012 – déc.\tSociété Ivoirienne de Fret\tAssistante transit",
			"50|2016",
			"50|Compétences", "50|Sydonia, Excel"},
			[]expWant{{"Déclarante principale", "Transports Delmas SA", "Abidjan", "janv. 2017", "aujourd'hui"},
				{"Assistante transit", "Société Ivoirienne de Fret", "", "mars 2012", "déc. 2016"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := expsOf(Parse(placed(append([]string{"50|Jane Roe", "50|jane@example.com"}, tc.rows...)...)))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A range whose ends carry their day ("15 Mar 2012 – 31 Dec 2017") and
// one running on ("01 Jan 2018 – Continuing").
func TestVariationRangeWithDays(t *testing.T) {
	for _, tc := range []struct{ in, start, end string }{
		{"15 Mar 2012 – 31 Dec 2017", "Mar 2012", "Dec 2017"},
		{"3 janvier 2019 - 28 février 2021", "janvier 2019", "février 2021"},
		{"01 Jan 2018 – Continuing", "Jan 2018", "Continuing"},
		{"Sep 2014 – 9 Aug 2016", "Sep 2014", "Aug 2016"},
	} {
		dr, ok := findDateRange(tc.in)
		if !ok || dr.start != tc.start || dr.end != tc.end {
			t.Errorf("%q: got %q – %q (%v), want %q – %q", tc.in, dr.start, dr.end, ok, tc.start, tc.end)
		}
	}
}

// One employer above several positions, a position naming its unit after
// a comma ("Pharmacist in Charge, Harbour Road branch"): the unit is the
// title's, the employer the one above.
func TestVariationUnitUnderEmployer(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"en branch", "Greenleaf Pharmacy Ltd, Accra\nSuperintendent Pharmacist\tJan 2021 – Present\n- Oversaw five outlets\nPharmacist in Charge, Harbour Road branch\tMar 2018 – Dec 2020\n- Cut stock losses",
			[]expWant{{"Superintendent Pharmacist", "Greenleaf Pharmacy Ltd", "Accra", "Jan 2021", "Present"},
				{"Pharmacist in Charge, Harbour Road branch", "Greenleaf Pharmacy Ltd", "Accra", "Mar 2018", "Dec 2020"}}},
		{"fr agence", "Banque Atlantique SA, Dakar\nDirectrice commerciale\t2020 – 2023\n- Pilotage de 40 conseillers\nConseillère clientèle, agence Plateau\t2016 – 2020\n- Portefeuille de 300 clients",
			[]expWant{{"Directrice commerciale", "Banque Atlantique SA", "Dakar", "2020", "2023"},
				{"Conseillère clientèle, agence Plateau", "Banque Atlantique SA", "Dakar", "2016", "2020"}}},
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
