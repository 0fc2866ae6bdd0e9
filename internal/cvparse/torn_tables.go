package cvparse

import (
	"math"
	"slices"
	"strings"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// A bordered table whose columns touch ("Year | Qualification |
// Institution | Grade") can be read by the PDF reader as two blocks side
// by side: its left columns top to bottom, then its right ones. Each
// block opens with its half of the heading row, both halves level on the
// page. tornTables sews such a table back: row by row, each block's
// wrapped lines joined into their cells, the halves' cells side by side,
// so that the table is read as it is printed.
func tornTables(in []extract.Line) []extract.Line {
	for i := 0; i < len(in); i++ {
		j, ok := tornHalf(in, i)
		if !ok {
			continue
		}
		// The right block ends where a line goes back left, or lies
		// further below the left block's last line than a wrapped line.
		last := in[j-1]
		end := j + 1
		for end < len(in) && in[end].Page == in[j].Page && in[end].X >= in[j].X-1 && in[end].Y > in[j].Y &&
			in[end].Y < last.Y+3*max(last.Size, 8) {
			end++
		}
		rows := sewTorn(in[i:j], in[j:end])
		in = slices.Concat(in[:i], rows, in[end:])
		i += len(rows) - 1
	}
	return in
}

// tornHalf finds the right half of a heading row opening at in[i]: a
// later line of the same page, level with it and right of it, with every
// line between them under the left half, left of the right half's edge.
// Both halves are made of column headings only.
func tornHalf(in []extract.Line, i int) (int, bool) {
	l := in[i]
	if !allHeadCells(l.Text) {
		return 0, false
	}
	for j := i + 1; j < len(in); j++ {
		r := in[j]
		if r.Page != l.Page || r.Y < l.Y-1 {
			return 0, false
		}
		if math.Abs(r.Y-l.Y) < 1 && r.X > l.X {
			between := in[i+1 : j]
			ok := len(between) > 0 && allHeadCells(r.Text) && columnHeads(l.Text+"\t"+r.Text) != nil &&
				!slices.ContainsFunc(between, func(b extract.Line) bool { return b.X > r.X-1 })
			return j, ok
		}
	}
	return 0, false
}

// allHeadCells: every cell of t names a column.
func allHeadCells(t string) bool {
	cells := strings.Split(t, "\t")
	for _, c := range cells {
		if splitHeadCell(c) == nil {
			return false
		}
	}
	return len(cells) > 0
}

// sewTorn joins the two blocks of a torn table row by row. A row starts
// where the lines of both blocks leave more room above than a wrapped
// line does; its first line in each block gives the cells, and the lines
// under it go on with them: a line at the block's edge with the cells
// from the first, a line set further right with the last cell.
func sewTorn(left, right []extract.Line) []extract.Line {
	starts := rowStarts(left, right)
	var out []extract.Line
	for k, y := range starts {
		next := math.Inf(1)
		if k+1 < len(starts) {
			next = starts[k+1]
		}
		var cells []string
		first := extract.Line{}
		for b, block := range [][]extract.Line{left, right} {
			var part []extract.Line
			for _, l := range block {
				if l.Y >= y-1 && l.Y < next-1 {
					part = append(part, l)
				}
			}
			if b == 0 && len(part) > 0 {
				first = part[0]
			}
			cells = append(cells, blockCells(part, block[0].X)...)
		}
		if first.Text == "" {
			first = right[0]
			first.X, first.Y = left[0].X, y
		}
		first.Text = strings.Join(cells, "\t")
		first.Full = false
		out = append(out, first)
	}
	return out
}

// rowStarts lists the tops of a torn table's rows: the heights of its
// lines, a new row wherever the step down from the line above is wider
// than the narrowest step (a wrapped line's) by half.
func rowStarts(left, right []extract.Line) []float64 {
	var ys []float64
	for _, l := range slices.Concat(left, right) {
		if !slices.ContainsFunc(ys, func(y float64) bool { return math.Abs(y-l.Y) < 1 }) {
			ys = append(ys, l.Y)
		}
	}
	slices.Sort(ys)
	step := math.Inf(1)
	for k := 1; k < len(ys); k++ {
		step = min(step, ys[k]-ys[k-1])
	}
	starts := []float64{ys[0]}
	for k := 1; k < len(ys); k++ {
		if ys[k]-ys[k-1] > step*1.5 {
			starts = append(starts, ys[k])
		}
	}
	return starts
}

// blockCells reads one block's lines of a row into its cells.
func blockCells(part []extract.Line, edge float64) []string {
	if len(part) == 0 {
		return nil
	}
	cells := strings.Split(part[0].Text, "\t")
	for _, l := range part[1:] {
		more := strings.Split(l.Text, "\t")
		at := len(cells) - 1
		if l.X < edge+1 {
			at = 0
		}
		for k, c := range more {
			if at+k < len(cells) {
				cells[at+k] = strings.TrimSpace(cells[at+k] + " " + c)
			} else {
				cells = append(cells, c)
			}
		}
	}
	return cells
}
