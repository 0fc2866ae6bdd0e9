package cvparse

import "testing"

// Variations on the experience headers of the twelfth to fourteenth
// blind sets (testdata/blind12–14), written with invented text.

// "Employer, Town, County": a known town, then a county or state the
// gazetteer does not hold, is the place, not a tail of the employer's
// name; so are a town and its district set apart by a slash.
func TestVariationTownThenAreaBlind12(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"en, English county", "Sept 2015 – July 2020\tTeacher of Geography\nHarrogate Grammar School, Harrogate, North Yorkshire",
			[]expWant{{"Teacher of Geography", "Harrogate Grammar School", "Harrogate, North Yorkshire", "Sept 2015", "July 2020"}}},
		{"en, Nigerian state", "NYSC – Admin Officer\t2009 – 2010\nMinistry of Health, Ibadan, Oyo State",
			[]expWant{{"NYSC – Admin Officer", "Ministry of Health", "Ibadan, Oyo State", "2009", "2010"}}},
		{"en, Malaysian state", "Site Engineer\tMar 2012 – Jun 2016\nBorneo Civil Works, Kuching, Sarawak Darul",
			[]expWant{{"Site Engineer", "Borneo Civil Works", "Kuching, Sarawak Darul", "Mar 2012", "Jun 2016"}}},
		{"fr, town and district", "2014 – 2019\tDirectrice des études\nÉcole Les Palmiers, Lubumbashi/Kampemba",
			[]expWant{{"Directrice des études", "École Les Palmiers", "Lubumbashi/Kampemba", "2014", "2019"}}},
		{"fr, district and town", "2011 – 2014\tRéceptionniste\nHôtel du Lac, Rohero / Bujumbura",
			[]expWant{{"Réceptionniste", "Hôtel du Lac", "Rohero / Bujumbura", "2011", "2014"}}},
	})
}

// A country in brackets after the town is the town's country though a
// town somewhere bears the country's name ("Colombia", "Lebanon").
func TestVariationCountryNamedLikeTownBlind12(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"en, Colombia", "03/2017–05/2021\tTheatre Nurse\nClínica del Valle Lili, Cali (Colombia)",
			[]expWant{{"Theatre Nurse", "Clínica del Valle Lili", "Cali (Colombia)", "03/2017", "05/2021"}}},
		{"fr, Liban", "2015 – 2018\tComptable\nHôpital Notre-Dame, Jounieh (Lebanon)",
			[]expWant{{"Comptable", "Hôpital Notre-Dame", "Jounieh (Lebanon)", "2015", "2018"}}},
	})
}

// Legal forms written in two abbreviated words ("Sdn. Bhd.", "sp. z
// o.o.") close the employer's name: their full stops end no sentence.
func TestVariationTwoWordLegalFormBlind12(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"en, Malaysian", "Credit Analyst\tJan 2016 – Dec 2019\nPelangi Leasing Sdn. Bhd., Shah Alam",
			[]expWant{{"Credit Analyst", "Pelangi Leasing Sdn. Bhd.", "Shah Alam", "Jan 2016", "Dec 2019"}}},
		{"en, Polish", "Process Engineer\t2018 – 2022\nBaltic Polymers sp. z o.o., Gdańsk",
			[]expWant{{"Process Engineer", "Baltic Polymers sp. z o.o.", "Gdańsk", "2018", "2022"}}},
	})
}

// "Employer, District – Town": a district set after the employer's
// comma and parted from its town by a dash is part of the place, as
// written; a unit of two words or more there is the employer's
// ("Inspection Régionale").
func TestVariationDistrictDashTownBlind12(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"fr, labels", "Période : 2015 – 2019\nStructure : Ecobank Sénégal, Mermoz – Dakar\nPoste occupé : Chargée de clientèle",
			[]expWant{{"Chargée de clientèle", "Ecobank Sénégal", "Mermoz – Dakar", "2015", "2019"}}},
		{"en, acronym closes the employer", "2016 – 2020\tAccounts Assistant\nNational Water Board (NWB), Kololo – Kampala",
			[]expWant{{"Accounts Assistant", "National Water Board (NWB)", "Kololo – Kampala", "2016", "2020"}}},
		{"fr, unit before the dash", "Stagiaire auditeur\nCrédit Maritime, Inspection Régionale — Nantes\n2017 – 2018",
			[]expWant{{"Stagiaire auditeur", "Crédit Maritime, Inspection Régionale", "Nantes", "2017", "2018"}}},
	})
}

