package cvparse

import (
	"slices"
	"testing"
)

// Variations on the contact data of the seventh blind set
// (testdata/blind7), written with invented text.

// A name is the person's name without the titles before it ("Dipl.-Ing.",
// "Prof. Dr.", "Dr.-Ing.", "Mag.") or the credentials after it, the
// list's and those that follow one of them ("BEng(Hons) CPEng RPEQ").
func TestVariationNameTitlesBlind7(t *testing.T) {
	cases := []struct{ name, head, want string }{
		{"german engineer's diploma", "Dipl.-Ing. Maren Vogt\nProcess Engineer", "Maren Vogt"},
		{"doctor of engineering", "Dr.-Ing. Jonas Peltzer\nResearch Engineer", "Jonas Peltzer"},
		{"two titles", "Prof. Dr. Ilse Brandauer\nLecturer", "Ilse Brandauer"},
		{"austrian magister", "Mag. Petra Hollaus\nTax Adviser", "Petra Hollaus"},
		{"honours and unknown credentials", "Liam Tran BEng(Hons) CPEng NER\nStructural Engineer", "Liam Tran"},
		{"honours apart, commas", "Aoife Byrne RGN, BSc (Hons)\nStaff Nurse", "Aoife Byrne"},
		{"known credential then an unknown one", "Mei Lin Ong MBA, CSCP\nSupply Chain Lead", "Mei Lin Ong"},
		// A family name in capitals before a credential stays.
		{"capitals family name", "Awa DIOP MBA\nContrôleuse de gestion", "Awa DIOP"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ParseText(tc.head + "\nname@example.com\n\nSkills\nExcel\n")
			if c.Contact.Name != tc.want {
				t.Errorf("name = %q, want %q", c.Contact.Name, tc.want)
			}
		})
	}
}

// A given name set over the family name in smaller display type
// ("Inès" / "BELKACEM HADDAD") is the name's first part; a line of body
// text above the name is not.
func TestVariationGivenNameAboveBlind7(t *testing.T) {
	cases := []struct {
		name string
		ocr  bool
		head []sized
		want string
	}{
		{"given name smaller, scanned", true, []sized{
			{16, 70, "Inès"}, {22, 89, "BELKACEM HADDAD"}, {11, 115, "Chargée de clientèle"}, {10, 132, "ines@example.com"},
		}, "Inès BELKACEM HADDAD"},
		{"given name smaller, pdf", false, []sized{
			{18, 40, "Tomasz"}, {28, 62, "Wiśniewski-Kaur"}, {11, 95, "Backend Developer"}, {10, 110, "tw@example.com"},
		}, "Tomasz Wiśniewski-Kaur"},
		{"body line above stays out", false, []sized{
			{10, 20, "Confidential"}, {28, 40, "Tomasz Wiśniewski"}, {11, 75, "Backend Developer"}, {10, 90, "tw@example.com"},
		}, "Tomasz Wiśniewski"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := Parse(sizedDoc(tc.ocr, append(slices.Clone(tc.head), nameBody...)...))
			if c.Contact.Name != tc.want {
				t.Errorf("name = %q, want %q", c.Contact.Name, tc.want)
			}
		})
	}
}

// A phone is the number as written with its extension, and the first of
// two numbers whose labels are also words ("Port. :", "Fixe :").
func TestVariationPhoneBlind7(t *testing.T) {
	cases := []struct{ name, line, want string }{
		{"extension", "Denver, CO • Phone: (555) 013-2290 ext. 31 • name@example.com", "(555) 013-2290 ext. 31"},
		{"x extension", "Tel: +1 416 555 0199 x204 | name@example.com", "+1 416 555 0199 x204"},
		{"poste", "Tél. : 514 555-0142, poste 218 · name@example.com", "514 555-0142, poste 218"},
		{"port and fixe", "Port. : 06 44 18 72 90 — Fixe : 04 78 12 33 45\nE-mail : name@example.com", "06 44 18 72 90"},
		{"fixe alone", "Fixe : 04 78 12 33 45\nname@example.com", "04 78 12 33 45"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ParseText("Jane Roe\n" + tc.line + "\n\nSkills\nExcel\n")
			if c.Contact.Phone != tc.want {
				t.Errorf("phone = %q, want %q", c.Contact.Phone, tc.want)
			}
		})
	}
	// "Port" opening a place is no label.
	c := ParseText("Jane Roe\nPort Harcourt, Nigeria\n+234 803 555 0101\nname@example.com\n\nSkills\nExcel\n")
	if c.Contact.Location != "Port Harcourt, Nigeria" {
		t.Errorf("location = %q, want Port Harcourt, Nigeria", c.Contact.Location)
	}
}
