package cvparse

import "testing"

// A country code joined by a hyphen to a ten-digit mobile number, as South
// Asian CVs write it ("+91-9876543210"), is one phone, whole.
func TestPhoneCountryCodeHyphenTenDigits(t *testing.T) {
	for _, want := range []string{"+91-9876543210", "+92-3001234567", "+880-1712345678"} {
		in := "Arjun Rao\n\nMobile   : " + want + "\nE-mail   : arjun@example.com\n"
		if got := ParseText(in).Contact.Phone; got != want {
			t.Errorf("phone %q, want %q", got, want)
		}
	}
}
