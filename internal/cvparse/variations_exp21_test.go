package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Dates written month, day, comma, year ("March 15, 2014") date a job by
// month and year; without the day's comma read, the day and the month
// fell into the title and the range lost its end.
func TestUSDayDates(t *testing.T) {
	tests := []struct {
		in, start, end string
	}{
		{"Store Supervisor ( June 3, 2016 - November 30, 2020)", "June 2016", "November 2020"},
		{"Field Officer (Feb. 1st, 2012 – Continuing)", "Feb. 2012", "Continuing"},
		{"Jan 9, 2021 - Present", "Jan 2021", "Present"},
	}
	for _, tt := range tests {
		dr, ok := findDateRange(tt.in)
		if !ok || dr.start != tt.start || dr.end != tt.end {
			t.Errorf("findDateRange(%q) = %+v, %v; want %q – %q", tt.in, dr, ok, tt.start, tt.end)
		}
	}
}

// A job portal's CV: a career-length line atop the history, numbered
// jobs dated "Month D, YYYY", "Company Location :" and "Department:" rows.
func TestJobPortalHistory(t *testing.T) {
	got := ParseText(`Nusrat Jahan Ferdousi
E-mail: nusrat.ferdousi@example.com

Employment History:
Total Year of Experience : 9.5 Year(s)
1. Senior Merchandiser ( April 1, 2018 - Continuing)
Meghna Knit Composite Limited
Company Location : Gazipur
Department: Merchandising
Duties/Responsibilities:
- Handle 6 European buyers from sampling to shipment.
2. Merchandiser ( July 15, 2014 - March 31, 2018)
Delta Apparels Limited
Company Location : Narayanganj
Department: Knit
Duties/Responsibilities:
- Followed up lab dips and trims for 40 styles a season.
`)
	want := []expKey{
		{"Senior Merchandiser", "Meghna Knit Composite Limited", "Gazipur", "April 2018", "Continuing"},
		{"Merchandiser", "Delta Apparels Limited", "Narayanganj", "July 2014", "March 2018"},
	}
	if diff := cmp.Diff(want, expKeys(got.Experience)); diff != "" {
		t.Errorf("experience (-want +got):\n%s", diff)
	}
}

