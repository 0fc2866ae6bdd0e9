package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Variations on label/value forms typed as plain text or in a word
// processor: seafarers' sea service ("Rank / Vessel / Company / Period"),
// forms whose labels no list knows, and forms whose first row runs long.

// A form whose rows carry a label no list knows ("Vessel:", "Ship:",
// "Flag:") is cut where its own first label comes round again, not where
// a known field repeats further down: each entry keeps its rank, its ship
// and its dates. The blank line between entries marks the cut too.
func TestVariationForms12SeaService(t *testing.T) {
	cases := []struct {
		name, heading, body string
		want                []expWant
	}{
		{"rank vessel company period, blank lines", "SEA SERVICE",
			"Rank: Bosun\nVessel: MV Baltic Dawn (Container Ship, 4,200 TEU)\nCompany: Columbia Shipmanagement, Limassol\nPeriod: 14 Mar 2022 - 02 Dec 2022\n\n" +
				"Rank: Able Seaman\nVessel: MT Kerala Spirit (Crude Oil Tanker)\nCompany: Fleet Management Ltd\nPeriod: 21 Jun 2019 - 30 Jan 2020\n",
			[]expWant{{"Bosun", "Columbia Shipmanagement", "Limassol", "Mar 2022", "Dec 2022"},
				{"Able Seaman", "Fleet Management Ltd", "", "Jun 2019", "Jan 2020"}}},
		{"no blank lines, ship and type", "Sea-going Experience",
			"Rank: Third Engineer\nShip: MV Nile Star\nType: Bulk Carrier\nEmployer: Bernhard Schulte Shipmanagement\nDates: 3 January 2021 - 18 August 2021\n" +
				"Rank: Fourth Engineer\nShip: MV Red Sea Trader\nType: General Cargo\nEmployer: V.Ships Norway\nDates: 9 April 2018 - 27 November 2018\n",
			[]expWant{{"Third Engineer", "Bernhard Schulte Shipmanagement", "", "January 2021", "August 2021"},
				{"Fourth Engineer", "V.Ships Norway", "", "April 2018", "November 2018"}}},
		{"period first", "WORK EXPERIENCE",
			"Period: 05 Feb 2020 - 11 Oct 2020\nRank: Oiler\nVessel: MV Pacific Harmony\nCompany: Wallem Shipmanagement\n\n" +
				"Period: 17 Jul 2018 - 29 Mar 2019\nRank: Wiper\nVessel: MV Coral Bay\nCompany: Synergy Marine Group\n",
			[]expWant{{"Oiler", "Wallem Shipmanagement", "", "Feb 2020", "Oct 2020"},
				{"Wiper", "Synergy Marine Group", "", "Jul 2018", "Mar 2019"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := expsOf(ParseText("Joel M. Santos\njoel.santos@example.ph\n\n" + tc.heading + "\n" + tc.body + "\nSKILLS\nMooring, welding\n"))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A day written before the month that opens a range ("12 Feb 2023 –
// 28 Nov 2023", "1st June 2018 to 30th April 2020") belongs to the date:
// left behind, it was read as the entry's title or description. A number
// that ends a name before the date ("Lyon 1 Sept 2015") stays with the
// name.
func TestVariationForms12DayFirstDates(t *testing.T) {
	cases := []struct {
		name, body string
		want       expWant
	}{
		{"label row", "Position: Deckhand\nVessel: MV Lake Victoria Queen\nContract: 04 Jan 2018 - 22 Dec 2019\n",
			expWant{"Deckhand", "MV Lake Victoria Queen", "", "Jan 2018", "Dec 2019"}},
		{"ordinal days with from", "Warehouse Supervisor, Kibo Logistics\nFrom 1st June 2018 to 30th April 2020\n",
			expWant{"Warehouse Supervisor", "Kibo Logistics", "", "June 2018", "April 2020"}},
		{"ordinal days after a bar", "Sales Assistant | Bata Shoes | 1st June 2014 - 30th April 2015\n",
			expWant{"Sales Assistant", "Bata Shoes", "", "June 2014", "April 2015"}},
		{"since a day", "Shop Assistant, Nakumatt Holdings\nsince 2nd March 2021\n",
			expWant{"Shop Assistant", "Nakumatt Holdings", "", "March 2021", "Present"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ParseText("Grace Achieng\ngrace.achieng@example.com\n\nWORK EXPERIENCE\n" + tc.body + "\nSKILLS\nStock control\n")
			if diff := cmp.Diff([]expWant{tc.want}, expsOf(c)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if len(c.Experience) == 1 && c.Experience[0].Description != "" {
				t.Errorf("description %q, want none (the day left behind)", c.Experience[0].Description)
			}
		})
	}
	if dr, ok := findDateRange("Université Claude Bernard Lyon 1 Sept 2015 – Jun 2018"); !ok || dr.start != "Sept 2015" ||
		dr.at != len("Université Claude Bernard Lyon 1 ") {
		t.Errorf("a number ending a name was read as the day: %+v", dr)
	}
}

// The first row of a form's entry heads it however long its value runs
// ("Qualification: Certificate in plumbing and gas fitting with trade
// test grade one"), when the rows of the form follow it: a long line
// there is no description.
func TestVariationForms12LongFirstRow(t *testing.T) {
	cases := []struct {
		name, body string
		want       []eduWant
	}{
		{"english qualification",
			"Qualification: Certificate in plumbing and gas fitting with trade test grade one\nInstitution: Kaduna Polytechnic\nYear: 2014\n\n" +
				"Qualification: West African Senior School Certificate\nInstitution: Government Secondary School, Zaria\nYear: 2008\n",
			[]eduWant{{"Certificate in plumbing and gas fitting with trade test grade one", "Kaduna Polytechnic", "", "", "2014"},
				{"West African Senior School Certificate", "Government Secondary School", "Zaria", "", "2008"}}},
		{"french diplome",
			"Diplôme : Licence professionnelle Métiers de la gestion et de la comptabilité\nÉtablissement : Université de Lille\nAnnée : 2019\n\n" +
				"Diplôme : Licence Sciences sanitaires et sociales\nÉtablissement : Université d'Artois, Arras\nAnnée : 2017\n",
			[]eduWant{{"Licence professionnelle Métiers de la gestion et de la comptabilité", "Université de Lille", "", "", "2019"},
				{"Licence Sciences sanitaires et sociales", "Université d'Artois", "Arras", "", "2017"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, edusOf(parseEducation(tc.body))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A row of an education list labelled with the stage of schooling
// ("Secondary: Mariveles National High School, 1999 – 2003", "Primaire :
// École …") names the school; the stage is what was studied there, unless
// the value names the degree itself ("Tertiary: BSc Nursing, …").
func TestVariationForms12SchoolStages(t *testing.T) {
	cases := []struct {
		name, body string
		want       []eduWant
	}{
		{"philippine stages",
			"Tertiary: Bachelor of Science in Midwifery, Southwestern University, 2012 - 2016\nSecondary: Talisay City National High School, 2008 - 2012\nElementary: Lawaan Elementary School, 2002 - 2008\n",
			[]eduWant{{"Bachelor of Science in Midwifery", "Southwestern University", "", "2012", "2016"},
				{"Secondary", "Talisay City National High School", "", "2008", "2012"},
				{"Elementary", "Lawaan Elementary School", "", "2002", "2008"}}},
		{"french stages",
			"Secondaire : Lycée Technique de Bamako, 2009 – 2012\nPrimaire : École fondamentale de Kati, 2000 – 2009\n",
			[]eduWant{{"Secondaire", "Lycée Technique de Bamako", "", "2009", "2012"},
				{"Primaire", "École fondamentale de Kati", "", "2000", "2009"}}},
		{"senior high",
			"Senior High: Ateneo de Davao University, 2014 - 2016\n",
			[]eduWant{{"Senior High", "Ateneo de Davao University", "", "2014", "2016"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, edusOf(parseEducation(tc.body))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A French trade's helper or learner rank joined to the trade by a hyphen
// ("Aide-mécanicienne", "Apprenti-soudeur", "Chef-cuisinier") names a job
// as the trade does: the employer and town after its comma are cut off.
func TestVariationForms12RankedTrades(t *testing.T) {
	cases := []struct {
		name, body string
		want       expWant
	}{
		{"aide", "2016 à 2018          Aide-mécanicienne, Garage Lévesque, Trois-Rivières\n   - Vidanges et pneus\n",
			expWant{"Aide-mécanicienne", "Garage Lévesque", "Trois-Rivières", "2016", "2018"}},
		{"apprenti", "2014 – 2016\tApprenti-soudeur, Chantiers Piriou, Concarneau\n",
			expWant{"Apprenti-soudeur", "Chantiers Piriou", "Concarneau", "2014", "2016"}},
		{"chef", "2019 – 2022\tChef-cuisinier, Restaurant Le Vieux Port, Sète\n",
			expWant{"Chef-cuisinier", "Restaurant Le Vieux Port", "Sète", "2019", "2022"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := expsOf(ParseText("Paul Joseph\npaul.joseph@example.ca\n\nEXPÉRIENCE\n" + tc.body + "\nCOMPÉTENCES\nSoudure\n"))
			if diff := cmp.Diff([]expWant{tc.want}, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A form that gives an entry's dates on two rows ("From: March 2015" /
// "To: June 2017", "Sign On: 12 Feb 2023" / "Sign Off: 28 Nov 2023",
// "Date de début : 09/2018" / "Date de fin : 06/2020") dates one entry:
// the end row opens no entry of its own.
func TestVariationForms12StartEndRows(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"from to", "Position: Line Cook\nEmployer: Harbour Grill, Mombasa\nFrom: March 2015\nTo: June 2017\n\nPosition: Kitchen Porter\nEmployer: Serena Hotel\nFrom: January 2013\nTo: February 2015\n",
			[]expWant{{"Line Cook", "Harbour Grill", "Mombasa", "March 2015", "June 2017"},
				{"Kitchen Porter", "Serena Hotel", "", "January 2013", "February 2015"}}},
		{"sign on sign off", "Rank: Oiler\nVessel: MV Coral Bay\nCompany: Wallem Shipmanagement\nSign On: 17 Jul 2018\nSign Off: 29 Mar 2019\n",
			[]expWant{{"Oiler", "Wallem Shipmanagement", "", "Jul 2018", "Mar 2019"}}},
		{"french start and end", "Poste : Technicienne de laboratoire\nEmployeur : Institut Pasteur de Dakar\nDate de début : 09/2018\nDate de fin : à ce jour\n",
			[]expWant{{"Technicienne de laboratoire", "Institut Pasteur de Dakar", "", "09/2018", "à ce jour"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := expsOf(ParseText("Amina Otieno\namina.otieno@example.com\n\nWORK EXPERIENCE\n" + tc.body + "\nSKILLS\nFood safety\n"))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
