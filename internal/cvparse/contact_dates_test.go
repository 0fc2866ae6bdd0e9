package cvparse

import "testing"

// A birth date in a personal-details row, the month written out and a
// comma before the year, is no location: the address row under it is.
func TestBirthDateIsNoLocation(t *testing.T) {
	for _, born := range []string{"2nd March, 1994", "31 March, 1990", "1st May, 1992", "12 Mars, 1985", "9th August, 1987"} {
		t.Run(born, func(t *testing.T) {
			got := ParseText("Name:\tAmani Otieno Wekesa\nDate of Birth:\t" + born + "\nNationality:\tKenyan\n" +
				"Address:\tP.O. Box 4410, Kisumu\nMobile:\t+254 722 555 018\n\nWORK EXPERIENCE\nClerk, Lakeside Stores\t2019 – 2022\n")
			if got.Contact.Location != "P.O. Box 4410, Kisumu" {
				t.Errorf("location = %q, want the address", got.Contact.Location)
			}
		})
	}
}
