package cvparse

import (
	"regexp"
	"strings"
	"unicode"
)

// joinWrappedDateCells mends a date range wrapped in a table's narrow date
// column when the rows have text beside it ("Févr. 2017 – Juil.<tab>
// Stagiaire ingénieur" / "2017<tab>Projet de fin d'études"; moderncv's
// "Mar<tab>Quality Analyst" / "2019–Oct<tab>• Built …" / "2021<tab>• Ran …"):
// the later rows' date parts end the first row's range, and what stands
// beside them stays a line of its own, a bullet when it opens with one.
func joinWrappedDateCells(lines []line) []line {
	lines = joinDateNoteRows(joinWrappedEndDateCells(splitGluedDateCells(lines)))
	out := make([]line, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		cell, rest, ok := strings.Cut(l.text, "\t")
		n := 0
		if ok {
			n = wrappedDateRows(lines, i)
		}
		if n == 1 && len(cellsOf(lines[i+1].text)) == len(headsAbove(lines, i)) {
			n = 0
		}
		if n == 0 {
			out = append(out, l)
			continue
		}
		date := strings.TrimSpace(cell)
		var beside []line
		for _, next := range lines[i+1 : i+1+n] {
			nc, nrest, _ := strings.Cut(next.text, "\t")
			date += " " + strings.TrimSpace(nc)
			next.text, next.x = strings.TrimSpace(nrest), 0
			if t, bullet := stripBullet(next.text); bullet {
				next.text, next.bullet = t, true
			}
			if next.text != "" {
				beside = append(beside, next)
			}
		}
		l.text = date + "\t" + rest
		out = append(append(out, l), beside...)
		i += n
	}
	return out
}

// reDateNoteCell is a note on a row's dates in brackets, wrapped under
// them in their column ("(expected)", "(en cours)", "(prévu)").
var reDateNoteCell = regexp.MustCompile(`(?i)^\((?:expected|anticipated|in progress|ongoing|current|en cours|prévue?|prevue?)\)$`)

