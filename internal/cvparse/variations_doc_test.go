package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// Variations on what word-processor and plain-text CVs do (the second
// blind set's DOCX, ODT and TXT documents): ranges written the ways people
// type them, titles with a qualifier beside an employer line, prose lines
// that name a year, plain-text separators.

// Ranges between bare years with a slash ("2015 / 2018"), and month ranges
// inside one year that write the year once ("July – Sept 2014", "juil. –
// sept. 2014"): the start takes the end's year.
func TestVariationDateForms(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"years slash spaced", "Cheffe de projet — Vinci Energies, Lyon\n2015 / 2018\n• Chantiers tertiaires",
			[]expWant{{"Cheffe de projet", "Vinci Energies", "Lyon", "2015", "2018"}}},
		{"years slash tight", "Warehouse Supervisor, DHL, Leipzig\t2016/2019\n• Night shift of 40",
			[]expWant{{"Warehouse Supervisor", "DHL", "Leipzig", "2016", "2019"}}},
		{"two entries slash", "Responsable de salle — Le Meurice, Paris\n2012 / 2016\nChef de rang — Le Bristol, Paris\n2009 / 2012",
			[]expWant{{"Responsable de salle", "Le Meurice", "Paris", "2012", "2016"}, {"Chef de rang", "Le Bristol", "Paris", "2009", "2012"}}},
		{"months one year en", "Summer Analyst\tJuly – Sept 2014\nBarclays, London\n• Credit risk models",
			[]expWant{{"Summer Analyst", "Barclays", "London", "July 2014", "Sept 2014"}}},
		{"months one year to", "Research Intern\tMarch to May 2018\nNokia Bell Labs, Espoo\n• Antenna tests",
			[]expWant{{"Research Intern", "Nokia Bell Labs", "Espoo", "March 2018", "May 2018"}}},
		{"months one year fr", "Juriste stagiaire\tjuil. – sept. 2014\nSociété Générale, Paris\n• Veille réglementaire",
			[]expWant{{"Juriste stagiaire", "Société Générale", "Paris", "juil. 2014", "sept. 2014"}}},
		{"months one year fr de a", "Assistante comptable\tde février à juin 2017\nKPMG, Lille\n• Révisions",
			[]expWant{{"Assistante comptable", "KPMG", "Lille", "février 2017", "juin 2017"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := parseExps(tc.body)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	edu := []struct {
		name, body string
		want       []eduWant
	}{
		{"school line slash years", "Bachelor of Science in Nursing\nUniversity of Ghana, Legon — 2010 / 2014",
			[]eduWant{{"Bachelor of Science in Nursing", "University of Ghana", "Legon", "2010", "2014"}}},
		{"slash years fr", "Licence de gestion\tsept. 2011 – juin 2014\nUniversité de Lille\nMaster de finance\t2014 / 2016\nIAE de Lille",
			[]eduWant{{"Licence de gestion", "Université de Lille", "", "sept. 2011", "juin 2014"}, {"Master de finance", "IAE de Lille", "", "2014", "2016"}}},
	}
	for _, tc := range edu {
		t.Run(tc.name, func(t *testing.T) {
			got := edusOf(parseEducation(tc.body))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A title with its team, ward or specialty after a dash or a comma ("Staff
// Nurse – Paediatric Ward", "Juriste, droit social") over or under a line
// that names the employer: the qualifier is part of the title, the
// employer is on its own line.
func TestVariationTitleQualifier(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"ward dash under", "Staff Nurse – Paediatric Ward\tFeb 2015 – Mar 2018\nGreat Ormond Street Hospital, London\n• Night shifts",
			[]expWant{{"Staff Nurse – Paediatric Ward", "Great Ormond Street Hospital", "London", "Feb 2015", "Mar 2018"}}},
		{"em dash unit", "Charge Nurse — Acute Medical Unit\tJun 2018 – Present\nRoyal Infirmary of Edinburgh, Edinburgh\n• Bed flow",
			[]expWant{{"Charge Nurse — Acute Medical Unit", "Royal Infirmary of Edinburgh", "Edinburgh", "Jun 2018", "Present"}}},
		{"specialty slash fr", "Ingénieure commerciale – Grands comptes / Export\tDepuis mars 2019\nSchneider Electric – Grenoble\n• Négociation de contrats-cadres",
			[]expWant{{"Ingénieure commerciale – Grands comptes / Export", "Schneider Electric", "Grenoble", "mars 2019", "Present"}}},
		{"comma department fr", "Juriste, droit social\tjanv. 2016 – juin 2018\nAir France – Roissy\n• Contentieux prud'homal",
			[]expWant{{"Juriste, droit social", "Air France", "Roissy", "janv. 2016", "juin 2018"}}},
		{"employer above comma specialty", "Sanofi – Lyon\nResponsable régionale des ventes, Cardiologie\tDepuis 2018\n• Secteur Rhône-Alpes",
			[]expWant{{"Responsable régionale des ventes, Cardiologie", "Sanofi", "Lyon", "2018", "Present"}}},
		{"employer above comma product", "Siemens Healthineers – Erlangen\nProduct Specialist, Magnetic Resonance\t2017 to 2021\n• Clinical trainings",
			[]expWant{{"Product Specialist, Magnetic Resonance", "Siemens Healthineers", "Erlangen", "2017", "2021"}}},
		{"unit with hospital", "Staff Nurse — Neonatal Intensive Care Unit\tMay 2016 - Jan 2020\nRotunda Hospital, Dublin\n• Ventilated infants",
			[]expWant{{"Staff Nurse — Neonatal Intensive Care Unit", "Rotunda Hospital", "Dublin", "May 2016", "Jan 2020"}}},
		{"unit with university hospital", "Staff Nurse – Cardiac Care Unit\tSep 2012 – Apr 2016\nCork University Hospital, Cork",
			[]expWant{{"Staff Nurse – Cardiac Care Unit", "Cork University Hospital", "Cork", "Sep 2012", "Apr 2016"}}},
		{"partners firm fr", "Avocat collaborateur – Contentieux / Arbitrage\tDepuis janvier 2021\nDarrois Villey – Paris\n• Arbitrages CCI",
			[]expWant{{"Avocat collaborateur – Contentieux / Arbitrage", "Darrois Villey", "Paris", "janvier 2021", "Present"}}},
		{"group in parentheses", "Head of Growth - Performance Marketing\nMyntra (Flipkart Group), Bengaluru\nMar 2020 - Present\n- Paid acquisition",
			[]expWant{{"Head of Growth - Performance Marketing", "Myntra (Flipkart Group)", "Bengaluru", "Mar 2020", "Present"}}},
		{"dates own line", "Product Owner - Payments Platform\nRevolut Ltd, London\nJan 2021 - Present\n- Card issuing roadmap",
			[]expWant{{"Product Owner - Payments Platform", "Revolut Ltd", "London", "Jan 2021", "Present"}}},
		{"dates own line fr", "Responsable marketing - Marques propres\nCarrefour (Groupe Carrefour), Massy\nmars 2017 - déc. 2020\n- Lancement de 40 références",
			[]expWant{{"Responsable marketing - Marques propres", "Carrefour (Groupe Carrefour)", "Massy", "mars 2017", "déc. 2020"}}},
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

// Plain text typed without an en dash: a double hyphen separates the
// fields of a line ("MSc Finance -- University of Lagos -- 2014 - 2016")
// and the dates of a range ("2010--2013", as LaTeX writes it).
func TestVariationDoubleHyphen(t *testing.T) {
	exp := []struct {
		name, body string
		want       []expWant
	}{
		{"fields", "Site Engineer  --  Dangote Cement, Obajana  --  2010 - 2013\n  * Kiln line 3 commissioning",
			[]expWant{{"Site Engineer", "Dangote Cement", "Obajana", "2010", "2013"}}},
		{"range", "Process Engineer, Lafarge, Ewekoro\t2013--2016\n  * Clinker quality",
			[]expWant{{"Process Engineer", "Lafarge", "Ewekoro", "2013", "2016"}}},
		{"fr", "Chargée de clientèle -- Société Générale -- Abidjan\tmars 2015 -- juin 2019\n- Portefeuille PME",
			[]expWant{{"Chargée de clientèle", "Société Générale", "Abidjan", "mars 2015", "juin 2019"}}},
	}
	for _, tc := range exp {
		t.Run(tc.name, func(t *testing.T) {
			got := parseExps(tc.body)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	edu := []struct {
		name, body string
		want       []eduWant
	}{
		{"degree school dates", "MSc Finance  --  University of Lagos  --  2014 - 2016\nBSc Economics  --  Covenant University, Ota  --  2009 - 2013",
			[]eduWant{{"MSc Finance", "University of Lagos", "", "2014", "2016"}, {"BSc Economics", "Covenant University", "Ota", "2009", "2013"}}},
		{"single year", "HND Accounting -- Yaba College of Technology -- 2008",
			[]eduWant{{"HND Accounting", "Yaba College of Technology", "", "", "2008"}}},
		{"fr", "Licence de droit -- Université Félix Houphouët-Boigny, Abidjan -- 2005--2008",
			[]eduWant{{"Licence de droit", "Université Félix Houphouët-Boigny", "Abidjan", "2005", "2008"}}},
	}
	for _, tc := range edu {
		t.Run(tc.name, func(t *testing.T) {
			got := edusOf(parseEducation(tc.body))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// Headings of the last sections of a CV that name no job section, alone
// ("ADDITIONAL") or joined ("Engagements et centres d'intérêt",
// "Volunteering & Interests"): what they hold is no job, even when it
// names an organisation and a year.
func TestVariationClosingHeadings(t *testing.T) {
	exp := "Experience\nBackend Engineer, Careem, Dubai\t2021 – Present\n• Built the payments service\n\n"
	cases := map[string]string{
		"additional":             "ADDITIONAL\nDriving licence. Volunteer: treasurer, Leeds Rowing Club (2019 – present).",
		"additional details":     "Additional details\nMentor, Code First Girls (2020 – 2022); keen climber.",
		"engagements et":         "ENGAGEMENTS ET CENTRES D'INTÉRÊT\nTrésorière de l'association Les Restos du Cœur de Rennes (depuis 2018). Randonnée, piano.",
		"engagements alone":      "Engagements\nBénévole, Secours populaire, Lyon (2016 – 2019)",
		"volunteering interests": "VOLUNTEERING & INTERESTS\nBoard member, Dublin Food Co-op (2017 – present). Sea swimming.",
	}
	for name, tail := range cases {
		t.Run(name, func(t *testing.T) {
			got := ParseText("Jane Roe\njane@example.com\n\n" + exp + tail + "\n")
			if want := []expWant{{"Backend Engineer", "Careem", "Dubai", "2021", "Present"}}; !cmp.Equal(want, expsOf(got)) {
				t.Errorf("experience = %+v", expsOf(got))
			}
		})
	}
}

// Entry titles set in a heading style ("### Baccalauréat série D", a
// word processor's Heading 3 for each degree) inside the section they
// belong to head entries, not sections: the second degree keeps its name.
func TestVariationStyledEntryTitles(t *testing.T) {
	edu := []struct {
		name, body string
		want       []eduWant
	}{
		{"fr", "### Master of Science in Finance\nHEC Lausanne, Lausanne — 2010 – 2012\n### Baccalauréat série D\nLycée classique d'Abidjan — 2006",
			[]eduWant{{"Master of Science in Finance", "HEC Lausanne", "Lausanne", "2010", "2012"}, {"Baccalauréat série D", "Lycée classique d'Abidjan", "", "", "2006"}}},
		{"en", "### BSc Nursing\nUniversity of the Philippines, Manila — 2008 – 2012\n### High School Diploma\nManila Science High School — 2008",
			[]eduWant{{"BSc Nursing", "University of the Philippines", "Manila", "2008", "2012"}, {"High School Diploma", "Manila Science High School", "", "", "2008"}}},
	}
	for _, tc := range edu {
		t.Run(tc.name, func(t *testing.T) {
			got := edusOf(ParseText("Jane Roe\njane@example.com\n\n## Education\n" + tc.body + "\n\n## Skills\nExcel, SQL\n"))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// "Licences" in British spelling over professional registrations, right
// after Education (no blank line, as OCR reads a page): a certifications
// heading, not a French "licence" degree inside Education.
func TestVariationLicencesHeading(t *testing.T) {
	for _, h := range []string{"LICENCES & CERTIFICATIONS", "Licences and Certifications", "CERTIFICATIONS & LICENCES", "Licences"} {
		t.Run(h, func(t *testing.T) {
			got := ParseText("Jane Roe\njane@example.com\n\nEducation\nBSc Nursing\t2010 – 2014\nUniversity of Nairobi, Nairobi\n" + h +
				"\nRegistered Nurse, Nursing Council of Kenya, 2014\nMidwifery licence, Nursing and Midwifery Council (UK), 2018\n")
			if want := []eduWant{{"BSc Nursing", "University of Nairobi", "Nairobi", "2010", "2014"}}; !cmp.Equal(want, edusOf(got)) {
				t.Errorf("education = %+v", edusOf(got))
			}
			if len(got.Certifications) != 2 {
				t.Errorf("certifications = %+v", got.Certifications)
			}
		})
	}
}

// A description written as a sentence, not bulleted, whose range sits in
// brackets inside it ("…; COVID-19 surge ward (2020-2021).") describes the
// entry above: no new job.
func TestVariationRangeInProse(t *testing.T) {
	cases := []struct {
		name, body string
		want       []expWant
	}{
		{"semicolon sentence", "Staff Nurse – Renal Unit\tMar 2017 – Jan 2021\nBeaumont Hospital, Dublin\nDialysis and transplant patients; redeployed to the COVID-19 ward (2020-2021).\nStaff Nurse\tJun 2013 – Feb 2017\nSt Luke's Medical Center, Manila",
			[]expWant{{"Staff Nurse – Renal Unit", "Beaumont Hospital", "Dublin", "Mar 2017", "Jan 2021"}, {"Staff Nurse", "St Luke's Medical Center", "Manila", "Jun 2013", "Feb 2017"}}},
		{"fr sentence", "Chargée de projet\t2016 – 2021\nEgis, Lyon\nSuivi des chantiers du tramway, dont la ligne T6 (2018 – 2019).\nAssistante\t2014 – 2016\nSetec, Paris",
			[]expWant{{"Chargée de projet", "Egis", "Lyon", "2016", "2021"}, {"Assistante", "Setec", "Paris", "2014", "2016"}}},
		{"led with range", "Site Manager\t2015 – 2020\nBalfour Beatty, Leeds\nLed the station rebuild on a live railway (2017 – 2019), on time and on budget.\nSite Engineer\t2011 – 2015\nKier Group, Sheffield",
			[]expWant{{"Site Manager", "Balfour Beatty", "Leeds", "2015", "2020"}, {"Site Engineer", "Kier Group", "Sheffield", "2011", "2015"}}},
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

// A skills list typed as running text and wrapped wherever the line was
// full: a line that ends with a comma shows the list goes on across lines,
// so a line that does not was cut inside an item ("Data" / "Modelling").
func TestVariationListWrappedInsideItem(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"en", "Python, SQL, Apache Airflow, Data\nModelling, dbt, Looker, Google Cloud,\nTerraform, Docker",
			[]string{"Python", "SQL", "Apache Airflow", "Data Modelling", "dbt", "Looker", "Google Cloud", "Terraform", "Docker"}},
		{"fr", "Gestion de projet, Analyse financière, Comptabilité\nAnalytique, SAP FI, Excel,\nPower BI, Négociation",
			[]string{"Gestion de projet", "Analyse financière", "Comptabilité Analytique", "SAP FI", "Excel", "Power BI", "Négociation"}},
		{"lines are groups", "Python, Go, Rust\nDocker, Kubernetes, Helm",
			[]string{"Python", "Go", "Rust", "Docker", "Kubernetes", "Helm"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := allSkills(ParseText("Jane Roe\njane@example.com\n\nExperience\nBackend Engineer, Careem, Dubai\t2021 – Present\n• Payments\n\nKey skills:\n" + tc.body + "\n\nEducation\nBSc Physics, University of Leeds, 2012 – 2015\n").Skills)
			if diff := cmp.Diff(tc.want, got, cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// Plain text that types a short section on one line after its heading in
// capitals ("HOBBIES:  Football, chess"): the label opens its section, and
// what follows is its content, not more of the section above.
func TestVariationInlineHeadingLine(t *testing.T) {
	cases := []struct {
		name, tail string
		skills     []string
	}{
		{"hobbies after languages", "LANGUAGES:   English (fluent), Yoruba (native)\n\nHOBBIES:  Football, chess, gardening", []string{"English (fluent)", "Excel", "SQL", "Yoruba (native)"}},
		{"interests after skills", "INTERESTS: Sailing, photography, choir", []string{"Excel", "SQL"}},
		{"loisirs fr", "LANGUES : français (natif), anglais (courant)\n\nLOISIRS : randonnée, lecture, théâtre", []string{"Excel", "SQL", "anglais (courant)", "français (natif)"}},
		{"centres d'interet fr", "CENTRES D'INTÉRÊT : escalade, cuisine", []string{"Excel", "SQL"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText("JANE ROE\njane@example.com\n\nWORK EXPERIENCE\n----\nBackend Engineer, Careem, Dubai     2021 - Present\n  * Payments\n\nSKILLS:  Excel, SQL\n\n" + tc.tail + "\n")
			if diff := cmp.Diff(tc.skills, allSkills(got.Skills)); diff != "" {
				t.Errorf("skills (-want +got):\n%s", diff)
			}
		})
	}
}

// A level written before the language it qualifies ("basic Arabic",
// "notions d'allemand"): the level goes after the language, in brackets,
// as everywhere else.
func TestVariationLevelBeforeLanguage(t *testing.T) {
	cases := []struct {
		name, line string
		want       []string
	}{
		{"basic", "English, Filipino (Tagalog), basic Arabic", []string{"English", "Filipino (Tagalog)", "Arabic (basic)"}},
		{"fluent and conversational", "Fluent Portuguese, conversational Spanish", []string{"Portuguese (Fluent)", "Spanish (conversational)"}},
		{"working knowledge", "Swahili, working knowledge of French", []string{"Swahili", "French (working knowledge)"}},
		{"notions fr", "français, anglais (courant), notions d'allemand", []string{"français", "anglais (courant)", "allemand (notions)"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseText("Jane Roe\njane@example.com\n\nLanguages\n" + tc.line + "\n\nReferences\nAvailable on request\n").Skills.Languages
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A list whose items are set apart by a glyph or a bar ("·", "|", "•")
// marks every item's end: a last item joined by "and" ("patient and family
// education") is one item. Only a comma list's "and" ends the list ("Go,
// Rust and C").
func TestVariationGlyphListLastAnd(t *testing.T) {
	cases := []struct {
		name, line string
		want       []string
	}{
		{"middle dots", "Wound care · Triage · patient and family education", []string{"Triage", "Wound care", "patient and family education"}},
		{"bars", "Budgeting | Forecasting | Mergers and acquisitions", []string{"Budgeting", "Forecasting", "Mergers and acquisitions"}},
		{"bullets fr", "Gestion de projet • Conduite du changement • recrutement et formation", []string{"Conduite du changement", "Gestion de projet", "recrutement et formation"}},
		{"commas still split", "Python, Go and Rust", []string{"Go", "Python", "Rust"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := allSkills(ParseText("Jane Roe\njane@example.com\n\nSkills\n" + tc.line + "\n\nReferences\nAvailable on request\n").Skills)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
