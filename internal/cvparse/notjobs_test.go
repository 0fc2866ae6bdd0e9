package cvparse

import (
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDatedAsideIsNoJob: a description sentence under a dated job whose
// own dates stand in a bracket after a fact and a comma ("(steel frame,
// 2019–2021).") tells what the job did; it heads no entry of its own.
func TestDatedAsideIsNoJob(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []expWant
	}{
		{"engineering project", "Lead Civil Engineer\tJan 2016 – present\nArup, Leeds\n" +
			"Design lead for the riverside flood defence scheme (sheet piling, 2018–2020).\n" +
			"Managed a team of five graduates.\n",
			[]expWant{{"Lead Civil Engineer", "Arup", "Leeds", "Jan 2016", "Present"}}},
		{"nursing ward", "Charge Nurse\tMar 2015 – Dec 2022\nSt James's Hospital, Dublin\n" +
			"Redeployed to the respiratory isolation ward (night shifts, 2020 – 2021).\n" +
			"Trained new starters on the infusion pumps.\n",
			[]expWant{{"Charge Nurse", "St James's Hospital", "Dublin", "Mar 2015", "Dec 2022"}}},
		{"french consultancy", "Consultante senior\t2014 – 2021\nCapgemini, Nantes\n" +
			"Pilotage de la refonte du système de paie du groupe (client public, 2017 – 2019).\n" +
			"Animation des ateliers avec les équipes métier.\n",
			[]expWant{{"Consultante senior", "Capgemini", "Nantes", "2014", "2021"}}},
		{"bracket words, wrapped before the dates", "2018 – 2022\tPostdoctoral Researcher, Lund University, Lund\n" +
			"EU-funded study of pollinator decline in upland hay meadows (alpine field campaigns\n2019–2020).\n" +
			"2014 – 2018\tDoctoral Student, Uppsala University, Uppsala\n",
			[]expWant{{"Postdoctoral Researcher", "Lund University", "Lund", "2018", "2022"},
				{"Doctoral Student", "Uppsala University", "Uppsala", "2014", "2018"}}},
		{"bracket words on one line", "Site Manager\tMay 2012 – Jun 2019\nKier Group, Bristol\n" +
			"Delivered the new primary school wing for the county council (two phases 2015 – 2016).\n",
			[]expWant{{"Site Manager", "Kier Group", "Bristol", "May 2012", "Jun 2019"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkExps(t, tc.body, tc.want) })
	}
}

// TestRangeAmidSentenceIsNoJob: a range inside a sentence that goes on in
// lower case after it, a note in brackets between or not, is the span of
// what the sentence tells.
func TestRangeAmidSentenceIsNoJob(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []expWant
	}{
		{"plan's span, semicolon", "Transport Planner, Leeds City Council, Leeds\nsince May 2020\n" +
			"Co-author of the West Yorkshire Bus Strategy 2021–2030; drafted the\nfreight chapter.\n" +
			"Ran the consultation on the new park-and-ride sites.\n",
			[]expWant{{"Transport Planner", "Leeds City Council", "Leeds", "May 2020", "Present"}}},
		{"programme's span, comma, French", "Chargé d'études, Région Occitanie, Toulouse\ndepuis septembre 2019\n" +
			"Rédaction du Schéma régional 2022 – 2028, piloté avec les services de l'État.\n",
			[]expWant{{"Chargé d'études", "Région Occitanie", "Toulouse", "septembre 2019", "Present"}}},
		{"agreement's span, a bracket after it", "HR Business Partner\tSince March 2019\nNorthgate Foods Ltd — Leeds\n" +
			"Supported three plants of 400 staff.\n" +
			"Negotiated the collective agreement 2021-2025 (GMB branch 12) without a day of strike.\n",
			[]expWant{{"HR Business Partner", "Northgate Foods Ltd", "Leeds", "March 2019", "Present"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkExps(t, tc.body, tc.want) })
	}
}

// TestAssociationActivitiesAreNoJobs: a club membership under an
// activities heading ("Activités associatives", "Extra-curricular
// activities") is no experience, though it carries dates.
func TestAssociationActivitiesAreNoJobs(t *testing.T) {
	for _, heading := range []string{"Activités associatives", "Extra-curricular activities", "ACTIVITÉS PARASCOLAIRES"} {
		t.Run(heading, func(t *testing.T) {
			got := expsOf(ParseText("Jane Roe\njane@example.com\n\nExpérience\nAssistante comptable\nFiduciaire Atlas – Rabat\n" +
				"Mars 2022 – Juin 2023\nSaisie des pièces et rapprochements bancaires.\n\n" + heading + "\n\n" +
				"Trésorière du Club Rotaract INSEA (2019 – 2021) : collecte de fonds pour\nune école rurale à Khémisset.\n"))
			want := []expWant{{"Assistante comptable", "Fiduciaire Atlas", "Rabat", "Mars 2022", "Juin 2023"}}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %+v\nwant %+v", got, want)
			}
		})
	}
}

