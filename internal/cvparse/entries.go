package cvparse

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// unit is a logical line: a physical line plus its wrapped continuations.
type unit struct {
	line
	dated bool
}

// entry is one experience/education/project: header lines then body.
type entry struct {
	head []unit
	body []unit
}

func toUnits(lines []line) []unit {
	var out []unit
	for i, l := range lines {
		n := len(out)
		if n > 0 && (continues(out[n-1], l) || wrappedTail(out[n-1], l, lines[i+1:])) {
			out[n-1].text = joinWrapped(out[n-1].text, l.text)
			out[n-1].dated = hasDate(out[n-1].text)
			out[n-1].wrapped = true
			out[n-1].full = l.full // the unit ends where its last line does
			continue
		}
		out = append(out, unit{line: l, dated: hasDate(l.text)})
	}
	return out
}

// continues says whether l is the wrapped rest of prev: lower-case start,
// an indent past a bullet glyph, or a header line ending in a separator.
func continues(prev unit, l line) bool {
	if l.bullet || l.heading {
		return false
	}
	t := strings.TrimSpace(l.text)
	first, _ := utf8.DecodeRuneInString(t)
	// A parenthesis left open ("Java (Spring," / "Hibernate)") or a line
	// opening with one ("JavaScript" / "(React, Vue)") goes on: a
	// parenthesised aside belongs to what it follows, and a list wrapped
	// inside one must not be cut at the line's end.
	if !l.gapBefore && (strings.Count(prev.text, "(") > strings.Count(prev.text, ")") || first == '(') {
		return true
	}
	if prev.bullet {
		// A date in lower case set apart or beside a cell ("sept. 2012 –
		// août 2016<tab>Vendeur") opens the next entry.
		// So does a line opening with a date set well left of the
		// bullet's text, where entries start ("oct. 2015 — déc. 2018
		// Ingénieur …" under a bullet's wrapped "deux.").
		// Set apart under a bullet that ended its sentence, a line
		// opening in lower case is a name that does ("iOS Developer").
		if unicode.IsLower(first) {
			apart := l.gapBefore || strings.Contains(t, "\t") || l.x > 0 && l.x+20 < prev.x
			if apart && strings.HasSuffix(strings.TrimSpace(prev.text), ".") {
				return false
			}
			return !apart || !(reDatePart.MatchString(t) || reSeasonStart.MatchString(t) || opensWithRange(t))
		}
		return prev.x > 0 && l.x > prev.x+3 && !hasDate(t) && !l.gapBefore
	}
	p := strings.TrimSpace(prev.text)
	// "… Agence Française de<tab>2019 – 2021": the cell before the
	// right-aligned dates is what wraps.
	if i := strings.LastIndex(p, "\t"); i > 0 && onlyDates(p[i+1:]) && !strings.Contains(p[:i], "\t") {
		p = strings.TrimSpace(p[:i])
	} else if i, ok := gluedDates(p); ok && !hasDate(t) {
		p = strings.TrimSpace(p[:i])
	}
	// A parenthesis left open ("English — professional (TOEIC" / "905)")
	// is closed on the next line.
	if !l.gapBefore && strings.Count(p, "(") > strings.Count(p, ")") {
		if c := strings.Index(t, ")"); c >= 0 && !strings.Contains(t[:c], "(") {
			return true
		}
	}
	// A line ending in a separator or a dangling dash ("Anglais —" /
	// "Bilingue") goes on.
	if strings.HasSuffix(p, ",") || strings.HasSuffix(p, "|") || strings.HasSuffix(p, "&") ||
		strings.HasSuffix(p, " —") || strings.HasSuffix(p, " –") {
		return !l.gapBefore || !hasDate(prev.text)
	}
	// A grade's label ending the line ("…, note" / "5,5", "final
	// grade:" / "1.7") is followed by its mark: the mark goes on.
	if !l.gapBefore && reGradeLabelEnd.MatchString(p) && reBareMark.MatchString(t) {
		return true
	}
	// A row ending in a cell that rates it ("Airflow<tab>80%",
	// "Scala<tab>Expert") is whole: a line under it starting in lower
	// case is the next row ("dbt<tab>75%"), not its wrapped rest.
	if i := strings.LastIndex(p, "\t"); i >= 0 && strings.TrimSpace(p[i+1:]) != "" && allLevels(p[i+1:]) {
		return false
	}
	// An honour that ran to the column's edge ("Dean's Commendation for
	// Academic" / "Excellence, 2018") goes on to its date.
	if !l.gapBefore && prev.full && reHonoursLead.MatchString(p) {
		return true
	}
	// A degree's line ending on the word that brings in its field
	// ("Baccalauréat libanais, série" / "Sciences Générales", "Licence,
	// spécialité" / "Droit privé") goes on.
	if !l.gapBefore && reFieldOpenerEnd.MatchString(p) && !hasDate(t) && !strings.Contains(t, "\t") {
		return true
	}
	// A school's name run to the column's edge and cut before its
	// school word ("Savitribai Phule Pune" / "University").
	if !l.gapBefore && prev.full && schoolWordWrapped(p, t) {
		return true
	}
	// A phrase cut after a function word ("University of" / "Manchester")
	// or a date range cut after its dash or month ("Sep 2016 — Jun" /
	// "2018") goes on.
	if !l.gapBefore && (endsInFunctionWord(p) || reOpenRange.MatchString(p) && startsWithDatePart(t)) {
		return true
	}
	// A word cut by the typesetter ("Communi-" / "cation") or a list
	// wrapped inside a phrase ("Problem" / "solving", "Quality control" /
	// "& snagging"): the next line starts with an all-lower-case word or
	// with the ampersand that joins the phrase's words.
	if !l.gapBefore && (lowerWord(t) && !reSeasonStart.MatchString(t) || reElided.MatchString(t) || strings.HasPrefix(t, "& ")) &&
		!strings.HasSuffix(p, ".") && !strings.HasSuffix(p, ":") {
		return true
	}
	// A compound name cut at its hyphen ("Université Paris-" /
	// "Saclay") goes on; a letter grade ending the line ("Mean Grade
	// A-") is no cut name.
	if !l.gapBefore && reHyphenEnd.MatchString(p) && !reLetterGradeEnd.MatchString(p) && reTitleWord.MatchString(t) {
		return true
	}
	// "MSc Geology, National and Kapodistrian" / "University of Athens,
	// Greece.": a line run to its column's edge on a name's first words,
	// the next line opening on a school's, is one school's name wrapped.
	if !l.gapBefore && prev.full && wrappedSchoolHead(p, t) {
		return true
	}
	// "… on ML potentials; teaches" / "Computational Chemistry II
	// (MSc).": a sentence wrapped before a name goes on to its full stop.
	if !l.gapBefore && sentenceGoesOn(p) && closesSentence(t) && !hasDate(t) && !strings.Contains(t, "\t") && len(strings.Fields(t)) <= 8 {
		return true
	}
	return isLong(p) && !strings.HasSuffix(p, ".") && unicode.IsLower(first) && !l.gapBefore
}

// wrappedSchoolHead: p, a line long enough to have been wrapped, ends on
// a part after a comma of capitalised words that name nothing of their
// own (no school, degree, place or date), and t opens on a school's
// name, up to its first comma or full stop.
func wrappedSchoolHead(p, t string) bool {
	i := strings.LastIndex(p, ", ")
	// A short line full by chance in a narrow column ("MBA, Strategic
	// Management" / "Kestrel Business School") names its field.
	if i < 0 || len(strings.Fields(p)) < minWrappedWords {
		return false
	}
	head := strings.TrimSpace(p[i+2:])
	if !capitalisedWords(head, 4) || institutionScore(head)+degreeScore(head) > 0 || isLocation(head) || hasDate(head) {
		return false
	}
	first := t
	if j := strings.IndexAny(first, ",.\t"); j > 0 {
		first = first[:j]
	}
	return reTitleWord.MatchString(first) && institutionScore(first) > 0
}

// closesSentence: t ends in a full stop that no abbreviation, legal
// form or initial takes ("(MSc).", "Barclays." close a sentence; "Acme
// Inc." does not).
func closesSentence(t string) bool {
	ws := strings.Fields(t)
	if len(ws) == 0 || !strings.HasSuffix(t, ".") || strings.HasSuffix(t, "..") {
		return false
	}
	last := []rune(strings.Trim(ws[len(ws)-1], "()."))
	lw := strings.ToLower(string(last))
	return len(last) > 1 && !legalForms[lw] && !abbreviations[lw] && !strings.Contains(string(last), ".")
}

// sentenceGoesOn: p is a long line of a sentence (lower-case words
// among its words, no cells) cut after a word in lower case, with no
// punctuation to close it.
func sentenceGoesOn(p string) bool {
	ws := strings.Fields(p)
	if len(ws) < 8 || strings.Contains(p, "\t") || hasDate(p) {
		return false
	}
	last := []rune(ws[len(ws)-1])
	return unicode.IsLower(last[0]) && unicode.IsLetter(last[len(last)-1]) && lowerWords(ws) >= 5
}

// wrappedTail says whether l is the short last line of a wrapped bullet
// ("… a dashboard in" + "PostgreSQL") rather than an entry header: it sits
// between two bullets, carries no date, and the bullet before it did not
// end a sentence.
func wrappedTail(prev unit, l line, next []line) bool {
	if !prev.bullet || l.bullet || l.heading || l.bold || l.gapBefore || len(next) == 0 || !next[0].bullet {
		return false
	}
	t := strings.TrimSpace(l.text)
	p := strings.TrimSpace(prev.text)
	// A line wraps when it is full: after a short bullet ("300 GitHub
	// stars") the short line is the next item's title.
	full := len(strings.Fields(p)) >= minWrappedWords && !dateLedBullet(prev) || endsInFunctionWord(p) || strings.HasSuffix(p, ",")
	return full && len(strings.Fields(t)) <= 4 && !hasDate(t) && !strings.ContainsAny(t, "\t|") &&
		!strings.HasSuffix(p, ".") && !strings.HasSuffix(p, ";") && !strings.HasSuffix(p, ":")
}

// minWrappedWords is the fewest words of a bullet line the typesetter had
// to wrap: even a narrow sidebar holds five or six.
const minWrappedWords = 6

var functionWords = wordSet(`of at in and for the to de du des la le les d et en au aux pour sur`)

func endsInFunctionWord(p string) bool {
	f := strings.Fields(p)
	if len(f) < 2 {
		return false
	}
	// A capital letter alone ("Baccalauréat série D") is a name's, not
	// the elided "d" of "d'".
	w := f[len(f)-1]
	return functionWords[strings.ToLower(w)] && (len(w) > 1 || w == strings.ToLower(w))
}

var (
	reOpenRange = regexp.MustCompile(`(?i)(?:(?:19|20)\d{2}\s*(?:[-–—→]|->)|(?:19|20)\d{2}\s*(?:[-–—→]|->)\s*(?:` + monthAlt + `)\.?)$`)
	reDatePart  = regexp.MustCompile(`(?i)^(?:(?:19|20)\d{2}|(?:` + monthAlt + `)\.?\s+(?:19|20)\d{2}|(?:0?[1-9]|1[0-2])[/.](?:19|20)\d{2}|` + presentWords + `)\b`)
)

// reGradeLabelEnd: a line ending on a grade's label ("…, note", "final
// grade:", "moyenne"); reBareMark: a line holding only a mark ("5,5",
// "1.7", "15/20", "3.8 / 4.0").
var (
	reGradeLabelEnd = regexp.MustCompile(`(?i)\b(?:note|grade|gpa|cgpa|moyenne|average|mark|score|notes?\s+finale|note\s+finale)\s*:?$`)
	reBareMark      = regexp.MustCompile(`^\d{1,3}(?:[.,]\d{1,2})?(?:\s*/\s*\d{1,3}(?:[.,]\d{1,2})?)?\.?$`)
)

// reSeasonStart: a line opening with a season's date ("été 2013",
// "summer 2019"), an entry's, though its first word is in lower case.
var reSeasonStart = regexp.MustCompile(`(?i)^` + seasonWords + `\s+(?:19|20)\d{2}\b`)

func startsWithDatePart(t string) bool { return reDatePart.MatchString(strings.TrimSpace(t)) }

// opensWithRange: t opens with a whole date range, its "from" word
// included ("du 01/09/2017 au 31/08/2019", "from May 2016 to 2018"), as
// an entry's first line does in a date column.
func opensWithRange(t string) bool {
	dr, ok := findDateRange(t)
	return ok && dr.at == 0 && dr.end != ""
}

var (
	// reElided: a French elided particle opens the line ("d'Informatique",
	// "d'urgence", "l'enfance", "qu'à").
	reElided    = regexp.MustCompile(`^(?:[dlnsjc]|qu)['’]\p{L}`)
	reHyphenEnd = regexp.MustCompile(`\p{L}-$`)
	// reLetterGradeEnd: a line ending in a letter grade ("Mean Grade A-",
	// "KCSE B-").
	reLetterGradeEnd = regexp.MustCompile(`(?:^|\s)[A-F]-$`)
	// reCompoundDashEnd: a word ending on an en dash or a non-breaking
	// hyphen set against it, the second word of the compound wrapped.
	reCompoundDashEnd = regexp.MustCompile(`\p{L}[–‑]$`)
	reLetterStart     = regexp.MustCompile(`^\p{L}`)
	reTitleWord       = regexp.MustCompile(`^\p{Lu}\p{Ll}`)
)

// lowerWord says whether t starts with a word in lower case letters only
// ("cation", "solving"; not "iOS" or "eBay").
func lowerWord(t string) bool {
	f := strings.Fields(t)
	if len(f) == 0 {
		return false
	}
	w := strings.TrimRight(f[0], ",;)")
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return w != ""
}

func joinWrapped(a, b string) string {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if reHyphenEnd.MatchString(a) && reTitleWord.MatchString(b) && !strings.Contains(a, "\t") {
		return a + b // "Paris-" + "Saclay"
	}
	// "Engineer, Agence Française de<tab>2019 – 2021" / "Développement":
	// the text wrapped inside its cell, under which the right-aligned
	// dates left room; it goes on before them.
	if i := strings.LastIndex(a, "\t"); i > 0 && !hasDate(b) && onlyDates(a[i+1:]) && !strings.Contains(a[:i], "\t") {
		return joinWrapped(a[:i], b) + a[i:]
	}
	// "Animatrice socio- 09/2015 – 12/2016" / "éducative": the dates were
	// set so close to a cell cut inside a word or a phrase that they read
	// as one segment; the cell goes on before them.
	if i, ok := gluedDates(a); ok && !hasDate(b) {
		return joinWrapped(a[:i], b) + "\t" + strings.TrimSpace(a[i:])
	}
	// "MBA (Banking &:<tab>Quaid University, 2013" / "Finance)": the
	// label cell wrapped inside its bracket; its rest closes the bracket
	// in the cell, before its colon.
	if i := strings.Index(a, "\t"); i > 0 && strings.Count(a[:i], "(") > strings.Count(a[:i], ")") {
		if c := strings.Index(b, ")"); c >= 0 && !strings.Contains(b[:c], "(") && !strings.Contains(b, "\t") {
			cell, colon := strings.CutSuffix(strings.TrimSpace(a[:i]), ":")
			if colon {
				return cell + " " + b + ":" + a[i:]
			}
			return cell + " " + b + a[i:]
		}
	}
	// "cost–" / "benefit analysis": an en dash or a non-breaking hyphen
	// joining two words is the compound's own, never the typesetter's.
	if reCompoundDashEnd.MatchString(a) && reLetterStart.MatchString(b) && !strings.Contains(a, "\t") {
		return a + b
	}
	if strings.HasSuffix(a, "-") && len(a) > 1 {
		r, _ := utf8.DecodeLastRuneInString(a[:len(a)-1])
		f, _ := utf8.DecodeRuneInString(b)
		if unicode.IsLower(r) && unicode.IsLower(f) && !compoundPrefix(a[:len(a)-1], b) {
			return a[:len(a)-1] + b // hyphenation inserted by the typesetter
		}
		if unicode.IsLower(r) && unicode.IsLower(f) {
			return a + b // "socio-" / "éducative": the compound's own hyphen
		}
	}
	return a + " " + b
}

