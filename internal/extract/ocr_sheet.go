package extract

import (
	"image"
	"slices"
)

// a4Width is an A4 page's width in points, the width a photographed or
// scanned sheet is scaled to.
const a4Width = 595.0

// sheetSpan finds, in a photo of a sheet lying on a desk, the columns of
// pixels the sheet spans: [x0, x1). A phone photo shows a band of desk on
// either side, a tenth of the width or more, and scaled whole to A4 the
// sheet's text would come out narrower than it was printed: a sidebar
// then seems too narrow to be a column. A side's desk is the grey of its
// outermost columns (the median of each column, paper and desk being
// flat there); the sheet starts where the columns' grey departs from it
// by a third of the way to the paper's, and stays departed. A scan, the
// page's own margin at its edges, spans the whole image.
func sheetSpan(g *image.Gray) (x0, x1 int) {
	w, h := g.Bounds().Dx(), g.Bounds().Dy()
	if w < 100 || h < 100 {
		return 0, w
	}
	m := columnMedians(g)
	sorted := slices.Clone(m)
	slices.Sort(sorted)
	paper := sorted[len(sorted)*9/10]
	edge := max(2, w/200)
	x0 = sheetEdge(m, paper, edge, 1)
	x1 = sheetEdge(m, paper, edge, -1) + 1
	if x1-x0 < w*3/5 {
		return 0, w
	}
	return x0, x1
}

// sheetEdge walks the column medians m from one end (step 1: the left,
// -1: the right) to the first column of the sheet: the first of
// sheetRun columns in a row whose grey stands apart from the desk's. It
// returns the end column itself when the end is no desk (as light as the
// paper, or too alike to it to tell).
func sheetEdge(m []int, paper, edge, step int) int {
	start := 0
	if step < 0 {
		start = len(m) - 1
	}
	desk := 0
	for i := range edge {
		desk += m[start+step*i]
	}
	desk /= edge
	if paper-desk < minDeskContrast {
		return start
	}
	run := 0
	for i := start; i >= 0 && i < len(m); i += step {
		if d := m[i] - desk; 3*max(d, -d) > paper-desk {
			if run++; run == sheetRun {
				return i - step*(sheetRun-1)
			}
			continue
		}
		run = 0
	}
	return start
}

// minDeskContrast is how much darker than the paper, in grey levels, a
// desk must be for the sheet's edge to be found on it; sheetRun is how
// many columns in a row must differ from the desk (a speck or a shadow's
// edge does not).
const (
	minDeskContrast = 40
	sheetRun        = 6
)

// columnMedians is each pixel column's median grey, over every other row.
func columnMedians(g *image.Gray) []int {
	w, h := g.Bounds().Dx(), g.Bounds().Dy()
	out := make([]int, w)
	col := make([]uint8, 0, h/2+1)
	for x := range w {
		col = col[:0]
		for y := 0; y < h; y += 2 {
			col = append(col, g.Pix[y*g.Stride+x])
		}
		slices.Sort(col)
		out[x] = int(col[len(col)/2])
	}
	return out
}

// shiftWords moves words left by dx points.
func shiftWords(words []bbWord, dx float64) {
	for i := range words {
		words[i].XMin -= dx
		words[i].XMax -= dx
	}
}
