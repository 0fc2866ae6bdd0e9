package cvparse

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Variations on the patterns the second blind set's PDFs showed
// (testdata/blind2): ways real CVs write them that its documents do not.

// A position's title with its team or unit after a dash, the employer on
// the next line: the unit is part of the title, not the company.
func TestVariationTitleUnit(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"unit, employer with legal form and town in cells", "Product Manager – Growth Platform\tMar 2020 – Present\nZomato Media Pvt. Ltd.\tGurugram\n• Ran the pricing tests",
			[]expWant{{"Product Manager – Growth Platform", "Zomato Media Pvt. Ltd.", "Gurugram", "Mar 2020", "Present"}}},
		{"em dash, employer plc and town", "Lead Engineer — Payments Infrastructure\t2018 – 2022\nAcme Holdings plc, Manchester\n• Card authorisation service",
			[]expWant{{"Lead Engineer — Payments Infrastructure", "Acme Holdings plc", "Manchester", "2018", "2022"}}},
		{"hyphen, employer and town", "Software Engineer - Search Quality\tJan 2016 – Dec 2018\nNaver Corporation, Seongnam\n• Ranking experiments",
			[]expWant{{"Software Engineer - Search Quality", "Naver Corporation", "Seongnam", "Jan 2016", "Dec 2018"}}},
		{"fr, employer and town", "Ingénieure logiciel – Systèmes embarqués\tsept. 2019 – aujourd'hui\nThales Alenia Space, Cannes\n• Logiciel de vol",
			[]expWant{{"Ingénieure logiciel – Systèmes embarqués", "Thales Alenia Space", "Cannes", "sept. 2019", "aujourd'hui"}}},
		{"fr, employer SA in cells", "Chef de projet — Transformation digitale\t2015 – 2019\nBNP Paribas SA\tParis\n• Refonte de l'application mobile",
			[]expWant{{"Chef de projet — Transformation digitale", "BNP Paribas SA", "Paris", "2015", "2019"}}},
		{"hospital on the next line", "Clinical Pharmacist – Infection Control\tFeb 2017 – Jan 2020\nGroote Schuur Hospital, Cape Town\n• Antibiotic audits",
			[]expWant{{"Clinical Pharmacist – Infection Control", "Groote Schuur Hospital", "Cape Town", "Feb 2017", "Jan 2020"}}},
		// The employer after the dash stays the employer.
		{"employer after dash, town below", "Data Engineer – Spotify\t2020 – 2022\nStockholm\n• Royalties pipeline",
			[]expWant{{"Data Engineer", "Spotify", "Stockholm", "2020", "2022"}}},
		{"employer and town after dash", "Développeur backend – Doctolib, Paris\t2019 – 2021\n• API de réservation",
			[]expWant{{"Développeur backend", "Doctolib", "Paris", "2019", "2021"}}},
		{"employer with legal form after dash, dept below", "Analyst – Initech Software Ltd.\t2016 – 2018\nRisk Department\n• Weekly reports",
			[]expWant{{"Analyst", "Initech Software Ltd.", "", "2016", "2018"}}},
		{"fr, employer after dash, dates below", "Directeur d'exploitation — Hôtel Ivoire Sofitel\n2012 – 2016\n• Ouverture de 120 chambres",
			[]expWant{{"Directeur d'exploitation", "Hôtel Ivoire Sofitel", "", "2012", "2016"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := parseExps(tc.body)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// Academic headings: appointments are jobs; grants, fellowships and
// scholarships are awards, not degrees, also listed with commas.
func TestVariationAcademicHeadings(t *testing.T) {
	head := "Dr Amina Yusuf\namina.yusuf@example.ac.uk\n"
	cases := []struct {
		name, body string
		exps       []expWant
		edus       int
	}{
		{"appointments and awards with commas", "Current Appointment\n2020–present\tLecturer in Economics, University of Leeds, Leeds, UK\n\nEducation\n2012–2016\tPhD Economics, London School of Economics, London, UK\n\nGrants, Fellowships and Awards\n2021\tBritish Academy Small Grant (£9,800)\n2016\tESRC Postdoctoral Fellowship\n",
			[]expWant{{"Lecturer in Economics", "University of Leeds", "Leeds, UK", "2020", "Present"}}, 1},
		{"academic posts and scholarships", "Academic Appointments\n2019–2023\tPostdoctoral Researcher, Max Planck Institute for Chemistry, Mainz, Germany\n\nEducation\n2014–2019\tPhD Chemistry, University of Cape Town, Cape Town, South Africa\n\nHonours and Scholarships\n2015\tMandela Rhodes Scholarship\n2013\tDean's Merit List, University of Cape Town\n",
			[]expWant{{"Postdoctoral Researcher", "Max Planck Institute for Chemistry", "Mainz, Germany", "2019", "2023"}}, 1},
		{"fellowships and grants", "Employment\n2018–2022\tResearch Scientist, Institut Pasteur, Paris, France\n\nEducation\n2013–2017\tPhD Microbiology, Université Paris Cité, Paris, France\n\nFellowships & Grants\n2019\tMarie Skłodowska-Curie Individual Fellowship\n2017\tEMBO Short-Term Fellowship\n",
			[]expWant{{"Research Scientist", "Institut Pasteur", "Paris, France", "2018", "2022"}}, 1},
		{"fr, postes et bourses", "Postes occupés\n2021–présent\tMaîtresse de conférences, Université de Lille, Lille\n\nFormation\n2016–2020\tDoctorat en sociologie, Université de Lyon, Lyon\n\nBourses, prix et distinctions\n2019\tBourse de mobilité Explora Doc\n2018\tPrix de thèse de la Fondation de France\n",
			[]expWant{{"Maîtresse de conférences", "Université de Lille", "Lille", "2021", "présent"}}, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText(head + "\n" + tc.body)
			if diff := cmp.Diff(tc.exps, expsOf(got)); diff != "" {
				t.Errorf("experience (-want +got):\n%s", diff)
			}
			if len(got.Education) != tc.edus {
				t.Errorf("education = %+v, want %d entries", edusOf(got), tc.edus)
			}
		})
	}
}

// The 2013 Europass form sets "Business or sector" inside the value
// column, under a job's description: a detail of that job, not the
// next job's header.
func TestVariationEuropassInlineSector(t *testing.T) {
	cases := []struct {
		name string
		rows []string
		want []expKey
	}{
		{"en", []string{"PERSONAL INFORMATION\tMarta Kowalska", ">marta.kowalska@example.pl",
			"WORK EXPERIENCE",
			"04/2019 – Present\tSite reliability engineer", ">Allegro, Poznań (Poland)", ">Ran the on-call rota for the checkout services and cut the paging volume by half",
			">over two years.",
			">Business or sector Information and communication",
			"09/2015 – 03/2019\tSystems administrator", ">Comarch SA, Kraków (Poland)", ">Maintained a Linux fleet of 400 servers and automated its patching with Ansible.",
			">Business or sector Software publishing",
			"PERSONAL SKILLS", "Mother tongue(s)\tPolish", "Digital skills\tLinux, Terraform, Prometheus"},
			[]expKey{{"Site reliability engineer", "Allegro", "Poznań (Poland)", "04/2019", "Present"},
				{"Systems administrator", "Comarch SA", "Kraków (Poland)", "09/2015", "03/2019"}}},
		{"fr", []string{"INFORMATIONS PERSONNELLES\tNadia Cherif", ">nadia.cherif@example.fr",
			"EXPÉRIENCE PROFESSIONNELLE",
			"02/2020 – aujourd'hui\tChargée de clientèle", ">Crédit Agricole, Nantes (France)", ">Gestion d'un portefeuille de 600 clients particuliers et conseil en épargne et en crédit",
			">immobilier.",
			">Secteur d'activité Banque de détail",
			"06/2016 – 01/2020\tConseillère commerciale", ">Orange, Rennes (France)", ">Vente en boutique des offres mobiles et fibre, accueil et fidélisation de la clientèle.",
			">Type ou secteur d'activité Télécommunications",
			"COMPÉTENCES PERSONNELLES", "Langue(s) maternelle(s)\tfrançais", "Compétences numériques\tExcel, Salesforce"},
			[]expKey{{"Chargée de clientèle", "Crédit Agricole", "Nantes (France)", "02/2020", "aujourd'hui"},
				{"Conseillère commerciale", "Orange", "Rennes (France)", "06/2016", "01/2020"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Parse(tableDoc(tc.rows...))
			if diff := cmp.Diff(tc.want, expKeys(got.Experience)); diff != "" {
				t.Errorf("experience (-want +got):\n%s", diff)
			}
		})
	}
}

// Irish addresses name the county after the town ("Swords, Co. Dublin"):
// "Co." there is no company's legal form.
func TestVariationIrishCounty(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"employer above title", "Intel Ireland\tLeixlip, Co. Kildare\nProcess Engineer\tJan 2019 – Present\n• Yield analysis on the 14nm line",
			[]expWant{{"Process Engineer", "Intel Ireland", "Leixlip, Co. Kildare", "Jan 2019", "Present"}}},
		{"title above employer", "Staff Nurse\t2016 – 2020\nUniversity Hospital Galway, Newcastle, Co. Galway\n• Acute medical ward",
			[]expWant{{"Staff Nurse", "University Hospital Galway", "Newcastle, Co. Galway", "2016", "2020"}}},
		{"county alone", "Dairy Farm Manager\t2012 – 2018\nGlanbia plc, Co. Kilkenny\n• Herd of 300 cows",
			[]expWant{{"Dairy Farm Manager", "Glanbia plc", "Co. Kilkenny", "2012", "2018"}}},
		{"a company named Co. stays one", "Buyer\t2015 – 2019\nSmith & Co., Leeds\n• Supplier contracts",
			[]expWant{{"Buyer", "Smith & Co.", "Leeds", "2015", "2019"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := parseExps(tc.body)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A sentence of an entry's description that ends on a date in brackets
// ("… received the Star award (Nov 2017).") is no new entry.
func TestVariationDateInDescription(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"quoted prize, month in brackets", "Business Analyst\t03/2015 – 08/2018\nInfosys Ltd.\tPune\n   Wrote requirement documents for the loans data warehouse.\n   Automated the sales dashboards of 8 regional heads; won the \"Best Newcomer\" prize (Mar 2016).\n",
			[]expWant{{"Business Analyst", "Infosys Ltd.", "Pune", "03/2015", "08/2018"}}},
		{"lower-case word, month in brackets", "Account Manager\tJan 2012 – Dec 2015\nSage Group plc, Newcastle\n   Grew the partner channel by a third; named top seller of the region (Q4 2014).\n",
			[]expWant{{"Account Manager", "Sage Group plc", "Newcastle", "Jan 2012", "Dec 2015"}}},
		{"years in brackets", "Software Engineer\t2016 – 2019\nWipro, Bengaluru\n   Migrated the billing batch jobs to Spark; presented at the internal tech summit (2018).\n",
			[]expWant{{"Software Engineer", "Wipro", "Bengaluru", "2016", "2019"}}},
		{"fr", "Chargée de projet\t2017 – 2021\nEgis, Lyon\n   Suivi des chantiers du tramway T6 ; prix de l'innovation interne (juin 2019).\n",
			[]expWant{{"Chargée de projet", "Egis", "Lyon", "2017", "2021"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := parseExps(tc.body)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A company's name ends at its legal form: what a comma sets after it
// is a division or a site, then the place ("Bosch Ltd., Adugodi,
// Bengaluru").
func TestVariationNameEndsAtLegalForm(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"district then city", "Design Engineer\tJun 2015 – Jul 2019\nBosch Ltd., Adugodi, Bengaluru\n• Fuel injection test rigs",
			[]expWant{{"Design Engineer", "Bosch Ltd.", "Adugodi, Bengaluru", "Jun 2015", "Jul 2019"}}},
		{"division then city", "Process Engineer\t2016 – 2020\nReliance Industries Ltd., Refinery Division, Jamnagar\n• Crude unit optimisation",
			[]expWant{{"Process Engineer", "Reliance Industries Ltd.", "Jamnagar", "2016", "2020"}}},
		{"AG, sector, city", "Field Engineer\t2012 – 2014\nSiemens AG, Energy Sector, Erlangen\n• Turbine commissioning",
			[]expWant{{"Field Engineer", "Siemens AG", "Erlangen", "2012", "2014"}}},
		{"fr, SA, direction, ville", "Technicienne qualité\t2014 – 2017\nLactalis SA, Direction industrielle, Laval\n• Audits des laiteries",
			[]expWant{{"Technicienne qualité", "Lactalis SA", "Laval", "2014", "2017"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := parseExps(tc.body)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A copyright footer with the page number ("© European Union, 2002-2024 |
// europass.europa.eu<tab>Page 1 / 1") is page furniture: its years date
// no entry.
func TestVariationCopyrightFooter(t *testing.T) {
	for _, footer := range []string{
		"© European Union, 2002-2024 | europass.europa.eu\tPage 1 / 1",
		"© Union européenne, 2002-2024 | europass.europa.eu\tPage 2 / 2",
		"Copyright © 2025 Jane Roe\tPage 1 of 2",
		"(c) 2024 cvmaker.example.com",
	} {
		t.Run(footer, func(t *testing.T) {
			got := ParseText("Jane Roe\njane@example.com\n\nExperience\nData Analyst, Equinor, Stavanger\t2018 – 2023\n• Reservoir dashboards\n\n" +
				"Education\nMSc Physics, University of Oslo\t2015 – 2017\n\nMemberships\nNorwegian Physical Society\n" + footer + "\n")
			if len(got.Education) != 1 || len(got.Experience) != 1 {
				t.Errorf("education %+v, experience %+v", edusOf(got), expsOf(got))
			}
			for _, s := range got.OtherSections {
				for _, it := range append(s.Items, s.Content) {
					if strings.Contains(it, "2002") || strings.Contains(it, "©") || strings.Contains(it, "(c)") {
						t.Errorf("footer kept in %q: %q", s.Title, it)
					}
				}
			}
		})
	}
	// A list item "(c) …" and a skill "Copyright law" are no notices.
	got := ParseText("Jane Roe\njane@example.com\n\nSkills\nCopyright law, Contract drafting\n\nProjects\n(a) Built the archive\n(c) Designed the index search\n")
	if !strings.Contains(strings.Join(got.Skills.Technical, "|")+"|"+strings.Join(got.Skills.Other, "|"), "Copyright law") {
		t.Errorf("skills = %+v", got.Skills)
	}
	kept := false
	for _, p := range got.Projects {
		kept = kept || strings.Contains(p.Title+p.Description, "index search")
	}
	if !kept {
		t.Errorf("projects = %+v", got.Projects)
	}
}

// Indian education tables ("Qualification | Institute / Board | Year |
// Score") whose cells wrap onto a second row, and whose year cell the
// PDF set so close to the institute that they read as one cell.
func TestVariationWrappedEducationTable(t *testing.T) {
	cases := []struct {
		name, body string
		want       []eduWant
	}{
		{"wrapped degree and school, year glued to the school",
			"Qualification\tInstitute / University\tYear\tScore\n" +
				"Master of Computer Applications with\tVellore Institute of Technology, Vellore 2015 –\t8.9 CGPA\n" +
				"specialisation in Data Science\t2017\n" +
				"B.Sc. Computer Science\tLoyola College, Chennai (University of 2012 –\t78%\n" +
				"Madras)\t2015\n" +
				"Class XII (State Board)\tDon Bosco School, Chennai\t2012\t91%\n",
			[]eduWant{{"Master of Computer Applications with specialisation in Data Science", "Vellore Institute of Technology", "Vellore", "2015", "2017"},
				{"B.Sc. Computer Science", "Loyola College (University of Madras)", "Chennai", "2012", "2015"},
				{"Class XII (State Board)", "Don Bosco School", "Chennai", "", "2012"}}},
		{"headings of two words, unwrapped rows",
			"Degree / Exam\tBoard / University\tYear of Passing\tPercentage\n" +
				"B.Tech Mechanical Engineering\tAnna University\t2016\t74%\n" +
				"Class XII\tCBSE\t2012\t88%\n",
			[]eduWant{{"B.Tech Mechanical Engineering", "Anna University", "", "", "2016"}, {"Class XII", "CBSE", "", "", "2012"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := edusOf(ParseText("Priya Nair\npriya.nair@example.in\n\nEducation\n" + tc.body + "\nSkills\nPython, SQL\n"))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A "Qualifications" section after the Education one lists professional
// qualifications (ACA, CFA, ACCA): certifications, not degrees.
func TestVariationQualificationsAfterEducation(t *testing.T) {
	cases := []struct {
		name, body  string
		edus, certs int
	}{
		{"after education", "Education\nBSc Accounting, University of Leeds\t2012 – 2015\n\nQualifications\n2018: ACCA, Association of Chartered Certified Accountants\n2021: CIMA Certificate in Business Accounting, CIMA\n", 1, 2},
		{"professional, after education", "Education\nLLB Law, Trinity College Dublin\t2010 – 2014\n\nProfessional Qualifications\n2016 – Solicitor, Law Society of Ireland\n2019 – Chartered Tax Adviser, Irish Tax Institute\n", 1, 2},
		{"fr, after education", "Formation\nMaster Finance, Université Paris-Dauphine\t2014 – 2016\n\nQualifications\n2018 : Certificat AMF, Autorité des marchés financiers\n2020 : CFA niveau 1, CFA Institute\n", 1, 2},
		// Complementary training under a second heading of the same kind.
		{"formations complémentaires", "Formation\nDiplôme d'État d'infirmier, IFSI de Rouen\t2012 – 2015\n\nFormations complémentaires\n2019 – Certificat en soins palliatifs, CHU de Rouen\n2017 – Formation gestes d'urgence, SAMU 76\n", 1, 2},
		{"formation continue", "Études\nLicence de droit, Université de Lille\t2010 – 2013\n\nFormation continue\n2020 : Certificat RGPD, CNIL\n", 1, 1},
		{"further training", "Education\nBSc Nursing, University of Ghana\t2009 – 2013\n\nFurther Training\n2018 – Basic Life Support, American Heart Association\n2016 – Infection Prevention, WHO\n", 1, 2},
		{"other training", "Education\nBA Geography, University of Otago\t2011 – 2014\n\nOther Training\n2019 – GIS for Planners, Esri\n", 1, 1},
		{"training alone is the education", "Training\nBTEC Diploma in Engineering, Leeds City College\t2010 – 2012\n", 1, 0},
		{"qualifications alone are the education", "Qualifications\nBSc Accounting, University of Leeds\t2012 – 2015\nA-levels, Leeds Grammar School\t2010 – 2012\n", 2, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText("Jane Roe\njane@example.com\n\nExperience\nAccountant, KPMG, Leeds\t2015 – 2020\n• Audits\n\n" + tc.body + "\nSkills\nExcel, SAP\n")
			if len(got.Education) != tc.edus || len(got.Certifications) != tc.certs {
				t.Errorf("education %+v, certifications %+v", edusOf(got), got.Certifications)
			}
		})
	}
}

// Quotation marks and dashes set apart by spaces are no words: a degree
// naming its course in guillemets ("Certificat « Gestion de projet agile
// » (formation à distance)") is no sentence of the entry's body.
func TestVariationQuotedCourseName(t *testing.T) {
	cases := []struct {
		name, body string
		want       []eduWant
	}{
		{"fr guillemets, wrapped, dates above", "2019 – 2020\nCertificat « Gestion de projet agile » (formation à\ndistance)\nCNAM, Lyon\n2013 – 2015\nMaster Commerce international\nUniversité de Lille, Lille\n",
			[]eduWant{{"Certificat « Gestion de projet agile » (formation à distance)", "CNAM", "Lyon", "2019", "2020"},
				{"Master Commerce international", "Université de Lille", "Lille", "2013", "2015"}}},
		{"fr guillemets, dates beside", "Diplôme universitaire « Droit du numérique et des données » – Université de Nantes, Nantes\t2020 – 2021\n",
			[]eduWant{{"Diplôme universitaire « Droit du numérique et des données »", "Université de Nantes", "Nantes", "2020", "2021"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := edusOf(ParseText("Jane Roe\njane@example.com\n\nEducation\n" + tc.body + "\nSkills\nExcel, SQL\n"))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// French CVs write the département's number after the town
// ("Gennevilliers (92)"): a place.
func TestVariationDepartmentNumber(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"dash", "Responsable d'exploitation\t2019 – 2022\nKuehne+Nagel – Roissy-en-France (95)\n• Plateforme aérienne",
			[]expWant{{"Responsable d'exploitation", "Kuehne+Nagel", "Roissy-en-France (95)", "2019", "2022"}}},
		{"comma", "Technicienne de maintenance\t2015 – 2018\nSafran, Massy (91)\n• Bancs d'essai",
			[]expWant{{"Technicienne de maintenance", "Safran", "Massy (91)", "2015", "2018"}}},
		{"corsica", "Chef de rang\t2012 – 2014\nHôtel Les Roches Rouges, Piana (2A)\n• Service en salle",
			[]expWant{{"Chef de rang", "Hôtel Les Roches Rouges", "Piana (2A)", "2012", "2014"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := expsOf(ParseText("Jane Roe\njane@example.com\n\nExpérience\n" + tc.body + "\n\nCompétences\nExcel, SAP\n"))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
