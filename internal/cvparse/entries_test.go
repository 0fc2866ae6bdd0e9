package cvparse

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/extract"
)

// How the lines of an entry are told apart: which head it (title,
// company, dates) and which describe it, on layouts the corpus generator
// does not produce.

// placed is a PDF line at a left position, for layouts read from word
// boxes: "x|text".
func placed(rows ...string) extract.Document {
	var d extract.Document
	for _, r := range rows {
		x, t, _ := strings.Cut(r, "|")
		var xv float64
		for _, c := range x {
			xv = xv*10 + float64(c-'0')
		}
		d.Lines = append(d.Lines, extract.Line{Text: t, X: xv, Page: 1, Size: 10})
	}
	d.Pages = 1
	return d
}

type expWant struct{ Title, Company, Location, Start, End string }

func expsOf(c cv.StructuredCV) []expWant {
	var out []expWant
	for _, x := range c.Experience {
		out = append(out, expWant{x.Title, x.Company, x.Location, x.StartDate, x.EndDate})
	}
	return out
}

type eduWant struct{ Degree, Institution, Location, Start, End string }

// parseEducation parses body as the education section of a CV with a
// contact header and a skills section after it.
func parseEducation(body string) cv.StructuredCV {
	return ParseText("Jane Roe\njane@example.com\n\nEducation\n" + body + "\n\nSkills\nExcel, SQL\n")
}

// gpasOf lists the grades of c's education entries in order.
func gpasOf(c cv.StructuredCV) []string {
	var gpa []string
	for _, x := range c.Education {
		gpa = append(gpa, x.GPA)
	}
	return gpa
}

func edusOf(c cv.StructuredCV) []eduWant {
	var out []eduWant
	for _, x := range c.Education {
		out = append(out, eduWant{x.Degree, x.Institution, x.Location, x.StartDate, x.EndDate})
	}
	return out
}

// Bullets drawn as shapes reach us as plain lines set in from the header
// lines: the indent says they are the body, however short they are or
// whatever job words they hold.
func TestEntryBodyByIndent(t *testing.T) {
	head := []string{"50|Jane Roe", "50|jane@example.com", "50|Experience"}
	tests := []struct {
		name string
		rows []string
		want []expWant
	}{
		{"short bullet with a job word", []string{
			"50|Acquisition Manager — Back Market, Paris",
			"50|Since March 2021",
			"62|Ran a paid search budget of 1.2 M€ a year over six countries",
			"62|Rebuilt the GA4 tagging plan",
			"62|Management of two acquisition officers",
			"50|Digital Marketing Officer, Decathlon, Lille",
			"50|Sept. 2017 – Feb. 2021",
			"62|E-mail campaigns and automation in HubSpot",
			"62|SEO with the product teams",
		}, []expWant{
			{"Acquisition Manager", "Back Market", "Paris", "March 2021", "Present"},
			{"Digital Marketing Officer", "Decathlon", "Lille", "Sept. 2017", "Feb. 2021"},
		}},
		{"sentence with a year", []string{
			"50|Senior Product Manager",
			"50|Flutterwave — Lagos • Jan 2020 – Present",
			"80|Own the merchant checkout product: 290,000 merchants in 34 countries, $9B processed in 2023.",
			"80|Launched pay-with-bank-transfer in Ghana and Kenya.",
			"50|Product Manager",
			"50|Paystack — Lagos • Aug 2017 – Dec 2019",
			"80|Shipped Paystack Storefront, a no-code shop builder.",
		}, []expWant{
			{"Senior Product Manager", "Flutterwave", "Lagos", "Jan 2020", "Present"},
			{"Product Manager", "Paystack", "Lagos", "Aug 2017", "Dec 2019"},
		}},
		{"title set in below its company", []string{
			"50|Acme Corp\t2019 – 2021",
			"62|Software Engineer",
			"74|Built the billing service",
			"74|Cut the p95 latency by half",
			"50|Globex Inc\t2016 – 2019",
			"62|Junior Developer",
			"74|Wrote the first API",
		}, []expWant{
			{"Software Engineer", "Acme Corp", "", "2019", "2021"},
			{"Junior Developer", "Globex Inc", "", "2016", "2019"},
		}},
		{"running footer further left", []string{
			"50|Data Analyst",
			"50|Acme Corp — Leeds • 2020 – 2022",
			"80|Built the sales dashboards",
			"80|Automated the monthly report",
			"50|Junior Analyst",
			"50|Globex Inc — York • 2018 – 2020",
			"80|Cleaned the CRM data",
			"24|file:///home/jane/cv.html\t1/2",
		}, []expWant{
			{"Data Analyst", "Acme Corp", "Leeds", "2020", "2022"},
			{"Junior Analyst", "Globex Inc", "York", "2018", "2020"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := expsOf(Parse(placed(append(head, tt.rows...)...)))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("experience (-want +got):\n%s", diff)
			}
		})
	}
}

