package cvparse

import "testing"

// Variations on the experience entries of the seventeenth and eighteenth
// blind sets (testdata/blind17–18), written with invented text.

// A season's date and a later year joined by "and"/"et" ("Summers 2016
// and 2017") run from the first year to the last; the joined year is no
// employer.
func TestVariationSeasonsJoinedBlind17(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"fr, tab", "Étés 2014 et 2015\tCaissier (job d'été)\nIntermarché – Brive\nEncaissement et accueil",
			[]expWant{{"Caissier (job d'été)", "Intermarché", "Brive", "Étés 2014", "2015"}}},
		{"en, tab", "Summers 2011 and 2012\tLifeguard\nBayside Leisure Centre – Hove\nPool safety checks",
			[]expWant{{"Lifeguard", "Bayside Leisure Centre", "Hove", "Summers 2011", "2012"}}},
	})
}

// "Employer – Town, District" on the employer's line: a known town after
// the dash, with its district after a comma, is where the job was, not a
// site of the employer's name.
func TestVariationTownDistrictAfterDashBlind18(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"fr", "Assistante comptable\nBantu Imprim SARL – Yaoundé, Mvog-Mbi\nMars – Juin 2022\nSaisie des factures.",
			[]expWant{{"Assistante comptable", "Bantu Imprim SARL", "Yaoundé, Mvog-Mbi", "Mars 2022", "Juin 2022"}}},
	})
}

// "Employer – Town, Region (d'avril 2015 à ce jour)": the dates in their
// bracket, opened by "d'", leave the bracket with them.
func TestVariationBracketedFromDatesBlind18(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"fr", "Chargé de suivi-évaluation\nAssociation Terre Verte – Jacmel, Sud-Est (d'avril 2015 à ce jour)\nSuivi de 12 projets communautaires.",
			[]expWant{{"Chargé de suivi-évaluation", "Association Terre Verte", "Jacmel, Sud-Est", "avril 2015", "ce jour"}}},
	})
}

// "Employer, Town (Island)": a single name in brackets after the town,
// shaped as a place's, is the island or county the town is in; the
// town with it is the place.
func TestVariationTownWithIslandBlind18(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"en", "Night Manager\tJune 2016 – Present\nHotel Playa Serena, Cala Galdana (Menorca)\n• Ran the night desk.",
			[]expWant{{"Night Manager", "Hotel Playa Serena", "Cala Galdana (Menorca)", "June 2016", "Present"}}},
	})
}

// A bracket after the employer's name that says how many pupils or
// students it teaches ("(11–16, 900 pupils)") describes the employer, as
// a headcount does; it is not part of the name.
func TestVariationEmployerNoteBlind17(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"en, pupils", "Teacher of Geography\tSept 2015 – July 2021\nGreenhill School (11–16, 900 pupils), Derby\nTaught KS3 and GCSE geography.",
			[]expWant{{"Teacher of Geography", "Greenhill School", "Derby", "Sept 2015", "July 2021"}}},
	})
}

// A university's department or research group and, after its comma, the
// university by its initials or its name ("Department of Geomatic
// Engineering, KSTU", "Coastal Dynamics Research Group, University of
// Otago") are one employer: the unit alone is no employer a reader knows.
func TestVariationUnitThenUniversityBlind17(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"initials", "Department of Geomatic Engineering, KSTU\tTamale, Ghana\nTeaching Assistant\t2016–2018\n- Ran first-year survey labs.",
			[]expWant{{"Teaching Assistant", "Department of Geomatic Engineering, KSTU", "Tamale, Ghana", "2016", "2018"}}},
		{"research group", "Coastal Dynamics Research Group, University of Otago\tDunedin, NZ\nResearch Intern\tNov 2019 – Feb 2020\nLogged wave gauges.",
			[]expWant{{"Research Intern", "Coastal Dynamics Research Group, University of Otago", "Dunedin, NZ", "Nov 2019", "Feb 2020"}}},
	})
}

// A job dated by a single month ("Période : Mars 2019", "Août 2021" under
// the employer) began and ended in it, as one dated by a season or a year.
func TestVariationSingleMonthJobBlind18(t *testing.T) {
	runExpCases(t, []struct {
		name, body string
		want       []expWant
	}{
		{"fr, form", "Poste :\tStagiaire (stage de fin d'études)\nEntreprise :\tSARL Minoterie du Tell\nLieu :\tMédéa\nPériode :\tMars 2019\nTâches :\tContrôle qualité des farines.",
			[]expWant{{"Stagiaire (stage de fin d'études)", "SARL Minoterie du Tell", "Médéa", "Mars 2019", "Mars 2019"}}},
		{"en, lines", "Summer Trainee\nHarbour Cement Ltd – Tema\nAugust 2021\n- Logged kiln readings.",
			[]expWant{{"Summer Trainee", "Harbour Cement Ltd", "Tema", "August 2021", "August 2021"}}},
	})
}