// "Title, Unit, University, Town" (moderncv's employer field with a
// department and its university): the unit and the university, in either
// order, are one employer; the unit's field words name no job.
func TestVariationUnitOfUniversityBlind12(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"en, centre then university", "2019–2023\tPostdoctoral Fellow, Centre for Coastal Studies, University of Cape Town, Cape Town, South Africa",
			[]expWant{{"Postdoctoral Fellow", "Centre for Coastal Studies, University of Cape Town", "Cape Town, South Africa", "2019", "2023"}}},
		{"es, centro then universidad", "2016–2018\tAsistente de investigación, Centro de Estudios Andinos, Universidad de Cuenca, Cuenca, Ecuador",
			[]expWant{{"Asistente de investigación", "Centro de Estudios Andinos, Universidad de Cuenca", "Cuenca, Ecuador", "2016", "2018"}}},
		{"en, department of an engineering field", "2012–2015\tLecturer, Department of Chemical Engineering, University of Lagos, Lagos",
			[]expWant{{"Lecturer", "Department of Chemical Engineering, University of Lagos", "Lagos", "2012", "2015"}}},
		{"de, abbreviated university then institute", "2020–2024\tResearch Associate, TU Graz, Institute of Hydraulic Engineering, Graz",
			[]expWant{{"Research Associate", "TU Graz, Institute of Hydraulic Engineering", "Graz", "2020", "2024"}}},
	})
}

// A legal form the word lists cannot see ("A/S", "AB", "Oyj", "amba")
// closes an employer's name: the line under "Title, Unit" that carries it
// is the employer's, and a title's comma before it cuts off the
// employer. A town the gazetteer spells with "Å" is known spelled "Aa".
func TestVariationNordicEmployerBlind13(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"no, AS and Aa spelling", "Junior Buyer, Procurement\tMar 2014 – May 2016\nNordlys Marine AS, Aalesund",
			[]expWant{{"Junior Buyer, Procurement", "Nordlys Marine AS", "Aalesund", "Mar 2014", "May 2016"}}},
		{"dk, A/S", "Trainee, Treasury\t2015 – 2018\nKattegat Shipping A/S, Kolding",
			[]expWant{{"Trainee, Treasury", "Kattegat Shipping A/S", "Kolding", "2015", "2018"}}},
		{"fi, Oyj after the title", "Business Analyst, Kuusi Foods Oyj\t2017 – 2019\nTampere · Pricing Team\nPrice elasticity models for the dairy range.",
			[]expWant{{"Business Analyst", "Kuusi Foods Oyj", "Tampere", "2017", "2019"}}},
		{"dk, amba after the title", "Category Controller, Jysk Mejeri amba\t2012 – 2016\nHerning · Group Finance\nMonthly margin reporting.",
			[]expWant{{"Category Controller", "Jysk Mejeri amba", "Herning", "2012", "2016"}}},
	})
}

// Job words the lists lacked ("Controller", "Underwriter", "Economist",
// "Réceptionniste") name the title on a line under the employer's, when
// the employer's name has no word of a firm.
func TestVariationMoreJobWordsBlind13(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"en, controller", "Nyota Tea — Kericho Estate, Kericho\nFinancial Controller\tMay 2015 – June 2019\nMonthly close and group reporting.",
			[]expWant{{"Financial Controller", "Nyota Tea — Kericho Estate", "Kericho", "May 2015", "June 2019"}}},
		{"en, underwriter", "Harbourside Mutual — Quay Street, Belfast\nSenior Underwriter\t2016 – 2020\nCommercial property lines.",
			[]expWant{{"Senior Underwriter", "Harbourside Mutual — Quay Street", "Belfast", "2016", "2020"}}},
		{"fr, réceptionniste", "Hôtel des Remparts — Vieille Ville, Dinan\nRéceptionniste\t2018 – 2021\nAccueil et clôture de caisse.",
			[]expWant{{"Réceptionniste", "Hôtel des Remparts — Vieille Ville", "Dinan", "2018", "2021"}}},
	})
}

// One employer's line over two positions, each a title with its dates on
// a line of its own and no description between them: two entries at the
// same employer.
func TestVariationPositionsUnderEmployerBlind13(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"en, two positions", "Grant Halden LLP — Leeds\nTax Manager\tMarch 2017 – Present\nTax Senior\tSeptember 2013 – February 2017\nCorporate tax compliance for mid-size groups.",
			[]expWant{{"Tax Manager", "Grant Halden LLP", "Leeds", "March 2017", "Present"}, {"Tax Senior", "Grant Halden LLP", "Leeds", "September 2013", "February 2017"}}},
		{"fr, deux postes", "Banque du Littoral — Douala\nChef d'agence\t2019 – 2023\nChargé de clientèle\t2015 – 2019\nPortefeuille de 400 clients particuliers.",
			[]expWant{{"Chef d'agence", "Banque du Littoral", "Douala", "2019", "2023"}, {"Chargé de clientèle", "Banque du Littoral", "Douala", "2015", "2019"}}},
	})
}

