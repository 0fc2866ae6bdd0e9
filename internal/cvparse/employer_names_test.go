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
