package cvparse

import (
	"regexp"
	"strings"
	"unicode"
)

// rePluralMark is the "(s)" a heading adds to its noun to say there may be
// one or several ("Reference (s)", "Referee(s)", "Certificate(s)"), as
// forms and job portals write them.
var rePluralMark = regexp.MustCompile(`(\pL)\s?\((e?s)\)`)

// pluralMarkHeading reads a heading whose noun carries a plural mark as
// its plural ("Reference (s)" heads references).
func pluralMarkHeading(t string) (sectionKind, bool) {
	p := rePluralMark.ReplaceAllString(t, "${1}${2}")
	if p == t {
		return 0, false
	}
	return headingKind(p)
}

// maxSpacedFragments bounds the words of a letter-spaced heading tried
// joined: every way of joining n words is 2^(n-1) candidates.
const maxSpacedFragments = 6

// spacedCapsHeading reads a heading in capitals whose letter spacing the
// PDF's text layer broke into fragments at other places than its word
// breaks ("COMP É TEN CES", "L AN GUES", "EXPÉRIEN CES
// PROFESSIONNELLES"): some way of joining neighbouring fragments spells
// a known heading. Only lines of capitals are tried; their fragments may
// be of any length: OCR breaks spaced capitals where the spacing widens
// ("PROFESSIONAL CERT IFICATE"), not only beside a letter or two.
func spacedCapsHeading(t string) (sectionKind, bool) {
	ws := strings.Fields(t)
	if len(ws) < 2 || len(ws) > maxSpacedFragments || !capitalFragments(ws) {
		return 0, false
	}
	for mask := 1; mask < 1<<(len(ws)-1); mask++ {
		var b strings.Builder
		b.WriteString(ws[0])
		for i, w := range ws[1:] {
			if mask&(1<<i) == 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
		if k, ok := headingKind(b.String()); ok {
			return k, true
		}
	}
	return 0, false
}

// capitalFragments: words of capital letters (an apostrophe allowed, as
// in "D'INTÉRÊT").
func capitalFragments(ws []string) bool {
	for _, w := range ws {
		for _, r := range w {
			if !unicode.IsUpper(r) && r != '\'' && r != '’' {
				return false
			}
		}
	}
	return true
}
