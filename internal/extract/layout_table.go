package extract

import (
	"math"
	"regexp"
	"slices"
)

// dateColumn reports whether the left side is a table's dates column (a
// grid with a "Period" column before the employer's, a dates cell beside
// each entry, wrapped in two lines when narrow): most of its cells that
// share a line with the right side hold a year, three or more do. A
// sidebar beside the main column holds contact details, skills and
// headings, with a year here and there. Cells below the right side's
// last line do not count: the headings of the sections that end the page
// ("Skills", "Languages") stand alone on the left when their lines run
// across the page, under a dates column that ended with the entries.
func dateColumn(left, right []*segment) bool {
	beside, dated, above := 0, 0, 0
	end := maxY(right)
	for _, l := range left {
		if l.yMin < end {
			above++
		}
		if !slices.ContainsFunc(right, func(r *segment) bool { return sameLine(l, r) }) {
			continue
		}
		beside++
		if reYear.MatchString(l.text()) {
			dated++
		}
	}
	return dated >= 3 && dated*10 >= beside*6 && beside*2 >= above
}

// gridBeside reports whether the left side is a grid's first column (the
// employer beside the role and the dates under "Company | Role | Dates"):
// most of its cells beside the right side share their line with a row of
// two cells or more there, three or more do. A sidebar's lines that meet
// the main column's meet its single lines as often as its titles beside
// their dates.
func gridBeside(left, right []*segment) bool {
	beside, grid := 0, 0
	for _, l := range left {
		var row []*segment
		for _, r := range right {
			if sameLine(l, r) {
				row = append(row, r)
			}
		}
		if len(row) == 0 {
			continue
		}
		beside++
		if len(row) >= 2 {
			grid++
		}
	}
	return grid >= 3 && grid*10 >= beside*6 && beside*2 >= len(left)
}

// reYear is a year of a CV's dates, standing as a word.
var reYear = regexp.MustCompile(`(?:^|\D)(?:19[5-9]\d|20\d\d)(?:\D|$)`)

// joinWrappedCells joins the lines of a grid's cells wrapped in their
// columns ("Kestrel Haulage &" / "Warehousing Ltd" under the employer's
// heading, "Jan 2018 –" / "Mar 2021" under the dates'): a row of three
// cells or more followed, one line below (a table's rows are set further
// apart, by their cells' padding), by a row whose every segment starts
// where a cell of it does, in the same type, and whose first word would
// not have fitted at the end of that cell's line before the next cell,
// less a cell's padding (about an em). The last cell's right edge is
// unknown: its line joins only beside another cell's. A cell of two lines
// set apart on purpose ("Bachelor of Science" / "University of Leeds")
// leaves room on its first line, and a row of a label and its value has
// two cells.
func joinWrappedCells(rows []layoutRow) []layoutRow {
	apart := linesApart(rows)
	out := rows[:0]
	for i, r := range rows {
		n := len(out)
		if n > 0 && len(out[n-1].segs) >= 3 && nextLine(out[n-1], r) {
			var below []*segment
			if i+1 < len(rows) && nextLine(r, rows[i+1]) {
				below = rows[i+1].segs
			}
			if cells := wrappedCells(out[n-1].segs, r.segs, below, apart, r.h); cells != nil {
				for i, s := range r.segs {
					for _, w := range s.words {
						cells[i].add(w)
					}
				}
				out[n-1].last = r.y
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

// linesApart finds the grid columns whose cells hold lines set apart on
// purpose: one of their second lines would have fitted on the first
// ("Graduate Analyst" / "DBS Bank" under "Position / Company"), so
// their other cells of two lines are a title and its firm too, however
// full their first line. It returns the columns' left and right edges
// (where the next column starts: another table of the page has its own).
func linesApart(rows []layoutRow) [][2]float64 {
	var xs [][2]float64
	for i := 1; i < len(rows); i++ {
		cells := rows[i-1].segs
		if len(cells) < 3 || !nextLine(rows[i-1], rows[i]) {
			continue
		}
		for _, s := range rows[i].segs {
			k := slices.IndexFunc(cells, func(c *segment) bool { return math.Abs(c.xMin-s.xMin) <= 1 })
			if k >= 0 && k+1 < len(cells) && fits(cells[k], cells[k+1], s, rows[i].h) {
				xs = append(xs, [2]float64{s.xMin, cells[k+1].xMin})
			}
		}
	}
	return xs
}

// fits says whether the first word of s would have fitted at the end of
// cell c's line before the next cell, less a cell's padding (about an em).
func fits(c, next, s *segment, h float64) bool {
	last, w := c.words[len(c.words)-1], s.words[0]
	return last.XMax+0.25*h+(w.XMax-w.XMin) <= next.xMin-1.2*h
}

// nextLine says whether row b is set one line under row a (under its last
// line, when a holds wrapped cells).
func nextLine(a, b layoutRow) bool {
	return b.y-math.Max(a.y, a.last) < 1.35*math.Max(a.h, b.h)
}

// wrappedCells finds, for each segment of a row, the cell of the grid row
// above that it goes on: nil when one of them goes on none. A cell before
// the last goes on with a line that ends it (nothing under it in the
// line below): a cell of three lines or more is more often a title, its
// firm and its town set one a line than a name wrapped twice.
func wrappedCells(cells, segs, below []*segment, apart [][2]float64, h float64) []*segment {
	var out []*segment
	inner := false // a segment goes on a cell before the last
	at := func(x float64) func(*segment) bool {
		return func(o *segment) bool { return math.Abs(o.xMin-x) <= 1 }
	}
	// A line that plainly goes on a cell before the last goes on the
	// row: a new row opens every cell afresh. (The last cell, a row's
	// description, wraps beside a cell's lines set apart as well.)
	must := slices.ContainsFunc(segs, func(s *segment) bool {
		k := cellAt(cells, s.xMin)
		return k >= 0 && k+1 < len(cells) && cellGoesOn(cells[k], s)
	})
	for _, s := range segs {
		k := cellAt(cells, s.xMin)
		if k < 0 || startsWithBullet(s.text()) {
			return nil
		}
		c := cells[k]
		if !sameType(cells, segs, c, s) {
			return nil // a town set smaller under a firm's name
		}
		if k+1 < len(cells) {
			if !must && (fits(c, cells[k+1], s, h) || slices.ContainsFunc(below, at(s.xMin))) ||
				slices.ContainsFunc(apart, func(x [2]float64) bool {
					return math.Abs(x[0]-s.xMin) <= 1 && math.Abs(x[1]-cells[k+1].xMin) <= 1
				}) {
				return nil
			}
			inner = true
		}
		out = append(out, c)
	}
	if !inner {
		return nil
	}
	return out
}
