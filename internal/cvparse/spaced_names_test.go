package cvparse

import "testing"

// A name set with wide letter-spacing whose word gaps the PDF lost comes
// back cut into the words the rest of the document spells (the e-mail,
// a LinkedIn handle, a page footer), post-nominals then taken off as
// anywhere; letters the document's words do not cover stay as they were.
func TestTrackedNameRespaced(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"from the e-mail", "N O M V U L A D L A M I N I\nCape Town · nomvula.dlamini@example.com · +27 82 555 0101\n\n" +
			"PROFILE\nAuditor.\n", "NOMVULA DLAMINI"},
		{"glued pair and post-nominal, from the page footer", "S I P HO N D L O V U C A ( S A )\n" +
			"sndlovu@example.com · +27 83 555 0199\n\nEXPERIENCE\n2019 – 2023\tAudit Manager, KPMG, Durban\n\n" +
			"Sipho Ndlovu CA(SA) – page 1 of 1\n", "SIPHO NDLOVU"},
		{"from a linkedin handle", "K W A M E A S A N T E\nAccra · linkedin.com/in/kwame-asante · +233 24 555 0101\n\n" +
			"EXPERIENCE\n", "KWAME ASANTE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ParseText(tt.text).Contact.Name; got != tt.want {
				t.Errorf("name = %q, want %q", got, tt.want)
			}
		})
	}
	// Letters no word of the document covers are left alone.
	if got := segmentWords("Q X Z W V B N M"); got != "" {
		t.Errorf("uncovered letters cut into %q", got)
	}
}

func segmentWords(t string) string {
	letters, ok := trackedLetters(t)
	if !ok {
		return ""
	}
	w, _ := segmentLetters(letters, map[string]bool{"ab": true})
	return w
}

// The name again atop a page, with its post-nominals ("Curriculum Vitae –
// Jane Roe CA(SA)"), is no place: the address under the name set large
// is the location.
func TestRunningNameIsNoLocation(t *testing.T) {
	rows := append([]sized{
		{8, 20, "Curriculum Vitae – Lerato Khumalo CA(SA)"},
		{20, 50, "LERATO KHUMALO CA(SA)"},
		{10, 80, "18 Oxford Road, Rosebank, Johannesburg, 2196 | 082 555 0123 | lerato@example.com"},
	}, nameBody...)
	c := Parse(sizedDoc(false, rows...)).Contact
	if c.Name != "LERATO KHUMALO" {
		t.Errorf("name = %q", c.Name)
	}
	if c.Location != "18 Oxford Road, Rosebank, Johannesburg, 2196" {
		t.Errorf("location = %q", c.Location)
	}
}
