package cvparse

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// displayMin is how much larger than the body text a line must be to be
// set in display type, as a CV's name is.
const displayMin = 1.3

// maxNameLines bounds the lines a name set in display type may wrap over.
const maxNameLines = 3

var reNameSep = regexp.MustCompile(`\t+|\s+[|·•–—]\s+`)

// displayName finds the person's name by its type: the largest text on the
// first page, above every section heading. Designers' templates put it
// where reading order does not (at the top of a right-hand column read
// after the sidebar), wrap it ("Fatima-Zahra" / "Benali", "Ewa Lindström-"
// / "Karlsson"), set a headline or contact data beside it, or a monogram
// before it. The name's text is taken out of the lines; what else those
// lines hold stays. It needs sizes (PDF); elsewhere it finds nothing.
func displayName(lines []line, ocr bool) (string, []line) {
	body := bodySize(lines)
	if body <= 0 {
		return "", lines
	}
	top := 0.0
	for _, l := range lines {
		if l.page <= 1 && !initialsOnly(l.text) {
			top = max(top, l.size)
		}
	}
	if top < body*displayMin {
		return "", lines
	}
	display := func(l line) bool { return l.page <= 1 && l.size >= top*0.92 && !initialsOnly(l.text) }
	start := -1
	for i, l := range lines {
		if display(l) {
			start = i
			break
		}
	}
	if start < 0 {
		return "", lines
	}
	if givenNameAbove(lines, start, body) {
		start-- // "Salma" / "EL AMRANI BENJELLOUN": the given name smaller, over the family name
	}
	// A heading of the other column may stand higher than a sidebar's
	// name ("About me" level with it): only those above it in its own
	// column, or across the page, say it is no name.
	for _, l := range lines {
		if _, ok := headingKind(l.text); ok && l.page <= 1 && l.y < lines[start].y &&
			(l.column == 0 || lines[start].column == 0 || l.column == lines[start].column) {
			return "", lines
		}
	}
	// A name wrapped in the first cell of a two-cell header, the cell
	// beside it holding contact data ("Muhammad Hamza<tab>House 27, …" /
	// "Siddiqui<tab>Lahore 54000, …"): the first cells are the name.
	if n, out, ok := nameOverDisplayCells(lines, start, display, ocr); ok {
		return n, out
	}
	text, spans := nameRun(lines, start, display)
	// The name is the first part of the run that reads as one: "Youssef
	// Ben Amor<tab>M +216 …", "INFORMATIONS PERSONNELLES<tab>Jean-Baptiste
	// Nguyen".
	from := 0
	cuts := append(reNameSep.FindAllStringIndex(text, -1), []int{len(text), len(text)})
	for k, c := range cuts {
		cell := strings.TrimSpace(text[from:c[0]])
		// "Lina<tab>Al-Zoubi<tab>M +962 …": moderncv sets the given and
		// family names in two colours, read as two cells; one name word
		// each, they are the name together. (A scan's cells are read
		// from gaps, no colours: there two words apart are two cells.)
		if k+1 < len(cuts) && !ocr && strings.TrimSpace(text[c[0]:c[1]]) == "" && oneNameWord(cell) {
			next := strings.TrimSpace(text[c[1]:cuts[k+1][0]])
			if both := cell + " " + next; oneNameWord(next) && institutionScore(both)+orgScore(both)+degreeScore(both) == 0 && nameScore(lines, both) > 0 {
				at := from + strings.Index(text[from:c[0]], cell)
				end := c[1] + strings.Index(text[c[1]:cuts[k+1][0]], next) + len(next)
				return both, removeSpan(lines, spans, at, end)
			}
		}
		name := nameFromCell(cell, ocr)
		if name != "" && nameScore(lines, name) > 0 {
			at := from + strings.Index(text[from:c[0]], cell)
			return name, removeSpan(lines, spans, at, at+len(cell))
		}
		from = c[1]
	}
	return "", lines
}

// givenNameAbove says whether the line just above the largest text is
// the given name set smaller over the family name: one name word, larger
// than the body text and not much smaller than the family name, on the
// same page, left-aligned with it and close above it.
func givenNameAbove(lines []line, start int, body float64) bool {
	if start == 0 {
		return false
	}
	prev, cur := lines[start-1], lines[start]
	return prev.page == cur.page && prev.size > body && prev.size >= cur.size*0.6 && prev.y < cur.y &&
		cur.y-prev.y < 2*max(prev.size, cur.size) && math.Abs(prev.x-cur.x) < prev.size/2 &&
		oneNameWord(prev.text) && !isDocumentTitle(prev.text)
}

