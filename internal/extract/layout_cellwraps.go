package extract

import (
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cellGoesOn says whether the line s plainly goes on the cell c above it
// in a grid: it opens in lower case ("To" / "date", "Ministry of Health"
// / "in Tetu"), c's line ends on a word that cannot end a cell ("County
// Government of", "Sub-", "(Job"), or c is a month alone over a year
// ("Aug" / "2019": a date wrapped in a narrow column).
func cellGoesOn(c, s *segment) bool {
	first := s.words[0].Text
	r, _ := utf8.DecodeRuneInString(first)
	if unicode.IsLower(r) {
		return true
	}
	last := c.words[len(c.words)-1].Text
	if openEnd(last) || strings.Count(c.text(), "(") > strings.Count(c.text(), ")") {
		return true
	}
	return len(c.words) == 1 && monthWord(last) && reYearWord.MatchString(first)
}

// openEnd: a word that leaves its line unfinished: a connector, a dash
// or a word cut at its hyphen.
func openEnd(w string) bool {
	switch strings.ToLower(w) {
	case "of", "and", "&", "for", "in", "the", "de", "du", "des", "et", "la", "le", "–", "—", "-", "/":
		return true
	}
	return len(w) > 1 && (strings.HasSuffix(w, "-") || strings.HasSuffix(w, ","))
}

var reYearWord = regexp.MustCompile(`^(?:19|20)\d\d\b`)

// monthWord: a month's name or its abbreviation, English or French.
func monthWord(w string) bool {
	w = strings.TrimSuffix(strings.ToLower(w), ".")
	for _, m := range strings.Fields(`jan january feb february mar march apr april may jun june jul july aug august sep sept september
		oct october nov november dec december janv janvier fév févr février mars avr avril mai juin juil juillet août
		déc décembre`) {
		if w == m {
			return true
		}
	}
	return false
}

// wrappedAtHyphen says whether b opens the next line of a cell that a
// hyphenated name was wrapped at ("Sub-" / "County", "Jean-" / "Pierre"):
// the halves join with the hyphen kept. A word cut by hyphenation goes on
// in lower case, and is left as it is.
func wrappedAtHyphen(a, b bbWord) bool {
	r, _ := utf8.DecodeRuneInString(b.Text)
	return b.XMin < a.XMin && b.YMin > a.YMax-0.5 && len(a.Text) > 2 && strings.HasSuffix(a.Text, "-") && unicode.IsUpper(r)
}

// cellAt is the index of the cell of a grid row that starts at x, or
// whose last cell starts there when the row's last cells are one segment
// ("2016<tab>2019<tab>Second Class Upper": cells closer than a column's
// edges tell apart): a line under that last cell goes on it. -1 when none
// does.
func cellAt(cells []*segment, x float64) int {
	for k, c := range cells {
		if math.Abs(c.xMin-x) <= 1 {
			return k
		}
		for i := len(c.words) - 1; i > 0; i-- {
			if cellGap(c.words[i-1], c.words[i]) {
				if math.Abs(c.words[i].XMin-x) <= 1 {
					return k
				}
				break
			}
		}
	}
	return -1
}

// sameType says whether the line s is set in the type of the cell c above
// it, the rows they stand in being row and above: their heights agree to
// a tenth. An OCR word's box is its Tesseract line's ink (lineBoxes), and
// a line whose ink has no descender ("2011  Boroboro") is about a fifth
// shorter than one whose ink has ("Dr. Obote College", "(UACE)"): it is
// measured as if it had them.
func sameType(above, row []*segment, c, s *segment) bool {
	last := c.words[len(c.words)-1]
	hc, hs := last.YMax-last.YMin, s.h
	if last.Conf > 0 && s.words[0].Conf > 0 {
		dc, ds := descends(above, last.line), descends(row, s.words[0].line)
		switch {
		case dc && !ds:
			hs /= inkWithoutDescenders
		case ds && !dc:
			hc /= inkWithoutDescenders
		}
	}
	return math.Abs(hs-hc) <= 0.1*hs
}

// inkWithoutDescenders is the height of a line's ink without descenders
// as a share of its height with them: the capitals' and digits' height
// over that and the descenders' depth, in the types CVs are set in.
const inkWithoutDescenders = 0.78

// descends says whether the OCR words of Tesseract's line n among segs
// hold a character whose ink goes below the baseline.
func descends(segs []*segment, n int) bool {
	for _, s := range segs {
		for _, w := range s.words {
			if w.line == n && strings.ContainsAny(w.Text, descenders) {
				return true
			}
		}
	}
	return false
}
