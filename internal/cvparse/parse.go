// Package cvparse structures extracted CV text into the contract's
// structured CV without any AI: headings (English and French, plus layout
// cues) split sections; contact fields, experience and education entries,
// dates, bullets and skills are recognised with patterns and a small
// feature-scoring system in the spirit of open-resume's parser. Text it
// cannot map goes to other_sections, so nothing is lost. Item ids are
// derived from content and position, so re-parsing gives the same ids.
package cvparse

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/extract"
)

// line is a document line with its layout cues.
type line struct {
	text    string
	bold    bool
	heading bool
	bullet  bool
	// setIn: the line sits at an indent level that holds an entry's
	// body (bullets whose glyph the PDF drew as a shape, not a character).
	setIn     bool
	gapBefore bool
	size      float64
	x, y      float64
	page      int
	// section is set on a heading a layout reading recognised (a Europass
	// label): the kind of section it opens.
	section sectionKind
	// entryHead is set on a line a layout reading knows heads an entry (a
	// Europass row's title, employer, dates), whatever its shape.
	entryHead bool
	// column is the page column the line was read in (extract.Line.Column).
	column int
	// footer is set on a line of the contact block at a page's foot
	// (see markFooterContact): it is read with the header.
	footer bool
	// full: the line runs to its column's right edge, the next line's
	// first word would not have fitted after it (extract.Line.Full).
	full bool
	// wrapped: the line joins a printed line and the rest of it the
	// typesetter wrapped onto the next.
	wrapped bool
	// whole is set on a line a layout reading knows is one skill written
	// as a phrase (a Europass communication row's): its commas are the
	// phrase's own.
	whole bool
}

type section struct {
	kind  sectionKind
	title string
	lines []line
}

// ligatures spells out the letters a typesetter joined into one glyph
// ("Oﬀice", "proﬁle"): a PDF set by TeX or a word processor may keep the
// ligature in its text, where the reader sees the plain letters.
var ligatures = strings.NewReplacer("ﬀ", "ff", "ﬁ", "fi", "ﬂ", "fl", "ﬃ", "ffi", "ﬄ", "ffl", "ﬅ", "st", "ﬆ", "st")

var (
	reRule      = regexp.MustCompile(`^[\s\-=_*~.·•─━]+$`)
	reGluedDate = regexp.MustCompile(`(\p{Ll})((?:0[1-9]|1[0-2])/(?:19|20)\d{2})`)
)

// Parse structures an extracted document.
func Parse(doc extract.Document) cv.StructuredCV {
	c, _ := ParseUnread(doc)
	return c
}

// ParseUnread structures an extracted document and says which of its parts
// could not be read or placed: pages without text, pages OCR was unsure
// of, and text that went to the "additional" section because it fits no
// section.
func ParseUnread(doc extract.Document) (cv.StructuredCV, []cv.UnreadPart) {
	src := respaceTracked(slices.Clone(doc.Lines))
	if doc.OCR {
		src = rejoinLabelColumn(mendOCR(src))
	}
	lines := markFooterContact(europass(joinValueWraps(joinLabelLines(joinWrappedDateCells(joinCutEmails(prepare(src)))))))
	name, lines := displayName(lines, doc.OCR)
	secs := laterQualifications(splitSections(sideBySideSections(lines)))
	out := emptyCV()
	out.Contact.Name = name
	b := builder{out: &out, links: doc.Links}
	for _, s := range secs {
		b.add(s)
	}
	addJobSkills(b.jobSkills, &out.Skills)
	b.finishContact(lines)
	unplaced := b.finishAdditional()
	return out, unread(doc, unplaced)
}

// maxUnreadText bounds the text an unread part quotes.
const maxUnreadText = 160

func unread(doc extract.Document, unplaced []string) []cv.UnreadPart {
	var out []cv.UnreadPart
	if doc.Pages > 0 {
		text := make([]bool, doc.Pages+1)
		for _, l := range doc.Lines {
			if l.Page >= 1 && l.Page <= doc.Pages && strings.IndexFunc(l.Text, unicode.IsLetter) >= 0 {
				text[l.Page] = true
			}
		}
		for p := 1; p <= doc.Pages; p++ {
			if !text[p] {
				out = append(out, cv.UnreadPart{Reason: cv.UnreadNoText, Page: p})
			}
		}
	}
	for _, p := range doc.UnsurePages {
		out = append(out, cv.UnreadPart{Reason: cv.UnreadUnsureOCR, Page: p})
	}
	if len(unplaced) > 0 {
		t := strings.Join(unplaced, " · ")
		if r := []rune(t); len(r) > maxUnreadText {
			t = string(r[:maxUnreadText-1]) + "…"
		}
		out = append(out, cv.UnreadPart{Reason: cv.UnreadUnplaced, Text: t})
	}
	return out
}

