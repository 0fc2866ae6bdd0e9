package cvparse

import (
	"testing"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// nameRowAt is a PDF line with its left edge, top and text height.
type nameRowAt struct {
	x, y, size float64
	text       string
}

func nameRowsDoc(rows ...nameRowAt) extract.Document {
	d := extract.Document{Pages: 1}
	for _, r := range rows {
		d.Lines = append(d.Lines, extract.Line{Text: r.text, Size: r.size, X: r.x, Y: r.y, Page: 1})
	}
	for i, b := range nameBody {
		d.Lines = append(d.Lines, extract.Line{Text: b.text, Size: b.size, X: 60, Y: b.y + float64(i), Page: 1})
	}
	return d
}

// A name set over two lines in display type with the address in a cell
// beside it (moderncv's header): the address's small lines come between
// the name's lines in reading order, and the name's lines hold the
// address's cells after a tab. Only the name's cells make the name; the
// rest stays contact data.
func TestNameRowsBesideAddress(t *testing.T) {
	tests := []struct {
		name string
		rows []nameRowAt
		want string
	}{
		{"address line between the name's lines", []nameRowAt{
			{65, 74, 32, "Gwendolyn\t14 Rue des Tilleuls"},
			{450, 100, 9.6, "1204 Genève"},
			{65, 107, 32, "Moreau-Lachance\tSwitzerland\tM +41 79 555 12 34"},
			{370, 136, 9.6, "E g.moreau@example.ch"},
			{65, 155, 16, "Hydrologist"},
		}, "Gwendolyn Moreau-Lachance"},
		{"initial, then the family name under the address", []nameRowAt{
			{64, 74, 32, "Tomasz K.\tApartment 7, 21 Harbour View"},
			{400, 97, 9.6, "Gdynia 81-310"},
			{65, 100, 32, "Zieliński\tPoland\tM +48 501 555 010"},
			{65, 140, 16, "Naval Architect"},
		}, "Tomasz K. Zieliński"},
		{"given names whole, family name beside the street", []nameRowAt{
			{65, 74, 32, "Nadia Farah"},
			{64, 100, 32, "El-Haddad\tRue Hamra 12"},
			{400, 127, 9.6, "Beirut, Lebanon"},
			{65, 140, 16, "Pharmacist\tM +961 3 555 123"},
		}, "Nadia Farah El-Haddad"},
		{"one word a line, no cells", []nameRowAt{
			{68, 77, 32, "Oluwadamilare"},
			{390, 109, 9.6, "nadia@example.com"},
			{67, 111, 32, "Adeyemi-Okafor\tLagos\tNigeria"},
			{68, 158, 16, "Civil Engineer"},
		}, "Oluwadamilare Adeyemi-Okafor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Parse(nameRowsDoc(tt.rows...))
			if got.Contact.Name != tt.want {
				t.Errorf("name = %q, want %q", got.Contact.Name, tt.want)
			}
		})
	}
}

// A small line at the name's own left edge is a headline under it, not
// an address beside it: the name does not reach past it.
func TestNameRowsStopAtHeadline(t *testing.T) {
	got := Parse(nameRowsDoc(
		nameRowAt{65, 74, 32, "Priya Raman"},
		nameRowAt{65, 100, 9.6, "Quality Lead"},
		nameRowAt{65, 110, 32, "Bangalore Office"},
		nameRowAt{65, 150, 10, "priya@example.com"},
	))
	if got.Contact.Name != "Priya Raman" {
		t.Errorf("name = %q, want Priya Raman", got.Contact.Name)
	}
}

// The document's title in display type, cut short by OCR or a narrow box
// ("CURRICULUM VI", "CURRICULUM VITA", its letters set apart, a letter
// lost under its underline), is no name: the labelled name under it is.
func TestCutDocumentTitleIsNoName(t *testing.T) {
	for _, title := range []string{"CURRICULUM VI", "Curriculum Vita", "CURRI CULUM VITAE", "CURRICULUM V", "CURRICUL M VITAE", "CURRIC LUM VITAE"} {
		t.Run(title, func(t *testing.T) {
			got := Parse(sizedDoc(true, append([]sized{
				{15, 40, title}, {11, 60, "PERSONAL PARTICULARS"},
				{8, 75, "Name:\tNEEMA ZAWADI KIMARO"}, {8, 88, "Nationality:\tKenyan"},
				{8, 101, "E-mail:\tneema.kimaro@example.com"},
			}, nameBody...)...))
			if got.Contact.Name != "NEEMA ZAWADI KIMARO" {
				t.Errorf("name = %q, want NEEMA ZAWADI KIMARO", got.Contact.Name)
			}
		})
	}
}