// joinDateNoteRows mends a row whose dates cell and text cell both
// wrapped ("Sept 2024 – Apr 2027<tab>… Ontario College Advanced" /
// "(expected)<tab>Diploma"): the note ends the dates, the text goes on
// in its cell.
func joinDateNoteRows(lines []line) []line {
	out := make([]line, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if i+1 < len(lines) {
			date, text, ok := strings.Cut(l.text, "\t")
			note, more, wrapped := strings.Cut(lines[i+1].text, "\t")
			if ok && wrapped && onlyDates(strings.TrimSpace(date)) && !strings.Contains(text, "\t") && !strings.Contains(more, "\t") &&
				reDateNoteCell.MatchString(strings.TrimSpace(note)) && lines[i+1].page == l.page {
				l.text = strings.TrimSpace(date) + " " + strings.TrimSpace(note) + "\t" + joinWrapped(text, more)
				out = append(out, l)
				i++
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

// headsAbove is the row of column headings ("Year<tab>Institution<tab>
// Award") of the table row i is in, nil when it is in none. When the row
// under row i ends the range row i's dates cell opens and has a cell under
// every heading ("2017<tab>Salaam<tab>Second)"), tableRows ends the range
// and puts the other cells on the row's own, which taking them out as a
// line of their own would lose.
func headsAbove(lines []line, i int) []string {
	for k := i - 1; k >= 0 && lines[k].page == lines[i].page; k-- {
		t := lines[k].text
		if heads := columnHeads(t); heads != nil {
			return heads
		}
		if !strings.Contains(t, "\t") && !onlyDatePart(t) {
			return nil
		}
	}
	return nil
}

// cellsOf are the cells of a row, the blank ones left out.
func cellsOf(t string) []string {
	var cells []string
	for _, c := range strings.Split(t, "\t") {
		if c = strings.TrimSpace(c); c != "" {
			cells = append(cells, c)
		}
	}
	return cells
}

// wrappedDateRows counts the rows after row i whose first cells end the
// date range row i's first cell opens (0 when they do not): one row that
// ends it, or a year that a month alone waited for ("Mar" / "2019–Oct")
// then a row that ends the range.
func wrappedDateRows(lines []line, i int) int {
	cell, _, _ := strings.Cut(lines[i].text, "\t")
	acc := strings.TrimSpace(cell)
	for k := 1; k <= 2 && i+k < len(lines); k++ {
		next := lines[i+k]
		nc, _, ok := strings.Cut(next.text, "\t")
		// "09/2016–" / "08/2018": the date column's cell may wrap onto a
		// line holding nothing else.
		if !ok && k == 1 && strings.TrimSpace(next.text) != "" && reOpenRange.MatchString(acc) && onlyDatePart(next.text) {
			ok = true
		}
		if !ok || next.page != lines[i].page {
			return 0
		}
		nc = strings.TrimSpace(nc)
		if wrappedRangeEnd(acc, nc) {
			return k
		}
		if !reMonthAlone.MatchString(acc) || !reOpenRange.MatchString(acc+" "+nc) {
			return 0
		}
		acc += " " + nc
	}
	return 0
}

// reMonthAlone: a month's name and nothing else ("Jan", "Sept.").
var reMonthAlone = regexp.MustCompile(`(?i)^(?:` + monthAlt + `)\.?$`)

// wrappedRangeEnd says whether the date cell b ends the range the cell a
// opens: a range cut after its dash ("2017 – Juil." / "2017"), inside
// the words for now ("Sept. 2019 - à ce" / "jour", "2020 – till" /
// "date") or after its first month ("May" / "2017–Jul 2017"): together
// they read as a range the first cell alone is not.
func wrappedRangeEnd(a, b string) bool {
	if reOpenRange.MatchString(a) && reDatePart.FindString(b) == b {
		return true
	}
	if len(strings.Fields(b)) > 4 || len([]rune(b)) > 20 {
		return false
	}
	whole := a + " " + b
	dr, ok := findDateRange(whole)
	if !ok || dr.end == "" || dr.at != 0 || dr.until != len(whole) {
		return false
	}
	alone, ok := findDateRange(a)
	return !ok || alone.end == "" || alone.until != len(a)
}

// joinLabelLines joins a label set on a line of its own to the value on the
// next line ("Position:" / "Project Engineer"), as a definition list reaches
// us from a word processor: the label then reads as the label of its value.
// A heading with a colon ("Skills:") and a label above a list are left
// alone.
func joinLabelLines(lines []line) []line {
	out := make([]line, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimSpace(l.text)
		if i+1 < len(lines) && isLabelLine(t) {
			next := lines[i+1]
			nt := strings.TrimSpace(next.text)
			_, nextHead := headingKind(nt)
			if !next.bullet && nt != "" && !isLabelLine(nt) && !strings.HasSuffix(nt, ":") && !nextHead {
				// The line is its value's, styled as the value is: a
				// label set as a heading ("List Heading") heads nothing.
				next.text, next.gapBefore, next.x = t+" "+nt, l.gapBefore, l.x
				out = append(out, next)
				i++
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

// isLabelLine: one to four capitalised words and a colon, nothing after
// it, naming no section.
func isLabelLine(t string) bool {
	label, ok := strings.CutSuffix(t, ":")
	if !ok {
		label, ok = strings.CutSuffix(t, "：")
	}
	label = strings.TrimSpace(label)
	if !ok || label == "" || len(strings.Fields(label)) > 4 || strings.ContainsAny(label, "0123456789:,.;|\t") ||
		!unicode.IsUpper([]rune(label)[0]) {
		return false
	}
	if _, known := headingKind(label); known {
		return false
	}
	_, kw := keywordHeading(label)
	return !kw
}

// headingCell reads a line whose first cell is a known section heading
// and which has more beside it: the heading's kind and the rest.
func headingCell(l line) (sectionKind, string, bool) {
	cell, rest, ok := strings.Cut(l.text, "\t")
	rest = strings.TrimSpace(rest)
	if !ok || rest == "" || l.bullet {
		return 0, "", false
	}
	// "Personal<tab>Negotiation, Team leadership": beside a list, the
	// short word names a group of skills, not the personal details.
	if cvPersonalHeadings[fold(cleanHeading(cell))] {
		return 0, "", false
	}
	k, known := headingKind(strings.TrimSpace(cell))
	return k, rest, known
}

func skillsLike(k sectionKind) bool { return k == secSkills || k == secLanguages }

// otherGroupCell: l's label cell says "Other" ("Others:<tab>Financial
// reporting, tax"): among the rows of a skills table it labels the last
// group of skills, not a section of additional information.
func otherGroupCell(l line) bool {
	cell, _, _ := strings.Cut(l.text, "\t")
	return otherGroupWords[fold(cleanHeading(cell))]
}

var otherGroupWords = phraseSet(`other others autres autre divers misc miscellaneous other_skills autres_competences`)

// skillGroupCell: l is a table row whose label cell names a group of
// skills ("Systems", "Tools", "Langages") beside a list of two or more.
func skillGroupCell(l line) bool {
	cell, rest, ok := strings.Cut(l.text, "\t")
	return ok && !l.bullet && !strings.Contains(rest, "\t") && len(strings.Fields(cell)) <= 3 &&
		groupWords(cell) && len(splitSkills(rest)) >= 2
}

// listSection: a section of short items (certifications, awards) whose
// table may hold rows of another kind.
func listSection(k sectionKind) bool { return k == secCertifications || k == secAwards }

// reGluedDateCell is a date column's first row read together with the
// text beside it, the gap between them too narrow for a cell break ("Oct.
// 2016 – août Technicienne Qualité", "Sept. 2015 – aoûtAssistante"): a
// range opened up to its end month, then a capital.
var reGluedDateCell = regexp.MustCompile(`(?i)^(\S.*?[-–—]\s*(?:` + monthAlt + `)\.?)\s*(\S.*)$`)

// splitGluedDateCells gives such a row its cell break back when the next
// row's first cell ends the range ("2021<tab>Salaisons Roux & Fils"), so
// that the wrapped date column mends as any other.
func splitGluedDateCells(lines []line) []line {
	out := lines
	for i := 0; i+1 < len(lines); i++ {
		l := lines[i]
		m := reGluedDateCell.FindStringSubmatch(l.text)
		nc, _, ok := strings.Cut(lines[i+1].text, "\t")
		if m == nil || strings.Contains(l.text, "\t") || !ok || lines[i+1].page != l.page ||
			!unicode.IsUpper([]rune(m[2])[0]) || !wrappedRangeEnd(m[1], strings.TrimSpace(nc)) {
			continue
		}
		if &out[0] == &lines[0] {
			out = append([]line(nil), lines...)
		}
		out[i].text = m[1] + "\t" + m[2]
	}
	return out
}

// joinWrappedEndDateCells mends a range wrapped in a date column on the
// right, the text beside it wrapped too ("Chargée d'études · Institut
// Marsa,<tab>Mars 2021 - Décembre" / "Rabat<tab>2021"): the row's last
// cells end its text and its range.
func joinWrappedEndDateCells(lines []line) []line {
	out := make([]line, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if i+1 < len(lines) {
			next := lines[i+1]
			h, d, ok := cutLastCell(l.text)
			nh, nd, nok := cutLastCell(next.text)
			if ok && nok && next.page == l.page && !next.bullet && !strings.Contains(nh, "\t") &&
				len(strings.Fields(nh)) <= 4 && !hasDate(nh) && !hasDate(h) && wrappedRangeEnd(d, nd) {
				l.text = strings.TrimSpace(h) + " " + strings.TrimSpace(nh) + "\t" + d + " " + nd
				out = append(out, l)
				i++
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

// cutLastCell splits t at its last cell break.
func cutLastCell(t string) (head, last string, ok bool) {
	i := strings.LastIndex(t, "\t")
	if i < 0 {
		return "", "", false
	}
	return t[:i], strings.TrimSpace(t[i+1:]), strings.TrimSpace(t[:i]) != ""
}

// wrappedRangeEndCell says whether t opens with the end of a range wrapped
// in a date column on the left, its dash kept ("Sep 2020<tab>Head Chef" /
// "– present<tab>Grand Hotel, Dubai"): a date cell of a dash and a date,
// beside text, under a row whose date cell ends with a year. The dash is
// the range's, no bullet, so that the date column mends.
func wrappedRangeEndCell(prev, t string) bool {
	cell, _, ok := strings.Cut(t, "\t")
	pcell, _, pok := strings.Cut(prev, "\t")
	return ok && pok && reDashDate.MatchString(strings.TrimSpace(cell)) && reYearEnd.MatchString(strings.TrimSpace(pcell))
}