// ParseText structures plain text (a pasted CV).
func ParseText(text string) cv.StructuredCV { return Parse(extract.PlainText(text)) }

func emptyCV() cv.StructuredCV {
	return cv.StructuredCV{
		Experience: []cv.Experience{}, Education: []cv.Education{},
		Skills:   cv.Skills{Technical: []string{}, Languages: []string{}, Tools: []string{}, SoftSkills: []string{}, Other: []string{}},
		Projects: []cv.Item{}, Certifications: []cv.Item{}, Awards: []cv.Item{}, Publications: []cv.Item{},
		Activities: []cv.Item{}, Volunteer: []cv.Item{}, OtherSections: []cv.Section{},
	}
}

func prepare(in []extract.Line) []line {
	in = tornTables(mdTables(in))
	out := make([]line, 0, len(in))
	gap := false
	// ruler: the column widths of a plain-text table's dashed rule, for
	// the rows under it.
	var ruler []int
	drop, rewrite := furniture(in)
	for i := 0; i < len(in); i++ {
		l := in[i]
		if drop[i] {
			continue
		}
		if r, ok := rewrite[i]; ok {
			l.Text = r
		}
		// "— LANGUAGES SPOKEN" / "—", "— LICENSES & CERTIFICA-" /
		// "TIONS —": a decorated heading wrapped in a narrow column.
		if j := i + 1; j < len(in) && !drop[j] && wrappedDecoration(l.Text, in[j].Text) {
			l.Text = joinHeading(l.Text, in[j].Text)
			i++
		}
		t := strings.TrimSpace(l.Text)
		if t == "" || reRule.MatchString(t) {
			gap, ruler = true, columnRuler(t)
			continue
		}
		t = fullFirstCell(t, ruler)
		t = ligatures.Replace(t)
		// "Technology09/2019": a date glued to the word before it.
		t = reGluedDate.ReplaceAllString(t, "$1 $2")
		t = unglueDates(t)
		t = unspaceLetters(t)
		t = texLogos(t)
		// "Designation<tab>: Site Engineer": a label/value row whose
		// colons the author aligned with a tab is a label, its colon, and
		// the value in the next cell.
		t = reTabColon.ReplaceAllString(t, "$1$2\t")
		heading, bold := l.Heading, l.Bold
		if m, ok := markdown(t); ok {
			t = m.text
			heading, bold = heading || m.heading, bold || m.bold
		}
		// "Master MIAGE, Université Lyon 1 09/2016" / "- 06/2018": the
		// end of a range wrapped in a narrow column is no bullet.
		if n := len(out); n > 0 && (reDashDate.MatchString(t) || reDashShortYear.MatchString(t)) && reYearEnd.MatchString(out[n-1].text) {
			out[n-1].text += " " + t
			continue
		}
		// "Product Owner | Fabrikam Pay | Manila | Mar" / "2019 – Aug
		// 2022": a header line cut between a date's month, set apart at
		// its end, and the year.
		if n := len(out); n > 0 && reYearStart.MatchString(t) && reMonthEnd.MatchString(out[n-1].text) {
			out[n-1].text += " " + t
			continue
		}
		// "Relations de presse lors de la panne de février" / "2019": a
		// sentence wrapped between a month and its year; the year alone
		// dates no entry.
		if n := len(out); n > 0 && reLoneYear.MatchString(t) && proseMonthEnd(out[n-1].text) {
			out[n-1].text += " " + t
			continue
		}
		// A paragraph in a heading style that is also a list item (a word
		// processor's numbered headings) is a heading, not a bullet.
		bullet := l.Bullet && !heading
		if decorated(t) || len(out) > 0 && wrappedRangeEndCell(out[len(out)-1].text, t) {
			bullet = false
		} else if stripped, ok := stripBullet(t); ok {
			t, bullet = stripped, true
		}
		if m, ok := markdown(t); ok && bullet {
			t, bold = m.text, bold || m.bold // "- **MSc** — Leeds"
		}
		out = append(out, line{text: t, bold: bold, heading: heading, bullet: bullet,
			gapBefore: l.GapBefore || gap, size: l.Size, x: l.X, y: l.Y, page: l.Page, column: l.Column, full: l.Full})
		gap = false
	}
	return out
}

