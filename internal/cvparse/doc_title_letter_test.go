package cvparse

import (
	"testing"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// "Curriculum Vitae" as OCR reads it with one letter lost ("CURRICULUM
// VIT E", "CURRICULUM VTAE") is the document's title, no name: the name
// is the line under it.
func TestDocumentTitleLetterLost(t *testing.T) {
	for _, title := range []string{"CURRICULUM VIT E", "CURRICULUM VTAE", "Curriculum Vite"} {
		d := extract.Document{OCR: true, Pages: 1, Lines: []extract.Line{
			{Text: title, Page: 1, X: 240, Y: 70, Size: 12.5, GapBefore: true},
			{Text: "AMINA WANJIKU OTIENO", Page: 1, X: 200, Y: 88, Size: 13.8, GapBefore: true},
			{Text: "P.O. Box 1200, Nakuru | Tel: 0711 555 010 | Email: amina.otieno@example.com", Page: 1, X: 140, Y: 105, Size: 13},
			{Text: "PROFILE", Page: 1, X: 83, Y: 125, Size: 10, GapBefore: true},
			{Text: "Dairy farm manager with eight years on mixed farms in the Rift Valley.", Page: 1, X: 83, Y: 140, Size: 9.6},
		}}
		if got := Parse(d).Contact.Name; got != "AMINA WANJIKU OTIENO" {
			t.Errorf("%s: name %q, want AMINA WANJIKU OTIENO", title, got)
		}
	}
}
