package cvparse

import (
	"slices"
	"testing"
)

// A personal-details form lists the languages among its rows ("Other
// Languages:<tab>…", "Languages:<tab>…"): that row heads no section, the
// rows after it (licence, address, phone) are still the person's details,
// and the languages of the row, the home language too, are spoken
// languages.
func TestLanguageRowInsidePersonalForm(t *testing.T) {
	tests := []struct {
		name, text, phone, location string
		langs                       []string
	}{
		{"other languages row before address and phone", "CURRICULUM VITAE\n\nPERSONAL DETAILS\n" +
			"Surname\t: Dlamini\nFirst Names\t: Thabo Sipho\nGender\t: Male\nHome Language\t: isiXhosa\n" +
			"Other Languages\t: English, Afrikaans\nDriver's Licence\t: Code 8\n" +
			"Residential Address\t: 12 Buitenkant Street, Gardens, Cape Town, 8001\nContact Number\t: 083 555 1234\n" +
			"E-mail Address\t: tsd@example.com\n\nCAREER OBJECTIVE\nA plumber looking for a site role.\n",
			"083 555 1234", "12 Buitenkant Street, Gardens, Cape Town, 8001", []string{"isiXhosa", "English", "Afrikaans"}},
		{"languages row in the middle of the form", "CURRICULUM VITAE\n\nPERSONAL INFORMATION\n" +
			"Name\t: Chipo Banda\nNationality\t: Zambian\nLanguages\t: English, Bemba, Nyanja\nMarital Status\t: Single\n" +
			"Address\t: Plot 14, Kabwata, Lusaka\nCell\t: +260 966 555 101\n\nWORK EXPERIENCE\n" +
			"2019 – 2023\tTeacher, Kabwata Primary School, Lusaka\n",
			"+260 966 555 101", "Plot 14, Kabwata, Lusaka", []string{"English", "Bemba", "Nyanja"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ParseText(tt.text)
			if c.Contact.Phone != tt.phone {
				t.Errorf("phone = %q, want %q", c.Contact.Phone, tt.phone)
			}
			if c.Contact.Location != tt.location {
				t.Errorf("location = %q, want %q", c.Contact.Location, tt.location)
			}
			for _, l := range tt.langs {
				if !slices.Contains(c.Skills.Languages, l) {
					t.Errorf("languages = %q, want %q among them", c.Skills.Languages, l)
				}
			}
		})
	}
}