// columnRuler reads the widths of a plain-text table's columns off the
// dashes under its header ("-------- ------ ----"): two runs or more set
// one space apart; nil for any other line.
func columnRuler(t string) []int {
	runs := strings.Split(t, " ")
	if len(runs) < 2 {
		return nil
	}
	widths := make([]int, len(runs))
	for i, r := range runs {
		if len(r) < 3 || strings.Trim(r, "-=") != "" {
			return nil
		}
		widths[i] = len(r)
	}
	return widths
}

// fullFirstCell cuts a row's first cell where the ruler ends the first
// column: a cell that fills its column is set one space from the next,
// which the text extraction does not read as a cell's end ("B.Sc. in
// Textile Engineering Kestrel University" under a 28-dash run).
func fullFirstCell(t string, ruler []int) string {
	if len(ruler) < 2 || strings.Count(t, "\t")+1 >= len(ruler) {
		return t
	}
	first, _, _ := strings.Cut(t, "\t")
	rs := []rune(first)
	if w := ruler[0]; len(rs) > w+1 && rs[w] == ' ' && rs[w-1] != ' ' && rs[w+1] != ' ' {
		return string(rs[:w]) + "\t" + string(rs[w+1:]) + t[len(first):]
	}
	return t
}

var reTabColon = regexp.MustCompile(`^([^\t:：]{1,40}?)[ \t]*\t[ \t]*([:：])[ \t]*`)

var reWordGap = regexp.MustCompile(`\s{2,}`)

var (
	reDashDate = regexp.MustCompile(`(?i)^[-–—]\s*(?:` + dateTok + `)$`)
	reYearEnd  = regexp.MustCompile(`(?:19|20)\d{2}$`)
	// reDashShortYear: a range's end wrapped with the last two digits
	// of its year ("… | 2016" / "– 18").
	reDashShortYear = regexp.MustCompile(`^[-–—]\s*\d{2}$`)
	reYearStart     = regexp.MustCompile(`^(?:19|20)\d{2}\b`)
	// reMonthEnd: a month's name set apart at a line's end by a
	// separator ("… | Manila | Mar").
	reMonthEnd = regexp.MustCompile(`(?i)(?:[|·,\t]|\s[-–—])\s*(?:` + monthAlt + `)\.?$`)
	// reLoneYear is a line holding a year alone, or closing a sentence.
	reLoneYear = regexp.MustCompile(`^(?:19|20)\d{2}[.;)]*$`)
	// reWordMonthEnd is a month's name closing a line after a word.
	reWordMonthEnd = regexp.MustCompile(`(?i)\s(?:` + monthAlt + `)$`)
)

// proseMonthEnd: a line of a sentence (four words or more, lower-case
// words among them, no tab) that ends in a month's name ("… de la panne
// de février", "… went live in March").
func proseMonthEnd(t string) bool {
	ws := strings.Fields(t)
	return len(ws) >= 4 && !strings.Contains(t, "\t") && reWordMonthEnd.MatchString(t) && lowerWords(ws[:len(ws)-1]) >= 2
}

var (
	reMDHeading  = regexp.MustCompile(`^(#{1,6})\s+(.+?)(?:\s+#+)?$`)
	reMDEmphLine = regexp.MustCompile(`^(\*\*|__|\*|_)([^*_\s](?:.*[^*_\s])?)(\*\*|__|\*|_)$`)
	reMDStrong   = regexp.MustCompile(`\*\*([^*]+)\*\*`)
)

// mdLine is a line with its Markdown marks taken off.
type mdLine struct {
	text          string
	heading, bold bool
}

