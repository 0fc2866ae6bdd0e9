package cvparse

import "testing"

// Names across cultures: words that link a given name to a parent's
// (Welsh "ap", "ferch"; Malaysian "a/l", "a/p"; "s/o", "d/o"; Iban
// "anak"), and credentials after the name that name the country or
// university that gave them ("CA(SA)", "CPA (Aust.)", "MA (Cantab)") or
// a nurse's or doctor's licence ("RN", "MD"), which the name drops.
func TestNameShapes(t *testing.T) {
	tests := []struct {
		name, first, want string
	}{
		{"welsh ap", "Dafydd ap Llywelyn", ""},
		{"welsh ferch", "Angharad ferch Owain", ""},
		{"malaysian a/l", "Suresh a/l Krishnan", ""},
		{"malaysian a/p caps", "MEENA A/P RAJAGOPAL", ""},
		{"singapore s/o", "Ravi s/o Ganesan", ""},
		{"singapore d/o", "Lakshmi d/o Muthusamy", ""},
		{"iban anak", "Jong anak Ngumbang", ""},
		{"country credential", "Lerato Dlamini, CA(SA)", "Lerato Dlamini"},
		{"country credential spaced, then another", "Grace O'Brien, CPA (Aust.), CFA", "Grace O'Brien"},
		{"filiation and credentials", "Deepa a/p Ramasamy, CA(M), FCCA", "Deepa a/p Ramasamy"},
		{"oxbridge degree", "Hugo Fairweather MA (Cantab)", "Hugo Fairweather"},
		{"nurse licence caps", "JOCELYN B. REYES, RN", "JOCELYN B. REYES"},
		{"doctor", "Amara Nwosu, MD", "Amara Nwosu"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.want
			if want == "" {
				want = tc.first
			}
			got := ParseText(tc.first + "\nsomeone@example.com | +60 12 345 6789\n\nExperience\nAccountant, Acme Sdn Bhd\t2020 – 2022\n")
			if got.Contact.Name != want {
				t.Errorf("name = %q, want %q", got.Contact.Name, want)
			}
		})
	}
}

// The same in display type, where the name line may hold a photo box's
// caption beside it.
func TestDisplayNameShapes(t *testing.T) {
	for line, want := range map[string]string{
		"Siân ap Rhys":                      "Siân ap Rhys",
		"Nurul a/p Hassan, CA(M)":           "Nurul a/p Hassan",
		"MARIBEL T. AQUINO, RN\t2x2\tphoto": "MARIBEL T. AQUINO",
		"Pieter Botha, CA(SA)":              "Pieter Botha",
	} {
		got := Parse(sizedDoc(false, append([]sized{{24, 40, line}, {10, 70, "Finance Manager"}, {10, 85, "p@example.com"}}, nameBody...)...))
		if got.Contact.Name != want {
			t.Errorf("%q: name = %q, want %q", line, got.Contact.Name, want)
		}
	}
}
