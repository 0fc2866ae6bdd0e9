package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Certificates, licences and short trainings listed among the degrees are
// certifications: by what they say ("Certified", "Certification", a
// licence after other words, a workshop), or because they name neither a
// degree nor a school and took no span of time where the section also
// lists degrees. A sub-heading of courses or tickets opens them.
func TestVariationCertificatesAmongDegrees(t *testing.T) {
	cases := []struct {
		name, body string
		edus       []eduWant
		certs      []string
	}{
		{"certified before the degree", "Certified Scrum Master (CSM), Scrum Alliance\t2019\nBSc Computer Science, University of Leeds\t2012 – 2015",
			[]eduWant{{"BSc Computer Science", "University of Leeds", "", "2012", "2015"}}, []string{"Certified Scrum Master (CSM)"}},
		{"certified after the degree, dash", "MSc Logistics – Cranfield University – 2016 – 2017\nAWS Certified Cloud Practitioner – Amazon Web Services – 2021",
			[]eduWant{{"MSc Logistics", "Cranfield University", "", "2016", "2017"}}, []string{"AWS Certified Cloud Practitioner"}},
		{"certification fr", "Licence en droit, Université de Tunis\t2012 – 2015\nCertification PMP, PMI\t2019",
			[]eduWant{{"Licence en droit", "Université de Tunis", "", "2012", "2015"}}, []string{"Certification PMP, PMI"}},
		{"no degree nor school, one year", "BSc Nursing\t2010 – 2013\nUniversity of Leeds\nBasic Life Support\t2022\nResuscitation Council UK",
			[]eduWant{{"BSc Nursing", "University of Leeds", "", "2010", "2013"}}, []string{"Basic Life Support"}},
		{"formation courte fr", "Master en finance\t2015 – 2017\nHEC Montréal\nFormation premiers secours (PSC1), Croix-Rouge\t2018",
			[]eduWant{{"Master en finance", "HEC Montréal", "", "2015", "2017"}}, []string{"Formation premiers secours (PSC1)"}},
		{"licence after other words", "MSc Finance\t2014 – 2015\nUniversity of Bath\nForklift licence (counterbalance)\t2016\nRTITB",
			[]eduWant{{"MSc Finance", "University of Bath", "", "2014", "2015"}}, []string{"Forklift licence (counterbalance)"}},
		{"workshop", "BA Economics | University of Ghana | 2009 – 2013\nTrade Policy Workshop | WTO Institute | 2017",
			[]eduWant{{"BA Economics", "University of Ghana", "", "2009", "2013"}}, []string{"Trade Policy Workshop"}},
		{"courses sub-heading", "BA English\t2008 – 2011\nUniversity of Sussex\nCourses\nGoogle Analytics Individual Qualification – 2019\nHubSpot Inbound Certification – 2020",
			[]eduWant{{"BA English", "University of Sussex", "", "2008", "2011"}}, []string{"Google Analytics Individual Qualification – 2019", "HubSpot Inbound Certification – 2020"}},
		{"tickets sub-heading", "Certificate III in Carpentry\t2012 – 2015\nTAFE Queensland, Brisbane\nTickets & licences\nWhite Card – 2012\nEWP Licence – 2016",
			[]eduWant{{"Certificate III in Carpentry", "TAFE Queensland", "Brisbane", "2012", "2015"}}, []string{"White Card – 2012", "EWP Licence – 2016"}},
		// What stays a degree: a French licence, a vocational award with
		// its level, a certificate from a school, a programme over years.
		{"french licence stays", "Licence de chimie\t2011 – 2014\nUniversité de Poitiers\nLicence professionnelle Qualité\t2014 – 2015\nIUT de Poitiers",
			[]eduWant{{"Licence de chimie", "Université de Poitiers", "", "2011", "2014"}, {"Licence professionnelle Qualité", "IUT de Poitiers", "", "2014", "2015"}}, nil},
		{"level award stays", "BA Hospitality\t2011 – 2014\nUniversity of Surrey\nLevel 2 Award in Food Safety\t2015\nHighfield Awarding Body",
			[]eduWant{{"BA Hospitality", "University of Surrey", "", "2011", "2014"}, {"Level 2 Award in Food Safety", "Highfield Awarding Body", "", "", "2015"}}, nil},
		{"programme over years stays", "MSc Physics\t2014 – 2016\nUniversity of Bonn\nGraduate exchange\t2015 – 2016\nKyoto, Japan",
			[]eduWant{{"MSc Physics", "University of Bonn", "", "2014", "2016"}, {"Graduate exchange", "", "Kyoto, Japan", "2015", "2016"}}, nil},
		{"a programme stays", "Wilderness Leadership Programme\t2019\nOutward Bound Trust",
			[]eduWant{{"Wilderness Leadership Programme", "Outward Bound Trust", "", "", "2019"}}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkEduCerts(t, tc.body, tc.edus, tc.certs)
		})
	}
}