// markdown reads the marks of a CV typed in Markdown ("### Juriste –
// Cabinet X", "**MSc** — Leeds", "*Since 2020*"): a heading of level two
// or more is a styled heading (a level-one heading is the name or a
// title, no section), strong text is bold, and the marks are dropped.
func markdown(t string) (mdLine, bool) {
	if m := reMDHeading.FindStringSubmatch(t); m != nil {
		inner, _ := markdown(m[2])
		if inner.text == "" {
			inner.text = m[2]
		}
		return mdLine{text: inner.text, heading: len(m[1]) >= 2, bold: inner.bold}, true
	}
	if m := reMDEmphLine.FindStringSubmatch(t); m != nil && m[1] == m[3] && !strings.Contains(m[2], m[1]) {
		return mdLine{text: m[2], bold: len(m[1]) == 2}, true
	}
	if reMDStrong.MatchString(t) {
		return mdLine{text: reMDStrong.ReplaceAllString(t, "$1"), bold: strings.HasPrefix(t, "**")}, true
	}
	return mdLine{}, false
}

// unspaceLetters closes up a letter-spaced line ("J A N E   D O E",
// "E X P E R I E N C E"): names and headings set with wide tracking come
// out of a PDF one letter at a time, words set apart by wider gaps.
func unspaceLetters(t string) string {
	fs := strings.Fields(t)
	if len(fs) < 4 {
		return t
	}
	for _, f := range fs {
		r := []rune(f)
		if len(r) != 1 || !unicode.IsLetter(r[0]) {
			return t
		}
	}
	words := reWordGap.Split(strings.TrimSpace(t), -1)
	for i, w := range words {
		words[i] = strings.ReplaceAll(w, " ", "")
	}
	return strings.Join(words, " ")
}

const bulletGlyphs = "•◦▪▫■□●○‣⁃∙·➢➤►▶✓✔-–—*\uf0b7\uf0a7\uf0d8\uf076"

// decorated: "— Experience —", "== Skills ==": the same glyph on both
// ends of a line decorates a heading, it is no bullet.
func decorated(t string) bool {
	r, _ := utf8.DecodeLastRuneInString(t)
	return len(t) > 2 && strings.ContainsRune("—–-=*~", r) && strings.HasPrefix(t, string(r))
}

// wrappedDecoration says whether a and b are the two lines of one
// decorated heading: a opens with a dash glyph it does not close, b is a
// short rest that closes with it.
func wrappedDecoration(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	r, _ := utf8.DecodeRuneInString(a)
	g := string(r)
	return (r == '—' || r == '–') && strings.HasPrefix(a, g+" ") && !strings.HasSuffix(a, g) &&
		strings.HasSuffix(b, g) && len(strings.Fields(b)) <= 3
}

func stripBullet(t string) (string, bool) {
	// "{ Mentored two juniors.": a LaTeX bullet whose glyph the PDF's
	// font maps to a brace; a brace that opens text is never closed in it.
	if rest, ok := strings.CutPrefix(t, "{ "); ok && !strings.Contains(rest, "}") && strings.TrimSpace(rest) != "" {
		return strings.TrimSpace(rest), true
	}
	for _, g := range bulletGlyphs {
		gs := string(g)
		if strings.HasPrefix(t, gs) {
			rest := t[len(gs):]
			if rest != "" && (rest[0] == ' ' || rest[0] == '\t' || g > 0x7f && g != '–' && g != '—') {
				return strings.TrimSpace(rest), true
			}
		}
	}
	return t, false
}

// bodySize is the most common text size: the yardstick for "bigger".
func bodySize(lines []line) float64 {
	counts := map[int]int{}
	best, bestN := 0, 0
	for _, l := range lines {
		k := int(l.size*2 + 0.5)
		counts[k]++
		if counts[k] > bestN {
			best, bestN = k, counts[k]
		}
	}
	return float64(best) / 2
}

// headingFragment is the second line of a wrapped heading: one to three
// words ("NIQUES & OUTILS"), no digits or punctuation, not set apart by
// space.
func headingFragment(l line) bool {
	t := strings.TrimSpace(l.text)
	ws := strings.Fields(t)
	return !l.gapBefore && !l.bullet && len(ws) >= 1 && len(ws) <= 3 && !strings.ContainsAny(t, "0123456789,;.:@|()\t")
}

// headingWrapTail says whether lines[i+1] ends the heading lines[i]
// wrapped in a narrow column ("LOGICIELS" / "MAÎTRISÉS" over "Sage
// 100"): both in capitals and the same size, the line under them
// smaller. The heading is judged as its first line is.
func headingWrapTail(lines []line, i int) bool {
	if i+2 >= len(lines) {
		return false
	}
	l, n, after := lines[i], lines[i+1], lines[i+2]
	_, named := headingKind(n.text)
	return !named && l.size > 0 && math.Abs(l.size-n.size) < 0.2 && after.size < n.size-0.3 &&
		capitalsLine(l.text) && capitalsLine(n.text)
}