// gluedDates finds a date range ending a line whose text before it was
// cut unfinished (a word broken at its hyphen, a phrase after a function
// word): where the range starts. A year alone ("… in 2019") is running
// text, and a comma before the range no cut ("Nurse, Nursing Council,
// 2014 – 2016" is a header on one line).
func gluedDates(a string) (int, bool) {
	if strings.Contains(a, "\t") || !mayHoldDate(a) {
		return 0, false
	}
	for _, m := range reRange.FindAllStringSubmatchIndex(a, -1) {
		// "… et de 2018 – 2021": the "de" that could open the range
		// ends the cut phrase.
		for _, at := range []int{m[2], m[0]} {
			if m[1] != len(a) || at <= 0 || m[4] < 0 && m[6] < 0 || !onlyDates(a[at:]) {
				continue
			}
			if p := strings.TrimSpace(a[:at]); reHyphenEnd.MatchString(p) || endsInFunctionWord(p) {
				return at, true
			}
		}
	}
	return 0, false
}

// compoundPrefixes are written with a hyphen before a vowel
// ("socio-éducatif", "micro-onde", "co-operative"): a line cut there cut
// the compound at its own hyphen, not a word where the typesetter put one.
var compoundPrefixes = wordSet(`socio micro macro multi inter intra auto anti non semi post pré pre co extra bio
	néo neo pseudo psycho électro electro agro éco eco géo geo télé tele mini maxi ultra infra supra contre`)

func compoundPrefix(before, after string) bool {
	ws := strings.Fields(before)
	if len(ws) == 0 {
		return false
	}
	w := ws[len(ws)-1]
	if i := strings.LastIndexAny(w, "-'’"); i >= 0 {
		w = w[i+1:]
	}
	f, _ := utf8.DecodeRuneInString(after)
	return compoundPrefixes[strings.ToLower(w)] && strings.ContainsRune("aeiouyéèêàâîïôû", unicode.ToLower(f))
}

// onlyDates: s is a date or date range and nothing else.
func onlyDates(s string) bool {
	dr, ok := findDateRange(s)
	return ok && strings.Trim(s[:dr.at]+s[dr.until:], " ()[],.|") == ""
}

func hasDate(s string) bool {
	_, ok := findDateRange(s)
	return ok
}

// isLong: ten words or more, or a sentence of four; marks set apart
// ("«", "»", "–", "|") are no words.
func isLong(s string) bool {
	n := 0
	for _, w := range strings.Fields(s) {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n >= 10 || (n >= 4 && endsSentence(s))
}

// endsSentence: s ends in a full stop that is not an abbreviation's
// ("Acme Analytics Inc.", "Globex S.A.", "Smith & Co.").
func endsSentence(s string) bool {
	s = strings.TrimSpace(s)
	ws := strings.Fields(s)
	if len(ws) == 0 || !strings.HasSuffix(s, ".") || strings.HasSuffix(s, "..") {
		return false
	}
	// A full stop inside a bracket left open ("Maîtrise en
	// enseignement (M. Éd.)") ends no sentence: the bracket's words run
	// on.
	if strings.Count(s, "(") > strings.Count(s, ")") {
		return false
	}
	w := ws[len(ws)-1]
	last := []rune(strings.TrimSuffix(w, "."))
	// An initial ("B. Braun", "Jane A. Roe") is no sentence end either.
	return !(orgScore(w) > 0 || degreeScore(w) > 0 || legalForms[strings.ToLower(string(last))] || abbreviations[strings.ToLower(string(last))] ||
		strings.Contains(string(last), ".") || len(last) == 1 && unicode.IsUpper(last[0]) || regionCut(ws))
}

// regionCut: the line ends on a town and its state's or province's name
// cut short ("Guadalajara, Jal.", "Kingston, Ont.", "Austin, Tex."), as
// Mexican, Canadian and American CVs write where a job was: an
// abbreviation's full stop, no sentence's.
func regionCut(ws []string) bool {
	return len(ws) >= 2 && townRegionCut(ws[len(ws)-2]+" "+ws[len(ws)-1])
}

// honourListWords names a list or roll of the best students of a term or
// year ("Dean's List", "President's Honour Roll", "Honor Roll", "liste
// d'honneur du doyen", "tableau d'honneur"), or one of its students as
// Philippine CVs write it ("Dean's Lister"); reHonourList finds one
// anywhere in a line, reHonoursLead at a line's start.
const honourListWords = `(?:dean|president|chancellor|provost|rector|director)['’]s\s+(?:(?:honou?rs?\s+)?list(?:ers?)?|honou?rs?\s+roll)|` +
	`honou?r\s+roll|liste\s+d['’]honneur|tableau\s+d['’]honneur`

// headAwardWords names an award a school's head gives a student
// ("Dean's Commendation", "Chancellor's Medal"): a line opening with one
// is an honour too.
const headAwardWords = `(?:dean|president|chancellor|vice-chancellor|provost|rector|director|principal)['’]s\s+` +
	`(?:award|commendation|medal|prize|scholarship|citation)`

var (
	reHonourList  = regexp.MustCompile(`(?i)\b(?:` + honourListWords + `)\b`)
	reHonoursLead = regexp.MustCompile(`(?i)^(?:` + honourListWords + `|` + headAwardWords + `)\b`)
)

// honourListLine: a line naming such a list and no degree.
func honourListLine(t string) bool {
	return reHonourList.MatchString(t) && degreeScore(t) == 0
}

// groupEntries splits a section into entries: a run of short header lines
// opens an entry, bullets and sentences form its body. A header run with
// several dates and no body between them (entries without bullets) is cut
// so each piece carries one date at the same offset.
func groupEntries(lines []line) []entry {
	var blocks []entry
	lines = joinNameWraps(lines)
	dateX := dateColumnX(lines)
	units := bulletEntries(toUnits(markBodyIndent(tableRows(joinDateRows(lines)))))
	for k, u := range units {
		body := !u.entryHead && (u.bullet || bodyLabelled(u.text) || isBodyText(u) || textColumnDate(u, dateX))
		n := len(blocks)
		if body && (n > 0 && formFieldRow(blocks[n-1], u) || formRowOpens(units, k)) {
			body = false
		}
		// "Summer Intern, Arup, Leeds" / "Drainage surveys on the ring
		// road<tab>Jun 2012 – Sep 2012": the entry's dates, right-aligned,
		// landed beside its first line of description; they go to the
		// header, the sentence to the body.
		if n > 0 && u.setIn && !body && len(blocks[n-1].body) == 0 && !entryHasDate(blocks[n-1]) {
			if i := strings.LastIndex(u.text, "\t"); i > 0 && onlyDates(u.text[i+1:]) && proseLine(u.text[:i]) {
				h := &blocks[n-1].head[len(blocks[n-1].head)-1]
				h.text, h.dated = h.text+"\t"+strings.TrimSpace(u.text[i+1:]), true
				u.text, u.dated = strings.TrimSpace(u.text[:i]), false
				body = true
			}
		}
		// "Moved CI to Kubernetes in 2019" under a header that has its
		// date range: a year in running text is no new entry.
		// Nor is a range in brackets inside a sentence ("…; redeployed to
		// the COVID-19 ward (2020-2021).").
		if !body && !u.entryHead && n > 0 && u.dated && (dateInProse(u.text) || rangeInProse(u.text) || yearInSentence(u.text) || rangeAmidSentence(u.text) || sinceInProse(u.text)) &&
			len(strings.Fields(u.text)) >= 4 && headHasRange(blocks[n-1]) && !styledAsHead(u, blocks[n-1]) {
			body = true
		}
		if !body && !u.entryHead && n > 0 && (describesAfterRange(u, blocks[n-1]) || yearsAmidBody(u, blocks[n-1]) || yearNoteUnderCellDates(u, blocks[n-1])) && !styledAsHead(u, blocks[n-1]) {
			body = true
		}
		// "Dean's List (Fall 2023 – Fall 2025); Merit Scholarship" under
		// a dated header: the honours the entry earned, not an entry of
		// their own, whatever terms they are dated by.
		if !body && !u.entryHead && n > 0 && reHonoursLead.MatchString(u.text) && entryHasDate(blocks[n-1]) {
			body = true
		}
		// "Minor in Physics. Dean's list 2014–2016.": a list of the best
		// students named anywhere in a dated line naming no degree is an
		// honour won during the entry above, no entry.
		if !body && !u.entryHead && n > 0 && u.dated && honourListLine(u.text) {
			body = true
		}
		// "N1-N3 (2019-2020) and N4-N6 completed. Diploma issued after
		// workplace experience (awarded 2024).": a paragraph of
		// sentences under a dated header tells of that entry, whatever
		// dates it names; no header runs on past a full stop.
		if !body && !u.entryHead && n > 0 && paragraph(u.text) && entryHasDate(blocks[n-1]) {
			body = true
		}
		// "Final grade: 1.7" under a degree's description closes that
		// entry: a grade heads no entry of its own.
		if !body && !u.entryHead && n > 0 && len(blocks[n-1].body) > 0 && !u.dated && reGPA.MatchString(u.text) {
			body = true
		}
		if body && n > 0 && boldHeadOverDates(units, k, blocks[n-1]) {
			body = false
		}
		switch {
		case body && n == 0:
			blocks = append(blocks, entry{body: []unit{u}})
		case body:
			blocks[n-1].body = append(blocks[n-1].body, u)
		case n == 0 || len(blocks[n-1].body) > 0:
			blocks = append(blocks, entry{head: []unit{u}})
		default:
			blocks[n-1].head = append(blocks[n-1].head, u)
		}
	}
	var out []entry
	for _, b := range trailingPlaces(blocks) {
		for _, piece := range splitLabelled(b) {
			out = append(out, splitHead(piece)...)
		}
	}
	return mergeOrphans(out)
}

// paragraph: two sentences or more, fifteen words or more, five of them
// in lower case beyond function words, ending in a full stop.
func paragraph(t string) bool {
	ws := strings.Fields(t)
	if len(ws) < 15 || !endsSentence(t) || lowerWords(ws) < 5 {
		return false
	}
	for i, w := range ws[:len(ws)-1] {
		if endsSentence(w) && unicode.IsUpper([]rune(ws[i+1])[0]) && lowerWords(ws[:i+1]) >= 1 {
			return true
		}
	}
	return false
}

// trailingPlaces gives back to each entry the place a layout sets after
// its description ("Store Manager" / "IKEA" / "Runs a store…" / "Malmö"),
// where it would otherwise head the next entry or be lost after the last.
// It applies only where the section's first entry does not open with a
// place (then places lead their entries) and to an entry whose header
// names no place.
func trailingPlaces(blocks []entry) []entry {
	lonePlace := func(u unit) bool {
		return !u.dated && !u.bullet && isLocation(u.text) && len(cutParts(u.text)) == 1
	}
	if len(blocks) < 2 || len(blocks[0].head) == 0 || lonePlace(blocks[0].head[0]) {
		return blocks
	}
	for k := 1; k < len(blocks); k++ {
		prev, b := &blocks[k-1], &blocks[k]
		if len(prev.body) == 0 || len(b.head) == 0 || !lonePlace(b.head[0]) || len(b.head) == 1 && len(b.body) > 0 {
			continue
		}
		placed := false
		for _, u := range prev.head {
			for _, p := range cutParts(u.text) {
				placed = placed || isLocation(p)
			}
		}
		if placed {
			continue
		}
		prev.head = append(prev.head, b.head[0])
		b.head = b.head[1:]
	}
	return slices.DeleteFunc(blocks, func(e entry) bool { return len(e.head) == 0 && len(e.body) == 0 })
}

// lowerWords counts the words of ws that open in lower case and are not
// function words: what tells a sentence from a header or a name.
func lowerWords(ws []string) int {
	n := 0
	for _, w := range ws {
		if r := []rune(w); unicode.IsLower(r[0]) && !functionWords[w] {
			n++
		}
	}
	return n
}

// proseLine: words of a sentence, not a header: six words or more, some
// in lower case beyond function words.
func proseLine(t string) bool {
	ws := strings.Fields(t)
	if len(ws) < 6 || headerShaped(t) {
		return false
	}
	return lowerWords(ws[1:]) >= 2
}

// bulletEntries reads a section written as a list of one-line entries
// ("• MSc Data Science — University of Leeds (2015 – 2016)"): when its
// first line is a bullet that reads as a whole entry header, every such
// bullet heads an entry, and the bullets between them describe it.
func bulletEntries(units []unit) []unit {
	if len(units) == 0 || !units[0].bullet || !oneLineEntry(units[0]) && !dateLedBullet(units[0]) {
		return units
	}
	out := make([]unit, len(units))
	for i, u := range units {
		out[i] = u
		if u.bullet && (oneLineEntry(u) || dateLedBullet(u)) {
			out[i].bullet, out[i].entryHead = false, true
		}
	}
	return out
}

// oneLineEntry: a line that carries a date which is not in running text
// and at least two other parts of a header ("Title, Company, City (2019 –
// 2022)"), and is no sentence.
func oneLineEntry(u unit) bool {
	dr, ok := findDateRange(u.text)
	if !ok || dateInProse(u.text) || shortSentence(u.text) || isLong(u.text) && strings.HasSuffix(strings.TrimSpace(u.text), ".") {
		return false
	}
	rest := u.text[:dr.at] + "\t" + u.text[dr.until:]
	n := 0
	for _, p := range reStrongSep.Split(rest, -1) {
		for _, q := range strings.Split(p, ", ") {
			if strings.Trim(q, "()[],;:–—- ") != "" {
				n++
			}
		}
	}
	return n >= 2
}

// isBodyText says whether an unbulleted unit describes the entry rather
// than heads it: a line at the body's indent level, or prose. A date in
// running text ("$9B processed in 2023.") does not make a sentence a
// header; a line of short parts set apart by separators ("Licence AES —
// Université Lyon 2") is a header however many words it has.
func isBodyText(u unit) bool {
	if u.setIn {
		return !u.dated || isLong(u.text) && dateInProse(u.text) || yearsInBrackets(u.text)
	}
	if !u.dated && achievementLine(u.text) {
		return true
	}
	if headerShaped(u.text) || !isLong(u.text) && !shortSentence(u.text) || longSchoolName(u.text) || longDegreeName(u.text) || namesInCells(u.text) ||
		reQualificationCount.MatchString(u.text) {
		return false
	}
	return !u.dated || dateInProse(u.text) || asideInSentence(u.text) || longSentenceDate(u.text) || clauseAfterDatedAside(u.text)
}

// reQualificationCount opens a line with how many school examinations
// were passed ("9 GCSEs (grades 9–4) including English (6), …", "3
// A-levels: …"): the qualification's name, however long its subjects
// run, no sentence under the entry above.
var reQualificationCount = regexp.MustCompile(`^\s*\d{1,2}\s+(?:I?GCSEs?|A[- ]?levels?|AS[- ]levels?|O[- ]?levels?|Highers|National 5s)\b`)

// clauseAfterDatedAside: a sentence that dates what it names in
// brackets and goes on after them in lower case to its full stop ("HNC
// Building Services (day release, 2014 – 2016) taken alongside the
// apprenticeship."): a note under the entry, not an entry; a name
// closing on its dates ("BSc Physics (2014 – 2016)") is one.
func clauseAfterDatedAside(t string) bool {
	t = strings.TrimSpace(t)
	dr, ok := findDateRange(t)
	if !ok || !strings.HasSuffix(t, ".") || strings.Contains(t, "\t") {
		return false
	}
	if open := strings.LastIndex(t[:dr.at], "("); open < 0 || strings.Contains(t[open:dr.at], ")") {
		return false
	}
	c := strings.Index(t[dr.at:], ")")
	if c < 0 {
		return false
	}
	ws := strings.Fields(t[dr.at+c+1:])
	return len(ws) >= 2 && !slices.ContainsFunc(ws, func(w string) bool { return !unicode.IsLower([]rune(w)[0]) })
}

// achievementLine: an achievement written without bullet or full stop
// ("Migrated four reporting jobs to dbt with no downtime", "Réduit les
// délais de livraison"): it opens with a verb in the past tense and goes
// on in lower-case words, so it describes an entry rather than naming its
// employer or title.
func achievementLine(t string) bool {
	ws := strings.Fields(t)
	// "Intitulé du diplôme : …" is a label, not a verb.
	if len(ws) < 5 || strings.ContainsAny(t, ":\t|") {
		return false
	}
	first := strings.ToLower(strings.Trim(ws[0], ",;:"))
	if r := []rune(ws[0]); !unicode.IsUpper(r[0]) || !pastVerb(first) {
		return false
	}
	return lowerWords(ws[1:]) >= 2
}

// pastVerb: an English verb in the past tense as achievements open with
// ("led", "built", "automated"), or a French past participle ("piloté",
// "conçu", "réduit"). Adjectives of job titles ending the same way
// ("Certified", "Registered", "Advanced"), names and nouns of the same
// shape ("Ahmed", "Santé") are left out.
func pastVerb(w string) bool {
	if irregularPast[w] {
		return true
	}
	if titleAdjectives[w] {
		return false
	}
	n := len([]rune(w))
	if n >= 5 && strings.HasSuffix(w, "ed") {
		return true
	}
	// French nouns in "-ité", "-lté", "-uté", "-été" ("Université",
	// "Faculté", "Communauté", "Société") are no participles.
	for _, suf := range []string{"ité", "lté", "uté", "été"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return n >= 4 && strings.HasSuffix(w, "é")
}

var irregularPast = map[string]bool{
	"led": true, "built": true, "ran": true, "grew": true, "won": true, "cut": true, "drove": true, "wrote": true,
	"taught": true, "made": true, "sold": true, "brought": true, "took": true, "began": true, "kept": true,
	"oversaw": true, "set": true, "rebuilt": true, "rewrote": true, "shipped": true, "spoke": true, "held": true,
	"conçu": true, "réduit": true, "construit": true, "conduit": true, "produit": true, "introduit": true, "rédigé": true,
	"mis": true, "obtenu": true, "suivi": true, "établi": true, "fourni": true, "réuni": true, "encadré": true,
}

var titleAdjectives = map[string]bool{
	"certified": true, "registered": true, "licensed": true, "chartered": true, "qualified": true, "advanced": true,
	"accredited": true, "applied": true, "united": true, "limited": true, "integrated": true, "distributed": true,
	"embedded": true, "experienced": true, "seasoned": true, "skilled": true, "dedicated": true,
	"detailed": true, "salaried": true, "retired": true, "unemployed": true, "employed": true,
	"diplômé": true, "certifié": true, "agréé": true, "breveté": true, "qualifié": true, "expérimenté": true,
	"confirmé": true, "spécialisé": true, "employé": true, "délégué": true, "chargé": true, "attaché": true,
	"associé": true, "salarié": true, "député": true, "ahmed": true, "mohammed": true,
	"mohamed": true, "hundred": true, "santé": true, "comité": true,
}

// longSentenceDate: a single date inside a sentence of ten words or more
// ("Final-year project: a kiosk for hawker centres. Dean's List 2013.")
// is something the entry tells, not a new entry's dates.
//
// A line that opens with its year set off by a colon or a dash ("2007 :
// Baccalauréat Technique, option Génie Civil, Lycée Ibn Rochd, Blida.")
// is a one-line entry however long: its date heads it.
func longSentenceDate(t string) bool {
	dr, ok := findDateRange(t)
	return ok && dr.end == "" && len(strings.Fields(t)) >= 10 && endsSentence(t) && !dateLeads(t, dr)
}

// dateLeads: the date opens the line and a colon, a dash or a tab sets it
// off from what follows ("2007 : …", "2019 – …").
func dateLeads(t string, dr dateRange) bool {
	if strings.TrimSpace(t[:dr.at]) != "" {
		return false
	}
	rest := strings.TrimLeft(t[dr.until:], " ")
	return strings.HasPrefix(rest, "\t") || strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "–") ||
		strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "- ")
}