// checkEduCerts parses an education section written as plain text and
// fails t unless its entries are edus and the certificates moved out of
// it are certs, in order.
func checkEduCerts(t *testing.T, body string, edus []eduWant, certs []string) {
	t.Helper()
	got := parseEducation(body)
	if diff := cmp.Diff(edus, edusOf(got)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
	var titles []string
	for _, c := range got.Certifications {
		titles = append(titles, c.Title)
	}
	if diff := cmp.Diff(certs, titles); diff != "" {
		t.Errorf("certifications (-want +got):\n%s", diff)
	}
}

// "Professional Training / Licence" after the education is a heading of
// certifications; a licence alone or in a line naming a subject is not.
func TestVariationLicenceHeadings(t *testing.T) {
	cases := []struct {
		name, heading string
		certs         int
	}{
		{"training and licence", "Professional Training / Licence", 2},
		{"licences and courses", "Licences & Courses", 2},
		{"tickets", "Tickets", 2},
		{"formation et licence fr", "Formations complémentaires et licence", 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText("Jane Roe\njane@example.com\n\nEducation\nBA History, University of Kent\t2010 – 2013\n\n" + tc.heading +
				"\nForklift operator licence, 2016\nAsbestos awareness, 2018\n\nSkills\nExcel, SAP\n")
			if len(got.Education) != 1 || len(got.Certifications) != tc.certs {
				t.Errorf("education %+v, certifications %+v", edusOf(got), got.Certifications)
			}
		})
	}
	for _, line := range []string{"Driving licence B", "Licence de chimie"} {
		if k, ok := keywordHeading(line); ok {
			t.Errorf("keywordHeading(%q) = %v, want no heading", line, k)
		}
	}
}

