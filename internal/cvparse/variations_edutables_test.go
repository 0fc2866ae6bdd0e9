package cvparse

import "testing"

// "2007 : diploma, option, school, town." — a year set off by a colon or a
// dash heads its one-line entry, however many words the line has and
// though it ends in a full stop.
func TestVariationYearLedLongLine(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"year and colon", "2012 – 2014 : Licence en Génie Civil, Université de Blida, Blida.\n" +
			"2011 : Baccalauréat Technique Mathématiques, option Génie Électrique, Lycée Emir Abdelkader, Médéa.",
			[]eduWant{{"Licence en Génie Civil", "Université de Blida", "Blida.", "2012", "2014"},
				{"Baccalauréat Technique Mathématiques, option Génie Électrique", "Lycée Emir Abdelkader", "Médéa.", "", "2011"}}, nil},
		{"year and dash", "2016 – 2019 – BSc Applied Physics, Norhaven University, Rajshahi.\n" +
			"2015 – Higher Secondary Certificate in Science and Further Mathematics, Greenfield Model College, Rajshahi.",
			[]eduWant{{"BSc Applied Physics", "Norhaven University", "Rajshahi.", "2016", "2019"},
				{"Higher Secondary Certificate in Science and Further Mathematics", "Greenfield Model College", "Rajshahi.", "", "2015"}}, nil},
	})
}

// A kind of school named without a name of its own ("Senior High School",
// "Junior Secondary School") beside a school that has one is the stage
// studied: the degree, its strand after a dash kept with it; the named
// school is the institution.
func TestVariationSchoolKindIsTheStage(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"level, kind and strand", "Secondary\tSenior High School – ABM strand\t2011 – 2013\nAbellana National School, Cebu City",
			[]eduWant{{"Senior High School – ABM strand", "Abellana National School", "Cebu City", "2011", "2013"}}, nil},
		{"kind alone over the school", "Junior Secondary School\t2006 – 2009\nKariobangi North Academy",
			[]eduWant{{"Junior Secondary School", "Kariobangi North Academy", "", "2006", "2009"}}, nil},
		{"a named school stays the school", "High School Diploma\t2014\nRiverside Senior High School",
			[]eduWant{{"High School Diploma", "Riverside Senior High School", "", "", "2014"}}, nil},
	})
}