// asideInSentence: a sentence that dates what it tells in brackets
// ("Erasmus year at Universität Mannheim, Germany (2015–2016)."): its
// words before the dates run in lower case, and it ends in a full stop.
func asideInSentence(t string) bool {
	dr, ok := findDateRange(t)
	if !ok || !endsSentence(t) || !strings.HasSuffix(strings.TrimSpace(t[:dr.at]), "(") {
		return false
	}
	return lowerWords(strings.Fields(t[:dr.at])[1:]) > 0
}

// yearsInBrackets: a sentence whose dates close it in brackets after
// three words or more ("Restaurant listed in the guide (2022, 2023).",
// "Prix de l'innovation du salon (2019)."): what it tells, not an entry.
func yearsInBrackets(t string) bool {
	dr, ok := findDateRange(t)
	if !ok || !endsSentence(t) {
		return false
	}
	pre := t[:dr.at]
	open := strings.LastIndex(pre, "(")
	return open >= 0 && strings.TrimSpace(pre[open+1:]) == "" && len(strings.Fields(pre[:open])) >= 3 &&
		strings.HasSuffix(strings.TrimSpace(t), ").")
}

// shortSentence: a few words ending in a full stop, some in lower case
// ("Développement d'applications bancaires."), not a name ending in an
// abbreviation ("Acme Inc.", "Globex S.A.").
func shortSentence(t string) bool {
	t = strings.TrimSpace(t)
	ws := strings.Fields(t)
	if len(ws) < 2 || !strings.HasSuffix(t, ".") || strings.HasSuffix(t, "..") {
		return false
	}
	last := strings.TrimSuffix(ws[len(ws)-1], ".")
	if strings.Contains(last, ".") || orgScore(ws[len(ws)-1]) > 0 || len([]rune(last)) <= 3 && unicode.IsUpper([]rune(last)[0]) {
		return false
	}
	return lowerWords(ws[1:]) > 0
}

func headHasRange(e entry) bool {
	for _, u := range e.head {
		if dr, ok := findDateRange(u.text); ok && dr.end != "" {
			return true
		}
	}
	return false
}

// dateInProse: the line's only date is a single date inside a sentence,
// after a lower-case word ("launched in 2021", "depuis 2019" excepted:
// "since" opens a range).
func dateInProse(t string) bool {
	dr, ok := findDateRange(t)
	if !ok || dr.end != "" {
		return false
	}
	// "Stagiaire en analytique<tab>été 2017": a date set apart in its
	// column, a season's word before its year, dates the line.
	pre := reSeasonEnd.ReplaceAllString(t[:dr.at], "")
	if strings.HasSuffix(strings.TrimRight(pre, " "), "\t") {
		return false
	}
	before := strings.Fields(t[:dr.at])
	if len(before) == 0 || dateClosesHeader(t, dr) {
		return false
	}
	w := []rune(before[len(before)-1])
	return unicode.IsLower(w[0])
}

// dateClosesHeader: the date ends a line of short parts set apart by
// strong separators, after a few words of its own part ("Hillcrest High
// School · completed 2011", "Trade Test – passed first time, 2018"): a
// header's date with a note on it, not a date in running text.
func dateClosesHeader(t string, dr dateRange) bool {
	if strings.TrimSpace(t[dr.until:]) != "" || !headerShaped(t) {
		return false
	}
	ps := reStrongSep.Split(t[:dr.at], -1)
	return len(ps) >= 2 && len(strings.Fields(ps[len(ps)-1])) <= 3
}

var reSeasonEnd = regexp.MustCompile(`(?i)` + seasonWords + `\s*$`)

// yearInSentence: the line's only date is a single one, in a sentence
// that ends with a full stop and has lower-case words before the date
// beyond function words ("Enquêtes sur le logement ; prix Kessel 2021.",
// "Shortlisted for the Orwell Prize 2019."): an award's year, not an
// entry's.
func yearInSentence(t string) bool {
	dr, ok := findDateRange(t)
	if !ok || dr.end != "" || !endsSentence(t) {
		return false
	}
	// "Dean's List (all semesters); President, …": a word opening a
	// bracket is still a word of the sentence.
	return lowerWords(strings.Fields(strings.ReplaceAll(t[:dr.at], "(", ""))) >= 2
}

// rangeInProse: the line's first date sits in brackets after words of a
// sentence (two or more lower-case words that are no function words), and
// the sentence goes on or ends after it: "Led the rebuild (2017 – 2019),
// on time.", not "Chargée de mission, Région Bretagne (2018 – 2021)".
func rangeInProse(t string) bool {
	dr, ok := findDateRange(t)
	if !ok {
		return false
	}
	// The bracket may hold a word before the date ("(Q4 2014)", "(summer
	// 2019)").
	pre := t[:dr.at]
	open := strings.LastIndex(pre, "(")
	if open < 0 || strings.Contains(pre[open:], ")") || len(strings.Fields(pre[open+1:])) > 1 && !factsBeforeDate(pre[open+1:], t[dr.until:]) {
		return false
	}
	lower := 0
	for _, w := range strings.Fields(pre[:open]) {
		w = strings.Trim(w, ",;:()")
		if r := []rune(w); len(r) > 0 && unicode.IsLower(r[0]) && !functionWords[w] {
			lower++
		}
	}
	after := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t[dr.until:]), ")"))
	return lower >= 2 && (after != "" || strings.Contains(t[:dr.at], "; "))
}

// factsBeforeDate: a bracket that gives a fact or two, then the dates,
// and closes the sentence ("…development (steel frame, 2019–2021).",
// "…ward (night shifts, 2020 – 2021).", "…(field seasons 2019–2021)."),
// the line maybe wrapped before the dates: the aside of a
// sentence dates what it tells. A header's bracket ends its line with no
// full stop ("Chargée de mission (CDD, 2018 – 2021)").
func factsBeforeDate(inBracket, after string) bool {
	in := strings.TrimSpace(inBracket)
	return len(strings.Fields(strings.TrimSuffix(in, ","))) <= 4 && strings.TrimSpace(after) == ")."
}

// headerShaped: two or more parts cut by strong separators, none longer
// than a name or a title.
func headerShaped(t string) bool {
	if endsSentence(t) {
		return false
	}
	ps := cutParts(t)
	if len(ps) < 2 {
		return false
	}
	for _, p := range ps {
		// A long name of capitalised words ("Lagos State Ministry of
		// Works and Infrastructure") is still a header's part, also with
		// a note in brackets ("SGV & Co. (member firm of Ernst & Young)").
		if p = outsideBrackets(p); len(strings.Fields(p)) > 6 && !capitalisedName(p) {
			return false
		}
	}
	return true
}

// bodyIndentMin and bodyIndentMax bound how far an entry's body is set in
// from the lines that head it, in points: more than OCR's jitter, less than
// a table's column.
const (
	bodyIndentMin = 6
	bodyIndentMax = 60
)

// markBodyIndent marks the lines at an entry-body indent level. Browsers
// and word processors draw list bullets as shapes, so a PDF's bullets often
// reach us as plain lines set in from the title and company lines. A level
// is a body level when a shallower level lies within bodyIndentMin to
// bodyIndentMax points, holding two lines or more that the level's lines
// follow (a running header or footer further left is no such level), and
// its lines read as a body: two of them follow one another, or one is a
// sentence. A single indented line under each header (a title set in below
// its company) is not.
func markBodyIndent(lines []line) []line {
	type level struct {
		x          float64
		n, run     int
		long, body bool
		after      map[int]bool // levels a line of this one directly follows
	}
	levelOf := func(ls []level, x float64) int {
		for i, l := range ls {
			if x >= l.x-3 && x <= l.x+3 {
				return i
			}
		}
		return -1
	}
	byPage := map[int][]level{}
	for _, l := range lines {
		if l.x <= 0 || l.bullet || datesCellFirst(l.text) {
			continue
		}
		ls := byPage[l.page]
		if levelOf(ls, l.x) < 0 {
			byPage[l.page] = append(ls, level{x: l.x})
		}
	}
	prev := -1
	for i, l := range lines {
		ls := byPage[l.page]
		k := levelOf(ls, l.x)
		if l.x <= 0 || l.bullet || k < 0 || datesCellFirst(l.text) {
			prev = -1
			continue
		}
		ls[k].n++
		ls[k].long = ls[k].long || isLong(l.text) && !headerShaped(l.text)
		if prev >= 0 && lines[i-1].page == l.page {
			if prev == k {
				ls[k].run++
			} else {
				if ls[k].after == nil {
					ls[k].after = map[int]bool{}
				}
				ls[k].after[prev] = true
			}
		}
		prev = k
	}
	any := false
	for _, ls := range byPage {
		for i := range ls {
			shallower := false
			for j, o := range ls {
				d := ls[i].x - o.x
				shallower = shallower || d > bodyIndentMin && d <= bodyIndentMax && o.n >= 2 && ls[i].after[j]
			}
			ls[i].body = shallower && (ls[i].run > 0 || ls[i].long)
			any = any || ls[i].body
		}
	}
	if !any {
		return lines
	}
	out := make([]line, len(lines))
	for i, l := range lines {
		out[i] = l
		if k := levelOf(byPage[l.page], l.x); l.x > 0 && !l.bullet && k >= 0 && byPage[l.page][k].body {
			out[i].setIn = true
		}
	}
	return out
}

