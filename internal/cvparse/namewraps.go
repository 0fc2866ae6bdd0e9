package cvparse

import (
	"math"
	"strings"
	"unicode"
)

// joinNameWraps joins to an entry's header line the end of it that the
// typesetter wrapped onto the next line, as a narrow sidebar does with a
// school's or a degree's name ("Universidade Federal de Santa" /
// "Catarina (UFSC)", "UX Design Professional" / "Certificate"): the line
// ran to its column's edge (the layout says the next line's first word
// would not have fitted after it), and the next line is a short tail
// that starts nothing of its own.
func joinNameWraps(lines []line) []line {
	out := make([]line, 0, len(lines))
	for i, l := range lines {
		if n := len(out); n > 0 && titleTypeWrap(out[n-1], l, lines[i+1:]) {
			out[n-1].text = joinTitleCell(out[n-1].text, l.text)
			out[n-1].wrapped = true
			continue
		}
		if n := len(out); n > 0 && nameWrap(out[n-1], l) {
			p := &out[n-1]
			// "Universidad de Kestrel, Val-" / "divia, …": a word the
			// typesetter cut at its hyphen is mended whole; a compound
			// name cut at one of its own hyphens ("Saint-Martin-" /
			// "sur-Loire") keeps it.
			if pt := strings.TrimSpace(p.text); reHyphenEnd.MatchString(pt) {
				if strings.Contains(lastField(strings.TrimSuffix(pt, "-")), "-") {
					p.text = pt + strings.TrimSpace(l.text)
				} else {
					p.text = joinWrapped(pt, l.text)
				}
			} else {
				p.text = strings.TrimSpace(p.text) + " " + strings.TrimSpace(l.text)
			}
			p.full, p.wrapped = l.full, true
			continue
		}
		out = append(out, l)
	}
	return out
}

// nameWrap says whether l is the wrapped end of the header line prev. A
// line that was full by chance is followed by one that starts a part of
// its own: a date, a school or an employer, a job, a grade ("Grande
// distinction"), a label and its value, an acronym ("ENSIIE — Évry") or a
// brand ("pharmaSuisse, Berne"), a name and its town, a sentence. prev, a
// header line, is no sentence and carries no date (a line ending on its
// dates was ended on purpose), and neither line is a bullet.
func nameWrap(prev, l line) bool {
	if !prev.full || l.gapBefore || l.bullet || l.heading || prev.bullet || prev.heading || l.page != prev.page {
		return false
	}
	// A row of cells wraps in its last cell ("2020 – 2021<tab>MicroMasters
	// Program in Supply Chain" / "Management"): its dates stand apart.
	p, t := strings.TrimSpace(prev.text), strings.TrimSpace(l.text)
	if i := strings.LastIndex(p, "\t"); i >= 0 {
		p = strings.TrimSpace(p[i+1:])
	}
	if p == "" {
		return false
	}
	ws := strings.Fields(t)
	if len(ws) == 0 || len(ws) > maxWrapTail || isLong(p) || hasDate(p) || hasDate(t) ||
		strings.ContainsAny(p+t, "\t:@") || strings.ContainsAny(p[len(p)-1:], ".;!?") {
		return false
	}
	if acronym(ws[0]) || brandWord(ws[0]) || institutionScore(t)+orgScore(t)+titleScore(t) > 0 || gradeLine(t) {
		return false
	}
	// A name and its town ("pharmaSuisse, Berne") is a line of its own.
	if i := strings.LastIndex(t, ","); i > 0 && isLocation(strings.TrimSpace(t[i+1:])) {
		return false
	}
	return true
}

// titleTypeWrap says whether l is the rest of a degree's title row prev
// wrapped inside its cell, as the Europass editor sets it ("10/2021 –
// 07/2024<tab>Bachelor's degree in Accounting and<tab>EQF level 6" /
// "Business Information Systems"): the row opens on its dates' cell and
// sets the degree in a type larger than the lines under it; l, in the
// degree's type and set right of the row's start, holds no date, cell,
// school, job or place, and the line after it, the school's, is back in
// the smaller type. The cell beside the title kept the row from running
// to its edge, so nothing says the row was full.
func titleTypeWrap(prev, l line, next []line) bool {
	if l.gapBefore || l.bullet || l.heading || prev.bullet || l.page != prev.page || len(next) == 0 || l.size == 0 {
		return false
	}
	cell, title, ok := strings.Cut(prev.text, "\t")
	t := strings.TrimSpace(l.text)
	if !ok || !onlyDates(cell) || degreeScore(title) == 0 || strings.Contains(t, "\t") || hasDate(t) || len(strings.Fields(t)) > 6 {
		return false
	}
	if math.Abs(l.size-prev.size) > 0.3 || next[0].size > l.size-1 || l.x <= prev.x {
		return false
	}
	return institutionScore(t)+titleScore(t) == 0 && !isLocation(t)
}

// joinTitleCell puts the wrapped rest of a title into its cell: the
// row's last, or the one before a framework level's cell.
func joinTitleCell(row, rest string) string {
	cells := strings.Split(row, "\t")
	k := len(cells) - 1
	if _, _, ok := cutFrameworkLevel("x " + cells[k]); ok && k > 1 {
		k--
	}
	cells[k] = strings.TrimSpace(cells[k]) + " " + strings.TrimSpace(rest)
	return strings.Join(cells, "\t")
}

// brandWord: a word with a capital after a small letter ("pharmaSuisse",
// "edX"), a brand's name, which opens a name of its own.
func brandWord(w string) bool {
	lower := false // the rune before was a small letter
	for _, r := range w {
		if unicode.IsUpper(r) && lower {
			return true // not after a hyphen: "sur-Coise" is a compound's
		}
		lower = unicode.IsLower(r)
	}
	return false
}

// maxWrapTail is the most words a wrapped name's tail holds: a narrow
// column wraps a name by a word or two.
const maxWrapTail = 3

// acronym: a word of two or more letters all in capitals ("ENSIIE",
// "HEC"), which opens a name of its own.
func acronym(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}
