package cvparse

import "testing"

// Contact lines read by OCR: a middle dot read as a full stop between
// spaces still parts two items, and a phone number whose first space was
// lost ("418555-0193") is read whole, not from its second digit.
func TestOCRContactLine(t *testing.T) {
	tests := []struct {
		line, phone string
	}{
		{"Corso Vittorio Emanuele 12, 10121 Torino, Italy . +39 333 555 0147 · g.rossi@example.it", "+39 333 555 0147"},
		{"Calle Mayor 8, 28013 Madrid . +34 612 55 01 23 . ana.ruiz@example.es", "+34 612 55 01 23"},
		{"1200, boul. René-Lévesque, Québec (Québec) • 418555-0193 • m.gagnon@example.ca", "418555-0193"},
		{"Lyon • 0612-345678 • c.petit@example.fr", "0612-345678"},
	}
	for _, tt := range tests {
		got := ParseText("Giulia Rossi\n" + tt.line + "\n\nExperience\nAnalyst, Acme\t2019 – 2022\n")
		if got.Contact.Phone != tt.phone {
			t.Errorf("%q: phone = %q, want %q", tt.line, got.Contact.Phone, tt.phone)
		}
	}
}

// A LinkedIn address wrapped at a hyphen goes on at the next line's start,
// up to the icon that opens the next item ("deshpande-data 💻
// github.com/…"): the icon ends the address as a separator would.
func TestWrappedURLBeforeIcon(t *testing.T) {
	got := ParseText("Riya Kulkarni\n+91 98220 00000 ✉ riya.k@example.com 🔗 linkedin.com/in/riya-\nkulkarni-analytics 💻 github.com/riyak\n\n" +
		"Experience\nAnalyst, Acme Pvt. Ltd.\t2022 – 2024\n")
	if got.Contact.LinkedIn != "linkedin.com/in/riya-kulkarni-analytics" || got.Contact.GitHub != "github.com/riyak" {
		t.Errorf("linkedin %q, github %q", got.Contact.LinkedIn, got.Contact.GitHub)
	}
}

// A contact line whose thin separators OCR lost: the place, the phone
// and the links beside the address are still each read.
func TestOCRContactLineWithoutSeparators(t *testing.T) {
	tests := []struct {
		line, phone, location, github string
	}{
		{"Halifax, NS (902) 555-0178 m.leblanc@example.ca linkedin.com/in/mleblanc", "(902) 555-0178", "Halifax, NS", ""},
		{"Leeds +44 7700 900456 github.com/priyas p.shah@example.co.uk", "+44 7700 900456", "Leeds", "github.com/priyas"},
	}
	for _, tt := range tests {
		got := ParseText("Marie Leblanc\n" + tt.line + "\n\nExperience\nAnalyst, Acme\t2019 – 2022\n").Contact
		if got.Phone != tt.phone || got.Location != tt.location || got.GitHub != tt.github {
			t.Errorf("%q: phone %q, location %q, github %q; want %q, %q, %q", tt.line, got.Phone, got.Location, got.GitHub, tt.phone, tt.location, tt.github)
		}
	}
}

// Phone and e-mail labels inside a line that only spaces part from the
// item before them still open items of their own; a label of two words
// ("Home Tel:") stays whole.
func TestInlineContactLabels(t *testing.T) {
	tests := []struct {
		line, phone, location string
	}{
		{"P. O. Box 2207, Tamale Tel: 037 202 4418 Email: a.mensah@example.com", "037 202 4418", "P. O. Box 2207, Tamale"},
		{"Kumasi · Home Tel: 032 202 5511 Email: a.mensah@example.com", "032 202 5511", "Kumasi"},
	}
	for _, tt := range tests {
		got := ParseText("Ama Mensah\n" + tt.line + "\n\nExperience\nTeacher, Tamale Primary School\t2019 – 2022\n").Contact
		if got.Phone != tt.phone || got.Location != tt.location {
			t.Errorf("%q: phone %q, location %q; want %q, %q", tt.line, got.Phone, got.Location, tt.phone, tt.location)
		}
	}
}
