package cvparse

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A stacked table lists jobs under headings of which one names two
// fields in one cell ("Dates<tab>Position / Employer<tab>Key results",
// "Période<tab>Poste et employeur<tab>Réalisations"): that cell holds the
// title, then the employer and its place on the lines under it, each
// wrapped where the cell is full, while the cells beside it run on with
// their own lines.

// headConnectors join two column names in one heading cell.
// A bar is a rule between two cells that OCR read as text
// ("Concentration/Major | Institute").
var headConnectors = wordSet(`/ & + and et , - |`)

// headCells reads a row of column headings cell by cell: each cell's
// labels, or nil when a cell names no column.
func headCells(t string) [][]string {
	cells := strings.Split(t, "\t")
	if len(cells) < 2 {
		return nil
	}
	out := make([][]string, 0, len(cells))
	for _, c := range cells {
		labels := splitHeadCell(c)
		if labels == nil {
			return nil
		}
		out = append(out, labels)
	}
	return out
}

// stackedHeads finds the cell of a heading row that names the title and
// the employer together, and the dates column; ok is false for any other
// row.
func stackedHeads(t string) (cells [][]string, dates, stack int, ok bool) {
	cells = headCells(t)
	dates, stack = -1, -1
	for k, labels := range cells {
		switch {
		case len(labels) == 1 && labels[0] == "Dates":
			dates = k
		case len(labels) >= 2 && slices.Contains(labels, "Position") && slices.Contains(labels, "Company"):
			stack = k
		}
	}
	return cells, dates, stack, dates >= 0 && stack > dates
}

// stackedRow is one job of a stacked table: its dates, the lines of its
// stacked cell, and the lines of the cells after it.
type stackedRow struct {
	first line
	dates string
	stack []string
	notes []line
}

// stackedTableRows reads the job rows under a stacked heading row (line
// i): each row opens with a date in the dates column; the lines under it
// up to the next row are its cells wrapped, split at their cell breaks,
// a line alone set in the stacked cell's column or right of it. What
// follows the table is returned as it is.
func stackedTableRows(lines []line, i int) ([]line, bool) {
	cells, dates, stack, ok := stackedHeads(lines[i].text)
	if !ok {
		return nil, false
	}
	rest := lines[i+1:]
	var rows []stackedRow
	stackX := stackColumnX(rest)
	j := 0
	for ; j < len(rest); j++ {
		l := rest[j]
		cs := splitCells(l.text)
		n := len(rows)
		switch {
		case len(cs) > dates+1 && startsWithDatePart(cs[dates]):
			if n > 0 && openRange(rows[n-1].dates) && onlyDatePart(cs[dates]) {
				// "09/2015 –" / "04/2019<tab>Kora Networks …": the
				// range's end on the row's second line.
				rows[n-1].dates += " " + cs[dates]
				addStacked(&rows[n-1], l, cs[dates+1:], stack-dates-1)
				continue
			}
			r := stackedRow{first: l, dates: cs[dates]}
			addStacked(&r, l, cs[dates+1:], stack-dates-1)
			rows = append(rows, r)
		case n == 0 || l.heading:
			return append(lines[:i:i], append(emitStacked(rows, cells, dates, stack), rest[j:]...)...), len(rows) > 0
		case len(cs) >= 2:
			addStacked(&rows[n-1], l, cs, 0)
		case l.x > 0 && stackX > 0 && l.x > stackX+2*max(l.size, 5):
			rows[n-1].notes = append(rows[n-1].notes, l)
		default:
			rows[n-1].stack = append(rows[n-1].stack, strings.TrimSpace(l.text))
		}
	}
	if len(rows) == 0 {
		return nil, false
	}
	return append(slices.Clone(lines[:i]), emitStacked(rows, cells, dates, stack)...), true
}

// stackColumnX is where the stacked cell's lines start: the left edge of
// the table's lines that hold two cells or more without a date first,
// else of its lines that hold one.
func stackColumnX(lines []line) float64 {
	best, alone := 0.0, 0.0
	for _, l := range lines {
		if l.x <= 0 || startsWithDatePart(l.text) {
			continue
		}
		if strings.Contains(l.text, "\t") {
			if best == 0 || l.x < best {
				best = l.x
			}
		} else if alone == 0 || l.x < alone {
			alone = l.x
		}
	}
	if best > 0 {
		return best
	}
	return alone
}

func splitCells(t string) []string {
	var out []string
	for _, c := range strings.Split(t, "\t") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// addStacked adds the cells of one line to a row: skip cells before the
// stacked one (columns this reading does not keep), the stacked cell's
// line, then the cells after it as notes.
func addStacked(r *stackedRow, l line, cs []string, skip int) {
	if skip < len(cs) {
		cs = cs[skip:]
	} else {
		cs = nil
	}
	if len(cs) == 0 {
		return
	}
	r.stack = append(r.stack, cs[0])
	for _, c := range cs[1:] {
		n := l
		n.text = c
		r.notes = append(r.notes, n)
	}
}

// onlyDatePart: a cell that is a date and nothing else ("04/2019").
func onlyDatePart(c string) bool {
	return reDatePart.FindString(strings.TrimSpace(c)) == strings.TrimSpace(c)
}

// emitStacked writes each row as the labelled lines an entry table gives
// (tableRows): its dates, title, employer and place, its notes set in as
// its description.
func emitStacked(rows []stackedRow, cells [][]string, dates, stack int) []line {
	var out []line
	for _, r := range rows {
		title, company, place := stackedFields(r.stack)
		for _, f := range [][2]string{{"Dates", r.dates}, {"Position", title}, {"Company", company}, {"Location", place}} {
			if f[1] == "" {
				continue
			}
			l := r.first
			l.text, l.entryHead, l.bullet, l.setIn = f[0]+": "+f[1], true, false, false
			out = append(out, l)
		}
		for _, n := range r.notes {
			n.entryHead, n.setIn = false, true
			out = append(out, n)
		}
	}
	return out
}

// stackedFields reads the lines of a stacked cell: a line that opens in
// lower case or with a bracket goes on with the line above ("Analyste
// financier" / "principal", "NYSC Corps Member" / "(Technical
// Assistant)"); the first line is the title, a last line that is a
// place alone is the place, and the lines between are the employer,
// wrapped ("Maricopa County Technology" / "Services").
func stackedFields(stack []string) (title, company, place string) {
	var ls []string
	for _, s := range stack {
		r, _ := utf8.DecodeRuneInString(s)
		if n := len(ls); n > 0 && (unicode.IsLower(r) || r == '(') {
			ls[n-1] += " " + s
			continue
		}
		ls = append(ls, s)
	}
	if len(ls) == 0 {
		return "", "", ""
	}
	title, ls = ls[0], ls[1:]
	if n := len(ls); n >= 2 && placeAlone(ls[n-1]) {
		place, ls = ls[n-1], ls[:n-1]
	}
	return title, strings.TrimRight(strings.Join(ls, " "), ", "), place
}

// placeAlone: a line that names a place and nothing else ("Lagos",
// "Tempe, AZ", "Toronto (Ontario)"); "Commission, Abuja" ends an
// employer's name wrapped over the line before and gives its place.
func placeAlone(t string) bool {
	head, _, comma := strings.Cut(t, ",")
	return isPlace(t) && orgScore(t)+institutionScore(t) == 0 && (!comma || isLocation(strings.TrimSpace(head)))
}
