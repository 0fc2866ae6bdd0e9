package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold lower-cases s, removes accents and other combining marks, spells the
// ligatures œ, æ and ß out, and writes the typographic apostrophe as ':
// "Élaboré" → "elabore", "Cœur d’équipe" → "coeur d'equipe". Punctuation and
// spacing are kept. ASCII input is only lower-cased.
func Fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case 'œ', 'Œ':
			b.WriteString("oe")
			continue
		case 'æ', 'Æ':
			b.WriteString("ae")
			continue
		case 'ß':
			b.WriteString("ss")
			continue
		case '’':
			r = '\''
		}
		b.WriteRune(unicode.ToLower(r))
	}
	out := b.String()
	// Scripts whose marks are not Mn (Hangul jamo, Indic vowel signs)
	// come back composed.
	if !norm.NFC.IsNormalString(out) {
		out = norm.NFC.String(out)
	}
	return out
}

// Key reduces s to its words: lower case, accents removed, every run of
// characters that are neither letters nor digits (punctuation, spaces,
// apostrophes) written as one space, no leading or trailing space.
// "Centres d’intérêt :" → "centres d interet". Ligatures are kept as
// written: job identifiers are hashes of keys.
func Key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	write := func(r rune) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	if isASCII(s) {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			write(rune(c))
		}
		return b.String()
	}
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		write(r)
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