func nameOverDisplayCells(lines []line, start int, display func(line) bool, ocr bool) (string, []line, bool) {
	if start+1 >= len(lines) || !display(lines[start+1]) || lines[start+1].page != lines[start].page {
		return "", lines, false
	}
	c0, r0, ok0 := strings.Cut(lines[start].text, "\t")
	c1, r1, ok1 := strings.Cut(lines[start+1].text, "\t")
	if !ok0 || !ok1 || len(strings.Fields(c1)) != 1 || titleScore(c1) != 0 || strings.TrimSpace(r0) == "" || strings.TrimSpace(r1) == "" {
		return "", lines, false
	}
	// Beside the name stands contact data, not a headline; the lone word
	// under it is no place.
	if isLocation(c1) || isPlace(c1) {
		return "", lines, false
	}
	for _, r := range []string{r0, r1} {
		first, _, _ := strings.Cut(strings.TrimSpace(r), "\t")
		if !contactItem(first) && !isAddress(first) && !isPlace(first) && !strings.ContainsAny(first, "0123456789") {
			return "", lines, false
		}
	}
	name := nameFromCell(strings.TrimSpace(c0)+" "+strings.TrimSpace(c1), ocr)
	if nameScore(lines, name) <= 0 || nameScore(lines, strings.TrimSpace(c0)) <= 0 {
		return "", lines, false
	}
	out := slices.Clone(lines)
	out[start].text, out[start+1].text = strings.TrimSpace(r0), strings.TrimSpace(r1)
	return name, out, true
}

// nameFromCell drops what stands before a name in display type: a
// monogram ("AM Aisha Al-Mansouri") or an honorific; in text read by OCR
// it restores a capital I read as a lower-case l ("Rajesh Kumar lyer").
func nameFromCell(cell string, ocr bool) string {
	cell = dropMonogram(cell)
	if h := reHonorific.FindString(cell); h != "" && len(strings.Fields(cell[len(h):])) >= 2 {
		cell = cell[len(h):]
	}
	if n := strings.TrimSpace(rePostNominals.ReplaceAllString(cell, "")); len(strings.Fields(n)) >= 2 {
		cell = n // "Oluwaseun Adeyemi BEng MEng CEng"
	}
	if n, ok := cutCommaCredential(cell); ok {
		cell = n
	}
	if ocr {
		cell = ocrCapitalI(cell)
	}
	return strings.TrimSpace(cell)
}

// runPart is one line's share of a name's run: the line's first bytes,
// set at [from, to) of the joined text.
type runPart struct{ line, from, to int }

// nameRun joins the display lines a name wraps over: a line cut after a
// hyphen, a single word (no name alone), or a lone family name after.
// moderncv and two-cell headers set the address beside the name, so a
// name line may hold a tab and contact cells after it ("Katarzyna" /
// "Wójcik-Nowak<tab>30-074 Kraków"), and the address's small lines fall
// between the name's lines in reading order: only the name's cells join.
func nameRun(lines []line, start int, display func(line) bool) (string, []runPart) {
	text := lines[start].text
	next := nextNameRow(lines, start, display)
	if c0, _, ok := strings.Cut(text, "\t"); ok && next >= 0 && nameCell(c0) {
		text = strings.TrimSpace(c0)
	}
	spans := []runPart{{start, 0, len(text)}}
	for k := next; k >= 0 && len(spans) < maxNameLines; k = nextNameRow(lines, k, display) {
		row := lines[k].text
		if c0, _, ok := strings.Cut(row, "\t"); ok && nameCell(c0) {
			row = strings.TrimRight(c0, " ")
		}
		nextWords := strings.Fields(row)
		sep := " "
		switch {
		case strings.HasSuffix(text, "-"):
			sep = ""
		case len(strings.Fields(text)) == 1:
		case len(nextWords) == 1 && titleScore(row) == 0:
		case len(nextWords) <= 3 && len(strings.Fields(text))+len(nextWords) <= 5 && nameWords(nextWords) && titleScore(row) == 0:
			// Given names over family names, each on its own line
			// ("Ma. Luisa" / "De la Peña Ruiz").
		default:
			return text, spans
		}
		text += sep
		spans = append(spans, runPart{k, len(text), len(text) + len(row)})
		text += row
	}
	return text, spans
}

// nameCell: a table cell that may hold (part of) a name, one to three
// name words, no headline nor place.
func nameCell(c string) bool {
	ws := strings.Fields(c)
	return len(ws) >= 1 && len(ws) <= 3 && nameWords(ws) && titleScore(c) == 0 && !isLocation(c)
}

// nextNameRow finds the display line that may go on with the name of
// line i: the next line in display type on its page, close under it. Small
// lines set far to the right of the name (an address beside it) are
// passed over; any other line ends the name.
func nextNameRow(lines []line, i int, display func(line) bool) int {
	cur := lines[i]
	for k := i + 1; k < len(lines); k++ {
		l := lines[k]
		if l.page != cur.page {
			return -1
		}
		if display(l) {
			if cur.y > 0 && l.y > 0 && l.y-cur.y > 2.5*cur.size {
				return -1
			}
			return k
		}
		if cur.x <= 0 || l.x < cur.x+3*cur.size || l.y < cur.y || l.y-cur.y > 2.5*cur.size {
			return -1
		}
	}
	return -1
}

