package extract

import (
	"cmp"
	"math"
	"slices"
)

// rowsMeet says whether the two sides of a split at x, between the
// heights top and bottom, are one table's cells: each paragraph of the
// right side (a first line set more than a line's pitch under the line
// before it) starts on a row where a paragraph of the left side starts
// too, three times or more. A duties cell beside its row's dates and
// employer starts with its row; a block set beside another (a list of
// skill tags beside certifications) starts with its heading and runs on
// at its own pitch.
func rowsMeet(segs []*segment, x, top, bottom float64) bool {
	var left, right []*segment
	for _, s := range segs {
		switch {
		case s.yMax <= top || s.yMin >= bottom:
		case s.xMax <= x:
			left = append(left, s)
		case s.xMin >= x:
			right = append(right, s)
		}
	}
	ls, rs := paragraphStarts(left), paragraphStarts(right)
	if len(rs) < 3 {
		return false
	}
	met := 0
	for _, r := range rs {
		if slices.ContainsFunc(ls, func(l *segment) bool { return sameRow(l, r) || math.Abs(l.yMin-r.yMin) < 0.35*max(l.h, r.h) }) {
			met++
		}
	}
	return met == len(rs)
}

// paragraphStarts are the segments of one side that open a paragraph:
// its first, and each set more than 1.3 times the side's closest line
// pitch under the row before it (a row's cells wrap at that pitch; the
// next row starts after its padding). Skill tags set one row each at a
// wider pitch than a list beside them open no paragraph each.
func paragraphStarts(side []*segment) []*segment {
	side = slices.Clone(side)
	slices.SortFunc(side, func(a, b *segment) int { return cmp.Compare(a.yMin, b.yMin) })
	var rows []*segment // each row's first segment
	for i, s := range side {
		if i == 0 || !sameRow(side[i-1], s) {
			rows = append(rows, s)
		}
	}
	pitch := math.Inf(1)
	for i := 1; i < len(rows); i++ {
		pitch = math.Min(pitch, rows[i].yMin-rows[i-1].yMin)
	}
	var out []*segment
	for i, s := range rows {
		if i == 0 || s.yMin-rows[i-1].yMin > 1.3*pitch {
			out = append(out, s)
		}
	}
	return out
}
