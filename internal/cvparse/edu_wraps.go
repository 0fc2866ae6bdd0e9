package cvparse

import (
	"regexp"
	"strings"
	"unicode"
)

// reAcronymInBrackets ends a name with its acronym ("Catarina (UFSC)").
var reAcronymInBrackets = regexp.MustCompile(`\(\p{Lu}[\p{Lu}\d&-]{1,9}\)$`)

// wrappedSchoolTail: part i, first on the line under the school's part
// s that ends its own line, is the rest of the school's name a narrow
// column wrapped ("Universidade Presbiteriana" / "Mackenzie",
// "Universidade Federal de Santa" / "Catarina (UFSC)", "Lycée Jean" /
// "Ralaimongo, Antsirabe", "Université d'Antananarivo, Faculté" /
// "DEGS"): one to three capitalised words naming no school, degree, job,
// organisation, place or grade, and something says they are no place of
// their own: another part is the entry's place, the words close on an
// acronym in brackets, or they are the acronym of the faculty the school
// part ends on.
func wrappedSchoolTail(parts []part, loc, s, i int) bool {
	p, school := parts[i], parts[s]
	if i != s+1 || p.line != school.line+1 || p.role != "" {
		return false
	}
	t := strings.TrimSpace(p.text)
	n := len(strings.Fields(t))
	ws := strings.Fields(school.text)
	open := len(ws) >= 3 && openNameEnd(ws[len(ws)-1])
	if n < 1 || n > 3 || !capitalisedWords(t, 3) || strings.ContainsAny(t, ":0123456789") && !reAcronymInBrackets.MatchString(t) ||
		institutionScore(t)+degreeScore(t) > 0 || !open && titleScore(t)+orgScore(t) > 0 || isLocation(t) || gradeLine(t) {
		return false
	}
	// What follows the tail on its line is the place, or nothing is.
	if i+1 < len(parts) && parts[i+1].line == p.line && i+1 != loc {
		return false
	}
	return open || loc >= 0 && loc != i || reAcronymInBrackets.MatchString(t) ||
		isAcronym(t) && reSchoolUnit.MatchString(ws[len(ws)-1])
}

// openNameEnd: a school's line ending on a word that closes no name, a
// participle ("Association of Chartered Certified" / "Accountants") or a
// function word, goes on on the next line, whatever words that holds.
func openNameEnd(w string) bool {
	lw := strings.ToLower(w)
	return functionWords[lw] || len(lw) > 5 && strings.HasSuffix(lw, "ed") && unicode.IsUpper([]rune(w)[0])
}

// reBareDegreeWord is a degree's kind alone ("Certificate", "Diploma").
var reBareDegreeWord = regexp.MustCompile(`(?i)^(?:certificate|certification|diploma|degree|certificat|diplôme|diplome)$`)

// joinWrappedDegreeWord makes one part of a programme's name and the
// word of its kind wrapped alone onto the next line ("UX Design
// Professional" / "Certificate"): the kind closes the name, it is no
// degree of its own, and the name is no school.
func joinWrappedDegreeWord(parts []part) []part {
	for i := len(parts) - 1; i > 0; i-- {
		p, prev := parts[i], parts[i-1]
		if !reBareDegreeWord.MatchString(strings.TrimSpace(p.text)) || p.line != prev.line+1 || !aloneOnLine(parts, i) ||
			!aloneOnLine(parts, i-1) || p.role != "" || prev.role != "" {
			continue
		}
		if !capitalisedWords(prev.text, 6) || institutionScore(prev.text)+degreeScore(prev.text) > 0 || isLocation(prev.text) || hasDate(prev.text) {
			continue
		}
		parts[i-1].text = strings.TrimSpace(prev.text) + " " + strings.TrimSpace(p.text)
		parts[i-1].dated = prev.dated || p.dated
		parts = append(parts[:i], parts[i+1:]...)
	}
	return parts
}

// closingDateCuts cuts a header run whose dates close each entry ("BSc
// Design" / "Universidade Federal de Santa" / "Catarina (UFSC)" / "2012 –
// 2016" / "UX Specialization" / "Coursera" / "2018"): the run opens on
// lines without dates, each date but the last stands alone on its line,
// and the run ends on a date, so each entry ends after its date line
// however many lines a wrapped name took. nil when the run is not so.
func closingDateCuts(head []unit, dated []int) []int {
	if len(dated) < 2 || dated[0] == 0 || dated[len(dated)-1] != len(head)-1 {
		return nil
	}
	cuts := []int{0}
	for _, d := range dated[:len(dated)-1] {
		if !onlyDates(head[d].text) && !datesLine(head[d].text) {
			return nil // dates beside a name open or sit in its entry
		}
		cuts = append(cuts, d+1)
	}
	return cuts
}

// reDotSep parts the fields of a line set with middle dots or bars
// ("Beyrouth · 2019 – 2020 · non achevé").
var reDotSep = regexp.MustCompile(`\s+[·|]\s+`)

// datesLine: t is an entry's line of dates, with at most the town and a
// note beside them in fields of their own ("Beyrouth · 2019 – 2020 · non
// achevé") or the dates' note in brackets ("2020 (en ligne)"): it names
// no degree, school, job or employer, so closes its entry as dates
// alone do.
func datesLine(t string) bool {
	if m := reTrailingBracket.FindStringSubmatchIndex(t); m != nil && onlyDates(t[:m[0]]) {
		return true
	}
	fields := reDotSep.Split(strings.TrimSpace(t), -1)
	if len(fields) < 2 {
		return false
	}
	dates := 0
	for _, f := range fields {
		switch {
		case onlyDates(f):
			dates++
		case hasDate(f) || len(strings.Fields(f)) > 4 ||
			degreeScore(f)+institutionScore(f)+titleScore(f)+orgScore(f) > 0:
			return false
		}
	}
	return dates == 1
}

// reTrailingBracket is a bracket closing a line.
var reTrailingBracket = regexp.MustCompile(`\s*\([^()]*\)\s*$`)