// splitLabelled cuts a header run of label/value rows where a field
// comes round again ("Degree: M.Tech." … "Degree: B.E."): entries written
// as forms with no body between them, each of its own number of rows. A
// row whose label names a degree or a job ("HSC (Class XII): Vidya Mandir,
// 2009") fills that field too, and a row of any other label ("Rank:",
// "Vessel:") counts as its own field (see rowKey). The cut goes back to
// where the entry the row opens begins (see formCut).
func splitLabelled(b entry) []entry {
	seen := map[string]bool{}
	cuts := []int{0}
	for i, u := range b.head {
		r := rowKey(u.text)
		if r == "" {
			continue
		}
		if seen[r] {
			c := formCut(b.head, cuts[len(cuts)-1], i)
			cuts = append(cuts, c)
			clear(seen)
			for _, v := range b.head[c:i] {
				if k := rowKey(v.text); k != "" {
					seen[k] = true
				}
			}
		}
		seen[r] = true
	}
	if len(cuts) == 1 {
		return []entry{b}
	}
	return cutHead(b, cuts)
}

// rowField is the field a label/value row fills: its label's role
// ("Designation: …" a title), or what its label names ("B.Sc. Physics:
// …" a degree); "" for any other line.
func rowField(t string) string {
	if role, _, ok := labelledValue(t); ok {
		return role
	}
	// "Class of Degree: Second Class Upper" grades the degree above it,
	// whatever degree word its label holds.
	if reGPA.MatchString(t) {
		return "gpa"
	}
	label, value, ok := strings.Cut(t, ":")
	// "MSc Robotics (Expected: June 2026)": a colon inside brackets
	// labels nothing, nor one inside a grade ("BSc Physics, 2:1").
	if !ok || strings.TrimSpace(value) == "" || strings.Contains(label, "\t") || len(strings.Fields(label)) > 6 ||
		strings.Count(label, "(") != strings.Count(label, ")") || !strings.ContainsAny(value[:1], " \t") {
		return ""
	}
	switch {
	case degreeScore(label) > 0 || stageLabel(label):
		return "degree"
	case titleScore(label) > 0:
		return "title"
	}
	return ""
}

func splitHead(b entry) []entry {
	var dated []int
	datesRow := slices.ContainsFunc(b.head, func(u unit) bool {
		role, _, ok := labelledValue(u.text)
		return ok && role == "dates"
	})
	for i, u := range b.head {
		// "Weighted average: 74% (2023)": the year a grade was given
		// dates no entry.
		// "Degree: ACCA – member since 2016" over "Dates: 2012 – 2016":
		// a table row's cells, the row dated by its dates column alone.
		if u.dated && !reGPA.MatchString(u.text) && !(datesRow && labelledOther(u.text)) {
			dated = append(dated, i)
		}
	}
	if len(dated) < 2 {
		return []entry{b}
	}
	if cuts := gapCuts(b.head); cuts != nil {
		return cutHead(b, cuts)
	}
	if cuts := closingDateCuts(b.head, dated); cuts != nil {
		return cutHead(b, cuts)
	}
	off := dated[0]
	cuts := []int{0}
	for k, d := range dated[1:] {
		c := d - off
		// "Master MIAGE, Université Lyon 1 09/2016 – 06/2018" / "Mention
		// : Très bien" / "Licence, Université de Tunis" / "09/2013 –
		// 06/2015": after an entry whose dates share its header line, a
		// line of dates alone closes the header lines above it, back to
		// the previous entry's grade.
		if off == 0 && !onlyDates(b.head[0].text) && onlyDates(b.head[d].text) {
			c = d
			for c-1 > dated[k] && !reGPA.MatchString(b.head[c-1].text) {
				c--
			}
		}
		// "PwC — Port of Spain" / "Audit Manager<tab>2010 – 2013" /
		// "Audit Senior<tab>2006 – 2010": a dated line straight under
		// the last is a position of its own under the same employer; a
		// cut at the first one's offset would leave two dates in one
		// entry.
		if c <= dated[k] && d == dated[k]+1 {
			c = d
		}
		// "M.Tech" / "COEP, Pune" / "2016 – 2018" / "CGPA 8.62/10" /
		// "B.E. Mechanical" / "Engineering" / "Savitribai Phule Pune" /
		// "University" / "2012 – 2016": a grade under the dates closes
		// its entry, whatever lines the next entry's names wrapped over.
		if off > 0 && c > dated[k]+2 && gradeAlone(b.head[dated[k]+1].text) {
			c = dated[k] + 2
		}
		// "MBA (Finance)<tab>University of Karachi<tab>2016 – 2018" /
		// "BSc (Physics)" / "Forman College, Lahore<tab>2013": after
		// an entry whole on its dated line, a dated line naming no
		// degree takes the degree set alone on the line above it.
		if off == 0 && c == d && d-1 > dated[k] && degreeAbove(b.head, dated[k], d) {
			c = d - 1
		}
		if c <= cuts[len(cuts)-1] {
			return []entry{b} // no regular pattern: keep as one
		}
		cuts = append(cuts, c)
	}
	return cutHead(b, cuts)
}

// reFieldOpenerEnd ends a degree's line on the French word that brings
// in its field or track.
var reFieldOpenerEnd = regexp.MustCompile(`,?\s(?:série|option|filière|spécialité|parcours|majeure)$`)

// reSchoolWordStart opens a line with the word that makes a name a
// school's ("University (…)", "College of Engineering").
var reSchoolWordStart = regexp.MustCompile(`^(?:University|College|Institute|Polytechnic|Academy|School|Université|Universidad|Universidade|Universität)\b`)

// schoolWordWrapped: t, under a line p that ran to the column's edge,
// opens with the school word the name ending p lacks: the name's end,
// wrapped ("Savitribai Phule Pune" / "University", "Diploma in Nursing
// at Korle Bu Nursing and Midwifery Training" / "College, Accra").
func schoolWordWrapped(p, t string) bool {
	if hasDate(p) || strings.ContainsAny(t, "\t|") || !reSchoolWordStart.MatchString(t) {
		return false
	}
	name := p
	if i := strings.LastIndex(p, " at "); i >= 0 {
		name = p[i+4:]
	} else if degreeScore(p) > 0 {
		return false
	}
	return !strings.ContainsAny(name, ",;:") && institutionScore(name) == 0 && capitalisedWords(name, 6)
}

// rePercentAlone is a mark alone on its line ("84.50%").
var rePercentAlone = regexp.MustCompile(`^\s*\d{1,3}(?:[.,]\d{1,2})?\s?%\s*$`)

// gradeAlone: t is a grade and nothing else ("CGPA 8.62/10", "First
// Class with Distinction", "84.50%").
func gradeAlone(t string) bool {
	return reGPA.MatchString(t) || gradeLine(t) || rePercentAlone.MatchString(t)
}

// labelledOther: a labelled value of a field other than the dates.
func labelledOther(t string) bool {
	role, _, ok := labelledValue(t)
	return ok && role != "dates"
}

// degreeAbove: the dated line d of head names a school and no degree, the
// line above it names a degree, no school and no date, and the dated
// line prev that opens the entry before names its own degree and school.
func degreeAbove(head []unit, prev, d int) bool {
	above, own, first := head[d-1].text, head[d].text, head[prev].text
	return degreeScore(own) == 0 && institutionScore(own) > 0 && !hasDate(above) && degreeScore(above) > 0 &&
		institutionScore(above) == 0 && !reGPA.MatchString(above) && degreeScore(first) > 0 && institutionScore(first) > 0
}

// cutHead splits an entry's header lines at cuts (ascending indexes, the
// first 0) into entries; the body stays with the last.
func cutHead(b entry, cuts []int) []entry {
	out := make([]entry, 0, len(cuts))
	for i, c := range cuts {
		end := len(b.head)
		if i+1 < len(cuts) {
			end = cuts[i+1]
		}
		out = append(out, entry{head: b.head[c:end]})
	}
	out[len(out)-1].body = b.body
	return out
}

// mergeOrphans folds an undated header run with no title, organisation or
// degree cue into the previous entry's body (e.g. "Stack: Go, SQL").
func mergeOrphans(es []entry) []entry {
	var out []entry
	for _, e := range es {
		if len(out) > 0 && !entryHasDate(e) && !entryLooksLikeHeader(e) {
			prev := &out[len(out)-1]
			prev.body = append(prev.body, e.head...)
			prev.body = append(prev.body, e.body...)
			continue
		}
		out = append(out, e)
	}
	return out
}

func entryHasDate(e entry) bool {
	for _, u := range e.head {
		if u.dated {
			return true
		}
	}
	return false
}

func entryLooksLikeHeader(e entry) bool {
	// A grade on its own line ("Upper Second Class (2:1)") belongs to
	// the degree above it.
	if len(e.head) == 1 && len(e.body) == 0 && gradeLine(e.head[0].text) {
		return false
	}
	for _, u := range e.head {
		if titleScore(u.text)+orgScore(u.text)+degreeScore(u.text)+institutionScore(u.text) > 0 || u.bold {
			return true
		}
	}
	return false
}

var (
	// " -- " is the dash of plain text typed without one.
	reStrongSep  = regexp.MustCompile(`\s*(?:\t|\s\|\s|\|| – | — | · | • | @ | - | -- |\s+en tant que\s+)\s*`)
	reSlashEnd   = regexp.MustCompile(`\s+/\s*$`)
	reSlashStart = regexp.MustCompile(`^\s*/\s+`)
	reDotLeader  = regexp.MustCompile(`\s*(?:\.{4,}|…{2,}|(?:\. ){3,}\.?)\s*`)
	reDateNote   = regexp.MustCompile(`(?i)\(\s*(?:(?:expected|exp\.|anticipated|graduating|graduation|class of|prévue?|obtention)\s*(?:in|en|:)?\s*|d['’])?$`)
	reRangeNote  = regexp.MustCompile(`^\s*\(([^()\t]{1,30})\)\s*(\t|$)`)
	reAsRole     = regexp.MustCompile(`(?i)^en tant que\s+`)
	reDateLead   = regexp.MustCompile(`(?i)(?:^|[\s,;(–—-])(?:class of|promotion|promo|graduated(?: in)?|graduation(?: year)?|graduating|year of graduation|completed(?: in)?)\s*:?\s*$`)
	reAtSep      = regexp.MustCompile(`(?i)^(.+?)\s+(?:at|chez|@)\s+(.+)$`)
	// reGPA is a grade after its label; Kenya's "Mean Grade", Québec's
	// "Moyenne cumulative", Australia's "ATAR" and Egypt's "Total:"
	// label school and university results too.
	reGPA = gradeLabelled{regexp.MustCompile(`(?i)^\s*(?:(?:(?:final|overall|current|cumulative)\s+)?(?:gpa|cgpa|(?:mean\s+)?grade|grades|mention|moyenne(?:\s+cumulative|\s+générale)?|(?:weighted\s+)?average|note|results?|résultats?|classification|class of degree|degree class(?:ification)?|atar)\s*[:：]?|(?:percentage|aggregate|marks|score|cpi|cwa|wam|total)\s*[:：])\s*(.+)$`)}
)

// gradeLabelled matches a grade given under its label ("GPA: 3.6", "Grade
// B", "Moyenne 14/20"), never a school year its label's word names
// ("Grade 12 (Matric)", see reSchoolYear): that is the stage studied.
type gradeLabelled struct{ re *regexp.Regexp }

func (g gradeLabelled) MatchString(t string) bool {
	return !reSchoolYear.MatchString(t) && g.re.MatchString(t)
}

func (g gradeLabelled) FindStringSubmatch(t string) []string {
	if reSchoolYear.MatchString(t) {
		return nil
	}
	return g.re.FindStringSubmatch(t)
}

// part is a header fragment with where it came from.
type part struct {
	text string
	line int
	role string // "title" when an "X at Y" pattern fixed it, "org" likewise
	// afterComma: cut from the part before it on its line at a comma.
	afterComma bool
	// sep is what stood between it and the part before it on its line.
	sep string
	// dated: its line carries the entry's dates.
	dated bool
	// labelled: the value of a form's row ("Vessel: MV Ocean Pearl"),
	// whole in itself, never the wrapped end of the line above.
	labelled bool
}

// headParts removes the date range from the header lines and cuts them into
// fragments at strong separators, then at a comma when what follows is a
// place or an organisation.
func headParts(head []unit) (parts []part, dr dateRange, found bool) {
	dateLine := -1
	// A header whose lines are nearly all "Label<tab>value" or "Label:
	// value" is a label/value layout, whatever its label words ("Organisation
	// name", "Emploi occupé"): the labels are dropped and the values read
	// by what they say.
	shaped := 0
	for _, u := range head {
		if _, _, ok := labelShaped(u.text); ok {
			shaped++
		}
	}
	kvLayout := shaped >= 3 && 4*shaped >= 3*len(head)
	for i, u := range head {
		// "Hospital Pharmacist ........ 2015 - 2018": dotted leaders
		// stand where a tab would.
		t := reDotLeader.ReplaceAllString(dropEntryNumber(u.text), "\t")
		// "Position<tab>Engineer", "Employeur : Capgemini": the label says
		// which field the value is.
		if role, value, ok := labelledValue(t); ok {
			// "Company: Mota-Engil, Porto": the label names the first
			// part; a place after it is read as any other part.
			if role == "org" || role == "institution" {
				for k, p := range cutPieces(value) {
					pt := part{text: p.text, line: i, afterComma: p.afterComma, sep: p.sep}
					if k == 0 {
						pt.role = role
					}
					parts = append(parts, pt)
				}
				continue
			}
			if role == "location" {
				value = joinPlaceFields(value)
			}
			if role != "dates" {
				parts = append(parts, part{text: value, line: i, role: role})
				continue
			}
			t = value
		} else if _, value, ok := labelShaped(t); ok && kvLayout {
			t = value
			if _, isDate := findDateRange(value); !isDate {
				for _, p := range cutPieces(value) {
					parts = append(parts, part{text: p.text, line: i, afterComma: p.afterComma, sep: p.sep, labelled: true})
				}
				continue
			}
		} else if org, rest, ok := employerColon(t); ok {
			t = org + " | " + rest
		} else if label, value, _ := strings.Cut(t, ":"); rowField(t) == "degree" && institutionScore(value) > 0 {
			// "HSC (Class XII): Vidya Mandir, Pune – 2009": the label
			// is the degree, the value says where and when ("A-levels:
			// Mathematics (A), Physics (B)" is the degree whole).
			// A stage of schooling ("Tertiary: BSc Nursing, …") gives
			// way to the degree the value names.
			if !stageLabel(label) || degreeScore(value) == 0 {
				parts = append(parts, part{text: strings.TrimSpace(label), line: i, role: "degree"})
			}
			t = strings.TrimSpace(value)
		}
		if !found {
			if d, ok := findDateRange(t); ok {
				d = leftOpen(t, d)
				dr, found, dateLine = d, true, i
				before, after := t[:d.at], t[d.until:]
				// "Polytech Marseille (2008 – 2011)": the brackets go
				// with the dates.
				// So do "(expected 2025)", "(prévu juin 2026)".
				if b, a := strings.TrimRight(before, " "), strings.TrimLeft(after, " "); strings.HasPrefix(a, ")") {
					if m := reDateNote.FindStringIndex(b); m != nil {
						before, after = b[:m[0]], a[1:]
					}
				} else if note, rest, ok := bracketNoteAfter(b, a); ok {
					// "(juin 2018 – juillet 2019, deux éditions)": a note
					// after the dates inside their bracket stands apart.
					before, after = strings.TrimSuffix(b, "("), "\t"+note+"\t"+rest
				} else if strings.HasPrefix(a, "]") && strings.HasSuffix(b, "[") {
					// "[Feb '20 – Nov '22]" likewise.
					before, after = strings.TrimSuffix(b, "["), a[1:]
				} else if m := reDateLead.FindStringIndex(before); m != nil {
					// "…, Class of 2018", "Promotion 2016": words that
					// only say the date is when one graduated.
					before = before[:m[0]]
				}
				// "Studio, Melbourne / Mar 2020 – Present": a slash set
				// apart by spaces beside the dates only parts them off.
				before = reSlashEnd.ReplaceAllString(before, "")
				after = reSlashStart.ReplaceAllString(after, "")
				if m := reRangeNote.FindStringSubmatch(after); m != nil && !isLocation(m[1]) {
					// "2013 – 2015 (étés)<tab>Serveuse": a note on the
					// dates that ends their cell ("summers", "part-time")
					// qualifies the dates, it names nothing.
					after = after[len(m[0])-len(m[2]):]
				}
				t = before + "\t" + after
			}
		}
		// "Engineer at Acme", "Développeur chez Sopra" in the line's first
		// cell, also after the dates were taken out ("2016-2020 : …").
		if title, after, roles, ok := atCell(t); ok {
			parts = append(parts, part{text: title, line: i, role: roles[0]})
			n := len(parts)
			for _, p := range cutPieces(after) {
				parts = append(parts, part{text: p.text, line: i, afterComma: p.afterComma, sep: p.sep})
			}
			if len(parts) > n {
				parts[n].role = roles[1]
			}
			continue
		}
		for _, p := range cutPieces(t) {
			parts = append(parts, part{text: p.text, line: i, afterComma: p.afterComma, sep: p.sep})
		}
	}
	for k := range parts {
		parts[k].dated = found && parts[k].line == dateLine
	}
	return parts, dr, found
}

