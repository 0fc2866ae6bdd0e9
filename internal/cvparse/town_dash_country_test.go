package cvparse

import "testing"

// A country set after a place with a dash is part of the location as
// written, not an item of its own; in a moderncv footer that made the
// whole block unreadable as contact data.
func TestCountryAfterDash(t *testing.T) {
	for line, want := range map[string]string{
		"Akwa, Douala – Cameroun | +237 6 99 12 34 56 | a@example.com":       "Akwa, Douala – Cameroun",
		"Curitiba, PR — Brasil · +55 41 99999-1234":                          "Curitiba, PR — Brasil",
		"Rue Lumumba 14, Quartier Matonge, Kalamu, Kinshasa – RDC":           "Rue Lumumba 14, Quartier Matonge, Kalamu, Kinshasa – RDC",
		"Westlands, Nairobi – Kenya\n+254 722 555 010 · w.njeri@example.com": "Westlands, Nairobi – Kenya",
	} {
		got := ParseText("Wanjiru Njeri\n" + line + "\n\nExperience\nNurse, Thika Level 5 Hospital\t2019 – 2022\n")
		if got.Contact.Location != want {
			t.Errorf("%q: location = %q, want %q", line, got.Contact.Location, want)
		}
	}
}

// moderncv's casual footer: the contact block at each page's foot, its
// place and country set apart by a dash.
func TestFooterPlaceWithCountry(t *testing.T) {
	d := sizedDoc(false,
		sized{30, 60, "Nomvula Khumalo"}, sized{15, 100, "Hydrogeologist"},
		sized{14, 200, "Experience"}, sized{10, 220, "2019–Present\tHydrogeologist, Umgeni Water, Pietermaritzburg"},
		sized{10, 235, "Groundwater models for rural supply schemes."},
		sized{10, 250, "Borehole siting with resistivity surveys."}, sized{10, 265, "Drought response plans for two districts."},
		sized{14, 300, "Education"}, sized{10, 320, "2016–2018\tMSc Hydrogeology, University of the Free State, Bloemfontein"},
		sized{10, 335, "2012–2015\tBSc Geology, University of KwaZulu-Natal, Durban"},
		sized{10, 740, "Pietermaritzburg, KwaZulu-Natal – South Africa"},
		sized{10, 755, "M +27 83 555 0199\t• E n.khumalo@example.com"},
	)
	d.Lines[10].GapBefore = true
	got := Parse(d)
	if got.Contact.Phone != "+27 83 555 0199" || got.Contact.Location != "Pietermaritzburg, KwaZulu-Natal – South Africa" {
		t.Errorf("phone %q, location %q", got.Contact.Phone, got.Contact.Location)
	}
}