func TestTotalExperienceLine(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Total Year of Experience : 15.5 Year(s)", true},
		{"Total work experience: 8 years", true},
		{"Expérience totale : 12 ans", true},
		{"Total Quality Manager (2015 – 2019)", false},
		{"Led a team of 8 with 10 years of experience in the field and beyond that", false},
	}
	for _, tt := range tests {
		if got := totalExperienceLine(tt.in); got != tt.want {
			t.Errorf("totalExperienceLine(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// "Hermosillo, Son.": a state cut short after its town ends no sentence,
// so the employer's line heads the entry with its place; a town's whole
// name after a comma ("…, Lyon.") may still end one.
func TestRegionCutShort(t *testing.T) {
	for _, s := range []string{"Hermosillo, Son.", "Kingston, Ont.", "Abilene, Tex."} {
		if !isLocation(s) {
			t.Errorf("isLocation(%q) = false", s)
		}
	}
	if endsSentence("Bluewave Contact - Hermosillo, Son.") {
		t.Error(`endsSentence("… Hermosillo, Son.") = true`)
	}
	if !endsSentence("Université Lumière, Lyon.") {
		t.Error(`endsSentence("…, Lyon.") = false`)
	}
	got := ParseText(`Mariana Soto Vega
mariana.soto@example.com

EXPERIENCE
Shift Supervisor, Billing Support	Jan 2020 - Present
Bluewave Contact Centre - Hermosillo, Son.
* Coach 12 agents on billing calls.
Billing Agent	Jun 2017 - Dec 2019
Norte Telecom - Nogales, Son.
* Resolved billing disputes for residential clients.
`)
	want := []expKey{
		{"Shift Supervisor, Billing Support", "Bluewave Contact Centre", "Hermosillo, Son.", "Jan 2020", "Present"},
		{"Billing Agent", "Norte Telecom", "Nogales, Son.", "Jun 2017", "Dec 2019"},
	}
	if diff := cmp.Diff(want, expKeys(got.Experience)); diff != "" {
		t.Errorf("experience (-want +got):\n%s", diff)
	}
}

// The Europass form since 2020: the name beside the logo, "Title – Unit"
// over the employer alone on its line, and "City: … | Country: …".
func TestEuropassNameBesideLogoAndPlaceFields(t *testing.T) {
	doc := tableDoc(
		"europass\tAndrei-Mihai Constantinescu",
		"Date of birth:\t14/02/1990 Nationality: Romanian",
		"Phone number:\t(+40) 0722 555 104 (Mobile)",
		"Email address:\tandrei.constantinescu@example.ro",
		"Address:\tStr. Lalelelor 9, 500123, Brașov, Romania (Home)",
		"WORK EXPERIENCE",
		"[ 01/03/2019 – Current ]\tStaff Nurse – Cardiology Ward",
		">Spitalul Municipal Sibiu",
		">City: Sibiu | Country: Romania",
		">Care of patients after cardiac catheterisation.",
		"[ 01/09/2014 – 28/02/2019 ]\tNurse – Internal Medicine",
		">Spitalul Orășenesc Făgăraș",
		">City: Făgăraș | Country: Romania",
		">Medication rounds for a 40-bed ward.",
		"EDUCATION AND TRAINING",
		"[ 01/10/2010 – 30/06/2014 ]\tBachelor's Degree in Nursing",
		">Universitatea Transilvania din Brașov",
		"LANGUAGE SKILLS",
		"Mother tongue(s):\tRomanian",
		"Other language(s):\tEnglish",
	)
	got := Parse(doc)
	if got.Contact.Name != "Andrei-Mihai Constantinescu" {
		t.Errorf("name = %q", got.Contact.Name)
	}
	want := []expKey{
		{"Staff Nurse – Cardiology Ward", "Spitalul Municipal Sibiu", "Sibiu, Romania", "01/03/2019", "Current"},
		{"Nurse – Internal Medicine", "Spitalul Orășenesc Făgăraș", "Făgăraș, Romania", "01/09/2014", "28/02/2019"},
	}
	if diff := cmp.Diff(want, expKeys(got.Experience)); diff != "" {
		t.Errorf("experience (-want +got):\n%s", diff)
	}
}

func TestJoinPlaceFields(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Sibiu | Country: Romania", "Sibiu, Romania"},
		{"Lyon | Pays : France", "Lyon, France"},
		{"Sibiu | Country: Romania | Final grade: 9.10", "Sibiu | Country: Romania | Final grade: 9.10"},
		{"Sibiu", "Sibiu"},
	}
	for _, tt := range tests {
		if got := joinPlaceFields(tt.in); got != tt.want {
			t.Errorf("joinPlaceFields(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// moderncv sets the given and family names in two colours: two cells,
// with the contact cells after them on the line.
func TestDisplayNameTwoCells(t *testing.T) {
	got := Parse(sizedDoc(false, append([]sized{
		{9.5, 40, "Rue des Tanneurs 4"},
		{32, 55, "Karim\tHaddad-Salem\tM +961 3 123 456\tE karim.haddad@example.com"},
		{16, 95, "Civil Engineer"},
	}, nameBody...)...))
	if got.Contact.Name != "Karim Haddad-Salem" {
		t.Errorf("name = %q, want Karim Haddad-Salem", got.Contact.Name)
	}
}

// A describing bracket after the employer's name does not stop the comma
// before it from parting the title from the employer.
func TestCommaSplitBracketNote(t *testing.T) {
	got := commaSplit("Notaire stagiaire, Étude Rakoto & Associés (droit des affaires), Toamasina")
	want := []string{"Notaire stagiaire", "Étude Rakoto & Associés (droit des affaires)", "Toamasina"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("commaSplit (-want +got):\n%s", diff)
	}
}

// "Dakar-Plateau": a known city, a hyphen, its district.
func TestCityDistrict(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Dakar-Plateau", true},
		{"Douala-Bonapriso", true},
		{"Coca-Cola", false},
		{"Dakar-Plateau Sud Est", false},
	}
	for _, tt := range tests {
		if got := isLocation(tt.in); got != tt.want {
			t.Errorf("isLocation(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