// employerColon splits "Unilever: Sales Manager (2015 – 2019)",
// "Orange : Cheffe de projet": a short capitalised name that names no job,
// a colon, then a job title; the line carries the entry's dates.
func employerColon(t string) (org, rest string, ok bool) {
	org, rest, found := strings.Cut(t, ":")
	org, rest = strings.TrimSpace(org), strings.TrimSpace(rest)
	if !found || org == "" || rest == "" || !hasDate(rest) || strings.Contains(org, "\t") || len(strings.Fields(org)) > 4 ||
		!capitalisedName(org) || titleScore(org) > 0 || bodyLabelled(t) {
		return "", "", false
	}
	if _, known := valueLabels[fold(org)]; known {
		return "", "", false
	}
	first := cutParts(rest)
	if len(first) == 0 || titleScore(first[0]) == 0 {
		return "", "", false
	}
	return org, rest, true
}

// atCell splits the first non-empty cell of a header line at "at",
// "chez" or "@" when what comes before names a job (roles "title", "org")
// or a degree taken at a school ("MSc Computer Science at ETH Zürich",
// roles "degree", "institution"); after is the rest of the line from the
// employer or school on.
func atCell(t string) (first, after string, roles [2]string, ok bool) {
	cells := strings.Split(t, "\t")
	for k, c := range cells {
		core := strings.TrimLeft(strings.TrimSpace(c), ":–—-|,; ")
		if core == "" {
			continue
		}
		m := reAtSep.FindStringSubmatch(core)
		if m == nil || institutionScore(m[1]) > 0 {
			return "", "", roles, false
		}
		after = strings.Join(append([]string{m[2]}, cells[k+1:]...), "\t")
		// "Associate Degree …, University of Texas at Austin" names a
		// school, not a job at Austin; "Ingénieur d'études" is a job.
		if titleScore(m[1]) > degreeOnlyScore(m[1]) || workTerm(m[1]) {
			return m[1], after, [2]string{"title", "org"}, true
		}
		school, _, _ := strings.Cut(m[2], ", ")
		if degreeScore(m[1]) > 0 && (institutionScore(school) > 0 || isAcronym(strings.Fields(school)[0]) || namedAfterPlace(school)) {
			return m[1], after, [2]string{"degree", "institution"}, true
		}
		return "", "", roles, false
	}
	return "", "", roles, false
}

// workTerms name a placement rather than a job ("Stage chez Airbus",
// "Alternance chez Michelin", "Summer internship at Bloomberg").
var workTerms = wordSet(`stage alternance apprentissage internship apprenticeship placement`)

func workTerm(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if workTerms[w] {
			return true
		}
	}
	return false
}

// piece is a fragment of a header line; afterComma when a comma cut it
// from the fragment before it.
type piece struct {
	text       string
	afterComma bool
	// sep is what stood between it and the piece before ("", " – ", ", ").
	sep string
}

func cutParts(t string) []string {
	var out []string
	for _, p := range cutPieces(t) {
		out = append(out, p.text)
	}
	return out
}

func cutPieces(t string) []piece {
	var out []piece
	sep := ""
	add := func(ps []string) {
		for k, p := range ps {
			pc := piece{text: p, afterComma: k > 0, sep: sep}
			if k > 0 {
				pc.sep = ", "
			}
			out = append(out, pc)
		}
	}
	t = sentenceBreaks(t)
	seps := reStrongSep.FindAllStringIndex(t, -1)
	for i, p := range reStrongSep.Split(t, -1) {
		if i > 0 {
			sep = t[seps[i-1][0]:seps[i-1][1]]
		}
		p = strings.TrimSpace(p)
		grade := reLetterGradeEnd.MatchString(p) // "Mean Grade A-" keeps its minus
		p = strings.Trim(p, ",;:|–—-·")
		// "…, Université d'État, Damien.": a line written as a sentence
		// ends on its full stop, no part of the last name.
		if endsSentence(p) {
			p = strings.TrimSpace(strings.TrimSuffix(p, "."))
		}
		if grade {
			p += "-"
		}
		p = strings.TrimSpace(reAsRole.ReplaceAllString(strings.TrimSpace(p), "")) // "— en tant que Consultante"
		if p == "" {
			continue
		}
		// "Vasavi College of Engineering, Hyderabad (Osmania University)":
		// the university a college belongs to goes with the college, not
		// the town.
		// A campus in the brackets ("University of Education, Winneba
		// (Kumasi Campus)") is where one studied, no university: the town
		// before it is the school's name's.
		if m := reParenPlace.FindStringSubmatch(p); m != nil && institutionScore(m[2]) > 0 && countIn(m[2], campusWords) == 0 && strings.Contains(m[1], ", ") {
			first, rest, _ := strings.Cut(m[1], ", ")
			if institutionScore(first) > 0 && isLocation(rest) {
				p = first + " (" + m[2] + "), " + rest
			}
		}
		if campusInBrackets(p) {
			add(commaSplit(p))
			continue
		}
		// "Académie Libanaise des Beaux-Arts (ALBA)": an acronym the
		// name spells is the name's, even one spelling a place.
		if m := reParenPlace.FindStringSubmatch(p); m != nil && isLocation(m[2]) && !spellsAcronym(m[2], strings.ReplaceAll(m[1], "-", " ")) {
			head := commaSplit(strings.TrimSpace(m[1]))
			// "Remote (EMEA)", "Lyon (France)": a place qualified by
			// the place in parentheses stays one location.
			if n := len(head); n > 0 && isLocation(head[n-1]) && (isWorkMode(head[n-1]) || higherPlace(m[2])) {
				head[n-1] += " (" + m[2] + ")"
				add(head)
				continue
			}
			if names, place, ok := townBeforeCountry(strings.TrimSpace(m[1]), m[2]); ok {
				add(append(names, place))
				continue
			}
			add(head)
			out = append(out, piece{text: m[2]})
			continue
		}
		add(commaSplit(p))
	}
	return out
}

// campusInBrackets: p closes on a school named after its city with
// another town in brackets ("Université de Yaoundé II (Soa)"): the site
// of that city's university, part of the school's name. A town after a
// school that names none ("Kestrel College of Nursing (Lima)") and a
// country ("Wageningen University (Pays-Bas)") are where it stands.
func campusInBrackets(p string) bool {
	m := reParenPlace.FindStringSubmatch(p)
	if m == nil || !isLocation(m[2]) || higherPlace(m[2]) {
		return false
	}
	school := lastSegment(m[1])
	if institutionScore(school) == 0 || degreeScore(school) > 0 || isLocation(school) {
		return false
	}
	for _, w := range strings.Fields(reElision.ReplaceAllString(school, "$1")) {
		if placeOf(w)&placeCity != 0 && !strings.EqualFold(w, m[2]) {
			return true
		}
	}
	return false
}

var reSentenceBreak = regexp.MustCompile(`\.\s+\p{Lu}`)

// sentenceBreaks cuts a header line where a sentence ends inside it
// ("Université Paris 1, Paris. Mention bien."): what follows is a note,
// no part of the school's name. An abbreviation's full stop ("St. Mary's",
// "Acme Inc. Paris") is no sentence end.
func sentenceBreaks(t string) string {
	ms := reSentenceBreak.FindAllStringIndex(t, -1)
	for k := len(ms) - 1; k >= 0; k-- {
		i := ms[k][0]
		if endsSentence(t[:i+1]) {
			_, size := utf8.DecodeLastRuneInString(t[:ms[k][1]])
			t = t[:i] + "\t" + t[ms[k][1]-size:]
		}
	}
	return t
}

// higherPlace: a region or country, not a town ("France", "EMEA"). A
// country's name is the country though some town bears it too
// ("Medellín (Colombia)", "Baabda (Lebanon)"): CVs name the country.
func higherPlace(s string) bool {
	k := placeOf(s)
	return k&placeCountry != 0 || k&placeRegion != 0 && k&placeCity == 0
}

// abbreviations end in a full stop that ends no sentence ("St. Mary's",
// Spanish and Filipino "Sta. Mesa", "Sto. Tomas").
// Schools abbreviate their kind ("Govt. Hr. Sec. School", "Natl. Inst. of Engg.");
// a list or a field is brought in by one ("GCSEs (9), incl. Maths",
// "Dipl. Ing.", "Media, esp. Film").
var abbreviations = wordSet(`st ste sta sto dr jr sr mr mrs ms mme prof univ dept av ave bd blvd rd no vol approx govt natl intl inst
	assoc coll hr sec engg eng sch matric incl excl esp dipl cf vs viz resp im mt ft`)

// "Sdn. Bhd." (Malaysia), "sp. z o.o." (Poland): forms of two words, each
// abbreviated.
var legalForms = wordSet(`inc ltd llc llp plc corp co gmbh ag sa sas sarl srl spa bv nv pty lp pvt pte cie bhd sdn sp`)

// legalForm says whether s starts with a company's legal form ("Inc.,
// Austin").
func legalForm(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	// "S.A. de C.V.", "S.p.A.": a form written with inner full stops.
	w := strings.ToLower(strings.Trim(f[0], ".,"))
	return legalForms[w] || legalForms[strings.ReplaceAll(w, ".", "")]
}

var reParenPlace = regexp.MustCompile(`^(.+?)\s*\(([^()]+)\)$`)

// commaSplit cuts "Acme Corp, Paris" or "MSc Data Science, Imperial College"
// but not "San Francisco, CA".
func commaSplit(p string) []string {
	// "Imperial College London, UK" is no "City, ST": a school is no town.
	if isLocation(p) && institutionScore(firstSegment(p)) == 0 {
		return []string{p}
	}
	// "USP, Piracicaba, in progress, expected 2027": a note on the
	// degree's progress ends the phrase and names nothing.
	if i := strings.LastIndex(p, ", "); i > 0 && reStatusNote.MatchString(strings.TrimSpace(p[i+2:])) {
		return append(commaSplit(strings.TrimSpace(p[:i])), strings.TrimSpace(p[i+2:]))
	}
	idx := strings.Index(p, ", ")
	for idx > 0 {
		head, rest := strings.TrimSpace(p[:idx]), strings.TrimSpace(p[idx+2:])
		// "Vendeuse (job étudiant, week-ends)": a comma inside brackets
		// is the note's own and cuts no field.
		if strings.Count(head, "(") > strings.Count(head, ")") {
			next := strings.Index(p[idx+2:], ", ")
			if next < 0 {
				break
			}
			idx += 2 + next
			continue
		}
		// "Acme, Inc., Austin, TX": a legal form after a comma belongs
		// to the name before it.
		if legalForm(rest) && !isLocation(rest) { // "Glanbia plc, Co. Kilkenny": a county
			next := strings.Index(p[idx+2:], ", ")
			if next < 0 {
				break
			}
			idx += 2 + next
			continue
		}
		// "École Supérieure de Chimie (ESC), Université de Toliara": a
		// school and the university it belongs to are one institution.
		if schoolOfUniversity(head, firstSegment(rest)) || unitOfUniversity(head, firstSegment(rest)) || townInAcronym(head, firstSegment(rest)) ||
			fieldList(head, rest) {
			next := strings.Index(p[idx+2:], ", ")
			if next < 0 {
				break
			}
			idx += 2 + next
			continue
		}
		// "Baccalauréat S, mention Assez bien, Lycée Hoche": a class or
		// mention after a comma is the degree's phrase, and the school
		// after it is cut from the whole.
		if degreePhrase(head) && classification(firstSegment(rest)) && !reGradeLabel.MatchString(rest) {
			next := strings.Index(p[idx+2:], ", ")
			if next < 0 {
				break
			}
			idx += 2 + next
			continue
		}
		// "Diploma of College Studies, Dawson Cegep": a degree naming a
		// school word is still the degree before the school.
		// A note in brackets after a name ("SGV & Co. (member firm of
		// Ernst & Young)") says nothing of what the name is.
		restTitle := titleScore(outsideBrackets(rest)) - fieldNamedFirms(outsideBrackets(rest))
		if headerPlace(rest) || institutionScore(rest) > 0 && (institutionScore(head) == 0 || degreeScore(head) > 0 && degreeScore(rest) == 0) ||
			titleScore(head) > 0 && restTitle == 0 && (contentWords(outsideBrackets(firstSegment(rest))) <= 4 || capitalisedName(rest) || legalFormEnd(firstSegment(rest))) ||
			orgScore(rest) > 0 && restTitle == 0 && orgScore(head) == 0 ||
			// "Corporate Services, Ocorian Ltd": a department named for
			// its work is no firm's name, whatever its word "Services";
			// the firm named after it is the employer.
			deptPhrase(head) && restTitle == 0 && (orgScore(firstSegment(rest)) > 0 || legalEnd(firstSegment(rest))) ||
			// "Fisheries Biologist, Fisheries and Oceans Canada (DFO)":
			// a name closed by its acronym is an organisation's.
			// ("Federal University of Technology, Owerri (FUTO)": an
			// acronym that spells both closes one name).
			acronymAfter(head, firstSegment(rest)) && restTitle == 0 && capitalisedName(head) && degreeScore(head) == 0 ||
			degreeScore(head) > 0 && degreeScore(rest) == 0 && (isAcronym(firstSegment(rest)) || acronymPlace(firstSegment(rest))) || // "MBA, INSEAD", "Master, IAE Lyon"
			legalEnd(head) && (orgScore(rest) == 0 || countIn(rest, unitWords) > 0) || // "Bharat Forge Ltd., Forging Division", "Siemens AG, Energy Sector"
			// "B.Sc. in Computer Engineering, Grade: Very Good with
			// Honors": a grade's label says it is one, whatever class
			// it names.
			degreeScore(head) > 0 && (gradeStart(rest) && (!honoursClass(rest) || reGPA.MatchString(rest)) || reScorePart.MatchString(rest)) || // "BSc Economics, GPA 3.8"
			institutionScore(head) > 0 && (gradePart(rest) || reScorePart.MatchString(rest)) || // "University of Glasgow, first class", "…, Legon, First Class Honours"
			// "…, Marrowby, Distinción Máxima", "…, Lahore, CGPA 3.4/4":
			// the town cut from its school on its own, then the grade.
			isLocation(head) && institutionScore(head) == 0 && (gradePart(rest) || reScorePart.MatchString(rest)) {
			// "Audit Senior, SGV & Co., Makati City": cut at a later
			// comma, the head is read again on its own.
			return append(commaSplit(head), commaSplit(rest)...)
		}
		next := strings.Index(p[idx+2:], ", ")
		if next < 0 {
			break
		}
		idx += 2 + next
	}
	return []string{p}
}

