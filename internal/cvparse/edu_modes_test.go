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
		{"French studies named first", "2014 – 2016\nCertificat en comptabilité\nUniversité de Kestrel (études à temps partiel)",
			[]eduWant{{"Certificat en comptabilité", "Université de Kestrel", "", "2014", "2016"}}, []string{"études à temps partiel"}},
		{"continuing-education service stays", "2016 – 2017\nDUT Gestion\nIUT de Kestrel (formation continue)",
			[]eduWant{{"DUT Gestion", "IUT de Kestrel (formation continue)", "", "2016", "2017"}}, []string{""}},
	})
}

// A bracket closing the school's line that tells how the degree was had
// ("(completed online while working)", "(obtenu par VAE)") is a note on
// the entry; cut off, it no longer hides the school's town before it.
func TestVariationObtainedNoteAfterSchool(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"after a town and state", "B.A. Communication\t2015\nMarlowe University, Dayton, OH (completed evenings while working)",
			[]eduWant{{"B.A. Communication", "Marlowe University", "Dayton, OH", "", "2015"}}, []string{"completed evenings while working"}},
		{"after the school", "2019\nBTS Comptabilité et gestion\nLycée Kestrel (obtenu par validation des acquis)",
			[]eduWant{{"BTS Comptabilité et gestion", "Lycée Kestrel", "", "", "2019"}}, []string{"obtenu par validation des acquis"}},
	})
}
