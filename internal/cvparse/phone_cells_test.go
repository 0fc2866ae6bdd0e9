package cvparse

import "testing"

// A cell beside the phone's whose first word holds letters ("2x2" over
// "PHOTO", "3rd Floor") is no digit group of the number; digit groups a
// column gap set apart still join.
func TestPhoneBesideLetteredCell(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"photo box size", "JOSE M. REYES\tAddress: 12 Rizal St., Cebu City\nThird Engineer\nMobile: +63 918 555 0142\t2x2\n" +
			"\tPHOTO\n\nEXPERIENCE\n", "+63 918 555 0142"},
		{"floor beside", "Amina Yusuf\nPhone: 0803 555 1234\t3rd Floor, Marina House, Lagos\n", "0803 555 1234"},
		{"digit groups still join", "Jane Roe\nTel: +44 7700\t900123\n", "+44 7700 900123"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ParseText(tt.text).Contact.Phone; got != tt.want {
				t.Errorf("phone = %q, want %q", got, tt.want)
			}
		})
	}
}