// schoolOfUniversity: head names a school and no degree, and seg the
// university it belongs to ("Faculté de Médecine (FMO), Université de
// Sousse"; "School of Nursing, Harlow University").
func schoolOfUniversity(head, seg string) bool {
	return (institutionScore(head) > 0 && !degreePhrase(head) || schoolBrand(head)) && reUniversity.MatchString(seg) && degreeScore(seg) == 0
}

// schoolBrand: a school's short name closed by its acronym ("Aarhus BSS",
// "Kestrel SOM"), two or three capitalised words naming no degree, job or
// organisation, as a university's schools are known.
func schoolBrand(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 || len(ws) > 3 {
		return false
	}
	acr, name := ws[len(ws)-1], strings.Join(ws[:len(ws)-1], " ")
	// "BSS" is no "BS": the acronym counts as a degree only as written.
	return isAcronym(acr) && !degreeWords[strings.ToLower(acr)] && capitalisedName(s) && degreeScore(name)+titleScore(s)+orgScore(s) == 0 &&
		!isLocation(acr)
}

var reUniversity = regexp.MustCompile(`(?i)^(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*\s+)*(?:university|université|universite|universidad|universidade|università|universität|universiteit|uniwersytet)(?:$|[^\p{L}])`)

// fieldList: rest opens with the last fields of a list that a school's
// name began ("Faculté des sciences économiques", "sociales et des
// territoires"; "School of Arts", "Design and Architecture, Espoo"): a
// few short phrases up to the one closed by "and", none a place, a grade
// or a school. A list in lower case carries on a head that ends in lower
// case; "Kestrel University, part-time and evenings" is a note.
func fieldList(head, rest string) bool {
	hw := strings.Fields(head)
	if institutionScore(head) == 0 || degreePhrase(head) || len(hw) < 2 {
		return false
	}
	segs := strings.Split(rest, ", ")
	for k, seg := range segs {
		seg = strings.TrimSpace(outsideBrackets(seg))
		ws := strings.Fields(seg)
		if len(ws) == 0 || len(ws) > 5 || k > 3 || strings.ContainsAny(seg, "0123456789:;") || isLocation(seg) || institutionScore(seg) > 0 ||
			gradeStart(seg) || classification(seg) {
			return false
		}
		if k == 0 && lowerNote(strings.TrimLeft(seg, "dl'’")) && !lowerNote(hw[len(hw)-1]) {
			return false
		}
		for _, w := range ws[1:] {
			if listJoins[strings.ToLower(w)] {
				return true
			}
		}
	}
	return false
}

// listJoins close a list of fields ("Design and Architecture").
var listJoins = wordSet(`and et & y e und`)

// campusWords name a school's site ("Kumasi Campus").
var campusWords = wordSet(`campus`)

// townInAcronym: seg is a town closed by the acronym that the school
// before it spells only with the town ("College of Engineering", "Pune
// (COEP)"): the town is part of the school's name, not where it stands.
func townInAcronym(head, seg string) bool {
	m := reParenPlace.FindStringSubmatch(seg)
	if m == nil || !reAcronymParen.MatchString(seg) || institutionScore(head) == 0 || degreePhrase(head) {
		return false
	}
	town := strings.TrimSpace(m[1])
	spells := func(name string) bool { return spellsAcronym(m[2], name) || strings.EqualFold(initials(name), m[2]) }
	return (townShaped(town) || placeOf(town)&placeCity != 0) && spells(head+" "+town) && !spells(head)
}

// initials are the first letters of all the words of s, function words
// too ("COEP", "College of Engineering Pune").
func initials(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(r)
	}
	return b.String()
}

// acronymAfter: seg is a name closed by an acronym in brackets
// ("Fisheries and Oceans Canada (DFO)", "Chennai (CBSE)") that does not
// spell head and seg together.
func acronymAfter(head, seg string) bool {
	m := reParenPlace.FindStringSubmatch(seg)
	return m != nil && reAcronymParen.MatchString(seg) && !spellsAcronym(m[2], head+" "+m[1])
}

// outsideBrackets is s without what it says in brackets.
func outsideBrackets(s string) string { return reBracketed.ReplaceAllString(s, " ") }

var reBracketed = regexp.MustCompile(`\([^()]*\)`)

// contentWords counts the words of s that are no function words
// ("Chambre d'agriculture de la Gironde" has three).
func contentWords(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if !functionWords[strings.ToLower(w)] {
			n++
		}
	}
	return n
}

// firstSegment is s up to its first comma.
func firstSegment(s string) string {
	head, _, _ := strings.Cut(s, ", ")
	return strings.TrimSpace(head)
}

var reAcronymParen = regexp.MustCompile(`\(\p{Lu}[\p{Lu}\d&]{1,7}\)$`)

// legalEnd: a company's whole name, closed by its legal form ("Bharat
// Forge Ltd.") or its acronym in brackets ("Radio France Internationale
// (RFI)"); what a comma adds after it is a unit or a place.
func legalEnd(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 {
		return false
	}
	return legalForms[strings.ToLower(strings.Trim(ws[len(ws)-1], ".,"))] || legalFormEnd(s) || reAcronymParen.MatchString(s)
}

// capitalisedName: the text up to its first comma is a name of up to
// eight words, each capitalised or a function word ("Agence Française de
// Développement, Paris"), as an employer's is and a job's description
// is not.
func capitalisedName(s string) bool { return capitalisedWords(s, 8) }

// longSchoolName: a school's full name runs past the ten words that make
// a line prose ("University of Texas Health Science Center at Houston
// (Cizik School of Nursing)", "Institut Supérieur des Professions
// Infirmières et Techniques de Santé (ISPITS), Casablanca"): every word
// capitalised or a function word, a school's word among them, and no
// sentence's full stop.
func longSchoolName(s string) bool {
	name, _, _ := strings.Cut(s, ", ")
	return institutionScore(name) > 0 && !endsSentence(s) && capitalisedWords(s, 16)
}

// longDegreeName: a degree's full name with its major runs past ten
// words as well ("Bachelor of Science in Business Administration, Major
// in Marketing Management"): a degree's words, capitalised up to the
// first comma, and no sentence's full stop.
func longDegreeName(s string) bool {
	name, _, _ := strings.Cut(s, ", ")
	// "Bachelor of Arts with Honours in History", "MChem Chemistry with
	// a Year in Industry": "with" joins a degree's parts as "of" does.
	return degreeScore(name) > 0 && !endsSentence(s) && capitalisedWords(reDegreeWith.ReplaceAllString(s, " of "), 16)
}

var reDegreeWith = regexp.MustCompile(`\swith(?:\sa)?\s`)

// nameParticles join the capitalised words of a name in the languages
// whose particles functionWords does not hold ("Università degli Studi di
// Bergamo", "Universidade Federal do Rio de Janeiro", "Universidad de
// Ciencias y Artes").
var nameParticles = wordSet(`di degli del della delle dei dello do da dos das y e von van der den`)

func capitalisedWords(s string, most int) bool {
	s, _, _ = strings.Cut(s, ", ")
	ws := strings.Fields(reFormerName.ReplaceAllString(s, ""))
	if len(ws) == 0 || len(ws) > most || !unicode.IsUpper([]rune(ws[0])[0]) {
		return false
	}
	for _, w := range ws {
		w = strings.Trim(w, "()")
		// "Côte d'Ivoire", "L'Oréal": an elided article or preposition
		// before a capitalised word is the name's.
		if m := reElision.FindString(w); m != "" && unicode.IsUpper([]rune(w[len(m):] + ".")[0]) {
			w = w[len(m):]
		}
		// "(Level 4)", "Part 2": a number in a name is no lower-case word;
		// nor is a dash setting a class or a field apart ("BTEC Diploma
		// in Health and Social Care – DMM").
		if w != "" && !unicode.IsUpper([]rune(w)[0]) && !functionWords[strings.ToLower(w)] && !nameParticles[w] && w != "&" && !allDigits(w) && !dashWords[w] {
			return false
		}
	}
	return true
}

var dashWords = wordSet(`– — -`)

// allDigits: w is a number written in digits ("4", "2365").
func allDigits(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

// bodyText splits an entry body into bullets and description.
func bodyText(body []unit) (bullets []string, desc string) {
	var para []string
	bulleted := false
	for _, u := range body {
		if u.bullet {
			bulleted = true
		}
	}
	for _, u := range body {
		switch {
		case u.bullet:
			bullets = append(bullets, u.text)
		case !bulleted && len(body) > 1:
			bullets = append(bullets, u.text)
		default:
			para = append(para, u.text)
		}
	}
	if bullets == nil {
		bullets = []string{}
	}
	return bullets, strings.Join(para, " ")
}

// valueLabels map the labels of label/value CV layouts (folded) to the
// field their value fills.
var valueLabels = map[string]string{
	"position": "title", "role": "title", "title": "title", "job title": "title", "poste": "title", "fonction": "title",
	"intitule": "title", "intitule du poste": "title", "occupation": "title",
	"employer": "org", "company": "org", "organisation": "org", "organization": "org", "employeur": "org",
	"entreprise": "org", "societe": "org", "client": "org",
	"location": "location", "city": "location", "lieu": "location", "ville": "location", "place": "location",
	"company location": "location", "job location": "location", "work location": "location",
	"dates": "dates", "date": "dates", "period": "dates", "periode": "dates", "duration": "dates", "duree": "dates",
	"from to": "dates",
	"degree":  "degree", "diploma": "degree", "qualification": "degree", "diplome": "degree", "titre": "degree",
	"institution": "institution", "school": "institution", "university": "institution", "etablissement": "institution",
	"ecole": "institution", "universite": "institution", "organisme": "institution",
	// Indian and other CVs' wording.
	"designation": "title", "job role": "title", "emploi": "title", "poste occupe": "title", "fonction occupee": "title",
	"company name": "org", "organisation name": "org", "organization name": "org", "employer name": "org",
	"nom de l entreprise": "org", "year": "dates", "years": "dates", "year of passing": "dates", "annee": "dates",
	"annees": "dates", "institute": "institution", "college": "institution",
	"course": "degree", "program": "degree", "programme": "degree",
	// A French form names a training beside its diplomas ("Formation :
	// Certificat IFRS", "Organisme : ACCA"): see trainingLabelled.
	"formation": "degree", "organisme de formation": "institution",
	// Seafarers' sea service and uniformed services give the job as a rank.
	"rank": "title",
	// A school-leaving exam's group or stream ("Group : Business
	// Studies", "Stream: Science"), as Bangladeshi and Indian forms list
	// it under the exam: what was studied, told apart from the exam's
	// name, for the entry's notes.
	"group": "notes", "stream": "notes",
	// The examination board of a school-leaving exam ("Board: BISE
	// Lahore", a "Board / University" column) awards the certificate;
	// the school is where it was studied: the board goes to the notes.
	"board": "notes",
}

// bodyLabels head the description of an entry in label/value layouts
// ("Responsibilities: …", "Missions : …"): such a line is its body.
var bodyLabels = wordSet(`responsibilities responsibility duties tasks achievements accomplishments description
	missions mission taches responsabilites realisations activites projects projets key_responsibilities roles_and_responsibilities
	main_activities_and_responsibilities activites_principales
	thesis dissertation memoire coursework capstone courses modules focus classement`)

func bodyLabelled(t string) bool {
	label, _, ok := strings.Cut(t, ":")
	if !ok {
		label, _, ok = strings.Cut(t, "\t")
	}
	if !ok || len(strings.Fields(label)) > 5 {
		return false
	}
	// "Key duties", "Main responsibilities": the last word says it.
	f := fold(label)
	ws := strings.Fields(f)
	return len(ws) > 0 && (bodyLabels[strings.ReplaceAll(f, " ", "_")] || bodyLabels[ws[len(ws)-1]])
}

// labelledValue splits "Label<tab>value" or "Label: value" when the label
// is one of valueLabels.
func labelledValue(t string) (role, value string, ok bool) {
	label, value, found := strings.Cut(t, "\t")
	if !found {
		if label, value, found = strings.Cut(t, ":"); !found {
			return "", "", false
		}
	}
	role, ok = valueLabels[fold(label)]
	value = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(value), ":："))
	if !ok || value == "" {
		return "", "", false
	}
	return role, value, true
}

// labelShaped splits a line that has the shape of a label/value row: a
// short label (one to four words starting with a capital, no digits or list
// punctuation), a tab or a colon, and a value.
func labelShaped(t string) (label, value string, ok bool) {
	label, value, found := strings.Cut(t, "\t")
	if !found {
		if label, value, found = strings.Cut(t, ":"); !found {
			return "", "", false
		}
	}
	label = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(label), ":："))
	value = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(value), ":："))
	if label == "" || value == "" || len([]rune(label)) > 32 || strings.ContainsAny(label, "0123456789@|,.;/()•–—") ||
		len(strings.Fields(label)) > 4 || !unicode.IsUpper([]rune(label)[0]) || strings.HasPrefix(value, "//") {
		return "", "", false
	}
	return label, value, true
}