// wrappedHeading says whether l and the fragment after it form one
// heading: a known phrase ("Employment History"), a line ending in "&" or
// "and", or a keyword heading whose first line is styled as a heading.
func wrappedHeading(l, next line, known bool, body float64) (sectionKind, bool) {
	joined := joinHeading(l.text, next.text)
	if k, ok := headingKind(joined); ok {
		return k, true
	}
	f := fold(l.text)
	open := strings.HasSuffix(strings.TrimSpace(l.text), "&") || strings.HasSuffix(f, " and") || strings.HasSuffix(f, " et")
	t := strings.TrimSpace(l.text)
	styled := l.heading || strings.ToUpper(t) == t || (body > 0 && l.size > body*1.15)
	if open || (!known && styled) {
		return keywordHeading(joined)
	}
	return 0, false
}

// maxContentLines bounds the lines a heading's content is judged by.
const maxContentLines = 12

// followingBlock is the run of lines after lines[i] up to the next known
// heading or heading-shaped line.
func followingBlock(lines []line, i int, body float64) []line {
	end := i + 1
	for end < len(lines) && end-i <= maxContentLines {
		if _, ok := headingKind(lines[end].text); ok || end > i+1 && headingShaped(lines[end], body) {
			break
		}
		end++
	}
	return lines[i+1 : end]
}

// joinHeading joins a heading and its wrapped fragment; a word the
// typesetter hyphenated in a narrow column ("LICENSES & CERTIFICA-" /
// "TIONS") is made whole again.
func joinHeading(a, b string) string {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if strings.HasSuffix(a, "-") && len(a) > 1 {
		if r, _ := utf8.DecodeLastRuneInString(a[:len(a)-1]); unicode.IsLetter(r) {
			return a[:len(a)-1] + b
		}
	}
	return a + " " + b
}

// laterQualifications reads a "Qualifications" section that follows the
// Education one as certifications: UK and Irish CVs list their degrees
// under Education and their professional qualifications (ACA, ACCA, CFA)
// under Qualifications. Alone, "Qualifications" is the education.
func laterQualifications(secs []section) []section {
	seen := false
	for i := range secs {
		if secs[i].kind != secEducation {
			continue
		}
		if seen && qualificationsTitle(secs[i].title) {
			secs[i].kind = secCertifications
			continue
		}
		seen = true
	}
	return trainingBesideDegrees(secs)
}

// trainingBesideDegrees reads a section headed "Training" alone as
// certifications when another section holds the education, before or
// after it ("TRAINING" then "ACADEMIC QUALIFICATIONS"): Bangladeshi,
// Indian and Pakistani CVs list their short courses so. Alone, it may
// hold the degrees.
func trainingBesideDegrees(secs []section) []section {
	training, other := -1, false
	for i, s := range secs {
		if s.kind != secEducation {
			continue
		}
		if t := fold(cleanHeading(s.title)); t == "training" || t == "trainings" {
			training = i
		} else {
			other = true
		}
	}
	if training >= 0 && other {
		secs[training].kind = secCertifications
	}
	return secs
}

// qualificationsTitle: "Qualifications", "Other qualifications", "Key
// Qualifications", "Professional qualifications / registration" — no word
// of study ("Education and Qualifications");
// and the headings of training taken beside the degrees: "Formations
// complémentaires", "Formation continue", "Additional training", "Short
// courses", "Professional development" (a bare "Training" or "Formation"
// may hold the degrees themselves).
func qualificationsTitle(t string) bool {
	found, training, aside := false, false, false
	for _, w := range strings.Fields(fold(cleanHeading(t))) {
		switch w {
		case "qualifications", "qualification", "licence", "licences", "license", "licenses", "certificates", "tickets", "registration", "registrations":
			found = true
		case "training", "trainings", "formation", "formations", "courses", "development":
			training = true
		// "Training Summary", "Trainings attended": the training a form
		// lists after the degrees.
		case "complementaire", "complementaires", "continue", "further", "short", "continuing", "additional", "professional", "other", "autres",
			"summary", "attended":
			aside = true
			fallthrough
		case "key", "my", "professionnelles", "and", "et", "&":
		default:
			return false
		}
	}
	return found || training && aside
}

