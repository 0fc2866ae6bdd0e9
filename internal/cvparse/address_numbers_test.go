package cvparse

import "testing"

// House, flat and plot numbers written with a slash ("41/6", "SS 2/61",
// "F-8/3") are part of an address, not a link; a contact label set over
// its value ("Mobile", also a town) does not go on with the address above
// it.
func TestAddressWithSlashNumbers(t *testing.T) {
	for text, want := range map[string]string{
		"Hoang Thi Lan\n112/7 Le Loi Street, District 3, Ho Chi Minh City\nlan.hoang@example.com\n":    "112/7 Le Loi Street, District 3, Ho Chi Minh City",
		"Nurul Izzah\nNo. 5, Jalan USJ 4/2, 47600 Subang Jaya, Selangor | +60 12 555 0101\n":           "No. 5, Jalan USJ 4/2, 47600 Subang Jaya, Selangor",
		"Chaminda Silva\nAddress\n12/4, Galle Road, Colombo\nMobile\n+94 77 555 0123\nEmail\nc@x.lk\n": "12/4, Galle Road, Colombo",
		"Ayesha Malik\nHouse 9, Street 14, F-8/3, Islamabad, Pakistan\n+92 300 555 0199\n":             "House 9, Street 14, F-8/3, Islamabad, Pakistan",
	} {
		got := ParseText(text + "\nExperience\nAccountant, Acme Ltd\t2019 – 2022\n")
		if got.Contact.Location != want {
			t.Errorf("%q: location = %q, want %q", text, got.Contact.Location, want)
		}
	}
}
