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

// Study online is a mode too: "(formation continue en ligne)" after the
// school goes to the description. A middle dot sets a school apart from
// a note on the course ("Kestrel Academy · 400 hours") as a dash does.
func TestVariationOnlineStudyNotes(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"continuing education online", "2022\nCertificat d'université en gestion de conflits\nUniversité de Kestrel (formation continue en ligne)",
			[]eduWant{{"Certificat d'université en gestion de conflits", "Université de Kestrel", "", "", "2022"}}, []string{"formation continue en ligne"}},
		{"school then a note after a dot", "2020\tData Analytics Bootcamp\nKestrel Academy · 400 hours, capstone on bike sharing",
			[]eduWant{{"Data Analytics Bootcamp", "Kestrel Academy", "", "", "2020"}}, []string{"400 hours, capstone on bike sharing"}},
	})
}

// A bracket saying the course was left unfinished ("(did not
// graduate)", "(not completed)", "(incomplete, 3 of 4 terms)") tells how
// it went, not what it was: it goes to the description.
func TestVariationUnfinishedDegreeNotes(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"did not graduate", "2010 – 2012\nBachelor of Arts in History (did not graduate)\nKestrel University",
			[]eduWant{{"Bachelor of Arts in History", "Kestrel University", "", "2010", "2012"}}, []string{"did not graduate"}},
		{"incomplete with terms", "2018 – 2019\nMaster in Urban Planning (incomplete, 3 of 4 terms)\nKestrel Polytechnic",
			[]eduWant{{"Master in Urban Planning", "Kestrel Polytechnic", "", "2018", "2019"}}, []string{"incomplete, 3 of 4 terms"}},
		{"not completed", "2015 – 2017\nPhD in Marine Biology (not completed)\nUniversity of Kestrel",
			[]eduWant{{"PhD in Marine Biology", "University of Kestrel", "", "2015", "2017"}}, []string{"not completed"}},
	})
}

// A town written with its state's code before a study mode in brackets
// ("Kestrel University, Geraldton WA (part-time)") is still the place:
// the mode goes to the notes, the town to the location.
func TestStateCodeTownBeforeMode(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"australian state", "2019 – 2020\tGraduate Certificate in Project Management\nKestrel University, Geraldton WA (part-time, online)",
			[]eduWant{{"Graduate Certificate in Project Management", "Kestrel University", "Geraldton WA", "2019", "2020"}}, []string{"part-time, online"}},
		{"canadian province", "2016 – 2018\tDiploma in Business Administration\nBrackenridge College, Red Deer AB (evening program)",
			[]eduWant{{"Diploma in Business Administration", "Brackenridge College", "Red Deer AB", "2016", "2018"}}, []string{"evening program"}},
	})
}