// columnRoles map the column headings of an entry table (folded) to the
// label its cells are read under: Indian CVs list education as
// "Degree | Institute | Year | Score" rows, and some list jobs the same way.
var columnRoles = func() map[string]string {
	m := map[string]string{}
	for label, names := range map[string]string{
		"Degree": `degree degrees qualification qualifications diploma course examination exam exam_title class standard program
			programme diplome formation certificate award name_of_exam exam_passed examination_passed title_of_qualification`,
		"Institution": `institute institution university school college
			school_college college_university institution_name name_of_institution etablissement ecole universite
			awarding_body awarding_institution institution_attended institutions_attended school_attended schools_attended
			name_of_school school_name`,
		// "From" and "To" head one end of the range each: read as one
		// dates column (joinSplitRange).
		"Dates": `year years year_of_passing passing_year dates date period duration annee annees periode from_to from to
			passing_year year_of_completion graduation_year session pas_year inclusive_years inclusive_dates years_attended
			year_graduated`,
		"GPA": `score percentage marks cgpa gpa grade result results resultat resultats aggregate mention note division`,
		// A row's number ("S.No.", "Sr. No.", "#") says nothing.
		"Index": `s_no sno sl_no slno sr_no srno serial_no serial_number no number n`,
		// The field of study stands apart from the degree's name.
		"Field": `group major concentration subject subjects specialization specialisation stream branch discipline field field_of_study
			specialite option filiere`,
		// An exam's board, alone or as "Board / University" (labelled
		// as valueLabels reads it).
		"Board": `board board_university university_board`,
		// A seafarer's manning agency is the employer of record.
		"Company": `company organisation organization employer employeur entreprise societe manning manning_agency`,
		// The stage of schooling ("Tertiary", "Secondary").
		"Level": `level level_of_education education_level educational_level`,
		// A civil-service job group and a seafarer's rank name the post.
		"Position": `designation role position title poste fonction job_title position_held post_held rank job_group`,
		"Location": `location city place lieu ville station duty_station address adresse`,
		// What the row's entry was about, told beside it: its
		// description, not a field.
		"Notes": `notes remarks remark comments comment details description remarques commentaires
			key_results results achievements key_achievements accomplishments responsibilities key_responsibilities
			main_responsibilities duties tasks realisations principales_realisations missions taches responsabilites`,
	} {
		for _, n := range strings.Fields(names) {
			m[strings.ReplaceAll(n, "_", " ")] = label
		}
	}
	return m
}()

// headParticiples follow a column's field in its heading ("Qualification
// Attained", "Degree Obtained", "Diplôme obtenu").
var headParticiples = wordSet(`attained obtained awarded earned achieved received completed obtenu obtenue obtenus
	delivre prepare`)

// tableRows reads an entry table under a row of column headings: each
// row becomes one entry whose cells are labelled by their column
// ("Degree: B.E.", "Institution: PSG College of Technology, Coimbatore",
// "Dates: 2012"), and the heading row is dropped. A row may have fewer
// cells than headings (OCR merges cells); they fill the columns in order.
// A row whose cells wrap onto a second row ("… Data Science and" /
// "Business Analytics<tab>2018") is joined back: the second row's cells
// go on with the cells left unfinished.
func tableRows(lines []line) []line {
	for i, l := range lines {
		if out, ok := subjectGradeGrid(lines, i); ok {
			return out
		}
		if out, ok := stackedTableRows(lines, i); ok {
			return out
		}
		heads, skip := columnHeads(l.text), 1
		if heads == nil && i+1 < len(lines) {
			// "Exam /<tab>Board / University<tab>Passing" over
			// "Degree<tab>Year": headings wrapped in their cells.
			heads, skip = columnHeads(joinWrappedHeads(l.text, lines[i+1].text)), 2
		}
		if heads == nil {
			if fieldNamesRow(l.text) {
				// "Period | Position / Company | Key Achievements":
				// headings of columns that do not map one field each
				// name no entry; the rows under them are read as
				// entries of their own.
				return append(append([]line{}, lines[:i]...), tableRows(lines[i+1:])...)
			}
			continue
		}
		out := append([]line{}, lines[:i]...)
		type row struct {
			first line
			cells []string
			body  []line
		}
		var rows []row
		j := i + skip
		for ; j < len(lines); j++ {
			n := len(rows)
			if !strings.Contains(lines[j].text, "\t") && !(n > 0 && (scoreNote(lines[j], rows[0].first) ||
				scoreGoesOn(rows[n-1].cells, heads, lines[j].text))) {
				// The end of a range wrapped in the dates column ends
				// the row's dates; a row's description wrapped in a
				// column of its own (under "Responsibilities", set in
				// from the table's left edge) describes the row.
				switch {
				case n == 0:
				case datesUnfinished(rows[n-1].cells, heads) && startsWithDatePart(lines[j].text):
					continueRow(rows[n-1].cells, []string{strings.TrimSpace(lines[j].text)}, heads)
					continue
				// A photographed table's rule read as a bar before the
				// line ("| School") sets it in a cell after the first:
				// the row's cell wrapped there.
				case strings.HasPrefix(strings.TrimSpace(lines[j].text), "|") && !hasDate(lines[j].text):
					if c := cellText(lines[j].text); c != "" {
						continueRowFrom(rows[n-1].cells, []string{c}, heads, 1)
					}
					continue
				// "Bachelor of Science with Education (Mathematics and"
				// / "Chemistry)": the rest of a cell left open, under it.
				case math.Abs(lines[j].x-rows[n-1].first.x) <= 4 && unfinishedRow(rows[n-1].cells, heads) && !lines[j].heading &&
					!hasDate(lines[j].text) && len(strings.Fields(lines[j].text)) <= 4:
					continueRow(rows[n-1].cells, []string{strings.TrimSpace(lines[j].text)}, heads)
					continue
				// "Chalmers University of" / "Technology, Göteborg" set
				// in under its column: the one cell the row left open
				// goes on, not the row's description.
				case wrapSetIn(lines[j], rows[n-1].first) && !lines[j].heading && !hasDate(lines[j].text) && openCell(rows[n-1].cells, heads) >= 0:
					k := openCell(rows[n-1].cells, heads)
					rows[n-1].cells[k] += " " + strings.TrimSpace(lines[j].text)
					continue
				case lines[j].x > rows[n-1].first.x+bodyIndentMax && !lines[j].heading && !hasDate(lines[j].text):
					rows[n-1].body = append(rows[n-1].body, lines[j])
					continue
				}
				break
			}
			var cells []string
			for _, c := range strings.Split(lines[j].text, "\t") {
				if c = cellText(c); c != "" {
					cells = append(cells, c)
				}
			}
			cells = joinSplitRange(splitGluedYear(splitDashCells(cells, heads), heads), heads)
			// A row with no date under a dates heading is the rest of
			// the row above, wrapped in its cells ("B.Com" / "(Hons)").
			// So is a row under a range left open ("01 Jan 2018 –"),
			// whose cells then go on the row's cells one for one.
			if n > 0 && (len(cells) < len(heads) && (unfinishedRow(rows[n-1].cells, heads) || datelessRow(cells, heads)) ||
				len(cells) == len(heads) && rangeEnds(rows[n-1].cells, cells, heads)) {
				from := 0
				if wrapSetIn(lines[j], rows[n-1].first) {
					from = 1
				}
				continueRowFrom(rows[n-1].cells, cells, heads, from)
				continue
			}
			rows = append(rows, row{first: lines[j], cells: fillRow(cells, heads)})
		}
		for _, r := range rows {
			var notes []line
			first := true
			for k, cell := range r.cells {
				if emptyCell(cell) || heads[k] == "Index" {
					continue
				}
				// A blank line before the row stands before its first
				// cell only: its cells are one entry.
				l := r.first
				l.text, l.entryHead, l.bullet, l.setIn = heads[k]+": "+cell, true, false, false
				l.gapBefore = l.gapBefore && first
				first = false
				if heads[k] == schoolLevel {
					// "Tertiary" beside "Bachelor of Science in
					// Nursing" says no more than the degree; beside a
					// dash it is all the row says it studied.
					l.text = "Degree: " + cell
					if d := slices.Index(heads, "Degree"); d >= 0 && !emptyCell(r.cells[d]) {
						l.text, l.entryHead, l.setIn = cell, false, true
						notes = append(notes, l)
						continue
					}
				}
				if heads[k] == schoolPlace {
					name, place, _ := strings.Cut(cell, "\n")
					l.text = "Institution: " + name
					out = append(out, l)
					if place = strings.TrimSpace(strings.ReplaceAll(place, "\n", " ")); place != "" {
						l.text, l.gapBefore = "Location: "+place, false
						out = append(out, l)
					}
					continue
				}
				if heads[k] == "Notes" {
					l.text, l.entryHead, l.setIn = cell, false, true
					notes = append(notes, l)
					continue
				}
				if heads[k] == employerPlace {
					for n, t := range employerPlaceCells(cell) {
						l.text, l.gapBefore = t, l.gapBefore && n == 0
						out = append(out, l)
					}
					continue
				}
				out = append(out, l)
			}
			out = append(out, oneNote(notes)...)
			for _, l := range r.body {
				l.setIn = true
				out = append(out, l)
			}
		}
		return append(out, tableRows(lines[j:])...)
	}
	return lines
}

// cellText is a cell's text without the bar a photographed table's rule
// was read as before it ("| University of Zambia").
func cellText(c string) string {
	return strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(c), "|"))
}

// oneNote joins a row's notes cells in one line ("MV Silver Tern –
// General Cargo"): the cells of one row are one description, not a
// list of points.
func oneNote(notes []line) []line {
	if len(notes) < 2 {
		return notes
	}
	l := notes[0]
	for _, n := range notes[1:] {
		l.text += " – " + n.text
	}
	return []line{l}
}

// emptyCell: a cell left blank, or holding only a dash or "n/a" where
// the row has nothing to say ("–" under "Grade" for a degree under way).
func emptyCell(c string) bool {
	switch strings.ToLower(strings.TrimSpace(c)) {
	case "", "–", "—", "-", "n/a", "na", "/", "nil", "none", "néant":
		return true
	}
	return false
}

// reGluedYear is a year, or a range's open start, at the end of a cell
// ("Great Lakes Institute of Management, Chennai 2017 –").
var reGluedYear = regexp.MustCompile(`^(.*\D)\s+((?:19|20)\d{2}(?:\s*[–—-])?)$`)

// splitGluedYear cuts a year off the end of the cell before the Dates
// column when the row has fewer cells than headings: the PDF set the
// year so close to the cell before it that they read as one.
func splitGluedYear(cells, heads []string) []string {
	d := slices.Index(heads, "Dates")
	if d < 1 || len(cells) >= len(heads) || len(cells) < d {
		return cells
	}
	m := reGluedYear.FindStringSubmatch(cells[d-1])
	if m == nil || onlyDates(cells[d-1]) {
		return cells
	}
	return slices.Concat(cells[:d-1], []string{strings.TrimSpace(m[1]), m[2]}, cells[d:])
}

// joinSplitRange mends a dates column whose heading names both ends
// ("From To") over two cells, one year each ("2016<tab>2019"): the two
// cells are the one range the heading counts as one column. The PDF may
// have set the grade so close to the second year that they read as one
// ("2011 B+"): the grade is cut off to its own column.
func joinSplitRange(cells, heads []string) []string {
	d := slices.Index(heads, "Dates")
	if d < 0 || d+1 >= len(cells) {
		return cells
	}
	next := strings.TrimSpace(cells[d+1])
	if len(cells) == len(heads)+1 && rangeOfTwo(cells[d], next) {
		return slices.Concat(cells[:d], []string{cells[d] + " – " + next}, cells[d+2:])
	}
	if !reYearOnly.MatchString(strings.TrimSpace(cells[d])) {
		return cells
	}
	switch {
	case len(cells) == len(heads) && d+1 < len(heads) && heads[d+1] == "GPA":
		if m := reYearThenGrade.FindStringSubmatch(next); m != nil {
			return slices.Concat(cells[:d], []string{cells[d] + " – " + m[1], m[2]}, cells[d+2:])
		}
	}
	return cells
}

// rangeOfTwo: two cells that read as one range's start and end ("2016",
// "2019"; "Aug 2019", "To date").
func rangeOfTwo(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if !onlyDates(a) || !onlyDates(b) && !rePres.MatchString(b) {
		return false
	}
	dr, ok := findDateRange(a + " – " + b)
	return ok && dr.end != ""
}

// reYearThenGrade is a year and a short grade read as one cell ("2011 B+").
var reYearThenGrade = regexp.MustCompile(`^((?:19|20)\d{2})\s+(\S.{0,30})$`)

// joinWrappedHeads joins a row of column headings to the row under it
// where the headings wrapped in their cells: each cell of the first row
// that is no heading yet ("Passing") or ends in a slash ("Exam /") takes
// the next cell of the second row, in order ("Exam / Degree", "Passing
// Year"). It returns "" when the rows do not fit that way.
func joinWrappedHeads(a, b string) string {
	top, under := strings.Split(a, "\t"), strings.Split(b, "\t")
	var open []int
	for k, c := range top {
		c = strings.TrimSpace(c)
		if _, ok := columnRole(c); !ok || strings.HasSuffix(c, "/") || strings.HasSuffix(c, "&") {
			open = append(open, k)
		}
	}
	if len(open) == 0 || len(open) != len(under) {
		return ""
	}
	for n, k := range open {
		if _, ok := columnRole(under[n]); !ok && !strings.HasSuffix(strings.TrimSpace(top[k]), "/") {
			return ""
		}
		top[k] = strings.TrimSpace(top[k]) + " " + strings.TrimSpace(under[n])
	}
	return strings.Join(top, "\t")
}

// datelessRow: a row that has no date where the table has a dates column.
func datelessRow(cells, heads []string) bool {
	if !slices.Contains(heads, "Dates") {
		return false
	}
	for _, c := range cells {
		if hasDate(c) {
			return false
		}
	}
	return true
}

// reScoreNote qualifies a score on the row under it ("(out of 4)", "/ 10").
var reScoreNote = regexp.MustCompile(`(?i)^\(?\s*(?:out of|sur|/)\s*\d{1,3}(?:[.,]\d+)?\s*\)?$`)

// scoreNote: a line set right of a table's first column that only
// qualifies a score.
func scoreNote(l, first line) bool {
	return l.x > first.x+bodyIndentMax && reScoreNote.MatchString(strings.TrimSpace(l.text))
}

// fillRow lays a row's cells under the headings: in order when there are
// as many, otherwise a year or range goes under the dates, a score under
// the score and the text cells under the other headings in order, once
// the years and scores the PDF set beside a cell are cut off it
// ("Kendriya Vidyalaya, Chennai 2013 94.2%"). A degree merged with its
// school ("B.Tech (CSE) NIT Tiruchirappalli") is cut when the school's
// cell would stay empty.
func fillRow(cells, heads []string) []string {
	row := make([]string, len(heads))
	if len(cells) >= len(heads) {
		copy(row, cells)
		return row
	}
	dates, gpa := slices.Index(heads, "Dates"), slices.Index(heads, "GPA")
	var texts []string
	for _, c := range cells {
		for _, piece := range cutScoreAndYear(c, dates >= 0, gpa >= 0) {
			switch {
			case dates >= 0 && row[dates] == "" && (onlyDates(piece) || reYearOnly.MatchString(piece)):
				row[dates] = piece
			case gpa >= 0 && row[gpa] == "" && reScorePart.MatchString(piece):
				row[gpa] = piece
			default:
				texts = append(texts, piece)
			}
		}
	}
	var free []int
	for k := range heads {
		if k != dates && k != gpa {
			free = append(free, k)
		}
	}
	for n, t := range texts {
		if n >= len(free) {
			row[free[len(free)-1]] += " " + t
			continue
		}
		row[free[n]] = t
	}
	d, inst := slices.Index(heads, "Degree"), slices.Index(heads, "Institution")
	if d >= 0 && inst >= 0 && row[inst] == "" {
		if degree, school, ok := splitDegreeSchool(row[d]); ok {
			row[d], row[inst] = degree, school
		}
	}
	return row
}

