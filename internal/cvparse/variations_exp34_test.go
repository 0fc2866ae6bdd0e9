package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Variations on experience headers met in the third and fourth blind sets
// (testdata/blind3, blind4), written with invented text.

// checkExps parses an Experience section of body and compares its entries.
func checkExps(t *testing.T, body string, want []expWant) {
	t.Helper()
	got := parseExps(body)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// A job word in the plural, capitalised, names a firm or a body of people
// ("Harlow Associates", "Pharmaciens Solidaires"), not the job: it is the
// employer beside a title the word lists do not know.
func TestVariationPluralJobWordNamesFirm(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"en, associates after the title", "2017 – 2019\tPricing Trainee, Harlow Associates (pension actuaries), Leeds",
			[]expWant{{"Pricing Trainee", "Harlow Associates (pension actuaries)", "Leeds", "2017", "2019"}}},
		{"fr, employer line under an unknown title", "Sage-femme, Programme nutrition\nPharmaciens Solidaires, Dori\nMars 2014 – Août 2016\n• Consultations prénatales",
			[]expWant{{"Sage-femme, Programme nutrition", "Pharmaciens Solidaires", "Dori", "Mars 2014", "Août 2016"}}},
		{"fr, firm of lawyers under the title", "Élève-juriste (stage final)\t2021 – 2022\nCabinet Morel Avocats, Lyon",
			[]expWant{{"Élève-juriste (stage final)", "Cabinet Morel Avocats", "Lyon", "2021", "2022"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { checkExps(t, tc.body, tc.want) })
	}
}

// A LaTeX bullet that the PDF's font gives as a brace ("{ Mentored two
// juniors.") is a bullet: a short one is no header of the next entry.
func TestVariationBraceBullet(t *testing.T) {
	body := "Acme Motors\tGothenburg\nSenior Firmware Engineer\tAug 2019 – Present\n{ Led the battery control software.\n" +
		"{ Mentor for two new engineers.\nGlobex Medical\tSolna\nFirmware Engineer\tSep 2015 – Jul 2019\n{ Ventilator firmware."
	checkExps(t, body, []expWant{
		{"Senior Firmware Engineer", "Acme Motors", "Gothenburg", "Aug 2019", "Present"},
		{"Firmware Engineer", "Globex Medical", "Solna", "Sep 2015", "Jul 2019"},
	})
	got := ParseText("Jane Roe\njane@example.com\n\nExperience\n" + body + "\n")
	if b := got.Experience[0].Bullets; len(b) != 2 || b[1] != "Mentor for two new engineers." {
		t.Errorf("bullets %q", b)
	}
}

// Dates wrapped over lines: moderncv's narrow date column cut after the
// month ("Mar" / "2019–Oct" / "2021", "Feb" / "2017–Jan 2019") beside the
// header and its bullets; a header line cut between a month set apart at
// its end and the year; a range's end wrapped as two digits; two seasons
// joined with "&".
func TestVariationWrappedDates(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"moderncv, month then range then year", "Mar\tQuality Analyst, Northwind, Pune\n2019–Oct\t{ Built the defect dashboards.\n2021\t{ Ran the weekly reviews.\n" +
			"Feb\tJunior Analyst, Contoso, Nagpur\n2017–Jan 2019\t{ Wrote test plans.",
			[]expWant{{"Quality Analyst", "Northwind", "Pune", "Mar 2019", "Oct 2021"}, {"Junior Analyst", "Contoso", "Nagpur", "Feb 2017", "Jan 2019"}}},
		{"pipes, month at the line's end", "Product Owner | Fabrikam Pay | Manila | Mar\n2019 – Aug 2022\nLaunched wallet top-ups\n" +
			"Business Analyst | Tailspin Travel | Iloilo | 2015\n– 18\nFare search reviews",
			[]expWant{{"Product Owner", "Fabrikam Pay", "Manila", "Mar 2019", "Aug 2022"}, {"Business Analyst", "Tailspin Travel", "Iloilo", "2015", "2018"}}},
		{"two seasons", "Kayak Guide\tSummers 2016 & 2017\nBlue Bay Outfitters, Kona, HI\n• Led harbour tours",
			[]expWant{{"Kayak Guide", "Blue Bay Outfitters", "Kona, HI", "Summers 2016", "2017"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { checkExps(t, tc.body, tc.want) })
	}
}

// A part set before the title with a dash on the title's line ("Stage de
// fin d'études – assistant logistique", "Placement Year – Junior
// Analyst", "Négociatrice immobilier – responsable secteur Nord") is part
// of the title when the employer has a line of its own, whether it was
// left over or taken as the company for want of a better part.
func TestVariationTitleLeadBeforeDash(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"fr, placement before the title, employer under it", "Stage de fin d'études – assistant logistique\tfévr. – août 2016\nTransports Morel Frères, Mâcon",
			[]expWant{{"Stage de fin d'études – assistant logistique", "Transports Morel Frères", "Mâcon", "févr. 2016", "août 2016"}}},
		{"en, employer above, placement before the title", "Harbour Foods plc | Grimsby\nPlacement Year – Junior Analyst – 2016 to 2017",
			[]expWant{{"Placement Year – Junior Analyst", "Harbour Foods plc", "Grimsby", "2016", "2017"}}},
		{"fr, unknown job words before the title", "Négociatrice immobilier – responsable secteur Nord\tdepuis mars 2020\nAgence du Lac Immobilier, Annecy\n• Mandats exclusifs",
			[]expWant{{"Négociatrice immobilier – responsable secteur Nord", "Agence du Lac Immobilier", "Annecy", "mars 2020", "Present"}}},
		// The employer on the title's line is no lead.
		{"en, employer before the title on its line", "Northwind Ltd – Data Analyst\t2018 – 2020",
			[]expWant{{"Data Analyst", "Northwind Ltd", "", "2018", "2020"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { checkExps(t, tc.body, tc.want) })
	}
}

// One author writes every entry of a section the same way: where no word
// of an entry names the job or the employer ("Imprimerie du Lac (Kribi) –
// Maquettiste PAO", "Vacation Student" / "Kgalagadi Minerals"), its title
// is where the section's other entries put theirs; a short name where
// they put their place is the place ("Kelham BPO Park").
func TestVariationSectionLayout(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"fr, employer (town) – title", "Agence Boma Créa (Douala) – Directrice artistique\nDepuis 2021\n• Refonte d'identités\n" +
			"Imprimerie du Lac (Kribi) – Maquettiste PAO\nDe 2016 à 2018\n• Mise en page de manuels\n" +
			"Studio Ngoa (Yaoundé) – Stagiaire graphiste\nDe 2015 à 2016\n• Logos",
			[]expWant{{"Directrice artistique", "Agence Boma Créa", "Douala", "2021", "Present"},
				{"Maquettiste PAO", "Imprimerie du Lac", "Kribi", "2016", "2018"},
				{"Stagiaire graphiste", "Studio Ngoa", "Yaoundé", "2015", "2016"}}},
		{"en, employer line over a title line", "Kalahari Copper\t2019 – Present\nMine Surveyor\n• Monthly surveys\n" +
			"Kgalagadi Minerals\t2017 – 2018\nVacation Student\n• Pit mapping\n" +
			"Northern Cape Mining\t2016 – 2017\nSurvey Assistant",
			[]expWant{{"Mine Surveyor", "Kalahari Copper", "", "2019", "Present"},
				{"Vacation Student", "Kgalagadi Minerals", "", "2017", "2018"},
				{"Survey Assistant", "Northern Cape Mining", "", "2016", "2017"}}},
		{"en, place slot after the employer", "Team Leader\nNorthwind Contact · Kelham BPO Park · 05/2021 – present\n• Led 12 agents\n" +
			"Customer Service Representative\nContoso Care · Bradford · 08/2018 – 04/2021\n• Inbound calls\n" +
			"Front Desk Clerk\nHarbour Hotel · Wakefield · 06/2016 – 07/2018",
			[]expWant{{"Team Leader", "Northwind Contact", "Kelham BPO Park", "05/2021", "Present"},
				{"Customer Service Representative", "Contoso Care", "Bradford", "08/2018", "04/2021"},
				{"Front Desk Clerk", "Harbour Hotel", "Wakefield", "06/2016", "07/2018"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { checkExps(t, tc.body, tc.want) })
	}
}

// A unit named by what it does ("Service de cardiologie", "Department
// of Surgery"), on a line under the employer's, is no employer though
// its first word is an organisation word; a programme set after the
// employer with a dash is part of it, and no place with the region after
// it ("Ministry of Health – Rural Outreach Programme, Malawi").
func TestVariationUnitsAndProgrammes(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"fr, service under the hospital's line", "09/2016–01/2021\tInfirmière\nCentre Hospitalier Régional Lalla Meryem, Fès (Maroc)\nServices de cardiologie et de pneumologie\n" +
			"07/2015–08/2016\tInfirmière remplaçante\nClinique des Oliviers, Meknès (Maroc)",
			[]expWant{{"Infirmière", "Centre Hospitalier Régional Lalla Meryem", "Fès (Maroc)", "09/2016", "01/2021"},
				{"Infirmière remplaçante", "Clinique des Oliviers", "Meknès (Maroc)", "07/2015", "08/2016"}}},
		{"en, programme after the employer", "2016 – 2017\tVolunteer Nurse\nMinistry of Health – Rural Outreach Programme, Malawi",
			[]expWant{{"Volunteer Nurse", "Ministry of Health – Rural Outreach Programme", "Malawi", "2016", "2017"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { checkExps(t, tc.body, tc.want) })
	}
}

// The French 2013 Europass form also writes its sector label "Activité
// ou secteur": the line is a detail of the job above, not the header of
// the next one.
func TestVariationEuropassActiviteOuSecteur(t *testing.T) {
	rows := []string{"INFORMATIONS PERSONNELLES\tAwa Ndiaye", ">awa.ndiaye@example.sn",
		"EXPÉRIENCE PROFESSIONNELLE",
		"03/2019 – aujourd'hui\tResponsable d'entrepôt", ">Dakar Freight Services, Dakar (Sénégal)", ">Gestion de trois entrepôts sous douane et des inventaires tournants.",
		">Activité ou secteur Transport et logistique",
		"01/2016 – 02/2019\tDéclarante en douane", ">Transit Diop & Frères, Thiès (Sénégal)", ">Déclarations en douane et suivi des dossiers de transit.",
		">Activité ou secteur Commerce de gros",
		"COMPÉTENCES PERSONNELLES", "Langue(s) maternelle(s)\twolof", "Compétences numériques\tExcel, SAP"}
	want := []expKey{{"Responsable d'entrepôt", "Dakar Freight Services", "Dakar (Sénégal)", "03/2019", "aujourd'hui"},
		{"Déclarante en douane", "Transit Diop & Frères", "Thiès (Sénégal)", "01/2016", "02/2019"}}
	if diff := cmp.Diff(want, expKeys(Parse(tableDoc(rows...)).Experience)); diff != "" {
		t.Errorf("experience (-want +got):\n%s", diff)
	}
}

// Positions under one employer are written alike: when the first keeps a
// part after a comma in its title ("Captain, B737 Fleet"), so do the next
// ones, which name no employer of their own; the employer cut from its
// town ("Skylark Air, Shannon Airport") still heads them.
func TestVariationEmployerPositionsAlike(t *testing.T) {
	body := "Skylark Air, Shannon Airport\nCaptain, B737 Fleet\tMar. 2018 – present\n• Line training\n" +
		"First Officer, B737 Fleet\tJan. 2012 – Feb. 2018\n• Transatlantic relief crew\n" +
		"Westwind Aviation, Galway\nFlight Instructor\t2009 – 2011"
	checkExps(t, body, []expWant{
		{"Captain, B737 Fleet", "Skylark Air", "Shannon Airport", "Mar. 2018", "Present"},
		{"First Officer, B737 Fleet", "Skylark Air", "Shannon Airport", "Jan. 2012", "Feb. 2018"},
		{"Flight Instructor", "Westwind Aviation", "Galway", "2009", "2011"},
	})
}

// An author who sets one entry of a section apart still writes most of
// them alike: the layout most entries share decides an entry no word
// decides; and with the employer and its place before the title on the
// title's line, a comma tail ending the line is the title's unit.
func TestVariationMostEntriesAlike(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"fr, one entry the other way round", "Depuis sept. 2020\tÉcole Jules-Ferry, Tours — Professeure des écoles titulaire\n" +
			"2018 – 2020\tÉcole Paul-Bert, Tours — Professeure stagiaire\n" +
			"2016 – 2018\tCollège Rabelais, Blois — Assistante d'éducation\n" +
			"Étés 2013 à 2015\tAnimatrice (saisonnier) — Ville de Blois",
			[]expWant{{"Professeure des écoles titulaire", "École Jules-Ferry", "Tours", "sept. 2020", "Present"},
				{"Professeure stagiaire", "École Paul-Bert", "Tours", "2018", "2020"},
				{"Assistante d'éducation", "Collège Rabelais", "Blois", "2016", "2018"},
				{"Animatrice (saisonnier)", "Ville de Blois", "", "Étés 2013", "2015"}}},
		{"en, employer and place before the title", "Federal Bank of Ohio (Dayton, OH) -- Summer Intern, Community Outreach\nJun. 2024 - Aug. 2024\n• Survey of small lenders",
			[]expWant{{"Summer Intern, Community Outreach", "Federal Bank of Ohio", "Dayton, OH", "Jun. 2024", "Aug. 2024"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { checkExps(t, tc.body, tc.want) })
	}
}

// A branch set after the employer's name and named by a district is
// where the job was, part of the place ("Harbour Bank Limited, Quayside
// Branch, Leith"); one named by the town itself is the employer's local
// unit ("Red Crescent Society, Leith Branch").
func TestVariationBranchIsPlace(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"labelled, district branch", "Designation:\tCash Officer\nOrganization:\tHarbour Bank Limited, Quayside Branch, Leith\nDuration:\tMarch 2016 to June 2019",
			[]expWant{{"Cash Officer", "Harbour Bank Limited", "Quayside Branch, Leith", "March 2016", "June 2019"}}},
		{"town's own branch", "Fundraising Officer\t2013 – 2015\nRed Crescent Society, Leith Branch, Leith, Scotland",
			[]expWant{{"Fundraising Officer", "Red Crescent Society, Leith Branch", "Leith, Scotland", "2013", "2015"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { checkExps(t, tc.body, tc.want) })
	}
}
