package cvparse

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// Text read by OCR carries the misreadings Tesseract makes on every
// page, whatever the CV: spaces set inside an e-mail address at its
// punctuation, a Roman numeral's capital I read as a small l ("Hassan
// Il", "Underwriter Il"), the French ordinal "1er" read as "ler", its
// superscript "e" as a degree sign ("5° année"), a cedilla lost
// ("Frangais"). mendOCR puts these right; text with a text layer is left
// as it is.

var (
	// reSpacedEmail is an address with spaces around its "@" or the dot
	// before its top-level domain ("jane.roe@ yahoo. fr").
	reSpacedEmail = regexp.MustCompile(`([\w.+-]+)\s*@\s*([\w-]+(?:\.[\w-]+)*)\s*\.\s*(com|fr|org|net|edu|gov|io|co|uk|de|be|ch|ca|ma|sn|ci|cm|ng|ke|gh|za|in|pk|bd|lk|my|ph|au|nz|ie|es|it|pt|nl|pl|ro|tn|dz|eu|info|biz|me|us)\b`)
	// reOrdinalL is "1er", "1ère", "1re" with its figure read as a
	// letter l.
	reOrdinalL = regexp.MustCompile(`\bl(er|ère|ere|re)\b`)
	// reDegreeSignOrdinal is "5e année" with its superscript e read as a
	// degree sign.
	reDegreeSignOrdinal = regexp.MustCompile(`\b(\d{1,2})°(\s+(?:année|annee|an|classe|degré|degre|cycle|étage|rang|arrondissement)\b)`)
	// reLostCedilla is "français", "François" with ç read as g.
	reLostCedilla = regexp.MustCompile(`\b([Ff])rang(ais|aise|aises|ois|oise)\b`)
	// reOpenAcronym is an acronym in brackets whose closing bracket was
	// read as a comma ("Diplôme d'État (DEI), Institut" as "(DED,
	// Institut").
	reOpenAcronym = regexp.MustCompile(`\((\p{Lu}{2,6}),\s`)
)

// mendOCR puts right the misreadings above in the lines of a document
// read by OCR.
func mendOCR(lines []extract.Line) []extract.Line {
	out := make([]extract.Line, len(lines))
	for i, l := range lines {
		l.Text = mendOCRText(l.Text)
		out[i] = l
	}
	return untangleName(out)
}

func mendOCRText(t string) string {
	t = reSpacedEmail.ReplaceAllStringFunc(t, func(m string) string {
		return strings.Join(strings.Fields(m), "")
	})
	t = reOrdinalL.ReplaceAllString(t, "1$1")
	t = reDegreeSignOrdinal.ReplaceAllString(t, "${1}e$2")
	t = reLostCedilla.ReplaceAllString(t, "${1}ranç$2")
	return barForI(romanNumerals(closeAcronyms(t)))
}

// closeAcronyms gives back the closing bracket of an acronym read as a
// comma: left open, the bracket would hold the rest of the entry, the
// school after the degree, as one aside. An acronym whose bracket closes
// further on ("(CAD, BIM)") is left as it is.
func closeAcronyms(t string) string {
	for off := 0; ; {
		m := reOpenAcronym.FindStringSubmatchIndex(t[off:])
		if m == nil {
			return t
		}
		comma := off + m[3]
		rest := t[comma:]
		if c := strings.IndexByte(rest, ')'); c < 0 || strings.IndexByte(rest[:c], '(') >= 0 {
			t = t[:comma] + ")" + t[comma:]
		}
		off = comma + 1
	}
}

// barForI reads a bar alone between two words as the capital I it was
// ("WHERE | STUDIED") when that makes the line a heading, which as it
// stands it is not: a bar parts nothing inside a heading's words.
func barForI(t string) string {
	if strings.Count(t, " | ") != 1 || strings.Count(t, "|") != 1 {
		return t
	}
	i := strings.Replace(t, " | ", " I ", 1)
	if _, ok := headingKind(i); !ok {
		return t
	}
	if _, ok := headingKind(t); ok {
		return t
	}
	return i
}

