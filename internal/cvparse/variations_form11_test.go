package cvparse

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Variations on CVs written as label/value forms ("Période : / Fonction :
// / Employeur :", "Organisation: / Position: / Duration:"), French and
// English, whose values run long or name fields the labels of other forms
// do not.

// A form row whose value runs to ten words or more ("Employeur : X – site
// de la zone portuaire de …", "Position: … puis …") still heads its entry
// when it follows the entry's other rows: a long line there is no
// description.
func TestVariationForm11LongValues(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"french long employer",
			"Période :\tDepuis mars 2021\nFonction :\tChef d'équipe logistique\nEmployeur :\tTransports Vermeil – site de la zone portuaire de Vénissieux Sud\nLieu :\tLyon (69)\nMissions :\tEncadrement de 8 caristes, plannings et inventaires.\n",
			[]expWant{{"Chef d'équipe logistique", "Transports Vermeil", "Lyon (69)", "mars 2021", "Present"}}},
		{"french long title",
			"Période :\t2010 – 2021\nFonction :\tCariste puis magasinier, puis chef de quai et référent sécurité des engins (CACES)\nEmployeur :\tEntrepôts Durand – Groupe Bâtiland\nLieu :\tGivors, Vienne\nMissions :\tRéception des marchandises.\n",
			[]expWant{{"Cariste puis magasinier, puis chef de quai et référent sécurité des engins (CACES)", "Entrepôts Durand – Groupe Bâtiland", "Givors, Vienne", "2010", "2021"}}},
		{"english long position",
			"Organisation:\tKwara State Water Corporation, Ilorin\nPosition:\tAssistant plant operator and later shift supervisor of the treatment works\nDuration:\tMay 2015 – June 2020\nDuties: Ran the dosing pumps.\n",
			[]expWant{{"Assistant plant operator and later shift supervisor of the treatment works", "Kwara State Water Corporation", "Ilorin", "May 2015", "June 2020"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := expsOf(ParseText("Marc Dupuis\nmarc.dupuis@example.fr\n\nEXPÉRIENCE PROFESSIONNELLE\n" + tc.body + "\nCOMPÉTENCES\nSAP, Excel\n"))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// Education as form rows with the degree's class on a row of its own
// ("Class of Degree: Second Class Lower", "Degree Class: 2:1"): the class
// is the grade of the degree above it, not a second degree that would
// open an entry of its own and take the next school's rows.
func TestVariationForm11DegreeClass(t *testing.T) {
	cases := []struct {
		name, body string
		want       []eduWant
		gpas       []string
	}{
		{"class of degree",
			"Institution:\tAhmadu Bello University, Zaria\nCourse:\tB.Sc. Accounting\nClass of Degree:\tSecond Class Lower\nYear:\t2009 – 2013\n" +
				"Institution:\tFederal Government College, Kaduna\nCourse:\tSenior School Certificate Examination (SSCE)\nYear:\t2008\n",
			[]eduWant{{"B.Sc. Accounting", "Ahmadu Bello University", "Zaria", "2009", "2013"},
				{"Senior School Certificate Examination (SSCE)", "Federal Government College", "Kaduna", "", "2008"}},
			[]string{"Second Class Lower", ""}},
		{"degree class before the school",
			"Qualification:\tBSc (Hons) Quantity Surveying\nDegree Class:\t2:1\nInstitution:\tUniversity of Salford, Salford\nYear:\t2014 – 2017\n" +
				"Qualification:\tBTEC Extended Diploma in Construction\nInstitution:\tBolton College, Bolton\nYear:\t2014\n",
			[]eduWant{{"BSc (Hons) Quantity Surveying", "University of Salford", "Salford", "2014", "2017"},
				{"BTEC Extended Diploma in Construction", "Bolton College", "Bolton", "", "2014"}},
			[]string{"2:1", ""}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := parseEducation(tc.body)
			if diff := cmp.Diff(tc.want, edusOf(c)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.gpas, gpasOf(c)); diff != "" {
				t.Errorf("gpa (-want +got):\n%s", diff)
			}
		})
	}
}

// A heading whose note counts the years of experience, spelled out past
// the length of a short note ("(9 Years: 6 Years Qatar + 3 Years
// India)"), is the heading; entries numbered by the author ("1. Company,
// Town") keep their number out of the company.
func TestVariationForm11NumberedJobs(t *testing.T) {
	jobs := "1. Gulf Star Motors, Doha, Qatar\nDesignation: Senior Diesel Mechanic\nDuration: April 2019 to Till Date\nOverhauled engines of the bus fleet.\n" +
		"2. Kerala Roadways Ltd, Thrissur, Kerala\nDesignation: Workshop Mechanic\nDuration: June 2015 to March 2019\nServiced gearboxes and brakes.\n"
	want := []expWant{
		{"Senior Diesel Mechanic", "Gulf Star Motors", "Doha, Qatar", "April 2019", "Till Date"},
		{"Workshop Mechanic", "Kerala Roadways Ltd", "Thrissur, Kerala", "June 2015", "March 2019"},
	}
	for _, heading := range []string{"PROFESSIONAL EXPERIENCE (9 Years: 6 Years Qatar + 3 Years India)",
		"WORK EXPERIENCE (Total 11 years, of which 7 years in the Gulf)", "EXPÉRIENCE PROFESSIONNELLE (12 ans dont 8 ans à l'étranger)"} {
		t.Run(heading, func(t *testing.T) {
			c := ParseText("Biju Thomas\nbiju.t@example.com\n\nCAREER OBJECTIVE\nTo work in a reputed workshop.\n\n" + heading + "\n" + jobs + "\nSKILLS\nWelding, Excel\n")
			if diff := cmp.Diff(want, expsOf(c)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A country's initials written with dots ("U.A.E.", "K.S.A.") end an
// address line as the country does.
func TestVariationForm11DottedCountry(t *testing.T) {
	for _, loc := range []string{"Al Nahda 1, Dubai, U.A.E.", "Olaya Street, Riyadh, K.S.A.", "Building 12, Muwaileh, Sharjah, U.A.E."} {
		t.Run(loc, func(t *testing.T) {
			c := ParseText("BIJU THOMAS\nDiesel Mechanic / Fleet Technician\n" + loc + "\nMobile: +971 50 555 0190 | WhatsApp: +91 94000 55501\nEmail: biju.t@example.com\n\nSKILLS\nWelding\n")
			if c.Contact.Location != loc {
				t.Errorf("location = %q, want %q", c.Contact.Location, loc)
			}
		})
	}
}

// "Employer, Town (Country)" as Europass writes a place: a town the
// gazetteer does not know, after a comma with its country in brackets,
// is the job's location whole, not a loose name left in the description.
func TestVariationForm11TownCountry(t *testing.T) {
	body := "2016–2019\tField Officer\nKenya Seed Trials Board, Kiptere (Kenya)\nRan seed trials on twelve farms.\n" +
		"2019–2022\tSoil Technician\nFerme coopérative du Haut-Pays, Saint-Rémi-de-Tingwick (Canada)\nSampled soils for the growers.\n"
	want := []expWant{
		{"Field Officer", "Kenya Seed Trials Board", "Kiptere (Kenya)", "2016", "2019"},
		{"Soil Technician", "Ferme coopérative du Haut-Pays", "Saint-Rémi-de-Tingwick (Canada)", "2019", "2022"},
	}
	got := expsOf(ParseText("Jane Wambui\njane@example.com\n\nWORK EXPERIENCE\n" + body + "\nSKILLS\nExcel\n"))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// A name with its country in brackets and no comma before it may be
	// the employer's: it stays the company.
	got = expsOf(ParseText("Jane Wambui\njane@example.com\n\nWORK EXPERIENCE\n2016–2019\tAudit Associate\nKestrelbrook (Kenya)\nAudited tea factories.\n\nSKILLS\nExcel\n"))
	if len(got) != 1 || got[0].Company != "Kestrelbrook (Kenya)" && got[0].Company != "Kestrelbrook" {
		t.Errorf("no comma: %+v", got)
	}
}

// A dates column right-aligned against its values (a Europass form's
// "2016–2018<tab>Degree"): the line's x is where its dates start, so the
// school's line under the degree, aligned with the degree, is less than
// an indent's width further right when the dates are long. It heads the
// entry; the lines set in under it are its description.
func TestVariationForm11DatesColumnIndent(t *testing.T) {
	rows := []placedRow{
		{150, "2015–2017\tMaster of Science in Crop Protection"},
		{200, "Maseno University, Kisumu (Kenya)"},
		{210, "Thesis: Control of fall armyworm in maize fields of the"},
		{210, "lake basin"},
		{150, "2010–2014\tBachelor of Science in Horticulture (Second Class Honours, Upper"},
		{200, "Division)"},
		{200, "Kenyatta University, Nairobi (Kenya)"},
		{172, "2021\tCertificate in Seed Systems"},
		{200, "Royal Tropical Institute, Amsterdam (Netherlands)"},
	}
	c := Parse(placedSection(60, "EDUCATION AND TRAINING", rows, "DIGITAL SKILLS"))
	want := []eduWant{
		{"Master of Science in Crop Protection", "Maseno University", "Kisumu (Kenya)", "2015", "2017"},
		{"Bachelor of Science in Horticulture (Second Class Honours, Upper Division)", "Kenyatta University", "Nairobi (Kenya)", "2010", "2014"},
		{"Certificate in Seed Systems", "Royal Tropical Institute", "Amsterdam (Netherlands)", "", "2021"},
	}
	if diff := cmp.Diff(want, edusOf(c)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// French vocational qualifications: a "Titre RNCP" is the degree, and the
// national adult-training bodies (CNAM, AFPA, GRETA) with their region are
// the school, whichever side of the dash each stands.
func TestVariationForm11FrenchVocational(t *testing.T) {
	cases := []struct {
		line string
		want eduWant
	}{
		{"2019 :\tTitre RNCP niveau 6 « Responsable de la sûreté et de la sécurité » – CNAM Grand Est, Nancy",
			eduWant{"Titre RNCP niveau 6 « Responsable de la sûreté et de la sécurité »", "CNAM Grand Est", "Nancy", "", "2019"}},
		{"2020 :\tTitre RNCP niveau 5 « Gestionnaire de paie » – GRETA Auvergne, Clermont-Ferrand",
			eduWant{"Titre RNCP niveau 5 « Gestionnaire de paie »", "GRETA Auvergne", "Clermont-Ferrand", "", "2020"}},
		{"2012 :\tAFPA Bretagne, Rennes – Titre RNCP « Agent de sûreté et de sécurité privée »",
			eduWant{"Titre RNCP « Agent de sûreté et de sécurité privée »", "AFPA Bretagne", "Rennes", "", "2012"}},
	}
	for _, tc := range cases {
		t.Run(tc.line, func(t *testing.T) {
			c := ParseText("Jean Roux\njean@example.fr\n\nDIPLÔMES ET FORMATIONS\n" + tc.line + "\n2008 :\tBaccalauréat STG, Lycée Jean Moulin, Metz\n\nCOMPÉTENCES\nExcel\n")
			want := []eduWant{tc.want, {"Baccalauréat STG", "Lycée Jean Moulin", "Metz", "", "2008"}}
			if diff := cmp.Diff(want, edusOf(c)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A skill line pairing two named tools with "and" / "et" lists two tools;
// a pair of capitalised words naming no tool, or activities in lower
// case, stays one skill.
func TestVariationForm11ToolPair(t *testing.T) {
	c := ParseText("Ada Obi\nada@example.com\n\nSKILLS\nLoan processing and cash reconciliation\nT24 Core Banking and Microsoft Excel\n" +
		"Research and Development\nSage et Excel\nHealth and Safety\n")
	got := skillSet(c.Skills)
	for _, want := range []string{"t24 core banking", "microsoft excel", "sage", "excel", "research and development", "health and safety",
		"loan processing and cash reconciliation"} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
	if len(got) != 7 {
		t.Errorf("got %d skills %q, want 7", len(got), got)
	}
}
