package cvparse

import "testing"

// A qualification of one year that names no degree word, given by a
// place whose name holds no school word, is still studied at a school
// when the place is named with its town ("Maturité gymnasiale", "Gymnase
// de Marrowby, Elmswil", "2008"): it stays in education. Without the
// town, or from a firm, it is a certificate.
func TestVariationSchoolInTownStays(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"school leaving, tab date", "BSc Geography\t2009 – 2012\nKestrel University\nMaturité gymnasiale, option physique\t2008\nGymnase de Marrowby, Elmswil",
			[]eduWant{{"BSc Geography", "Kestrel University", "", "2009", "2012"},
				{"Maturité gymnasiale, option physique", "Gymnase de Marrowby", "Elmswil", "", "2008"}}, nil},
		{"year first", "2015 – 2018\nLicence Histoire\nUniversité de Kestrel\n2014\nHighers: Maths, Physics\nBrackenhurst Gyfun, Marrowby",
			[]eduWant{{"Licence Histoire", "Université de Kestrel", "", "2015", "2018"},
				{"Highers: Maths, Physics", "Brackenhurst Gyfun", "Marrowby", "", "2014"}}, nil},
		{"language institute", "2010 – 2013\nBA German Studies\nKestrel University\n2011\nSprachdiplom C2\nKestrel-Sprachhaus, Marrowby",
			[]eduWant{{"BA German Studies", "Kestrel University", "", "2010", "2013"},
				{"Sprachdiplom C2", "Kestrel-Sprachhaus", "Marrowby", "", "2011"}}, nil},
		{"no town, a certificate", "2010 – 2013\nBA German Studies\nKestrel University\n2019\nWilderness First Responder\nNOLS",
			[]eduWant{{"BA German Studies", "Kestrel University", "", "2010", "2013"}}, nil},
		{"a firm's course, a certificate", "2010 – 2013\nBSc Electrical Engineering\nKestrel University\n2019\nKestrel Drives Service 1 (KD-SERV1)\nKestrel Automation SRL, Marrowby",
			[]eduWant{{"BSc Electrical Engineering", "Kestrel University", "", "2010", "2013"}}, nil},
	})
}

// A long degree's name in small words reads like a sentence ("Titre
// professionnel Agent de quai et de livraison des colis"); with nothing
// scored for either, the first line is the degree all the same and the
// school under it stays the school.
func TestVariationWordedDegreeFirst(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"titre professionnel", "2014 : Titre professionnel Agent de quai et de livraison des colis\nKESTREL-FORM, Marrowby",
			[]eduWant{{"Titre professionnel Agent de quai et de livraison des colis", "KESTREL-FORM", "Marrowby", "", "2014"}}, nil},
		{"long trade course", "2016 : Qualification Conducteur routier de marchandises sur porteur\nKestrelpro, Marrowby",
			[]eduWant{{"Qualification Conducteur routier de marchandises sur porteur", "Kestrelpro", "Marrowby", "", "2016"}}, nil},
	})
}

// A Spanish or Portuguese university's campus after a comma ("Sede
// Bogotá", like "Progress Campus") is part of the school's name, no
// town: it stays in the institution.
func TestVariationSchoolCampusSede(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"sede after the comma", "Degree: Ingeniero Químico\nSchool: Universidad Kestrel, Sede Bogotá\nYear: 2009 – 2014",
			[]eduWant{{"Ingeniero Químico", "Universidad Kestrel, Sede Bogotá", "", "2009", "2014"}}, nil},
	})
}
