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
