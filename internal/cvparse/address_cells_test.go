package cvparse

import "testing"

// moderncv sets the address's lines in a cell beside the name and the
// phone: a line whose cells are a place and contact items goes on with the
// address above it, cell by cell ("United Kingdom<tab>M +44 …",
// "00-950 Warszawa<tab>Poland").
func TestAddressCellsBesideContact(t *testing.T) {
	for head, want := range map[string]string{
		"Apartment 12, 8 Harbour Street\nDublin 2\nIreland\tM +353 87 555 0123\nE s.byrne@example.ie\n":           "Apartment 12, 8 Harbour Street, Dublin 2, Ireland",
		"Mariahilfer Straße 45/3\n1060 Wien\tAustria\nM +43 660 555 0199\n":                                       "Mariahilfer Straße 45/3, 1060 Wien, Austria",
		"Plot 14, Koramangala 5th Block\nBengaluru 560095, Karnataka\nIndia\tM +91 98450 55501\nE r@example.in\n": "Plot 14, Koramangala 5th Block, Bengaluru 560095, Karnataka, India",
	} {
		got := ParseText("Saoirse Byrne\n" + head + "\nExperience\nEngineer, Acme Ltd\t2019 – 2022\n")
		if got.Contact.Location != want {
			t.Errorf("%q: location = %q, want %q", head, got.Contact.Location, want)
		}
		if got.Contact.Phone == "" {
			t.Errorf("%q: no phone", head)
		}
	}
}
