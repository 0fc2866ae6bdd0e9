package cvparse

import "testing"

// How a course was followed ("(en alternance)", "(part-time)", ",
// evening program") after the school's name, or after the degree's
// behind a comma, is a note on the entry: it goes to the description.
// In brackets after the degree it stays, written into the name; a
// school's continuing-education service ("(formation continue)") is a
// unit of the school and stays.
func TestVariationStudyModeNotes(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"school in alternance", "2015 – 2017\nMaster Contrôle de gestion\nIAE Kestrel (en alternance)",
			[]eduWant{{"Master Contrôle de gestion", "IAE Kestrel", "", "2015", "2017"}}, []string{"en alternance"}},
		{"school part-time", "2010 – 2012\nMBA\nKestrel Business School (part-time)",
			[]eduWant{{"MBA", "Kestrel Business School", "", "2010", "2012"}}, []string{"part-time"}},
		{"two modes", "2019 – 2022\nDiplôme d'État d'infirmier\nIFSI de Kestrel (promotion professionnelle, cours du soir)",
			[]eduWant{{"Diplôme d'État d'infirmier", "IFSI de Kestrel", "", "2019", "2022"}}, []string{"promotion professionnelle, cours du soir"}},
		{"degree after a comma", "2012 – 2014\nCertificate in Paralegal Studies, evening program\nKestrel Community College, Austin",
			[]eduWant{{"Certificate in Paralegal Studies", "Kestrel Community College", "Austin", "2012", "2014"}}, []string{"evening program"}},
		{"degree in brackets stays", "2008 – 2010\nMSc Business Analytics (part-time)\nKestrel University",
			[]eduWant{{"MSc Business Analytics (part-time)", "Kestrel University", "", "2008", "2010"}}, []string{""}},
		{"continuing-education service stays", "2016 – 2017\nDUT Gestion\nIUT de Kestrel (formation continue)",
			[]eduWant{{"DUT Gestion", "IUT de Kestrel (formation continue)", "", "2016", "2017"}}, []string{""}},
	})
}