func splitSections(lines []line) []section {
	body := bodySize(lines)
	secs := []section{{kind: secHeader}}
	cur := 0
	// The section each column last opened: a column's text before its
	// first heading continues it (the sidebar on page 2 goes on with the
	// sidebar's last section, not the main column's) or, on the column's
	// first page, belongs to the header (a name atop the main column beside
	// a sidebar read first). A header block set larger than the header read
	// so far leads it: that is where the name is.
	colSec := map[int]int{}
	hdrAt := -1   // where the current region's header lines go; -1 appends
	colPage := -1 // the last page read in columns
	seenKnown := false
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		// The top of the document, or of a column read into the header:
		// only a heading we know opens a section there (a name is
		// heading-shaped).
		top := i == 0
		// Text spanning the page after its columns is the page's footer
		// (a page number, the file's address): it goes on with no
		// column's section.
		if l.column == 0 && l.page == colPage || l.footer {
			secs[0].lines = append(secs[0].lines, l)
			continue
		}
		if l.column != 0 {
			colPage = l.page
		}
		if l.column != 0 && (i == 0 || lines[i-1].column != l.column || lines[i-1].page != l.page) {
			hdrAt = -1
			if k, ok := colSec[l.column]; ok {
				cur = k
			} else {
				cur, top = 0, true
				if len(secs[0].lines) > 0 && l.size > 1.2*maxSize(secs[0].lines) {
					hdrAt = 0
				}
			}
		}
		open := func(kind sectionKind, title string) {
			secs = append(secs, section{kind: kind, title: title})
			cur = len(secs) - 1
			if l.column != 0 {
				colSec[l.column] = cur
			}
		}
		if l.section != secHeader {
			open(l.section, l.text)
			seenKnown = true
			continue
		}
		// A heading set in a table's label column beside its section's
		// first line ("Experience<tab>Senior Engineer<tab>2020 – 2022")
		// opens the section; inside a skills section a "Languages" or
		// "Tools" cell labels a group of skills.
		if k, rest, ok := headingCell(l); ok && !(skillsLike(secs[cur].kind) && (skillsLike(k) || otherGroupCell(l))) && !personalFormRow(secs[cur].kind, lines, i) &&
			!entryFieldRow(secs[cur].kind, lines, i) {
			open(k, cleanHeading(strings.Split(l.text, "\t")[0]))
			l.text, l.gapBefore, l.x = rest, false, 0
			secs[cur].lines = append(secs[cur].lines, l)
			seenKnown = true
			continue
		}
		// "Systems<tab>Epic · Cerner" among the rows of a Certifications
		// table: a row whose label names a group of skills lists skills.
		if skillGroupCell(l) && listSection(secs[cur].kind) {
			open(secSkills, strings.Split(l.text, "\t")[0])
			secs[cur].lines = append(secs[cur].lines, l)
			continue
		}
		// Plain text typing a short section on its heading's line, the
		// heading in capitals ("HOBBIES:  Football, chess", "LOISIRS :
		// lecture"), after the header: the label opens its section.
		if k, rest, ok := inlineHeading(l); ok && cur != 0 && k != secs[cur].kind && !(skillsLike(secs[cur].kind) && skillsLike(k)) {
			open(k, rest[0])
			l.text, l.gapBefore = rest[1], false
			secs[cur].lines = append(secs[cur].lines, l)
			seenKnown = true
			continue
		}
		// A language with its level ("Kabyle — langue maternelle") is
		// an item, whatever its shape or words.
		leveled := allLeveled(splitSkills(l.text))
		// The end of a name the column wrapped, in the name's type, heads
		// nothing: "General Secondary Certificate – Scientific" /
		// "Stream" set large in Education, "BA Communication & Media" /
		// "Studies" in a sidebar. A heading in capitals still heads.
		wrapTail := i > 0 && nameWrap(lines[i-1], l) && strings.ToUpper(l.text) != l.text
		kind, known := headingKind(l.text)
		if !known && !l.bullet && cvTeachingHeadings[fold(cleanHeading(l.text))] {
			kind, known = teachingKind(followingBlock(lines, i, body)), true
		}
		// A summary's heading over dated jobs ("CAREER SUMMARY" over
		// "Senior Merchandiser" / "Duration: 2009 to 2012") heads them.
		if known && kind == secSummary && !l.bullet && summaryHoldsJobs(lines, i, body) {
			kind = secExperience
		}
		if known && i > 0 && (sentenceTail(lines[i-1], l) || wrapTail) {
			known = false
		}
		if known && personalGroup(secs[cur].kind, lines, i) || known && jobBodyLabel(secs[cur].kind, l) {
			known = false
		}
		if !known && !wrapTail && !l.bullet && !leveled && !runsOn(lines, i) && headingCue(l, body) && !(skillsLike(secs[cur].kind) && itemInList(lines, i, body)) {
			kind, known = keywordHeading(l.text)
			// "DES (diplôme d'études secondaires)" under Formation:
			// study words around a degree's name are an entry.
			known = known && !(kind == secEducation && secs[cur].kind == secEducation && namesDegree(l.text))
		}
		// A heading wrapped in a narrow label column ("Employment" /
		// "History", "Education &" / "Training") is one heading.
		// A name styled as a title over the first heading ("Jane Doe" /
		// "Experience") is no wrapped heading.
		if i+1 < len(lines) && !l.bullet && headingFragment(lines[i+1]) && !(!known && nameScore(nil, l.text) > 0) {
			if k, ok := wrappedHeading(l, lines[i+1], known, body); ok {
				l.text = joinHeading(l.text, lines[i+1].text)
				kind, known = k, true
				i++
			} else if headingWrapTail(lines, i) {
				l.text = joinHeading(l.text, lines[i+1].text)
				i++
			}
		}
		isHead := known && !l.bullet
		// A heading we have no word for is recognised by what follows it,
		// unless that is more of the section it stands in (a company line
		// above its jobs). A line naming a job ("Teacher of Mathematics"
		// above its school, "Data Engineer" under the name) heads an entry
		// or is a headline, not a section; one word ("Internships") can be
		// a heading.
		// In a Contact section, a line of capitals is no contact item:
		// it heads what follows ("ASSETS" over a list in a sidebar).
		shaped := headingShaped(l, body) || secs[cur].kind == secContact && capitalsLine(l.text) && !reLabelOnly.MatchString(l.text)
		// So does a degree set as a heading inside Education ("Baccalauréat
		// série C" under "FORMATION", a word processor's Heading 3).
		if !isHead && !top && !leveled && shaped && !wrapTail && !(titleScore(l.text) > 0 && len(strings.Fields(l.text)) > 1) && !refereeRow(secs[cur], l.text) &&
			!entryTitleIn(secs[cur].kind, l.text) && !entryBodyLabel(secs[cur].kind, l.text) && !diplomaOverSchool(secs[cur].kind, lines, i) {
			// Styled as a heading ("RESEARCH POSITIONS" after
			// "EXPERIENCE"), it opens a section even of the same kind.
			if k, ok := contentKind(followingBlock(lines, i, body)); ok && (k != secs[cur].kind || looksLikeUnknownHeading(l, body)) {
				isHead, kind, known = true, k, true
			}
		}
		// An entry's title set in a heading style (a word processor's
		// "Heading 3" for each job) names a job or a degree inside the
		// section it stands in: it heads an entry, not a section.
		if !isHead && seenKnown && !leveled && !wrapTail && looksLikeUnknownHeading(l, body) && !entryTitleIn(secs[cur].kind, l.text) && !refereeRow(secs[cur], l.text) &&
			!diplomaOverSchool(secs[cur].kind, lines, i) {
			isHead, kind = true, secOther
		}
		if !isHead {
			if cur == 0 && hdrAt >= 0 {
				secs[0].lines = slices.Insert(secs[0].lines, hdrAt, l)
				hdrAt++
				continue
			}
			secs[cur].lines = append(secs[cur].lines, l)
			continue
		}
		seenKnown = seenKnown || known
		open(kind, cleanHeading(l.text))
	}
	return secs
}