// removeSpan takes the bytes [a, b) of the joined run out of its lines;
// a line left with no letters or digits is dropped.
func removeSpan(lines []line, spans []runPart, a, b int) []line {
	out := slices.Clone(lines)
	gone := map[int]bool{}
	for _, sp := range spans {
		l := &out[sp.line]
		lo, hi := max(a, sp.from)-sp.from, min(b, sp.to)-sp.from
		if lo < hi {
			l.text = strings.TrimFunc(l.text[:lo]+" "+l.text[hi:], func(r rune) bool {
				return unicode.IsSpace(r) || strings.ContainsRune("|·•–—-,", r)
			})
		}
		gone[sp.line] = strings.IndexFunc(l.text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0
	}
	kept := out[:0]
	for i, l := range out {
		if !gone[i] {
			kept = append(kept, l)
		}
	}
	return kept
}

// reInitials is a word of one or two capitals.
var reInitials = regexp.MustCompile(`^\p{Lu}{1,2}$`)

// initialsOnly says whether a line holds nothing but one or two words of
// one or two capitals: an initials avatar ("RA" in a disc, which OCR may
// read as "HS PR"), set larger than the name beside it, is no name.
func initialsOnly(t string) bool {
	ws := strings.Fields(t)
	if len(ws) == 0 || len(ws) > 2 {
		return false
	}
	for _, w := range ws {
		if !reInitials.MatchString(w) {
			return false
		}
	}
	return true
}

// dropMonogram removes a monogram before a name: two or three capitals
// that are initials of the words after them, in order, the first being the
// first word's ("AM Aisha bint Khalid Al-Mansouri"; "JB Martin" stays).
func dropMonogram(s string) string {
	ws := strings.Fields(s)
	if len(ws) < 3 {
		return s
	}
	mono := []rune(ws[0])
	if len(mono) < 2 || len(mono) > 3 || strings.ToUpper(ws[0]) != ws[0] {
		return s
	}
	var initials []rune
	for _, w := range ws[1:] {
		for _, seg := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '\'' || r == '’' }) {
			if r := []rune(seg); unicode.IsUpper(r[0]) {
				initials = append(initials, r[0])
			}
		}
	}
	if len(initials) == 0 || initials[0] != mono[0] {
		return s
	}
	k := 0
	for _, r := range initials {
		if k < len(mono) && r == mono[k] {
			k++
		}
	}
	for _, r := range mono {
		if !unicode.IsUpper(r) {
			return s
		}
	}
	if k < len(mono) {
		return s
	}
	return strings.Join(ws[1:], " ")
}

// ocrCapitalI: sans-serif capital I and lower-case l are one glyph, and
// OCR often picks l. In a line of capitalised words, a word starting with
// l and a lower-case letter is the capital ("lyer" → "Iyer").
func ocrCapitalI(s string) string {
	ws := strings.Fields(s)
	capital := 0
	for _, w := range ws {
		if r := []rune(w); unicode.IsUpper(r[0]) || r[0] == '|' {
			capital++
		}
	}
	if capital < 1 || capital+1 < len(ws) {
		return s
	}
	for i, w := range ws {
		if r := []rune(w); len(r) > 1 && (r[0] == 'l' && !particles[w] || r[0] == '|') && unicode.IsLower(r[1]) {
			ws[i] = "I" + string(r[1:]) // "|brahim" too: the bar is the same stroke
		}
	}
	return strings.Join(ws, " ")
}

// nameWords: words a name is made of, each capitalised or a particle
// ("de", "van"), letters with at most a hyphen, apostrophe or final dot.
func nameWords(ws []string) bool {
	for _, w := range ws {
		r := []rune(w)
		if filiation[strings.ToLower(w)] {
			continue // "a/p"
		}
		if !unicode.IsUpper(r[0]) && !nameParticle(w) {
			return false
		}
		for i, c := range r {
			if !unicode.IsLetter(c) && c != '-' && c != '\'' && c != '’' && (c != '.' || i != len(r)-1) {
				return false
			}
		}
	}
	return true
}

// reCommaCredential is a name of two words or more, a comma and a word of
// two to six capitals ("GENEVIÈVE TREMBLAY-OUELLET, CRHA").
var reCommaCredential = regexp.MustCompile(`^(\S+(?:\s+\S+)+),\s*([A-Z]{2,6})$`)

// cutCommaCredential takes off a credential the post-nominals do not
// list ("CRHA", "CPHR", "RPEQ") set after the name and a comma: capitals
// with one vowel at most, which no given name written in capitals after
// a family name ("DELA CRUZ, JUANA") is.
func cutCommaCredential(cell string) (name string, ok bool) {
	m := reCommaCredential.FindStringSubmatch(strings.TrimSpace(cell))
	if m == nil {
		return cell, false
	}
	vowels := 0
	for _, r := range m[2] {
		if strings.ContainsRune("AEIOUY", r) {
			vowels++
		}
	}
	return m[1], vowels <= 1
}
