package cvparse

import "testing"

// TestFieldWordClosingNameIsFirm: a job's field word ("Software", "Data")
// closing a capitalised name after the title's comma names the firm's
// trade ("Ebano Software", "Kora Data"), so the name is cut from the
// title as any employer's is, with a place, a work mode, a legal form or
// nothing after it.
func TestFieldWordClosingNameIsFirm(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []expWant
	}{
		{"software house, remote", "Software Engineer, Ebano Software, Remote\tAug 2020 — Dec 2021\n• Built React features.\n",
			[]expWant{{"Software Engineer", "Ebano Software", "Remote", "Aug 2020", "Dec 2021"}}},
		{"data firm, town", "Data Analyst, Kora Data, Nairobi\tJan 2019 — Jul 2020\n",
			[]expWant{{"Data Analyst", "Kora Data", "Nairobi", "Jan 2019", "Jul 2020"}}},
		{"french title", "Développeur, Ebano Software, Lyon\tjanv. 2017 — juil. 2018\n",
			[]expWant{{"Développeur", "Ebano Software", "Lyon", "janv. 2017", "juil. 2018"}}},
		{"legal form after it", "QA Tester, Brightline Software Ltd, Leeds\t2015 – 2016\n",
			[]expWant{{"QA Tester", "Brightline Software Ltd", "Leeds", "2015", "2016"}}},
		{"nothing after it", "Backend Developer, Nimbus Software\tAug 2016 — Dec 2016\n",
			[]expWant{{"Backend Developer", "Nimbus Software", "", "Aug 2016", "Dec 2016"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkExps(t, tc.body, tc.want) })
	}
}

// TestElidedCapitalInEmployerName: an elided article or preposition
// before a capital ("Côte d'Ivoire", "Société Générale d’Algérie")
// leaves the name capitalised, so a name with one, alone on the line
// under a title that carries its unit after a dash, is the employer and
// the unit stays in the title.
func TestElidedCapitalInEmployerName(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []expWant
	}{
		{"institute of a country", "Stagiaire – Laboratoire microbiologie\tJuillet 2013 – Décembre 2013\n" +
			"Institut Pasteur de Côte d'Ivoire, Abidjan\nAnalyses bactériologiques des échantillons.\n",
			[]expWant{{"Stagiaire – Laboratoire microbiologie", "Institut Pasteur de Côte d'Ivoire", "Abidjan", "Juillet 2013", "Décembre 2013"}}},
		{"curly apostrophe", "Comptable – Pôle fournisseurs\t2010 – 2012\n" +
			"Société Générale d’Algérie, Alger\nRapprochements bancaires.\n",
			[]expWant{{"Comptable – Pôle fournisseurs", "Société Générale d’Algérie", "Alger", "2010", "2012"}}},
		{"elided town in the name", "Assistante – Ressources humaines\t2012 – 2015\n" +
			"Office Chérifien d'Exportation, Casablanca\nPaie et déclarations sociales.\n",
			[]expWant{{"Assistante – Ressources humaines", "Office Chérifien d'Exportation", "Casablanca", "2012", "2015"}}},
		{"english title", "Intern – Quality Unit\tJun 2019 – Aug 2019\n" +
			"Compagnie Fruitière d'Exportation, Marseille\nChecked incoming produce.\n",
			[]expWant{{"Intern – Quality Unit", "Compagnie Fruitière d'Exportation", "Marseille", "Jun 2019", "Aug 2019"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkExps(t, tc.body, tc.want) })
	}
}

