package cvparse

import "regexp"

// A row laid out as two boxes pushed apart ("Ingénieur SRE" on the left,
// "depuis 12.2020" on the right, CSS flex or a table) reaches us as one run
// with nothing between the boxes when a word processor imported the page:
// "Ingénieur SREdepuis 12.2020", "Intact Assurance, Torontomai 2019 – déc.
// 2021", "2019–PresentVice President", "Depuis janvier 2017Infirmière"
// in a date column. A date range glued to a word is cut
// from it as a tab would have cut it.
var (
	dateRangeTail = `(?:(?:since|depuis|from|de|du)\s+)?` + dateTok + `(?:\s*(?:[-–—−]|to|à|au)\s*` + dateTok + `)?`
	reGluedTail   = regexp.MustCompile(`(?i)^(.*?[\p{L})])(` + dateRangeTail + `)$`)
	reGluedHead   = regexp.MustCompile(`(?i)^((?:since|depuis)\s+` + dateTok + `|` + dateTok + `\s*[-–—−]\s*` + dateTok + `)(\p{Lu}.*)$`)
	reLetter      = regexp.MustCompile(`^[\p{L}\d]`)
	reYearIn      = regexp.MustCompile(`(?:19|20)\d{2}`)
	reGluedNumber = regexp.MustCompile(`(\p{Lu}\p{L}+\s+\d{1,2})((?:0[1-9]|1[0-2])[/.](?:19|20)\d{2})\b`)
	reShortFrom   = regexp.MustCompile(`(?i)^d[eu]\s`)
	reMonthComma  = regexp.MustCompile(`^\p{L}+\.?(?:,\s|\t)`)
)

// unglueDates cuts a date range glued to the text before or after it. The
// range must hold a year: "Present" alone is a word ("THINGS I KNOW").
func unglueDates(t string) string {
	// "Période<tab>09/2017": a word ending in "de" or "du" before a date
	// set apart is no "from" glued to it.
	// "Lycée Classique d'Abidjan, 2009": a town's name ending as a
	// month does, then a comma and a year, is no month glued to a word;
	// nor is one before a tab ("Lycée Moderne, Abidjan<tab>2012"), the
	// year set in a box of its own.
	if m := reGluedTail.FindStringSubmatch(t); m != nil && reLetter.MatchString(m[2]) && reYearIn.MatchString(m[2]) &&
		!reShortFrom.MatchString(m[2]) && !reMonthComma.MatchString(m[2]) {
		return m[1] + "\t" + m[2]
	}
	// "Université Lyon 109/2016": a sidebar date glued to a university's
	// number; "109" is no month, so the month is its last two digits.
	if m := reGluedNumber.FindStringSubmatchIndex(t); m != nil {
		return t[:m[3]] + "\t" + t[m[4]:]
	}
	if m := reGluedHead.FindStringSubmatch(t); m != nil {
		return m[1] + "\t" + m[2]
	}
	return t
}
