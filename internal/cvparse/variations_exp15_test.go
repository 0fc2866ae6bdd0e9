package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Variations on the experience entries of the fifteenth and sixteenth
// blind sets (testdata/blind15–16), written with invented text.

// Under an entry with its range and lines of description, a line whose
// years sit amid its words (an award's editions, the wrapped tail of a
// sentence naming an event) describes the entry, however short; a
// season's year opening a line still heads one.
func TestVariationYearsAmidBodyBlind15(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"en, award editions", "Field Sales Manager\tMar 2015 – Feb 2020\nNordhaven Pumps Ltd, Leeds\nLooked after 30 industrial accounts\nTop Performer Award 2017 and 2019\n\nSales Engineer\tJan 2011 – Feb 2015\nKestrel Valves Ltd, York\nQuoted valves to process plants",
			[]expWant{{"Field Sales Manager", "Nordhaven Pumps Ltd", "Leeds", "Mar 2015", "Feb 2020"},
				{"Sales Engineer", "Kestrel Valves Ltd", "York", "Jan 2011", "Feb 2015"}}},
		{"en, wrapped event name", "JUN 2019 – PRESENT\nReservations Manager\nHarbour Lights Hotel, Cork\nRaised direct bookings from 40 to 55 per cent during the Atlantic\nRegatta 2022 weekend\nRan the night audit team",
			[]expWant{{"Reservations Manager", "Harbour Lights Hotel", "Cork", "JUN 2019", "PRESENT"}}},
		{"fr, trophée", "Chef de rayon\tjanv. 2016 – déc. 2020\nMarché Plus, Rennes\nGestion d'un rayon de 12 personnes et des commandes.\nTrophée Fraîcheur 2018 et 2019",
			[]expWant{{"Chef de rayon", "Marché Plus", "Rennes", "janv. 2016", "déc. 2020"}}},
	})
}

// A "since" date told in a sentence under an entry that has its range
// ("no lost-time injuries since 2020.") is what the entry tells, not a
// new entry's dates.
func TestVariationSinceInProseBlind16(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"en", "Site Supervisor\tApr 2018 – current\nRidgeway Builders – Ipswich, QLD\nRun a crew of six on school and clinic builds.\nSign off permits, prestarts and inspections; no lost-time injuries since 2020.\nScaffolder\tJan 2014 – Mar 2018\nTallpole Access – Logan, QLD",
			[]expWant{{"Site Supervisor", "Ridgeway Builders", "Ipswich, QLD", "Apr 2018", "current"},
				{"Scaffolder", "Tallpole Access", "Logan, QLD", "Jan 2014", "Mar 2018"}}},
		{"fr", "Chef d'équipe\t2017 – aujourd'hui\nBâtiment Morvan, Brest\nEncadrement de huit compagnons sur chantier.\nSuivi des permis et des causeries sécurité ; aucun accident grave depuis 2019.",
			[]expWant{{"Chef d'équipe", "Bâtiment Morvan", "Brest", "2017", "aujourd'hui"}}},
	})
}

// An employer line of capitalised names in cells ("Employer<tab>Town,
// State.") heads the next entry though a state's abbreviation ends it
// with a full stop: a sentence has words in lower case. (Only the
// entries' titles, employers and dates are checked here.)
func TestVariationNamesInCellsBlind15(t *testing.T) {
	body := "Bajío Motores\tLeón, Gto.\nPlant Buyer\tMay 2016 – Present\nBought castings for two assembly lines\n" +
		"Torres Hermanos\tCelaya, Gto.\nBuyer\tJan 2012 – Apr 2016\nPlaced orders for the machining shop"
	want := []expWant{{"Plant Buyer", "Bajío Motores", "", "May 2016", "Present"}, {"Buyer", "Torres Hermanos", "", "Jan 2012", "Apr 2016"}}
	got := parseExps(body)
	for i := range got {
		got[i].Location = ""
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// "Title, unit – Employer, Town" on one line: a unit written as a phrase
// in lower case ("service de cardiologie") or as one word naming a line
// of work ("Procurement") is the title's, and the employer is the name
// after it; a name right after the title is still the employer.
func TestVariationUnitBeforeEmployerBlind16(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"fr, comma then dash", "Mars 2012 – Août 2016 : Infirmier, service de cardiologie – Clinique du Parc, Lyon\nSoins et surveillance des patients.",
			[]expWant{{"Infirmier, service de cardiologie", "Clinique du Parc", "Lyon", "Mars 2012", "Août 2016"}}},
		{"fr, dashes", "Sept. 2019 – Juin 2020\tStagiaire – service contrôle de gestion – Brasseries du Sud, Dakar\nSuivi budgétaire mensuel.",
			[]expWant{{"Stagiaire – service contrôle de gestion", "Brasseries du Sud", "Dakar", "Sept. 2019", "Juin 2020"}}},
		{"en, line of work", "2015–2017\tGraduate Trainee, Procurement, Volta Cement Company Ltd, Tema\nRan supplier tenders for spare parts.",
			[]expWant{{"Graduate Trainee, Procurement", "Volta Cement Company Ltd", "Tema", "2015", "2017"}}},
		{"en, employer right after the title", "2018–2021\tAuditor, Brightline Partners, Accra\nAudited banks and insurers.",
			[]expWant{{"Auditor", "Brightline Partners", "Accra", "2018", "2021"}}},
	})
}

// Several positions under one employer's heading, one of them written
// "Title – Unit<tab>dates": the unit after the dash is the title's, and
// the position, as those after it, is at the employer above.
func TestVariationDashUnitUnderEmployerBlind16(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"en", "Marula Beverages (Pty) Ltd\tPretoria, South Africa\nPlant Manager\tMay 2018 – Present\nRan two bottling lines.\nHead of Department – Quality Assurance\tJan 2014 – Apr 2018\nCut customer complaints by a third.\nShift Supervisor\tFeb 2010 – Dec 2013\nSupervised 30 operators.",
			[]expWant{{"Plant Manager", "Marula Beverages (Pty) Ltd", "Pretoria, South Africa", "May 2018", "Present"},
				{"Head of Department – Quality Assurance", "Marula Beverages (Pty) Ltd", "Pretoria, South Africa", "Jan 2014", "Apr 2018"},
				{"Shift Supervisor", "Marula Beverages (Pty) Ltd", "Pretoria, South Africa", "Feb 2010", "Dec 2013"}}},
		{"fr", "Laiterie du Bocage SAS\tVire, France\nResponsable de production\tdepuis mars 2019\nPilotage de trois lignes.\nTechnicien – Contrôle Qualité\tjanv. 2015 – févr. 2019\nAnalyses microbiologiques.",
			[]expWant{{"Responsable de production", "Laiterie du Bocage SAS", "Vire, France", "mars 2019", "Present"},
				{"Technicien – Contrôle Qualité", "Laiterie du Bocage SAS", "Vire, France", "janv. 2015", "févr. 2019"}}},
	})
}

// "to Continue" ends a running range as "till date" does (how Bangladeshi
// CVs write "present"), with or without a day before the month.
func TestVariationToContinueBlind15(t *testing.T) {
	for _, in := range []string{"Duration\t:\t01 May 2020 to Continue", "Jan 2018 to continue", "2016 to Continue"} {
		dr, ok := findDateRange(in)
		if !ok || dr.start == "" {
			t.Errorf("findDateRange(%q): no range", in)
			continue
		}
		if n, _ := NormalizeDate(dr.end); n != "present" {
			t.Errorf("findDateRange(%q) ends %q, want a running range", in, dr.end)
		}
	}
}