// A header line of short parts set apart by separators is a header
// however many words it has; prose stays prose even with a date in it.
func TestEntryHeaderOrProse(t *testing.T) {
	got := ParseText("Jane Roe\n\nFormation\nMaster Marketing digital et e-business — IAE Lyon\n2015 – 2017\n" +
		"Licence Administration économique et sociale — Université Lumière Lyon 2\n2012 – 2015\n")
	want := []eduWant{
		{"Master Marketing digital et e-business", "IAE Lyon", "", "2015", "2017"},
		{"Licence Administration économique et sociale", "Université Lumière Lyon 2", "", "2012", "2015"},
	}
	if diff := cmp.Diff(want, edusOf(got)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
	got = ParseText("Jane Roe\n\nExperience\nProduct Manager\nPaystack, Lagos\tAug 2017 – Dec 2019\n" +
		"Shipped the storefront builder used by 15,000 merchants in 2018.\n")
	if x := expsOf(got); len(x) != 1 || x[0].Company != "Paystack" || got.Experience[0].Description == "" {
		t.Errorf("experience = %+v", got.Experience)
	}
}

// Which header part is the title, the company and the place, when the
// words alone do not say.
func TestEntryHeaderRoles(t *testing.T) {
	tests := []struct {
		name, entry string
		want        expWant
	}{
		{"department after the title", "Senior Product Manager, Payments\nFlutterwave — Lagos • Jan 2020 – Present",
			expWant{"Senior Product Manager, Payments", "Flutterwave", "Lagos", "Jan 2020", "Present"}},
		{"department, employer line with its city", "Vice President, Corporate Development\t2019–Present\nEmirates NBD, Dubai",
			expWant{"Vice President, Corporate Development", "Emirates NBD", "Dubai", "2019", "Present"}},
		{"company after the title", "Software Engineer, Google\t2019 – 2021",
			expWant{"Software Engineer", "Google", "", "2019", "2021"}},
		{"company after the title, a note below", "Data Engineer, Acme\t2019 – 2021\nGreenfield project",
			expWant{"Data Engineer", "Acme", "", "2019", "2021"}},
		{"town the gazetteer lacks", "Infirmière en soins intensifs\nCliniques universitaires Saint-Luc, Woluwe-Saint-Lambert — 2012 à 2019",
			expWant{"Infirmière en soins intensifs", "Cliniques universitaires Saint-Luc", "Woluwe-Saint-Lambert", "2012", "2019"}},
		{"acronym is no town", "Research Engineer\tSep 2020 – Aug 2022\nMines ParisTech, PSL",
			expWant{"Research Engineer", "Mines ParisTech, PSL", "", "Sep 2020", "Aug 2022"}},
		{"practice is no town", "Senior Associate\tSep 2020 – Aug 2022\nDeloitte, Audit & Advisory",
			expWant{"Senior Associate", "Deloitte, Audit & Advisory", "", "Sep 2020", "Aug 2022"}},
		{"labelled company with its city", "Position:\tProject Engineer\nCompany:\tMota-Engil, Porto\nPeriod:\tOct 2020 – Present",
			expWant{"Project Engineer", "Mota-Engil", "Porto", "Oct 2020", "Present"}},
		{"town before its country", "Contrôleur de gestion\t2019 – 2021\nBoiron, Messimy (France)",
			expWant{"Contrôleur de gestion", "Boiron", "Messimy (France)", "2019", "2021"}},
		{"town with its district", "Web Developer Intern\tFeb 2019 – Jun 2019\nSofrecom Tunisie, Lac 2",
			expWant{"Web Developer Intern", "Sofrecom Tunisie", "Lac 2", "Feb 2019", "Jun 2019"}},
		{"job word the lists lacked", "Ericsson\tKista\nThesis Worker\tJun 2014 – Aug 2015",
			expWant{"Thesis Worker", "Ericsson", "Kista", "Jun 2014", "Aug 2015"}},
		{"working for oneself", "Freelance — Remote\nUX Consultant, 2017 – 2019",
			expWant{"UX Consultant", "Freelance", "Remote", "2017", "2019"}},
		{"self-employed line first", "Self-employed\t2017 – 2019\nWeb developer",
			expWant{"Web developer", "Self-employed", "", "2017", "2019"}},
		{"till date", "Technical Lead\tApr 2019 - Till date\nInfosys Limited, Bengaluru",
			expWant{"Technical Lead", "Infosys Limited", "Bengaluru", "Apr 2019", "Present"}},
		{"to date without a dash", "Technical Lead\tApr 2019 to date\nInfosys Limited, Bengaluru",
			expWant{"Technical Lead", "Infosys Limited", "Bengaluru", "Apr 2019", "Present"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParseText("Jane Roe\njane@example.com\n\nExperience\n" + tt.entry + "\n• Built the payments service\n")
			x := expsOf(got)
			if len(x) != 1 {
				t.Fatalf("experience = %+v", got.Experience)
			}
			if n, _ := NormalizeDate(x[0].End); n == "present" {
				x[0].End = "Present" // as written ("Till date"), read as running
			}
			if diff := cmp.Diff(tt.want, x[0]); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	got := ParseText("Jane Roe\n\nEducation\nB.Sc. Computer Science\nObafemi Awolowo University, Ile-Ife • 2009 – 2014\n" +
		"MBA\nLagos Business School, Pan-Atlantic University • 2018 – 2020\n")
	want := []eduWant{
		{"B.Sc. Computer Science", "Obafemi Awolowo University", "Ile-Ife", "2009", "2014"},
		{"MBA", "Lagos Business School, Pan-Atlantic University", "", "2018", "2020"},
	}
	if diff := cmp.Diff(want, edusOf(got)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
}

// What an education header's parts are, when the words alone do not say.
func TestEducationHeaderParts(t *testing.T) {
	tests := []struct {
		name, entry string
		want        eduWant
	}{
		{"field of study after a dash, dates in brackets", "Diplôme d'ingénieur – Génie électrique, Polytech Marseille (2008 – 2011)",
			eduWant{"Diplôme d'ingénieur – Génie électrique", "Polytech Marseille", "", "2008", "2011"}},
		{"field of study after a comma", "BSc, Physics, University of Leeds\t2012 – 2015",
			eduWant{"BSc, Physics", "University of Leeds", "", "2012", "2015"}},
		{"acronym before the school", "Software Engineering Degree\nINSAT – National Institute of Applied Science and Technology\t2014 – 2019",
			eduWant{"Software Engineering Degree", "INSAT – National Institute of Applied Science and Technology", "", "2014", "2019"}},
		{"grade stays apart", "MSc Data Science – Imperial College London – Distinction\t2019 – 2020",
			eduWant{"MSc Data Science", "Imperial College London", "", "2019", "2020"}},
		{"school named after its town", "ETH Zürich\tZürich\nExchange semester\t2013 – 2014",
			eduWant{"Exchange semester", "ETH Zürich", "Zürich", "2013", "2014"}},
		{"status note", "Into Headship programme (in progress)\nUniversity of Glasgow, 2023 – present",
			eduWant{"Into Headship programme", "University of Glasgow", "", "2023", "present"}},
		{"town with its district", "Software Engineering Degree\nEcole Supérieure Privée, Lac 2\t2014 – 2019",
			eduWant{"Software Engineering Degree", "Ecole Supérieure Privée", "Lac 2", "2014", "2019"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := edusOf(ParseText("Jane Roe\n\nEducation\n" + tt.entry + "\n"))
			if len(got) != 1 {
				t.Fatalf("education = %+v", got)
			}
			if diff := cmp.Diff(tt.want, got[0]); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// An entry table under a row of column headings is read by column, one
// entry a row.
func TestEntryTableByColumnHeadings(t *testing.T) {
	got := Parse(placed("50|Rajesh Kumar Iyer", "50|r@example.com", "50|Education",
		"50|Degree\tInstitute\tYear\tScore",
		"50|B.E. (Computer Science)\tPSG College of Technology, Coimbatore\t2012\t8.4 CGPA",
		"50|Class XII (CBSE)\tKendriya Vidyalaya, Chennai\t2008 | 91%",
	))
	want := []eduWant{
		{"B.E. (Computer Science)", "PSG College of Technology", "Coimbatore", "", "2012"},
		{"Class XII (CBSE)", "Kendriya Vidyalaya", "Chennai", "", "2008"},
	}
	if diff := cmp.Diff(want, edusOf(got)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
	if got.Education[0].GPA != "8.4 CGPA" {
		t.Errorf("gpa = %q", got.Education[0].GPA)
	}
	got = Parse(placed("50|Jane Roe", "50|Experience",
		"50|Company\tDesignation\tDuration",
		"50|Infosys Limited\tTechnical Lead\tApr 2019 – Till date",
		"50|Wipro Technologies\tSenior Software Engineer\tJul 2015 – Mar 2019",
	))
	wantX := []expWant{
		{"Technical Lead", "Infosys Limited", "", "Apr 2019", "Till date"},
		{"Senior Software Engineer", "Wipro Technologies", "", "Jul 2015", "Mar 2019"},
	}
	if diff := cmp.Diff(wantX, expsOf(got)); diff != "" {
		t.Errorf("experience (-want +got):\n%s", diff)
	}
}

// Engagement (French) and community service headings are volunteering.
func TestVolunteerHeadings(t *testing.T) {
	got := ParseText("Jane Roe\n\nENGAGEMENT\nFormatrice bénévole en premiers secours pour la Croix-Rouge de Belgique\ndepuis 2014.\n")
	if len(got.Experience) != 0 || len(got.Volunteer) != 1 {
		t.Errorf("experience = %+v, volunteer = %+v", got.Experience, got.Volunteer)
	}
}

// Plain-text CVs written as people type them.
func TestEntryTypedStyles(t *testing.T) {
	got := ParseText("Jean Dupont\n\nEXPÉRIENCES\nDepuis 2020 : Chef de projet, Capgemini (Nantes)\nPilotage de 3 projets.\n" +
		"2016-2020 : Développeur Java chez Sopra Steria, Rennes\nDéveloppement d'applications bancaires.\n")
	want := []expWant{
		{"Chef de projet", "Capgemini", "Nantes", "2020", "Present"},
		{"Développeur Java", "Sopra Steria", "Rennes", "2016", "2020"},
	}
	if diff := cmp.Diff(want, expsOf(got)); diff != "" {
		t.Errorf("experience (-want +got):\n%s", diff)
	}
	if d := got.Experience[1].Description; d != "Développement d'applications bancaires." {
		t.Errorf("description = %q", d)
	}
	got = ParseText("Priya Sharma\n\nWORK EXPERIENCE\nTata Consultancy Services, Mumbai (June 2015 - Till Date)\n" +
		"Designation: Assistant System Engineer\nResponsibilities: modules for a retail bank\n* Developed modules\n")
	want = []expWant{{"Assistant System Engineer", "Tata Consultancy Services", "Mumbai", "June 2015", "Till Date"}}
	if diff := cmp.Diff(want, expsOf(got)); diff != "" {
		t.Errorf("experience (-want +got):\n%s", diff)
	}
	got = ParseText("Priya Sharma\n\nEDUCATION\nM.Tech (CSE) - IIT Bombay - 2015 - 8.9 CGPA\nB.Tech (IT) - VIT University, Vellore - 2013 - 85%\n" +
		"Sep 2013 - Jun 2015\tAssociate Degree in Information Technology, University of Texas at Austin\n")
	wantE := []eduWant{
		{"M.Tech (CSE)", "IIT Bombay", "", "", "2015"},
		{"B.Tech (IT)", "VIT University", "Vellore", "", "2013"},
		{"Associate Degree in Information Technology", "University of Texas at Austin", "", "Sep 2013", "Jun 2015"},
	}
	if diff := cmp.Diff(wantE, edusOf(got)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
	if g := got.Education[0].GPA + " " + got.Education[1].GPA; g != "8.9 CGPA 85%" {
		t.Errorf("grades = %q", g)
	}
}

// A bullet with a year in it is no new entry; a job title with an
// accented heading word is no heading.
func TestEntryYearInBulletAndAccentedTitle(t *testing.T) {
	got := Parse(placed("50|Jane Roe", "50|jane@example.com", "50|Experience",
		"50|Systems Engineer\tSep 2016 – Feb 2021", "50|Qualcomm Ireland, Cork",
		"64|Built the firmware build farm (400 nodes)", "64|Moved CI to Kubernetes in 2019",
		"50|Graduate Engineer\tJun 2014 – Aug 2016", "50|Dell EMC, Ovens", "64|Storage test automation"))
	want := []expWant{
		{"Systems Engineer", "Qualcomm Ireland", "Cork", "Sep 2016", "Feb 2021"},
		{"Graduate Engineer", "Dell EMC", "Ovens", "Jun 2014", "Aug 2016"},
	}
	if diff := cmp.Diff(want, expsOf(got)); diff != "" {
		t.Errorf("experience (-want +got):\n%s", diff)
	}
	got = ParseText("Léa Martin\n\nParcours professionnel\nMairie de Mérignac, Mérignac\t2020 – 2023\nResponsable communication interne\n" +
		"Agence Grand Ouest\t2017 – 2020\nChargée de projets\nCampagnes pour 12 collectivités.\n")
	want = []expWant{
		{"Responsable communication interne", "Mairie de Mérignac", "Mérignac", "2020", "2023"},
		{"Chargée de projets", "Agence Grand Ouest", "", "2017", "2020"},
	}
	if diff := cmp.Diff(want, expsOf(got)); diff != "" {
		t.Errorf("experience (-want +got):\n%s", diff)
	}
}

// Label cells read across: a contact label in a cell of its own is no
// place ("Mobile"), and "Key duties" heads the entry's body.
func TestLabelCells(t *testing.T) {
	got := ParseText("Adaeze Okonkwo-Ibe\nEmail\tadaeze@example.com\nMobile\t+234 802 555 0101\n\nWork History\n" +
		"Employer\tDangote Cement Plc, Obajana\nJob Title\tProcess Engineer\nDates\tJanuary 2019 to date\n" +
		"Key Duties\tKiln optimisation; reduced fuel use by 7% in 2021.\n" +
		"Employer\tNigerian Breweries, Ibadan\nJob Title\tGraduate Trainee\nDates\tMarch 2017 – December 2018\n" +
		"Key Duties\tRotations in brewing and packaging.\n")
	if c := got.Contact; c.Location != "" || c.Phone != "+234 802 555 0101" {
		t.Errorf("contact = %+v", c)
	}
	want := []expWant{
		{"Process Engineer", "Dangote Cement Plc", "Obajana", "January 2019", "to date"},
		{"Graduate Trainee", "Nigerian Breweries", "Ibadan", "March 2017", "December 2018"},
	}
	if diff := cmp.Diff(want, expsOf(got)); diff != "" {
		t.Errorf("experience (-want +got):\n%s", diff)
	}
}