var (
	reTrailingScore = regexp.MustCompile(`^(.*\S)\s+(\S+(?:\s+(?:cgpa|gpa|cpi))?)$`)
	reTrailingYear  = regexp.MustCompile(`^(.*\S)\s+((?:19|20)\d{2}(?:\s*[–—-]\s*(?:(?:19|20)\d{2})?)?)$`)
)

// cutScoreAndYear cuts off the end of a cell a score, then a year or
// range, that stand after its text with only a space between.
func cutScoreAndYear(c string, dates, gpa bool) []string {
	var tail []string
	if m := reTrailingScore.FindStringSubmatch(c); gpa && m != nil && reScorePart.MatchString(m[2]) && !reScorePart.MatchString(c) {
		c, tail = m[1], []string{m[2]}
	}
	if m := reTrailingYear.FindStringSubmatch(c); dates && m != nil && !onlyDates(c) {
		c, tail = m[1], append([]string{m[2]}, tail...)
	}
	return append([]string{c}, tail...)
}

// splitDegreeSchool cuts a degree's short name, with what it has in
// brackets, from the school named after it in one cell ("B.Tech (CSE)
// NIT Tiruchirappalli", "MBA IIM Ahmedabad", "BSc University of Ghana").
func splitDegreeSchool(t string) (degree, school string, ok bool) {
	ws := strings.Fields(t)
	if len(ws) < 2 || degreeScore(ws[0]) == 0 {
		return "", "", false
	}
	k := 1
	if strings.HasPrefix(ws[1], "(") {
		for k < len(ws) && !strings.HasSuffix(ws[k], ")") {
			k++
		}
		k++
	}
	if k >= len(ws) {
		return "", "", false
	}
	rest := strings.Join(ws[k:], " ")
	if degreeScore(rest) > 0 || !(isAcronym(ws[k]) || institutionScore(ws[k]) > 0) {
		return "", "", false
	}
	return strings.Join(ws[:k], " "), rest, true
}

// unfinishedRow says whether a table row goes on on the next row: a
// range left open ("2017 –"), a cell cut after a function word ("… Data
// Science and") or inside brackets ("(Anna").
func unfinishedRow(cells, heads []string) bool {
	for k, c := range cells {
		if unfinishedCell(c, heads[k]) {
			return true
		}
	}
	return false
}

func unfinishedCell(c, head string) bool {
	c = strings.TrimSpace(c)
	if c == "" {
		return false
	}
	if head == "Dates" {
		return openRange(c)
	}
	return endsInFunctionWord(c) || strings.Count(c, "(") > strings.Count(c, ")")
}

// openCell is the one cell of a row, dates aside, left open (ended by a
// function word, an open bracket or a comma); -1 when none is, or more
// than one.
func openCell(cells, heads []string) int {
	open := -1
	for k, c := range cells {
		c = strings.TrimSpace(c)
		if heads[k] == "Dates" || !(unfinishedCell(c, heads[k]) || strings.HasSuffix(c, ",")) {
			continue
		}
		if open >= 0 {
			return -1
		}
		open = k
	}
	return open
}

// openRange: a dates cell cut inside its range ("2017 –", "Jul 2009 –
// Feb", "15 Mar 2012 – 31"): a dash after a date, and no end read.
func openRange(c string) bool {
	c = strings.TrimSpace(c)
	if strings.HasSuffix(c, "–") || strings.HasSuffix(c, "-") || strings.HasSuffix(c, "—") {
		return true
	}
	dr, ok := findDateRange(c)
	return ok && dr.end == "" && strings.ContainsAny(c[dr.until:], "–—-")
}

// datesUnfinished: the row's dates cell is a range cut open.
func datesUnfinished(row, heads []string) bool {
	d := slices.Index(heads, "Dates")
	return d >= 0 && d < len(row) && openRange(row[d])
}

// rangeEnds says whether a row's dates cell ends the range the row above
// left open ("15 Mar 2012 – 31" / "Dec 2017", "01 Jan 2018 –" /
// "Continuing") rather than opening a range of its own.
func rangeEnds(row, cells, heads []string) bool {
	d := slices.Index(heads, "Dates")
	if d < 0 || !openRange(row[d]) {
		return false
	}
	if dr, ok := findDateRange(cells[d]); ok && dr.end != "" {
		return false
	}
	dr, ok := findDateRange(row[d] + " " + cells[d])
	return ok && dr.end != ""
}

// continueRow adds a wrapped row's cells to the row above: a date to the
// Dates column, a score to the score column, other text to the next cell
// left unfinished, in order.
func continueRow(row, cells, heads []string) { continueRowFrom(row, cells, heads, 0) }

// wrapSetIn: a row's wrapped line starts right of the row's first cell,
// so its first cell is no wrap of the first column ("Manufacturing<tab>
// (BUTEX)" under "B.Sc in Textile Engineering<tab>Apparel<tab>Bangladesh
// University of Textiles").
func wrapSetIn(l, first line) bool {
	return l.x-first.x > max(3*first.size, 12)
}

// reScoreCut ends a score cell cut inside "out of" ("CGPA: 3.41 out");
// reScoreRest is the rest of it on the row under ("of 4").
var (
	reScoreCut  = regexp.MustCompile(`(?i)\d\s+out(?:\s+of)?$`)
	reScoreRest = regexp.MustCompile(`(?i)^(?:of\s+)?\d{1,3}(?:[.,]\d{1,2})?$`)
)

// scoreGoesOn: c ends the score the row's score cell left cut.
func scoreGoesOn(row, heads []string, c string) bool {
	g := slices.Index(heads, "GPA")
	return g >= 0 && g < len(row) && reScoreCut.MatchString(strings.TrimSpace(row[g])) && reScoreRest.MatchString(strings.TrimSpace(c))
}

// continueRowFrom is continueRow for a wrapped row whose text starts at
// column from or later.
func continueRowFrom(row, cells, heads []string, from int) {
	add := func(k int, c string) {
		switch {
		case row[k] == "":
			row[k] = c
		case heads[k] == schoolPlace:
			// The lines under a school's name in its cell are its
			// address.
			row[k] += "\n" + c
		default:
			row[k] += " " + c
		}
	}
	if len(cells) == len(heads) {
		for k, c := range cells {
			add(k, c)
		}
		return
	}
	next := from
	for _, c := range cells {
		k := -1
		switch {
		case scoreGoesOn(row, heads, c):
			k = slices.Index(heads, "GPA")
		case onlyDates(c) || reYearOnly.MatchString(c):
			k = slices.Index(heads, "Dates")
		case reScorePart.MatchString(c) || reScoreNote.MatchString(c):
			k = slices.Index(heads, "GPA")
		default:
			for i := next; i < len(heads); i++ {
				if heads[i] != "Dates" && heads[i] != "GPA" && unfinishedCell(row[i], heads[i]) {
					k = i
					break
				}
			}
		}
		if k < 0 {
			for i := next; i < len(heads); i++ {
				if heads[i] != "Dates" && heads[i] != "GPA" {
					k = i
					break
				}
			}
		}
		if k < 0 {
			continue
		}
		add(k, c)
		next = k + 1
	}
}

// fieldNamesRow: a row of two cells or more, each naming fields or a
// description ("Position / Company", "Key Achievements") and nothing
// else, one of them the dates.
func fieldNamesRow(t string) bool {
	cells := strings.Split(t, "\t")
	if len(cells) < 2 {
		return false
	}
	dates := false
	for _, c := range cells {
		parts := strings.FieldsFunc(c, func(r rune) bool { return r == '/' || r == '&' || r == '|' })
		if len(parts) == 0 {
			return false
		}
		for _, p := range parts {
			role, ok := columnRoles[fold(p)]
			dates = dates || role == "Dates"
			if !ok && !bodyLabelled(strings.TrimSpace(p)+":") {
				return false
			}
		}
	}
	return dates
}

// columnRole reads a column heading, also one that names its column twice
// ("Institute / Board", "Degree / Exam", "Board / University").
func columnRole(c string) (string, bool) {
	switch strings.TrimSpace(c) {
	case "%":
		return "GPA", true
	case "#", "N°", "Nº", "No.":
		return "Index", true
	}
	if label, ok := columnRoles[fold(c)]; ok {
		return label, true
	}
	// "Qualification Attained", "Degree obtained", "Diplôme obtenu": the
	// column's field, told with how it was had.
	if f := fold(c); strings.Contains(f, " ") {
		i := strings.LastIndex(f, " ")
		if label, ok := columnRoles[f[:i]]; ok && headParticiples[f[i+1:]] {
			return label, true
		}
	}
	parts := strings.FieldsFunc(c, func(r rune) bool { return r == '/' || r == '&' || r == '|' })
	if len(parts) < 2 {
		return "", false
	}
	label := ""
	for _, p := range parts {
		// "Designation & Responsibilities": the column's description
		// under its field is no field of its own.
		if label != "" && bodyLabels[fold(p)] {
			continue
		}
		l, ok := columnRoles[fold(p)]
		if !ok || label != "" && l != label {
			return "", false
		}
		label = l
	}
	return label, true
}

// splitHeadCell reads a cell of column headings: one heading, or
// several the PDF set so close that they read as one cell ("Year CGPA /
// %"), taken longest first from the left; nil when a word is no heading.
func splitHeadCell(c string) []string {
	if label, ok := columnRole(c); ok {
		return []string{label}
	}
	ws := strings.Fields(c)
	var labels []string
	for i := 0; i < len(ws); {
		// "Position / Employer", "Poste et employeur": one cell naming
		// two columns.
		if len(labels) > 0 && i+1 < len(ws) && headConnectors[strings.ToLower(ws[i])] {
			i++
			continue
		}
		j := len(ws)
		for ; j > i; j-- {
			if label, ok := columnRole(strings.Join(ws[i:j], " ")); ok {
				labels = append(labels, label)
				break
			}
		}
		if j == i {
			return nil
		}
		i = j
	}
	// "Institute | Board": one cell naming the school or its board
	// holds whichever the row gives, read as the school.
	if slices.Contains(labels, "Institution") {
		labels = slices.DeleteFunc(labels, func(l string) bool { return l == "Board" })
	}
	return labels
}

// columnHeads reads a row of column headings: two or more cells, each a
// known column name, naming two fields or more besides the dates. A
// "From" cell beside a "To" cell heads one dates column. A cell the
// parser does not know ("Vessel", "Main Engine") heads notes when the
// row has known headings enough to be a heading row for sure.
func columnHeads(t string) []string {
	cells := strings.Split(t, "\t")
	if len(cells) < 2 {
		return nil
	}
	var heads []string
	fields := map[string]bool{}
	known, unknown := 0, 0
	for _, c := range cells {
		labels := placeWithEmployer(c, splitHeadCell(c))
		if labels == nil {
			if !plainHeading(c) {
				return nil
			}
			unknown++
			heads = append(heads, "Notes")
			continue
		}
		known++
		for _, label := range labels {
			if n := len(heads); label == "Dates" && n > 0 && heads[n-1] == "Dates" {
				continue
			}
			heads = append(heads, label)
			if label != "Dates" {
				fields[label] = true
			}
		}
	}
	if len(fields) < 2 || unknown > 0 && !enoughKnownHeads(heads, fields, known, unknown) {
		return nil
	}
	return heads
}

// enoughKnownHeads: a heading row with cells the parser does not know
// still has a dates column, two fields of an entry besides notes, and
// no more unknown cells than known ones.
func enoughKnownHeads(heads []string, fields map[string]bool, known, unknown int) bool {
	n := 0
	for f := range fields {
		if f != "Notes" && f != "Index" {
			n++
		}
	}
	return slices.Contains(heads, "Dates") && n >= 2 && unknown <= known
}

// plainHeading: a cell shaped like a column heading: a few words, the
// first capitalised, no digits and no sentence punctuation.
func plainHeading(c string) bool {
	c = strings.TrimSpace(c)
	ws := strings.Fields(c)
	if len(ws) == 0 || len(ws) > 4 || !unicode.IsUpper([]rune(c)[0]) || strings.ContainsAny(c, "0123456789@:;.,()") {
		return false
	}
	return true
}

// employerPlace heads a column holding the employer and its place in
// one cell.
const employerPlace = "Employer and place"

// placeWithEmployer reads a cell heading the employer and its place
// together ("Employer and station", "Company & location") as one column:
// the row has one cell for both.
func placeWithEmployer(c string, labels []string) []string {
	one := ""
	switch {
	case slices.Equal(labels, []string{"Company", "Location"}):
		one = employerPlace
	case slices.Equal(labels, []string{"Institution", "Location"}):
		one = schoolPlace
	default:
		return labels
	}
	for _, w := range strings.Fields(strings.ToLower(c)) {
		if w != "/" && w != "," && headConnectors[w] {
			return []string{one}
		}
	}
	return labels
}

// schoolPlace heads a column holding a school's name and, on the lines
// under it, its address ("Name of School & Address"); schoolLevel a
// column naming the stage of schooling ("Level": "Tertiary",
// "Secondary"), the row's degree when its degree cell is blank.
const (
	schoolPlace = "School and place"
	schoolLevel = "Level"
)

// splitDashCells cuts a dash that stands for a blank cell off the cell it
// was read into ("Elementary —": the stage, then a blank degree) when the
// row has fewer cells than headings. A dash after a date opens a range
// ("2015 –").
func splitDashCells(cells, heads []string) []string {
	if len(cells) >= len(heads) {
		return cells
	}
	var out []string
	for _, c := range cells {
		for _, dash := range []string{" —", " –", " -"} {
			if head, ok := strings.CutSuffix(c, dash); ok && strings.TrimSpace(head) != "" && !hasDate(head) && len(out)+len(cells) < len(heads)+1 {
				out = append(out, strings.TrimSpace(head))
				c = strings.TrimSpace(dash)
				break
			}
		}
		out = append(out, c)
	}
	return out
}

// reSpacedDash sets the place after the employer in a cell under an
// employer-and-place heading ("Ministry of Health – Nyeri County
// Referral Hospital").
var reSpacedDash = regexp.MustCompile(`\s+[–—-]\s+`)

// employerPlaceCells reads a cell under an employer-and-place heading:
// the employer, and the place after the last spaced dash, each under its
// own label. Without a dash the cell is the employer's, whose own
// reading finds a place after a comma.
func employerPlaceCells(cell string) []string {
	locs := reSpacedDash.FindAllStringIndex(cell, -1)
	if len(locs) == 0 {
		return []string{"Company: " + cell}
	}
	at := locs[len(locs)-1]
	org, place := strings.TrimSpace(cell[:at[0]]), strings.TrimSpace(cell[at[1]:])
	if org == "" || place == "" || hasDate(place) {
		return []string{"Company: " + cell}
	}
	return []string{"Company: " + org, "Location: " + place}
}