// reRomanL is "Il" or "Ill" after a capitalised word and a space, alone
// before a space, a tab, a comma or the end of the line.
var reRomanL = regexp.MustCompile(`(\p{Lu}\p{L}*) (Ill?)([\s,;)]|$)`)

// romanNumerals reads "Il" and "Ill" as "II" and "III" where they follow a
// capitalised word with no punctuation between ("Hassan Il de
// Casablanca", "Underwriter Il", "Level Ill"): a name or title numbered
// so. After a full stop, "Il" opens a French sentence and stays.
func romanNumerals(t string) string {
	if strings.Count(t, "|") == 1 {
		t = reRomanBar.ReplaceAllString(t, "$1 I")
	}
	return reRomanL.ReplaceAllStringFunc(t, func(m string) string {
		sub := reRomanL.FindStringSubmatch(m)
		return sub[1] + " " + strings.Repeat("I", len(sub[2])) + sub[3]
	})
}

// reRomanBar is a capital I read as a bar at the end of a line, after a
// capitalised word ("Université de Yaoundé |"), on a line with no other
// bar: a bar there parts nothing from anything. Among bars ("Title |
// School | Porto |") it parts the line from the next.
var reRomanBar = regexp.MustCompile(`(\p{Lu}\p{L}*) \|$`)

// untangleName parts the first line of a page read by OCR that holds a
// name in capitals and a line of smaller type woven word by word
// ("Blk MARK 12 Lot 8, Camella ANTHONY Homes, … R. Antipolo DELA City,
// CRUZ Rizal"): Tesseract reads the two lines, set side by side in
// height, as one. The name, in capitals and initials, goes on a line of
// its own before the rest, each in its own order.
func untangleName(lines []extract.Line) []extract.Line {
	if len(lines) == 0 {
		return lines
	}
	name, rest, ok := wovenCapitals(lines[0].Text)
	if !ok {
		return lines
	}
	first, second := lines[0], lines[0]
	first.Text, second.Text, second.GapBefore = name, rest, false
	return append([]extract.Line{first, second}, lines[1:]...)
}

// reCapitalWord is a word in capitals, or an initial and its full stop.
var reCapitalWord = regexp.MustCompile(`^(?:\p{Lu}{2,}|\p{Lu}\.)$`)

// wovenCapitals splits t into its words in capitals and the others when
// the capitals are two to five, broken into two runs or more by words in
// small letters, and the others hold at least three such words; a lone
// sign among them is dropped.
func wovenCapitals(t string) (caps, rest string, ok bool) {
	var cw, rw []string
	runs, lower, prevCap := 0, 0, false
	for _, w := range strings.Fields(t) {
		if reCapitalWord.MatchString(w) {
			cw = append(cw, w)
			if !prevCap {
				runs++
			}
			prevCap = true
			continue
		}
		// A lone sign is an icon misread ("@" for a pin), no word.
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
			continue
		}
		rw = append(rw, w)
		if strings.IndexFunc(w, unicode.IsLower) >= 0 {
			lower++
		}
		prevCap = false
	}
	caps = strings.Join(cw, " ")
	// "JANE Roe MBA, PMP – Project Manager": capitals naming degrees or
	// credentials are no name.
	if len(cw) < 2 || len(cw) > 5 || runs < 2 || lower < 3 || strings.HasSuffix(cw[0], ".") || degreeScore(caps) > 0 || credentialWords(caps) {
		return t, "", false
	}
	return caps, strings.Join(rw, " "), true
}

// rePostNominalWord is one degree or chartered title written after a
// name ("MBA", "PMP", "CPA").
var rePostNominalWord = regexp.MustCompile(`^(?:` + postNominals + `)$`)

// credentialWords: one of the words of s is a post-nominal credential.
func credentialWords(s string) bool {
	for _, w := range strings.Fields(s) {
		if rePostNominalWord.MatchString(strings.Trim(w, ",")) {
			return true
		}
	}
	return false
}
