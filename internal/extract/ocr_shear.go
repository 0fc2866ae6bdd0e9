package extract

import (
	"math"
	"slices"
)

// unshear sets upright the columns of a page photographed at a slant. A
// phone held a little off square takes the sheet in perspective: once its
// lines are level (straighten), the left edges of its columns still lean,
// a point or more every 50 points down the page, and a column's lines no
// longer start at one x for the layout to find its gutter. The lean is the
// one that lines up the most line starts: each Tesseract line's left edge
// is moved across by the lean times its height on the page, for every
// lean up to maxShear, and the lean whose starts pair up within a point
// most often is kept when it pairs up clearly more of them than the page
// as it is.
func unshear(words []bbWord) float64 {
	type start struct{ x, y float64 }
	lines := map[int]*start{}
	for _, w := range words {
		s := lines[w.line]
		if s == nil {
			s = &start{x: math.Inf(1)}
			lines[w.line] = s
		}
		if w.XMin < s.x {
			s.x, s.y = w.XMin, (w.YMin+w.YMax)/2
		}
	}
	if len(lines) < minShearLines {
		return 0
	}
	var starts []start
	for _, s := range lines {
		starts = append(starts, *s)
	}
	xs := make([]float64, len(starts))
	aligned := func(shear float64) int {
		for i, s := range starts {
			xs[i] = s.x - shear*s.y
		}
		slices.Sort(xs)
		n, lo := 0, 0
		for hi := range xs {
			for xs[hi]-xs[lo] > 1 {
				lo++
			}
			n += hi - lo
		}
		return n
	}
	base := aligned(0)
	best, most := 0.0, base
	for k := -shearSteps; k <= shearSteps; k++ {
		if s := maxShear * float64(k) / shearSteps; k != 0 {
			if n := aligned(s); n > most {
				best, most = s, n
			}
		}
	}
	if 4*most < 5*base+4*minShearPairs {
		return 0
	}
	for i := range words {
		dx := best * (words[i].YMin + words[i].YMax) / 2
		words[i].XMin -= dx
		words[i].XMax -= dx
	}
	return best
}

// maxShear is the steepest lean looked for (a column's edge drifting 5
// points every 100 down the page, about 3°), tried in shearSteps steps
// each way.
const (
	maxShear   = 0.05
	shearSteps = 50
)

// minShearLines: a page of fewer lines has too few starts to measure a
// lean on; minShearPairs is how many more pairs of starts, net, a lean
// must line up to be taken.
const (
	minShearLines = 12
	minShearPairs = 8
)