// jobBodyLabel says whether l, a heading's word written as a label in
// the case of the text ("Achievements:" under a job's "Key
// Responsibilities:"), heads part of the entry above inside Experience
// rather than a section: a section's heading is set apart in capitals
// or without the colon of a label.
func jobBodyLabel(k sectionKind, l line) bool {
	t := strings.TrimSpace(l.text)
	return !l.bullet && strings.ToUpper(t) != t && entryBodyLabel(k, t)
}

// diplomaOverSchool says whether lines[i], styled as a heading inside
// Education, names a diploma we have no word for ("DEP Cuisine", "CFC
// Polymécanicien") over the school that awarded it: the next line names a
// school and no job, so the styled line heads an entry, not a section of
// jobs ("Research" over "Research Assistant, University of Leeds" still
// opens one).
func diplomaOverSchool(k sectionKind, lines []line, i int) bool {
	n := len(strings.Fields(lines[i].text))
	return k == secEducation && i+1 < len(lines) && n >= 2 && n <= 6 &&
		institutionScore(lines[i+1].text) > 0 && titleScore(lines[i+1].text) == 0
}

// runsOn says whether lines[i] is the start of a line the typesetter
// wrapped, no heading, whatever word it ends on ("Dean's Commendation for
// Academic" / "Excellence, 2018" in a sidebar): it ran to its column's
// edge and the next line goes on tight under it in the same column. A
// heading in capitals or styled as one can fill a narrow column by
// chance.
func runsOn(lines []line, i int) bool {
	l := lines[i]
	if !l.full || i+1 >= len(lines) || l.heading || l.bold || strings.ToUpper(l.text) == l.text {
		return false
	}
	n := lines[i+1]
	return !n.gapBefore && !n.heading && n.page == l.page && n.column == l.column
}

