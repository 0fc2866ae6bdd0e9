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