// Where the section's entries set their place straight after the
// employer's dash, a name after that dash and before the town's comma is
// the place's district, not the employer's site.
func TestVariationDistrictAfterDashBlind13(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"en, industrial estate", "Orbis Paints — Lagos, Nigeria\nPlant Manager\t2019 – Present\nRan the emulsion line.\n" +
			"Sahel Cement — Obajana Estate, Lokoja\nFinancial Controller\t2014 – 2019\nKiln operations.\n" +
			"Delta Gas — Warri, Nigeria\nEconomist\t2012 – 2014\nGas pricing studies.",
			[]expWant{{"Plant Manager", "Orbis Paints", "Lagos, Nigeria", "2019", "Present"},
				{"Financial Controller", "Sahel Cement", "Obajana Estate, Lokoja", "2014", "2019"},
				{"Economist", "Delta Gas", "Warri, Nigeria", "2012", "2014"}}},
		{"fr, zone industrielle", "Brasseries du Sud — Douala, Cameroun\nResponsable qualité\t2020 – 2024\nAudits HACCP.\n" +
			"Savonnerie Mbanga — Bonabéri, Douala\nContrôleur\t2016 – 2020\nSuivi des lots.\n" +
			"Minoterie Centrale — Yaoundé, Cameroun\nStagiaire\t2015 – 2016\nAnalyses farine.",
			[]expWant{{"Responsable qualité", "Brasseries du Sud", "Douala, Cameroun", "2020", "2024"},
				{"Contrôleur", "Savonnerie Mbanga", "Bonabéri, Douala", "2016", "2020"},
				{"Stagiaire", "Minoterie Centrale", "Yaoundé, Cameroun", "2015", "2016"}}},
	})
}

// Seats on boards and committees and memberships under their own
// heading ("Boards & Committees", "Board & Community", "Professional
// Affiliations") are no jobs, though dated as jobs are; "Board
// Certifications" lists certificates.
func TestVariationBoardSeatsAreNoJobsBlind12(t *testing.T) {
	job := "Experience\nChief Accountant\t2016 – Present\nHarrow Mills Ltd, Blantyre\n• Month-end close.\n\n"
	cases := []struct{ name, heading, body string }{
		{"en, boards and committees", "BOARDS & COMMITTEES", "Trustee, Shire Valley Water Trust (2019 – present)\nMember, Audit Committee, Malawi Accountants Board (2017 – 2021)"},
		{"en, board and community", "Board & Community", "Treasurer, Lilongwe Rotary Club (2018 – 2022)\nDirector, Kamuzu Savings Co-operative (2020 – present)"},
		{"en, affiliations", "Professional Affiliations", "Council Member, Institute of Internal Auditors Malawi (2015 – 2019)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText("Grace Banda\ngrace.banda@example.com\n\n" + job + tc.heading + "\n" + tc.body + "\n")
			if len(got.Experience) != 1 || got.Experience[0].Title != "Chief Accountant" {
				t.Errorf("experience = %+v", expsOf(got))
			}
		})
	}
	got := ParseText("Dr Ama Owusu\nama@example.com\n\n" + job + "Board Certifications\nAmerican Board of Pathology, Anatomic Pathology (2015)\n")
	if len(got.Certifications) == 0 || len(got.Experience) != 1 {
		t.Errorf("certifications = %+v, experience = %+v", got.Certifications, expsOf(got))
	}
}

// A phrase on the employer's size set beside its name ("120-bed mission
// hospital", "40-branch community bank") opens with a number and goes on in small
// letters: it describes the employer, it is not its name.
func TestVariationSizePhraseBesideEmployerBlind14(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"en, beds", "Chief Nurse\t2015 – 2019\nSt Anne Clinic, Kumasi\t120-bed mission hospital\nRan the wards.",
			[]expWant{{"Chief Nurse", "St Anne Clinic", "Kumasi", "2015", "2019"}}},
		{"en, branches", "Teller Supervisor\t2012 – 2016\nKilimo Savings, Arusha\t40-branch community bank\nRan the tills.",
			[]expWant{{"Teller Supervisor", "Kilimo Savings", "Arusha", "2012", "2016"}}},
	})
}

// "Title, Employer sp. z o.o., Town": an employer's name closed by a
// legal form in small letters is cut from the title though long.
func TestVariationLowerLegalFormAfterTitleBlind14(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"pl, sp. z o.o.", "2019–2023\tSenior Process Chemist, Wisła Polymer Additives Trading sp. z o.o., Gdańsk",
			[]expWant{{"Senior Process Chemist", "Wisła Polymer Additives Trading sp. z o.o.", "Gdańsk", "2019", "2023"}}},
		{"si, d.o.o.", "2016–2019\tSales Engineer, Alpska Hidravlika Servis Center d.o.o., Maribor",
			[]expWant{{"Sales Engineer", "Alpska Hidravlika Servis Center d.o.o.", "Maribor", "2016", "2019"}}},
	})
}