// TestSentenceWrappedBeforeNameIsNoEmployer: a description sentence cut
// after a word in lower case ("… in close partnership with", "… also
// teaches") goes on to a name and its full stop on the next line
// ("Swisstopo.", "Organic Synthesis II (MSc)."); that line is no employer
// over the positions below it.
func TestSentenceWrappedBeforeNameIsNoEmployer(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []expWant
	}{
		{"course taught", "2017–2023\tSenior Scientist, Uni Basel, Department of Chemistry, Basel\n" +
			"Leads a group of five working on flow chemistry for fine chemicals; also teaches\nOrganic Synthesis II (MSc).\n" +
			"2013–2017\tPostdoctoral Researcher, Uni Basel, Department of Chemistry, Basel\nDeveloped photoredox couplings.\n",
			[]expWant{{"Senior Scientist", "Uni Basel, Department of Chemistry", "Basel", "2017", "2023"},
				{"Postdoctoral Researcher", "Uni Basel, Department of Chemistry", "Basel", "2013", "2017"}}},
		{"partner named", "2019–2024\tResearch Scientist, Uni Bern, Department of Geology, Bern\n" +
			"Runs the isotope laboratory for the glacier retreat project, in close partnership with\nSwisstopo.\n" +
			"2015–2019\tDoctoral Assistant, Uni Bern, Department of Geology, Bern\nDated moraines with beryllium-10.\n",
			[]expWant{{"Research Scientist", "Uni Bern, Department of Geology", "Bern", "2019", "2024"},
				{"Doctoral Assistant", "Uni Bern, Department of Geology", "Bern", "2015", "2019"}}},
		{"french", "2016–2022\tIngénieure de recherche, Uni Lyon, Département de physique, Villeurbanne\n" +
			"Conçoit les bancs de test des convertisseurs de puissance en partenariat avec\nSchneider Electric.\n" +
			"2012–2016\tDoctorante, Uni Lyon, Département de physique, Villeurbanne\nThèse sur les onduleurs multiniveaux.\n",
			[]expWant{{"Ingénieure de recherche", "Uni Lyon, Département de physique", "Villeurbanne", "2016", "2022"},
				{"Doctorante", "Uni Lyon, Département de physique", "Villeurbanne", "2012", "2016"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkExps(t, tc.body, tc.want) })
	}
}

// TestDottedLegalFormAfterComma: a legal form written with inner full
// stops after the name's comma ("Siemens, S.A. de C.V.", "Acme Widgets,
// S.A.", "Orféa Conseil, S.A.S.") belongs to the name before it, as
// "Acme, Inc." does.
func TestDottedLegalFormAfterComma(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []expWant
	}{
		{"mexican form, employer line", "Atlas Industrial de México, S.A. de C.V.\tMonterrey\nRegional Sales Manager\tFeb 2019 – Present\nGrew key accounts.\n",
			[]expWant{{"Regional Sales Manager", "Atlas Industrial de México, S.A. de C.V.", "Monterrey", "Feb 2019", "Present"}}},
		{"spanish form after the title", "2010–2012\tAnalyst, Acme Widgets, S.A., Madrid\nCost reports.\n",
			[]expWant{{"Analyst", "Acme Widgets, S.A.", "Madrid", "2010", "2012"}}},
		{"french form", "2012–2014\tConsultante, Orféa Conseil, S.A.S., Lyon\nAudits de paie.\n",
			[]expWant{{"Consultante", "Orféa Conseil, S.A.S.", "Lyon", "2012", "2014"}}},
		{"italian form", "2016–2020\tProcess Engineer, Ferretti Impianti, S.p.A., Bologna\nLine layouts.\n",
			[]expWant{{"Process Engineer", "Ferretti Impianti, S.p.A.", "Bologna", "2016", "2020"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkExps(t, tc.body, tc.want) })
	}
}

// A university and its institute named before its field ("Kestrel
// University, Marrow Institute for Marine Sciences (MIMS), Harlow") are one
// employer, as a unit opened by its word is.
func TestUniversityAndNamedInstitute(t *testing.T) {
	checkExps(t, "2021 – 2024\tPostdoctoral Researcher\nKestrel University, Marrow Institute for Marine Sciences (MIMS), Harlow\nModelled kelp forests.\n",
		[]expWant{{"Postdoctoral Researcher", "Kestrel University, Marrow Institute for Marine Sciences (MIMS)", "Harlow", "2021", "2024"}})
}
