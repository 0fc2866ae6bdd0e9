package cvparse

import "testing"

// A town closed by the acronym that the school before it spells only
// with the town ("Institute of Mining, Kestrelton (IOMK)") is part of the
// school's name; an acronym the school spells alone leaves the town a
// place.
func TestVariationTownInAcronym(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"function word in acronym", "2009–2011\tM.Sc. Geology, Institute of Mining, Kestrelton (IOMK), Kestrelton",
			[]eduWant{{"M.Sc. Geology", "Institute of Mining, Kestrelton (IOMK)", "", "2009", "2011"}}, nil},
		{"school line", "B.Eng. Civil Engineering\t2004 – 2008\nCollege of Agriculture, Marrowby (COAM)",
			[]eduWant{{"B.Eng. Civil Engineering", "College of Agriculture, Marrowby (COAM)", "", "2004", "2008"}}, nil},
	})
}

// A campus in brackets after a school's town ("Coastal University of
// Agriculture, Tamworth (Bellbrook Campus)") says where one studied: the
// town before it is the school's name's, not its place, and the campus
// stays with the school.
func TestVariationTownBeforeCampus(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"campus after town", "Master of Education\t2015 – 2017\nUniversity of Agriculture, Tamworth (Bellbrook Campus)",
			[]eduWant{{"Master of Education", "University of Agriculture, Tamworth (Bellbrook Campus)", "", "2015", "2017"}}, nil},
		{"affiliating university still moves", "B.Tech Mechanical\t2009 – 2013\nKestrel College of Engineering, Hyderabad (Marrowby University)",
			[]eduWant{{"B.Tech Mechanical", "Kestrel College of Engineering (Marrowby University)", "Hyderabad", "2009", "2013"}}, nil},
	})
}

// A school's name that lists the fields it teaches keeps its commas
// ("Faculty of Law, Economics and Management"): the list up to the
// phrase closed by "and" is one name, and the town after it still goes
// to location. A note in lower case after a capitalised school is no
// list.
func TestVariationFieldListInSchool(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"english list wrapped beside dates", "Kestrel University School of Music, Drama and\t02/2016 – 06/2016\nDance, Bergen, Norway — Exchange semester",
			[]eduWant{{"Exchange semester", "Kestrel University School of Music, Drama and Dance", "Bergen, Norway", "02/2016", "06/2016"}}, nil},
		{"french list after a dash", "2019 – 2021\tMaster Droit public\nUniversité de Kestrel - Faculté de Droit, d'Histoire, de Lettres et de Langues (DHLL), Marrowby",
			[]eduWant{{"Master Droit public", "Université de Kestrel - Faculté de Droit, d'Histoire, de Lettres et de Langues (DHLL)", "", "2019", "2021"}}, nil},
		{"lower-case adjectives", "2018 – 2021\tLicence Histoire\nFaculté des lettres anciennes, modernes et des arts, Nantes",
			[]eduWant{{"Licence Histoire", "Faculté des lettres anciennes, modernes et des arts", "Nantes", "2018", "2021"}}, nil},
	})
}

// A faculty after the dash that follows the school on a line too long for
// the header ("Université de Kestrel – Faculté des sciences humaines,
// sociales et des territoires, Marrowby") is the school's, no note on the
// degree.
func TestVariationFacultyLineUnderDegree(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"faculty after dash", "2020 – 2023\tLicence Géographie, parcours Aménagement-Urbanisme-Environnement\nUniversité de Kestrel – Faculté des sciences humaines, sociales et des territoires, Marrowby\nMention Bien",
			[]eduWant{{"Licence Géographie, parcours Aménagement-Urbanisme-Environnement", "Université de Kestrel – Faculté des sciences humaines, sociales et des territoires", "Marrowby", "2020", "2023"}}, nil},
		{"thesis note still a note", "2020 – 2023\tMaster Géographie, parcours Aménagement-Urbanisme-Environnement\nUniversité de Kestrel – mémoire : « Les friches industrielles de la vallée »",
			[]eduWant{{"Master Géographie, parcours Aménagement-Urbanisme-Environnement", "Université de Kestrel", "", "2020", "2023"}}, []string{"mémoire : « Les friches industrielles de la vallée »"}},
	})
}

