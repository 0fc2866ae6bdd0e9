package cvparse

import "testing"

// "School — Town, Country": a town no gazetteer holds, set after a dash
// between the school and its country, is where the school stands, no
// part of its name.
func TestVariationDashTownBeforeCountry(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"em dash", "2008 – 2012\nBA in Hospitality Management\nKestrel American University (KAU) — Byblos, Lebanon",
			[]eduWant{{"BA in Hospitality Management", "Kestrel American University (KAU)", "Byblos, Lebanon", "2008", "2012"}}, nil},
		{"en dash", "2015 – 2019\nBSc Agriculture\nKestrel University of Development Studies – Marrowby, Ghana",
			[]eduWant{{"BSc Agriculture", "Kestrel University of Development Studies", "Marrowby, Ghana", "2015", "2019"}}, nil},
	})
}

// A town and its region set in a cell beside the school (moderncv's
// "School<tab>Town, Region"), neither in the gazetteer, is the entry's
// place, not its degree: the level studied on the line under it stays
// the degree.
func TestCellTownRegionBesideSchool(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"town and region cell", "Kestrel No.2 Middle School\tOkuta, Marrowshire\nSenior High School (Science track)\t2012 – 2015",
			[]eduWant{{"Senior High School (Science track)", "Kestrel No.2 Middle School", "Okuta, Marrowshire", "2012", "2015"}}, nil},
	})
}
