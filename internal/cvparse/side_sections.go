package cvparse

import (
	"strings"
	"unicode"
)

// Two short sections set side by side under their headings on one line
// ("SKILLS<tab>LANGUAGES", "Skills<tab>Seminars and Trainings") reach us
// row by row, each line one line of each column. Read as one section,
// the second column's items (and any heading opening a later list inside
// it, "CERTIFICATION") land under the first heading.

// sideColumnGap is how far right of the block's left edge, in points, a
// line holding one cell must start to be the right column's.
const sideColumnGap = 150

// sideBySideSections rewrites each such block as its first heading and
// the left column's lines, then its second heading and the right
// column's lines. The block runs over the lines of at most two cells
// that follow, up to a heading or a gap.
func sideBySideSections(lines []line) []line {
	var out []line
	for i := 0; i < len(lines); i++ {
		heads, ok := headingPair(lines[i])
		if !ok {
			out = append(out, lines[i])
			continue
		}
		end := i + 1
		for end < len(lines) && sideBlockRow(lines[end]) {
			end++
		}
		if end-i < 3 {
			out = append(out, lines[i])
			continue
		}
		out = append(out, sideColumns(lines[i], heads, lines[i+1:end])...)
		i = end - 1
	}
	return out
}

// sideBlockRow: l goes on a block of columns: no gap or heading before it,
// nor a heading we know alone on its line.
func sideBlockRow(l line) bool {
	if l.heading || l.gapBefore {
		return false
	}
	_, known := headingKind(l.text)
	return !known
}

// headingPair gives the two cells of l when each is a section heading we
// know, set as headings are (in capitals, or on a line styled as one),
// and they head different kinds.
func headingPair(l line) ([2]string, bool) {
	cells := splitCells(l.text)
	if len(cells) != 2 {
		return [2]string{}, false
	}
	ka, oka := headingKind(cells[0])
	kb, okb := headingKind(cells[1])
	shaped := l.heading || upperCell(cells[0]) && upperCell(cells[1])
	return [2]string{cells[0], cells[1]}, oka && okb && ka != kb && shaped
}

// upperCell: the cell's letters are all capitals.
func upperCell(c string) bool {
	return strings.IndexFunc(c, unicode.IsLower) < 0 && strings.IndexFunc(c, unicode.IsLetter) >= 0
}

// sideColumns lays out the rows column by column: a row of two cells
// gives one to each, of more its first to the left and the rest, a cell
// OCR broke at a wide space, to the right; a row of one goes to the
// column it starts in.
func sideColumns(head line, heads [2]string, rows []line) []line {
	left := rows[0].x
	for _, r := range rows {
		if len(splitCells(r.text)) >= 2 && r.x < left {
			left = r.x
		}
	}
	var cols [2][]line
	for _, r := range rows {
		cells := splitCells(r.text)
		switch {
		case len(cells) >= 2:
			cols[0] = append(cols[0], cellLine(r, cells[0]))
			cols[1] = append(cols[1], cellLine(r, strings.Join(cells[1:], " ")))
		case len(cells) == 1 && r.x > left+sideColumnGap:
			cols[1] = append(cols[1], cellLine(r, cells[0]))
		case len(cells) == 1:
			cols[0] = append(cols[0], cellLine(r, cells[0]))
		}
	}
	var out []line
	for k := range 2 {
		h := head
		h.text, h.heading, h.gapBefore = heads[k], true, true
		out = append(append(out, h), cols[k]...)
	}
	return out
}

// cellLine is row r holding only cell c; a cell that is a heading we
// know, alone in its column's row, heads a list of its own there. The
// row's bullet was its left cell's, and OCR drops some of a column's
// glyphs: each cell is an item of its own, unbulleted, and a wrapped
// item's rest is known by its shape (an open bracket, a lower-case
// start), not by its indent from a glyph.
func cellLine(r line, c string) line {
	r.text = strings.TrimSpace(strings.TrimLeft(c, "•·*"))
	_, known := headingKind(c)
	r.heading = known && upperCell(c)
	r.bullet, r.setIn = false, false
	return r
}