// sentenceTail says whether l, a heading's word, is the last word of the
// sentence prev wraps ("… un stock de 4 500" / "références."): in lower
// case, tight under a line that ends mid-sentence.
func sentenceTail(prev, l line) bool {
	t, p := strings.TrimSpace(l.text), strings.TrimSpace(prev.text)
	first, _ := utf8.DecodeRuneInString(t)
	return !l.gapBefore && !l.heading && !l.bold && prev.page == l.page && p != "" &&
		unicode.IsLower(first) && !strings.ContainsAny(p[len(p)-1:], ".:;!?") && len(strings.Fields(p)) >= 4
}

// inlineHeading reads "HOBBIES: Football, chess": a known heading in
// capitals before a colon, set apart from the line before, and the
// content after it; rest holds the heading and the content.
func inlineHeading(l line) (sectionKind, [2]string, bool) {
	label, content, ok := strings.Cut(l.text, ":")
	label, content = strings.TrimSpace(label), strings.TrimSpace(content)
	if !ok || !l.gapBefore || l.bullet || content == "" || strings.HasPrefix(content, "//") {
		return 0, [2]string{}, false
	}
	k, known := headingKind(label)
	// "Languages: English, te reo Māori (conversational)" set apart in
	// sentence case: what it lists says it heads the spoken languages.
	if !capitalsLine(strings.ReplaceAll(label, "'", "")) && !(known && k == secLanguages && spokenShare(leveled(splitSkills(content))) >= 0.5) {
		return 0, [2]string{}, false
	}
	return k, [2]string{cleanHeading(label), content}, known
}

// capitalsLine: one to four words of capitals, nothing else.
func capitalsLine(t string) bool {
	ws := strings.Fields(t)
	if len(ws) == 0 || len(ws) > 4 {
		return false
	}
	letters := 0
	for _, r := range t {
		switch {
		case unicode.IsLetter(r) && !unicode.IsUpper(r):
			return false
		case unicode.IsLetter(r):
			letters++
		case r != ' ' && r != '-' && r != '\'' && r != '&':
			return false
		}
	}
	return letters >= 4
}

// namesDegree: t holds a degree's word as a degree is named, in the
// singular ("Diplôme d'études", not the heading "Diplômes"); a licence
// beside other heading words is one to drive or practise.
func namesDegree(t string) bool {
	for _, w := range words(t) {
		if !singularLicence[w] && (degreeWords[w] || degreeWords[strings.ReplaceAll(w, ".", "")]) {
			return true
		}
	}
	return false
}

// entryTitleIn says whether t names what an entry of a section of kind k
// is about: a job in Experience, a degree or the school that gave it in
// Education, in two words or more ("Product Manager", "MSc Data Science",
// "Universiti Teknologi Malaysia" over its degree in a sidebar;
// "Internships" can be a heading).
func entryTitleIn(k sectionKind, t string) bool {
	if len(strings.Fields(t)) < 2 {
		return false
	}
	switch k {
	case secExperience, secVolunteer:
		return titleScore(t) > 0
	case secEducation:
		return degreeScore(t)+institutionScore(t) > 0
	}
	return false
}

func maxSize(lines []line) float64 {
	m := 0.0
	for _, l := range lines {
		m = max(m, l.size)
	}
	return m
}
