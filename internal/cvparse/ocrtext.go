package cvparse

import (
	"regexp"
	"strings"

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
)

// mendOCR puts right the misreadings above in the lines of a document
// read by OCR.
func mendOCR(lines []extract.Line) []extract.Line {
	out := make([]extract.Line, len(lines))
	for i, l := range lines {
		l.Text = mendOCRText(l.Text)
		out[i] = l
	}
	return out
}

func mendOCRText(t string) string {
	t = reSpacedEmail.ReplaceAllStringFunc(t, func(m string) string {
		return strings.Join(strings.Fields(m), "")
	})
	t = reOrdinalL.ReplaceAllString(t, "1$1")
	t = reDegreeSignOrdinal.ReplaceAllString(t, "${1}e$2")
	t = reLostCedilla.ReplaceAllString(t, "${1}ranç$2")
	return romanNumerals(t)
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