// A Europass label with the next row's dates label beside it ("Nom et
// type de l'établissement Dates"), the dates on the line under it.
func TestVariationEuropassDatesLabelBeside(t *testing.T) {
	for _, tc := range []struct{ name, degree, school string }{
		{"fr", "Intitulé du certificat ou diplôme délivré", "Nom et type de l'établissement"},
		{"en", "Title of qualification awarded", "Name and type of organisation providing education and training"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Parse(placed("50|Jane Roe", "50|jane@example.com", "60|Education and training",
				"170|Dates\t2012 – 2015", "50|"+tc.degree+"\tLicence de physique", "70|"+tc.school+" Dates\tUniversité de Sfax",
				"200|2009 – 2012", "50|"+tc.degree+"\tBaccalauréat mathématiques", "70|"+tc.school+"\tLycée pilote de Sfax",
				"60|Personal skills", "50|Mother tongue(s)\tArabic"))
			want := []eduWant{{"Licence de physique", "Université de Sfax", "", "2012", "2015"}, {"Baccalauréat mathématiques", "Lycée pilote de Sfax", "", "2009", "2012"}}
			if diff := cmp.Diff(want, edusOf(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// Education tables whose heading row wraps in its cells ("Exam /" over
// "Degree"), whose headings or cells the PDF set so close that they read
// as one cell ("Year CGPA / %", "B.Tech (CSE) NIT Warangal"), whose rows
// wrap with no date of their own ("B.Com" / "(Hons)") and whose score
// note stands apart ("(out of 4)").
func TestVariationEducationTableShapes(t *testing.T) {
	cases := []struct {
		name  string
		rows  []string
		want  []eduWant
		gpa   []string
		field string
	}{
		{"heading row wrapped, rows wrapped",
			[]string{"50|Exam /\tBoard / University\tGroup /\tResult\tPassing", "50|Degree\tMajor\tYear",
				"50|BBA\tUniversity of Rajshahi\tMarketing\tCGPA 3.52\t2011", "390|(out of 4)",
				"50|B.Sc\tCarmichael\tPhysics\t2nd Class\t2008", "50|(Hons)\tCollege, Rangpur",
				"50|SSC\tDinajpur Board\tScience\tGPA 5.00\t2004"},
			[]eduWant{{"BBA", "University of Rajshahi", "", "", "2011"}, {"B.Sc (Hons)", "Carmichael College", "Rangpur", "", "2008"},
				{"SSC", "Dinajpur Board", "", "", "2004"}},
			[]string{"3.52 (out of 4)", "2nd Class", "5.00"}, "Marketing"},
		{"headings and cells run together",
			[]string{"50|Qualification\tInstitute / Board\tYear CGPA / %",
				"50|M.Tech (VLSI) IIT Kharagpur\t2019 9.1/10",
				"50|B.E.\tPES University, Bengaluru 2017 78.4%"},
			[]eduWant{{"M.Tech (VLSI)", "IIT Kharagpur", "", "", "2019"}, {"B.E.", "PES University", "Bengaluru", "", "2017"}},
			[]string{"9.1/10", "78.4%"}, ""},
		{"period institution award",
			[]string{"50|Period\tInstitution\tAward",
				"50|2015 – 2017\tUniversity of Nairobi, Nairobi\tMSc Actuarial Science",
				"50|2009 – 2013\tMoi University, Eldoret\tBSc. Mathematics (Second Class Upper)",
				"50|2005 – 2008\tAlliance High School\tKenya Certificate of Secondary Education"},
			[]eduWant{{"MSc Actuarial Science", "University of Nairobi", "Nairobi", "2015", "2017"},
				{"BSc. Mathematics (Second Class Upper)", "Moi University", "Eldoret", "2009", "2013"},
				{"Kenya Certificate of Secondary Education", "Alliance High School", "", "2005", "2008"}},
			[]string{"", "", ""}, ""},
		{"row numbers, a degree named by its column",
			[]string{"50|S.No.\tExamination\tBoard\tYear\tDivision",
				"50|1\tMatriculation\tBISE Multan\t2009\t1st",
				"50|2\tIntermediate (Pre-Medical)\tBISE Multan\t2011\t1st"},
			[]eduWant{{"Matriculation", "BISE Multan", "", "", "2009"}, {"Intermediate (Pre-Medical)", "BISE Multan", "", "", "2011"}},
			[]string{"1st", "1st"}, ""},
		{"fr, numbered rows",
			[]string{"50|N°\tDiplôme\tÉtablissement\tAnnée",
				"50|1\tBaccalauréat technique\tLycée technique de Douala\t2012",
				"50|2\tBTS Génie civil\tIUT de Douala\t2014"},
			[]eduWant{{"Baccalauréat technique", "Lycée technique de Douala", "", "", "2012"}, {"BTS Génie civil", "IUT de Douala", "", "", "2014"}},
			[]string{"", ""}, ""},
		{"fr, diplôme établissement spécialité année",
			[]string{"50|Diplôme\tÉtablissement\tSpécialité\tAnnée",
				"50|Licence\tUniversité de Sousse\tGestion\t2014",
				"50|Baccalauréat\tLycée Ibn Rochd, Sfax\tÉconomie\t2011"},
			[]eduWant{{"Licence", "Université de Sousse", "", "", "2014"}, {"Baccalauréat", "Lycée Ibn Rochd", "Sfax", "", "2011"}},
			[]string{"", ""}, "Gestion"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows := append([]string{"50|Jane Roe", "50|jane@example.com", "50|Education"}, tc.rows...)
			rows = append(rows, "50|Skills", "50|Excel, SQL")
			got := Parse(placed(rows...))
			if diff := cmp.Diff(tc.want, edusOf(got)); diff != "" {
				t.Errorf("education (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.gpa, gpasOf(got)); diff != "" {
				t.Errorf("grades (-want +got):\n%s", diff)
			}
			if len(got.Education) > 0 && tc.field != "" && got.Education[0].Description != tc.field {
				t.Errorf("field = %q, want %q", got.Education[0].Description, tc.field)
			}
		})
	}
}

// How a degree and its school are told apart in one entry: a school's
// long name on its own line is no description, the school in brackets
// after the degree, a degree's abbreviation with its full stop, an
// honours class after a comma named with the degree, the degrees known
// by their abbreviations, and a degree's name with study words is an
// entry, not a heading.
func TestVariationDegreeAndSchool(t *testing.T) {
	cases := []struct {
		name, body string
		want       []eduWant
	}{
		{"long school name", "Master of Public Health\t2016 – 2018\nUniversity of North Carolina Gillings School of Global Public Health at Chapel Hill",
			[]eduWant{{"Master of Public Health", "University of North Carolina Gillings School of Global Public Health at Chapel Hill", "", "2016", "2018"}}},
		{"long school name, acronym and town", "Licence professionnelle en radiologie\t2010 – 2013\nInstitut Supérieur des Sciences Appliquées et Techniques de Santé (ISSATS), Rabat",
			[]eduWant{{"Licence professionnelle en radiologie", "Institut Supérieur des Sciences Appliquées et Techniques de Santé (ISSATS)", "Rabat", "2010", "2013"}}},
		{"school in brackets fr", "Licence professionnelle Logistique (IUT de Rouen)\t2014 – 2015",
			[]eduWant{{"Licence professionnelle Logistique", "IUT de Rouen", "", "2014", "2015"}}},
		{"school in brackets en", "MSc Finance (London School of Economics)\t2016 – 2017",
			[]eduWant{{"MSc Finance", "London School of Economics", "", "2016", "2017"}}},
		{"acronym school in square brackets", "MBA [INSEAD]\t2019 – 2020",
			[]eduWant{{"MBA", "INSEAD", "", "2019", "2020"}}},
		{"field in brackets stays", "B.Tech (ECE)\t2013 – 2017\nNIT Calicut",
			[]eduWant{{"B.Tech (ECE)", "NIT Calicut", "", "2013", "2017"}}},
		{"abbreviation's full stop", "BSc. Agricultural Economics | Egerton University | 2011 – 2015",
			[]eduWant{{"BSc. Agricultural Economics", "Egerton University", "", "2011", "2015"}}},
		{"abbreviation's full stop fr", "M.Sc. Chimie analytique – Université de Liège – 2012 – 2014",
			[]eduWant{{"M.Sc. Chimie analytique", "Université de Liège", "", "2012", "2014"}}},
		{"class after comma", "BSc (Hons) Physics, 2:1\t2009 – 2012\nUniversity of Exeter",
			[]eduWant{{"BSc (Hons) Physics, 2:1", "University of Exeter", "", "2009", "2012"}}},
		{"class words after comma", "Bachelor of Laws, Second Class Upper\t2008 – 2012\nUniversity of Ibadan",
			[]eduWant{{"Bachelor of Laws, Second Class Upper", "University of Ibadan", "", "2008", "2012"}}},
		{"class after school is the grade", "2012–2015 BSc Zoology, University of Aberdeen, upper second",
			[]eduWant{{"BSc Zoology", "University of Aberdeen", "", "2012", "2015"}}},
		{"law degrees", "University of Nairobi\nLLM International Trade Law\t2016 – 2017\nMoi University\nLLB\t2010 – 2014",
			[]eduWant{{"LLM International Trade Law", "University of Nairobi", "", "2016", "2017"}, {"LLB", "Moi University", "", "2010", "2014"}}},
		{"labelled rows, law degree", "Dates\t2016 – 2017\nTitle of qualification\tLLM International Trade Law\nOrganisation\tUniversity of Nairobi, Nairobi",
			[]eduWant{{"LLM International Trade Law", "University of Nairobi", "Nairobi", "2016", "2017"}}},
		{"labelled rows, business degree", "Dates\t2011 – 2015\nTitle of qualification\tBBA Finance\nOrganisation\tLahore University of Management Sciences, Lahore",
			[]eduWant{{"BBA Finance", "Lahore University of Management Sciences", "Lahore", "2011", "2015"}}},
		{"town ending as a month does", "BAC D, Lycée Classique d'Abidjan, 2009\nBTS Comptabilité, Lycée de Yamoussoukro, 2010 – 2012",
			[]eduWant{{"BAC D", "Lycée Classique d'Abidjan", "", "", "2009"}, {"BTS Comptabilité", "Lycée de Yamoussoukro", "", "2010", "2012"}}},
		{"town ending as a month does, en", "Diploma in Nursing, Kenya Medical Training College, Nairobi, May 2012",
			[]eduWant{{"Diploma in Nursing", "Kenya Medical Training College", "Nairobi", "", "May 2012"}}},
		{"class of", "Master in Management, ESCP Business School, Class of 2018",
			[]eduWant{{"Master in Management", "ESCP Business School", "", "", "2018"}}},
		{"promotion fr", "Promotion 2016 — Diplôme d'ingénieur — Centrale Nantes",
			[]eduWant{{"Diplôme d'ingénieur", "Centrale Nantes", "", "", "2016"}}},
		{"graduated", "BSc Biology\nUniversity of Cape Coast — Graduated 2014",
			[]eduWant{{"BSc Biology", "University of Cape Coast", "", "", "2014"}}},
		{"abbreviated word in a school's name", "Secondary School Certificate (SSC), 2008\nGovt. Laboratory High School, Dhaka",
			[]eduWant{{"Secondary School Certificate (SSC)", "Govt. Laboratory High School", "Dhaka", "", "2008"}}},
		{"school as a dash item under the degree", "2020\tBrevet fédéral de comptable\n   - Centre Patronal, Paudex\n2012\tBTS Assistant de gestion\n   - Lycée Saint-Exupéry, Lyon",
			[]eduWant{{"Brevet fédéral de comptable", "Centre Patronal", "Paudex", "", "2020"}, {"BTS Assistant de gestion", "Lycée Saint-Exupéry", "Lyon", "", "2012"}}},
		{"school as a bullet under the degree, en", "2016 – 2019\tBA Social Work\n• Ruskin College, Oxford",
			[]eduWant{{"BA Social Work", "Ruskin College", "Oxford", "2016", "2019"}}},
		{"a note as a bullet stays a note", "2016 – 2019\tBA Social Work\n• Dissertation on youth housing policy",
			[]eduWant{{"BA Social Work", "", "", "2016", "2019"}}},
		{"dotted degree before school", "Karachi Grammar School\nB.Com. Accounting\t2005 – 2009",
			[]eduWant{{"B.Com. Accounting", "Karachi Grammar School", "", "2005", "2009"}}},
		{"brevet and bachelier", "Brevet de technicien supérieur en électrotechnique\t2012 – 2014\nLycée Jean Moulin\nBachelier en comptabilité\t2014 – 2017\nHaute École de la Province de Liège",
			[]eduWant{{"Brevet de technicien supérieur en électrotechnique", "Lycée Jean Moulin", "", "2012", "2014"},
				{"Bachelier en comptabilité", "Haute École de la Province de Liège", "", "2014", "2017"}}},
		{"study words around a degree's name", "DEC Sciences humaines\nCégep de Lévis, Lévis\t2014 – 2016\n\nDES (diplôme d'études secondaires)\nÉcole secondaire de Lévis\t2014",
			[]eduWant{{"DEC Sciences humaines", "Cégep de Lévis", "Lévis", "2014", "2016"}, {"DES (diplôme d'études secondaires)", "École secondaire de Lévis", "", "", "2014"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := edusOf(parseEducation(tc.body))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// "Educational background", "Schooling" head the education.
func TestVariationEducationalHeadings(t *testing.T) {
	for _, h := range []string{"EDUCATIONAL BACKGROUND", "Educational Qualifications", "Schooling"} {
		t.Run(h, func(t *testing.T) {
			got := ParseText("Jane Roe\njane@example.com\n\nExperience\nNurse, St Luke's Medical Center\t2016 – 2020\n• Ward duty\n\n" + h +
				"\nTertiary\tBachelor of Science in Nursing\t2012 – 2016\nUniversity of the East, Manila\n\nSkills\nTriage, IV therapy\n")
			want := []eduWant{{"Bachelor of Science in Nursing", "University of the East", "Manila", "2012", "2016"}}
			if diff := cmp.Diff(want, edusOf(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
