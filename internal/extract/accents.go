package extract

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// composeAccents writes a letter and the accent drawn over it as one
// character: TeX fonts without accented glyphs set "í" as a dotless ı and
// a combining acute, which pdftotext gives as two ("Luı́sa"), and other
// producers leave letters decomposed. The dotless ı or ȷ under an accent
// is the plain letter's, whose dot the accent replaces.
func composeAccents(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Mn, r) }) {
		return s
	}
	rs := []rune(s)
	for i := 0; i+1 < len(rs); i++ {
		if !unicode.Is(unicode.Mn, rs[i+1]) {
			continue
		}
		switch rs[i] {
		case 'ı':
			rs[i] = 'i'
		case 'ȷ':
			rs[i] = 'j'
		}
	}
	return norm.NFC.String(string(rs))
}
