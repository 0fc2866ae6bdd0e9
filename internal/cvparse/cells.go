package cvparse

import (
	"strings"
	"unicode"
)

// joinWrappedDateCells mends a date range wrapped in a table's narrow date
// column when both rows have text beside it ("Févr. 2017 – Juil.<tab>
// Stagiaire ingénieur" / "2017<tab>Projet de fin d'études"): the second
// row's date part ends the first row's range, and what stands beside it
// stays a line of its own.
func joinWrappedDateCells(lines []line) []line {
	out := make([]line, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		cell, rest, ok := strings.Cut(l.text, "\t")
		if ok && i+1 < len(lines) {
			next := lines[i+1]
			nc, nrest, nok := strings.Cut(next.text, "\t")
			if nok && next.page == l.page && wrappedRangeEnd(strings.TrimSpace(cell), strings.TrimSpace(nc)) {
				l.text = strings.TrimSpace(cell) + " " + strings.TrimSpace(nc) + "\t" + rest
				next.text = strings.TrimSpace(nrest)
				next.x = 0
				out = append(out, l, next)
				i++
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

// wrappedRangeEnd says whether the date cell b ends the range the cell a
// opens: a range cut after its dash ("2017 – Juil." / "2017"), or inside
// the words for now ("Sept. 2019 - à ce" / "jour", "2020 – till" /
// "date"): together they read as a range the first cell alone is not.
func wrappedRangeEnd(a, b string) bool {
	if reOpenRange.MatchString(a) && reDatePart.FindString(b) == b {
		return true
	}
	if len(strings.Fields(b)) > 2 || len([]rune(b)) > 12 {
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
	k, known := headingKind(strings.TrimSpace(cell))
	return k, rest, known
}

func skillsLike(k sectionKind) bool { return k == secSkills || k == secLanguages }
