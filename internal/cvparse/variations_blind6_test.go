package cvparse

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// Variations on the experience layouts of the sixth blind set
// (testdata/blind6), written with invented text.

// styledDoc builds a word-processor document from lines; a line opening
// with "# " is styled as a heading.
func styledDoc(text string) extract.Document {
	var lines []extract.Line
	for _, t := range strings.Split(text, "\n") {
		l := extract.Line{Text: t}
		if h, ok := strings.CutPrefix(t, "# "); ok {
			l = extract.Line{Text: h, Heading: true, Bold: true, GapBefore: true}
		}
		lines = append(lines, l)
	}
	return extract.Document{Kind: extract.KindDOCX, Lines: lines}
}

// A table's row of column headings styled as a heading under the section
// heading heads the table's columns: the rows under it are the section's
// entries, not another section's text.
func TestVariationStyledColumnHeads(t *testing.T) {
	cases := []struct {
		name, heads, row string
		want             []expWant
	}{
		{"fr", "Période\tEntreprise\tPoste\tLieu", "03/2018 – 06/2021\tBrasserie du Port\tCheffe de rang\tVannes",
			[]expWant{{"Cheffe de rang", "Brasserie du Port", "Vannes", "03/2018", "06/2021"}}},
		{"en", "Dates\tCompany\tRole\tLocation", "2016 – 2019\tHarbour Logistics\tShift Supervisor\tDover",
			[]expWant{{"Shift Supervisor", "Harbour Logistics", "Dover", "2016", "2019"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := styledDoc("Jane Roe\njane@example.com\n# Experience\n# " + tc.heads + "\n" + tc.row + "\n# Skills\nExcel, SQL")
			if diff := cmp.Diff(tc.want, expsOf(Parse(doc))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// parseExps parses an experience section written as plain text.
func parseExps(body string) []expWant {
	return expsOf(ParseText("Jane Roe\njane@example.com\n\nExperience\n" + body + "\n\nSkills\nExcel, SQL\n"))
}

// "Title, Employer, Town": the employer is read apart from the title when
// a note in brackets follows its name, when its name has a lower-case
// noun after a particle, when an acronym in brackets closes it, or when it
// is an authority; a place at the end does not keep them together.
func TestVariationTitleEmployerTown(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"en, note in brackets", "Audit Senior, Brightwater & Co. (member firm of Grant Lane), Cebu City, Philippines\nJune 2016 to May 2019\n- Led audits of retail clients.",
			[]expWant{{"Audit Senior", "Brightwater & Co. (member firm of Grant Lane)", "Cebu City, Philippines", "June 2016", "May 2019"}}},
		{"fr, lower-case noun in the name", "2015–2018\tConseiller agricole, Chambre d'agriculture de la Manche, Service Élevage, Caen",
			[]expWant{{"Conseiller agricole", "Chambre d'agriculture de la Manche, Service Élevage", "Caen", "2015", "2018"}}},
		{"en, acronym closes the name", "2014 – 2018\tMarine Biologist, Coastal and Oceans Board (COB), Halifax, NS",
			[]expWant{{"Marine Biologist", "Coastal and Oceans Board (COB)", "Halifax, NS", "2014", "2018"}}},
		{"en, authority", "2010 – 2011\tSupport Personnel, Water Resources Authority, Accra",
			[]expWant{{"Support Personnel", "Water Resources Authority", "Accra", "2010", "2011"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, parseExps(tc.body)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A name set before the employer's unit with a dash is its parent, one
// employer with it, also on the title's line when the title does not
// stand right before the dash, also one named by a number ("Bataillon
// 112"); after the employer, the title's tail cut by a comma is the
// title's unit unless it is the only place written.
func TestVariationUnitsBesideTheTitle(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"parent, unit, then title", "Northwind Medical – Imaging Solutions — Senior Product Manager\tMar 2020 – Present\nHamburg, Germany\n• Roadmap",
			[]expWant{{"Senior Product Manager", "Northwind Medical – Imaging Solutions", "Hamburg, Germany", "Mar 2020", "Present"}}},
		{"title, parent, unit, town", "06/2015 – 02/2019\tProgramme Finance Officer, Open Harvest – Northern Irrigation Systems Project, Tamale",
			[]expWant{{"Programme Finance Officer", "Open Harvest – Northern Irrigation Systems Project", "Tamale", "06/2015", "02/2019"}}},
		{"title's unit after the employer", "Corvex AG — Product Owner, Surgical Planning\tOct 2016 – Feb 2020\nMunich, Germany\n• Backlog",
			[]expWant{{"Product Owner, Surgical Planning", "Corvex AG", "Munich, Germany", "Oct 2016", "Feb 2020"}}},
		{"volunteer's team", "Médecins du Nord e.V. — Volunteer, Outreach Team\t2010 – 2012\nBerlin, Germany\n• Street fundraising",
			[]expWant{{"Volunteer, Outreach Team", "Médecins du Nord e.V.", "Berlin, Germany", "2010", "2012"}}},
		{"numbered unit after the dash", "07/2007 – 03/2008\tMilitary Service\nLandwehr – Jägerbataillon 292, Hallstadt",
			[]expWant{{"Military Service", "Landwehr – Jägerbataillon 292", "Hallstadt", "07/2007", "03/2008"}}},
		{"the tail is the only place", "Corvex AG — Product Owner, Feldkirchen\tOct 2016 – Feb 2020\n• Backlog",
			[]expWant{{"Product Owner", "Corvex AG", "Feldkirchen", "Oct 2016", "Feb 2020"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, parseExps(tc.body)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// The Europass "Name and address of employer" row: a department, branch
// or agency written after the employer's name, before its town, is the
// employer's; the address starts at the place, a street or an industrial
// zone, or else after the first comma.
func TestVariationEuropassEmployerUnit(t *testing.T) {
	cases := []struct {
		name, employer string
		want           []expKey
	}{
		{"fr, direction then town after a dash", "Ville de Brest, Direction des Sports – Brest",
			[]expKey{{"Chargée de mission", "Ville de Brest, Direction des Sports", "Brest", "2016", "2020"}}},
		{"fr, agency then town", "Numérix Conseil, Agence Grand Ouest, Nantes (France)",
			[]expKey{{"Chargée de mission", "Numérix Conseil, Agence Grand Ouest", "Nantes (France)", "2016", "2020"}}},
		{"en, division then town", "Harbour Bank, Corporate Banking Division, Cork (Ireland)",
			[]expKey{{"Chargée de mission", "Harbour Bank, Corporate Banking Division", "Cork (Ireland)", "2016", "2020"}}},
		{"name and town", "Brasserie du Port, Vannes",
			[]expKey{{"Chargée de mission", "Brasserie du Port", "Vannes", "2016", "2020"}}},
		{"industrial zone", "Tissages du Sahel, Zone industrielle El Fejja, Manouba",
			[]expKey{{"Chargée de mission", "Tissages du Sahel", "Zone industrielle El Fejja, Manouba", "2016", "2020"}}},
		{"unknown town", "Textiles Ben Amor, M'hamdia",
			[]expKey{{"Chargée de mission", "Textiles Ben Amor", "M'hamdia", "2016", "2020"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := tableDoc("Europass", "Curriculum Vitae", "Informations personnelles", "Nom(s) / Prénom(s)\tMarie Dupont",
				"Expérience professionnelle", "Dates\t2016 – 2020", "Fonction ou poste occupé\tChargée de mission",
				"Principales activités et responsabilités\tSuivi des dossiers", "Nom et adresse de l'employeur\t"+tc.employer,
				"Type ou secteur d'activité\tServices", "Éducation et formation", "Dates\t2012 – 2015",
				"Intitulé du certificat ou diplôme délivré\tLicence de droit", "Nom et type de l'établissement\tUniversité de Rennes")
			if diff := cmp.Diff(tc.want, expKeys(Parse(doc).Experience)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A title opening with a lower-case brand word ("iOS Engineer") set apart
// under a bullet that ended its sentence heads the next entry; under an
// employer written above its roles, a role's comma tail with no
// organisation's word is the title's team.
func TestVariationRolesUnderTheirEmployer(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"lower-case brand word opens a title", "Senior iOS Engineer\nBluefin · Porto, Portugal\nMar 2019 - Present\n• Rebuilt the checkout in SwiftUI.\n\niOS Engineer\nTagus Apps · Lisbon, Portugal\nJan 2016 - Feb 2019\n• Shipped the loyalty app.",
			[]expWant{{"Senior iOS Engineer", "Bluefin", "Porto, Portugal", "Mar 2019", "Present"}, {"iOS Engineer", "Tagus Apps", "Lisbon, Portugal", "Jan 2016", "Feb 2019"}}},
		{"team after the role", "Initech · Dublin, Ireland\nData Consultant\tSep 2019 – Dec 2021\n• Demand forecasts.\nAnalyst, Customer Insight\tSep 2018 – Aug 2019\n• Claims data.",
			[]expWant{{"Data Consultant", "Initech", "Dublin, Ireland", "Sep 2019", "Dec 2021"}, {"Analyst, Customer Insight", "Initech", "Dublin, Ireland", "Sep 2018", "Aug 2019"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, parseExps(tc.body)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// Freelance work with no employer named: a phrase opening in lower case
// after the dates ("clients include …") is no company.
func TestVariationClientsPhraseIsNoCompany(t *testing.T) {
	got := parseExps("Independent Consultant (freelance)\n2018 – 2020 · clients include the World Bank and Oxfam\n• Costing studies.")
	want := []expWant{{"Independent Consultant (freelance)", "", "", "2018", "2020"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