// Schools named by the Spanish and Italian words for a school
// ("Ateneo de …", "Tecnológico de …", "Scuola …") are schools: after a
// dash or a comma they are the other half of the school's name, and set
// alone they are the institution.
func TestVariationSchoolWordsAteneoScuola(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"ateneo after dash", "High School Diploma\t2009\nHoly Rosary School – Ateneo de Kestrel",
			[]eduWant{{"High School Diploma", "Holy Rosary School – Ateneo de Kestrel", "", "", "2009"}}, nil},
		{"tecnológico after comma", "MBA\t2015 – 2017\nKestrel School of Business, Tecnológico de Marrowby",
			[]eduWant{{"MBA", "Kestrel School of Business, Tecnológico de Marrowby", "", "2015", "2017"}}, nil},
		{"scuola after comma", "Exchange semester, Product Design\t2014\nPolitecnico di Kestrel, Scuola di Architettura",
			[]eduWant{{"Exchange semester, Product Design", "Politecnico di Kestrel, Scuola di Architettura", "", "", "2014"}}, nil},
		{"scuola on the degree's line", "2015–2019\tPhD in Physics, Scuola Superiore Kestrel, Pisa",
			[]eduWant{{"PhD in Physics", "Scuola Superiore Kestrel", "Pisa", "2015", "2019"}}, nil},
	})
}

// A school's centre named by its town ("Centre de …") and a town with
// its university's number ("… – Marrowby 2") after a dash are part of
// the school's name; distance teaching in brackets after a school is how
// one studied, a note.
func TestVariationSchoolSiteAndNumber(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"centre after dash", "2012 – 2014\tApprentissage boulanger\nCFA Kestrel - Centre de Marrowby",
			[]eduWant{{"Apprentissage boulanger", "CFA Kestrel - Centre de Marrowby", "", "2012", "2014"}}, nil},
		{"numbered town after dash", "Licence en Chimie\t2016 – 2019\nUniversité Amar Kestrel – Marrowby 2",
			[]eduWant{{"Licence en Chimie", "Université Amar Kestrel – Marrowby 2", "", "2016", "2019"}}, nil},
		{"numbered town then faculty", "Master en Chimie\t2019 – 2021\nUniversité Amar Kestrel – Marrowby 2, Faculté des Sciences",
			[]eduWant{{"Master en Chimie", "Université Amar Kestrel – Marrowby 2, Faculté des Sciences", "", "2019", "2021"}}, nil},
		{"enseignement à distance", "Diplôme universitaire de droit fiscal\t2020 – 2021\nUniversité de Kestrel (enseignement à distance)",
			[]eduWant{{"Diplôme universitaire de droit fiscal", "Université de Kestrel", "", "2020", "2021"}}, []string{"enseignement à distance"}},
	})
}

// School lines written as sentences and abroad: a line's closing full
// stop is no part of its last name ("…, Marrowby."); "im." (Polish "named
// after") is an abbreviation, no sentence's end, and "Liceum" a school;
// a laboratory after a dash is a unit of the school, no town; and a
// school before a country's code ("Kestrel College London, UK") is no
// "Town, ST".
func TestVariationSchoolLineSentences(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"closing full stop", "2004 – 2009 : Diplôme d'Ingénieur, Faculté des Sciences (FDS), Université de Kestrel, Marrowby.",
			[]eduWant{{"Diplôme d'Ingénieur", "Faculté des Sciences (FDS), Université de Kestrel", "Marrowby", "2004", "2009"}}, nil},
		{"polish liceum named after", "2016\tSecondary school leaving certificate (matura), II Liceum Ogólnokształcące im. Jana Kestrela, Nowy Targ",
			[]eduWant{{"Secondary school leaving certificate (matura)", "II Liceum Ogólnokształcące im. Jana Kestrela", "Nowy Targ", "", "2016"}}, nil},
		{"laboratory after dash", "03/2021–07/2021\tErasmus+ exchange semester, Kestrel University, Department of Physics – Marrow Laboratory, Uppsala, Sweden",
			[]eduWant{{"Erasmus+ exchange semester", "Kestrel University, Department of Physics – Marrow Laboratory", "Uppsala, Sweden", "03/2021", "07/2021"}}, nil},
		{"school before country code", "2015–2019\tPhD in Geology, Kestrel College London, UK.",
			[]eduWant{{"PhD in Geology", "Kestrel College London", "UK", "2015", "2019"}}, nil},
	})
}
