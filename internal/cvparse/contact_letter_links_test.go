package cvparse

import "testing"

// A link after a single letter standing for its lost icon ("W
// janeroe.dev", as moderncv prints its labels without symbols) is the
// portfolio.
func TestLetterLabelledLink(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Jane Roe\nE jane@example.com\nW janeroe.dev\n\nSKILLS\nGo\n", "janeroe.dev"},
		{"Jane Roe\njane@example.com · W janeroe.github.io\n\nSKILLS\nGo\n", "janeroe.github.io"},
		{"Marie Dubois\nmarie@exemple.fr\nS mariedubois.fr\n\nCOMPÉTENCES\nExcel\n", "mariedubois.fr"},
	} {
		if got := ParseText(tc.text).Contact.Portfolio; got != tc.want {
			t.Errorf("portfolio %q, want %q", got, tc.want)
		}
	}
}
