package extract

import "slices"

// sharedBaselines says whether the rows of the left side that sit beside a
// row on the right share its baseline, as a table's cells do: their bottom
// edges stand at one offset from their neighbours' (0, or the descent
// difference of a smaller date font) for at least half of the pairs. A
// sidebar set beside the main column at its own line pitch only comes near
// the main column's rows, a point or two above or below, each pair at a
// different offset.
func sharedBaselines(left, right []*segment) bool {
	var offsets []float64
	for _, l := range left {
		i := slices.IndexFunc(right, func(r *segment) bool { return sameLine(l, r) })
		if i >= 0 {
			offsets = append(offsets, l.yMax-right[i].yMax)
		}
	}
	if len(offsets) == 0 {
		return false
	}
	slices.Sort(offsets)
	best := 0
	for i := range offsets {
		j := i
		for j < len(offsets) && offsets[j]-offsets[i] <= baselineSlack {
			j++
		}
		best = max(best, j-i)
	}
	return best*2 >= len(offsets)
}

// baselineSlack is how far, in points, the bottom edges of two cells on
// one baseline may differ beyond their fonts' constant offset: poppler's
// boxes round to a tenth of a point or two.
const baselineSlack = 0.5
