package cvparse

import "testing"

// A personal-details row is no contact data, whatever its value looks
// like: "Gender: Male" (Malé is a capital), an identity number read as a
// phone, a place of birth. The phone and address rows after it are.
func TestPersonalRowsAreNoContact(t *testing.T) {
	tests := []struct {
		name, rows, phone, loc string
	}{
		{"gender before the address", "Sex:\tMale\nNationality:\tMaldivian\nAddress:\tH. Blue Lagoon, Majeedhee Magu, Malé 20026\n" +
			"Phone:\t+960 777 1234\n", "+960 777 1234", "H. Blue Lagoon, Majeedhee Magu, Malé 20026"},
		{"identity number before the phone", "ID Number:\t850704 5123 08 7\nGender:\tFemale\nPostal Address:\t12 Jacaranda Street, Pretoria 0181\n" +
			"Cell:\t082 555 0147\n", "082 555 0147", "12 Jacaranda Street, Pretoria 0181"},
		{"cnic and place of birth", "CNIC No:\t35202-1234567-1\nPlace of Birth:\tLahore\nMobile:\t+92 300 555 1234\nCity:\tKarachi\n",
			"+92 300 555 1234", ""},
		{"french identity row", "N° CIN :\tBE 812345\nLieu de naissance :\tRabat\nTél :\t+212 6 61 55 44 33\n", "+212 6 61 55 44 33", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParseText("Tendai Moyo\n\nPersonal Details\n" + tt.rows + "\nWork Experience\nStorekeeper, Acme Ltd\t2019 – 2022\n")
			if got.Contact.Phone != tt.phone {
				t.Errorf("phone = %q, want %q", got.Contact.Phone, tt.phone)
			}
			if tt.loc != "" && got.Contact.Location != tt.loc {
				t.Errorf("location = %q, want %q", got.Contact.Location, tt.loc)
			}
			if tt.loc == "" && (got.Contact.Location == "Lahore" || got.Contact.Location == "Rabat") {
				t.Errorf("location = %q: the place of birth", got.Contact.Location)
			}
		})
	}
}

// A town with its postcode after a hyphen ends an address ("Dhaka-1230",
// "Galle-80000"); a country's letters before a postcode ("CH-1009") are
// no town.
func TestTownPostcodeAddress(t *testing.T) {
	for addr, want := range map[string]string{
		"House # 5, Road # 11, Block C, Banani, Dhaka-1213": "House # 5, Road # 11, Block C, Banani, Dhaka-1213",
		"No. 21, Lighthouse Street, Fort, Galle-80000":      "No. 21, Lighthouse Street, Fort, Galle-80000",
		"Rue du Lac 3\nCH-1800 Vevey":                       "Rue du Lac 3, CH-1800 Vevey",
	} {
		got := ParseText("NUSRAT JAHAN\n" + addr + "\nMobile: +880 1711 555 123\n\nCareer Objective\nTo grow as a merchandiser.\n")
		if got.Contact.Location != want {
			t.Errorf("%q: location = %q, want %q", addr, got.Contact.Location, want)
		}
	}
}
