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
