package extract

import (
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"
)

// paragraph is a DOCX or ODT paragraph being read: its lines once closed.
type paragraph interface {
	comparable
	lines(prevGap bool) []Line
}

// paraWalk is the one stream walk of the DOCX and ODT text parts: it bounds
// the nesting depth, drops the subtrees skip names (their text duplicates or
// annotates the body), keeps the stack of open paragraphs, and collects a
// closed paragraph's lines until the text reaches the limit. What is
// particular to a format is in its hooks.
type paraWalk[P paragraph] struct {
	format string // "DOCX", "ODT": names the format in a refusal
	// skip names the elements whose whole subtree is left out.
	skip func(name string) bool
	// open returns a new paragraph when t starts one.
	open func(t xml.StartElement) (P, bool)
	// closes reports whether an element of this name ends the open paragraph.
	closes func(name string) bool
	// start, end and text see every other token outside skipped subtrees;
	// text only within a paragraph.
	start func(t xml.StartElement)
	end   func(t xml.EndElement)
	text  func(t xml.CharData)
	// row and cell name a table's row and cell elements ("tr", "tc";
	// "table-row", "table-cell"): a row's cells are read as one line (see
	// joinRow).
	row, cell string

	stack  []P
	starts []int      // where each open paragraph's lines go
	rows   []tableRow // open rows, innermost last
}

// tableRow is an open table row: where its lines start and where each of
// its cells' lines start.
type tableRow struct {
	start int
	cells []int
}

// cur is the innermost open paragraph, the zero P (nil) when there is none.
func (w *paraWalk[P]) cur() P {
	var p P
	if len(w.stack) > 0 {
		p = w.stack[len(w.stack)-1]
	}
	return p
}

// lines walks r; it stops early, keeping what it has, once the text
// reaches maxText.
func (w *paraWalk[P]) lines(r io.Reader, maxText int) ([]Line, error) {
	dec := xml.NewDecoder(r)
	var (
		zero    P
		depth   int
		text    int
		skip    int
		lines   []Line
		prevGap = true
	)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return lines, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxXMLDepth {
				return nil, refuse(CodeMalformedFile, "the %s document nests elements more than %d deep", w.format, maxXMLDepth)
			}
			if skip > 0 || w.skip(t.Name.Local) {
				skip++
				continue
			}
			if p, ok := w.open(t); ok {
				w.stack = append(w.stack, p)
				w.starts = append(w.starts, len(lines))
				continue
			}
			switch t.Name.Local {
			case w.row:
				w.rows = append(w.rows, tableRow{start: len(lines)})
			case w.cell:
				if n := len(w.rows); n > 0 {
					w.rows[n-1].cells = append(w.rows[n-1].cells, len(lines))
				}
			}
			w.start(t)
		case xml.EndElement:
			depth--
			if skip > 0 {
				skip--
				continue
			}
			if n := len(w.rows); n > 0 && t.Name.Local == w.row {
				lines = joinRow(lines, w.rows[n-1])
				w.rows = w.rows[:n-1]
			}
			if !w.closes(t.Name.Local) {
				w.end(t)
				continue
			}
			p := w.cur()
			if p == zero {
				continue
			}
			at := w.starts[len(w.starts)-1]
			w.stack, w.starts = w.stack[:len(w.stack)-1], w.starts[:len(w.starts)-1]
			out := p.lines(prevGap)
			if len(out) == 0 {
				prevGap = true
				continue
			}
			// A paragraph's own text comes before the text boxes anchored
			// in it, whose paragraphs closed first: a name paragraph
			// anchoring the sidebar's frame is read before the sidebar.
			lines = slices.Insert(lines, at, out...)
			prevGap = false
			for _, l := range out {
				text += len(l.Text) + 1
			}
			if text > maxText {
				return lines, nil
			}
		case xml.CharData:
			if skip > 0 || w.cur() == zero {
				continue
			}
			w.text(t)
		}
	}
}

// paraText is what DOCX and ODT paragraphs share: the text since the last
// break, the lines breaks ended, and the look of the first text.
type paraText struct {
	b         strings.Builder
	breaks    []Line // lines ended by a line break inside the paragraph
	firstBold bool
	size      float64
}

// lineBreak ends a line inside the paragraph.
func (p *paraText) lineBreak() {
	p.breaks = append(p.breaks, Line{Text: cleanLine(p.b.String())})
	p.b.Reset()
}

// textLines are the paragraph's non-empty lines; gap says whether the
// first follows a gap.
func (p *paraText) textLines(heading, list, gap bool) []Line {
	all := append(p.breaks, Line{Text: cleanLine(p.b.String())})
	var out []Line
	for _, l := range all {
		if l.Text == "" {
			continue
		}
		l.Bold = p.firstBold
		l.Size = p.size
		l.Heading = heading
		l.Bullet = list || startsWithBullet(l.Text)
		l.GapBefore = len(out) == 0 && gap
		out = append(out, l)
	}
	return out
}

// joinRow reads a table row the way a reader does, as one line across its
// cells, when its cells are a label and its value: "Position<tab>Project
// Engineer", "Dates<tab>03.2021 - present", "anglais<tab>C1<tab>B2". When
// every cell holding text has one line they are joined with tabs; when the
// first has one line and the second several (a label beside a list), the
// label joins the first of them. A row whose first cell holds several lines
// (a page laid out as a table: sidebar and main column) is read cell by
// cell, as it is.
func joinRow(lines []Line, r tableRow) []Line {
	var cells [][]Line
	for i, from := range r.cells {
		to := len(lines)
		if i+1 < len(r.cells) {
			to = r.cells[i+1]
		}
		if from < to && from >= r.start {
			cells = append(cells, lines[from:to])
		}
	}
	if len(cells) < 2 || len(cells[0]) != 1 {
		return lines
	}
	row := cells[0][0]
	var rest []Line
	if allSingle(cells) {
		for _, c := range cells[1:] {
			row.Text += "\t" + c[0].Text
		}
	} else {
		row.Text += "\t" + cells[1][0].Text
		row.Bullet = row.Bullet || cells[1][0].Bullet
		rest = append(rest, cells[1][1:]...)
		for _, c := range cells[2:] {
			rest = append(rest, c...)
		}
	}
	out := append(lines[:r.start:r.start], row)
	return append(out, rest...)
}

func allSingle(cells [][]Line) bool {
	for _, c := range cells {
		if len(c) != 1 {
			return false
		}
	}
	return true
}
