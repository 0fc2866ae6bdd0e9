package cvparse

import (
	"testing"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// Misreadings Tesseract makes on any page are put right in OCR text, and
// only there.
func TestMendOCRText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Tél. : +221 70 111 22 33 / E-mail : awa.ndiaye@ gmail. com", "Tél. : +221 70 111 22 33 / E-mail : awa.ndiaye@gmail.com"},
		{"Email: k.otieno @outlook. co", "Email: k.otieno@outlook.co"},
		{"jane.roe@example.org", "jane.roe@example.org"},
		{"Université Mohammed Il de Rabat", "Université Mohammed II de Rabat"},
		{"Claims Handler Il\tMar. 2018 – Jan. 2020", "Claims Handler II\tMar. 2018 – Jan. 2020"},
		{"Technicien Ill, maintenance", "Technicien III, maintenance"},
		{"Poste à Lyon. Il a fallu former l'équipe", "Poste à Lyon. Il a fallu former l'équipe"},
		{"Université de Ouagadougou |", "Université de Ouagadougou I"},
		{"Analyste | Banque Atlantique", "Analyste | Banque Atlantique"},
		{"MSc Data Science | Universidade de Lisboa | Lisboa |", "MSc Data Science | Universidade de Lisboa | Lisboa |"},
		{"Licence ler cycle – Prix de lère année", "Licence 1er cycle – Prix de 1ère année"},
		{"Professeur principal, 3° année", "Professeur principal, 3e année"},
		{"Réglage à 20° près", "Réglage à 20° près"},
		{"Langues : Frangais, anglais – Frangoise Diallo", "Langues : Français, anglais – Françoise Diallo"},
		// An acronym's closing bracket read as a comma.
		{"Brevet de Technicien (BTS, Lycée Technique de Thiès", "Brevet de Technicien (BTS), Lycée Technique de Thiès"},
		{"Logiciels (CAD, BIM et rendu)", "Logiciels (CAD, BIM et rendu)"},
		{"Diplôme (DUT, option GEII) (IUT, Dakar", "Diplôme (DUT, option GEII) (IUT), Dakar"},
		// A capital I read as a bar inside a heading.
		{"WHERE | STUDIED", "WHERE I STUDIED"},
		{"SKILLS | TOOLS", "SKILLS | TOOLS"},
		{"EXPERIENCE | EDUCATION", "EXPERIENCE | EDUCATION"},
	} {
		if got := mendOCRText(tc.in); got != tc.want {
			t.Errorf("mendOCRText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	doc := extract.Document{Lines: []extract.Line{{Text: "Aïcha Sow"}, {Text: "aicha.sow@ orange. sn"}}}
	if got := Parse(doc).Contact.Email; got != "" {
		t.Errorf("text layer: email %q, want none read from a spaced address", got)
	}
	doc.OCR = true
	if got := Parse(doc).Contact.Email; got != "aicha.sow@orange.sn" {
		t.Errorf("OCR: email %q, want aicha.sow@orange.sn", got)
	}
}