// TestServiceLinesAreNoJobs: under an academic's service heading
// ("Service", "Professional Service", "Outreach") the dated roles of
// reviewing, editing and mentoring are no jobs.
func TestServiceLinesAreNoJobs(t *testing.T) {
	job := "2019–2023\tPostdoctoral Fellow, Lund University, Lund\nField work on upland hay meadows.\n"
	want := []expWant{{"Postdoctoral Fellow", "Lund University", "Lund", "2019", "2023"}}
	for _, tc := range []struct{ heading, lines string }{
		{"Service", "2021–present\tReviewer for Journal of Ecology and Oikos\n2020–2022\tMentor, Girls in Science summer school, Lund\n"},
		{"Professional Service", "2018–2022\tAssociate Editor, Plant Ecology\n2019–present\tCommittee member, Nordic Ecological Society\n"},
		{"OUTREACH", "2017–2021\tVolunteer tutor, Science for Schools programme, Malmö\n2016–2018\tOrganiser, Pint of Science, Lund\n"},
	} {
		t.Run(tc.heading, func(t *testing.T) {
			checkExps(t, job+"\n"+tc.heading+"\n"+tc.lines, want)
		})
	}
}

// TestCareerStageAwardIsNoJob: an award named for a career's stage
// ("… Early Career / Fellowship, 2021", wrapped in a sidebar) under an
// awards heading opens no experience section.
func TestCareerStageAwardIsNoJob(t *testing.T) {
	for _, award := range []string{"DBT-Wellcome Early Career\nFellowship, 2021", "Royal Society Mid-Career\nFellowship, 2019",
		"Marie Curie Early Career\nAward, 2018"} {
		t.Run(award, func(t *testing.T) {
			got := expsOf(ParseText("Jane Roe\njane@example.com\n\nExperience\nPostdoctoral Fellow\t2020 – 2022\n" +
				"National Centre for Biological Sciences, Bengaluru\nBuilt gene network models.\n\nAWARDS\n" + award + "\n"))
			want := []expWant{{"Postdoctoral Fellow", "National Centre for Biological Sciences", "Bengaluru", "2020", "2022"}}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %+v\nwant %+v", got, want)
			}
		})
	}
}

// TestYearWrappedFromMonthIsNoJob: a sentence under a job wrapped between
// a month and its year ("… lors de la panne de février" / "2019") leaves
// the year alone on a line; it dates what the sentence tells, no entry,
// and the employer under it heads the next job.
func TestYearWrappedFromMonthIsNoJob(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []expWant
	}{
		{"french, employer line next", "Conseillère en communication\tSeptembre 2016 à décembre 2020\nBoréal Assurances, Québec\n" +
			"Relations de presse lors de la panne informatique de février\n2019\n" +
			"Agence Tandem Communication — Montréal\nChargée de projets\nMai 2013 à août 2016\nCoordination de campagnes.\n",
			[]expWant{{"Conseillère en communication", "Boréal Assurances", "Québec", "Septembre 2016", "décembre 2020"},
				{"Chargée de projets", "Agence Tandem Communication", "Montréal", "Mai 2013", "août 2016"}}},
		{"english, full stop", "Operations Manager\tJan 2018 – Dec 2022\nHarbour Logistics, Leith\n" +
			"Led the move to the new warehouse management system that went live in March\n2021.\n" +
			"Kestrel Freight — Dundee\nShift Supervisor\nApr 2014 – Dec 2017\nRan the night shift.\n",
			[]expWant{{"Operations Manager", "Harbour Logistics", "Leith", "Jan 2018", "Dec 2022"},
				{"Shift Supervisor", "Kestrel Freight", "Dundee", "Apr 2014", "Dec 2017"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkExps(t, tc.body, tc.want) })
	}
}

// TestClubRolesAreNoJobs: roles held in a student body or a club under
// "Positions of Responsibility" (Indian CVs), and what one does outside
// work under "Activités extra-professionnelles", are activities, however
// much they read like a dated job.
func TestClubRolesAreNoJobs(t *testing.T) {
	job := expWant{"Data Analyst Intern", "Brightwave Analytics", "Pune", "Jan 2024", "Jun 2024"}
	for _, tc := range []struct{ name, text string }{
		{"positions of responsibility", "Kavya Menon\nkavya.m@example.in\n\nEXPERIENCE\nData Analyst Intern, Brightwave Analytics, Pune\tJan 2024 – Jun 2024\n" +
			"• Built the churn dashboard in Power BI\n\nPOSITIONS OF RESPONSIBILITY\nGeneral Secretary, Robotics Society, NIT Calicut – 2022–23\n" +
			"Volunteer mentor, Teach Forward Trust, 2021 – 2023\n"},
		{"activités extra-professionnelles", "Kavya Menon\nkavya.m@example.in\n\nEXPÉRIENCE\nData Analyst Intern, Brightwave Analytics, Pune\tJan 2024 – Jun 2024\n" +
			"• Tableau de bord d'attrition sous Power BI\n\nACTIVITÉS EXTRA-PROFESSIONNELLES\nTrésorière de l'association des étudiants en statistique (2021-2023)\n"},
	} {
		got := ParseText(tc.text)
		if diff := cmp.Diff([]expWant{job}, expsOf(got)); diff != "" {
			t.Errorf("%s: experience (-want +got):\n%s", tc.name, diff)
		}
		if len(got.Activities) == 0 {
			t.Errorf("%s: no activities", tc.name)
		}
	}
}
