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

// A credential the post-nominals do not list, set after the name and a
// comma ("CPHR", "CRIA"), the name in display type wrapped before it, is
// dropped.
func TestDisplayNameCommaCredential(t *testing.T) {
	for _, tc := range []struct {
		head []sized
		want string
	}{
		{[]sized{{24, 40, "MARIE-CLAUDE BERGERON,"}, {24, 60, "CPHR"}}, "MARIE-CLAUDE BERGERON"},
		{[]sized{{24, 40, "Tomasz Wieczorek, CRIA"}}, "Tomasz Wieczorek"},
	} {
		got := Parse(sizedDoc(false, append(append(tc.head, sized{10, 80, "Finance Manager"}, sized{10, 95, "p@example.com"}), nameBody...)...))
		if got.Contact.Name != tc.want {
			t.Errorf("%q: name = %q, want %q", tc.head[0].text, got.Contact.Name, tc.want)
		}
	}
}

// A photo's first line where Tesseract wove a name in capitals into the
// smaller address beside it, word by word, gives the name and the address
// apart; capitals naming credentials are no name.
func TestOCRWovenNameLine(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{"Unit JOSEFINA 4B Sampaguita Street, MAE Barangay Malanday, S. Marikina VILLANUEVA City", "JOSEFINA MAE S. VILLANUEVA"},
		{"Jane Roe\tMBA Senior Analyst PMP with ten years", "Jane Roe"},
	} {
		got := Parse(sizedDoc(true, append([]sized{{24, 40, tc.line}, {10, 80, "Mobile: 0917 555 0101"}, {10, 95, "Email: p@example.com"}}, nameBody...)...))
		if got.Contact.Name != tc.want {
			t.Errorf("%q: name = %q, want %q", tc.line, got.Contact.Name, tc.want)
		}
	}
}
