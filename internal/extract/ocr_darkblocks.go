package extract

import "slices"

// invertDarkBlocks turns the dark blocks of a page image that carry light
// text (a sidebar or a header band printed white on navy) into dark text on
// a light ground, in place, and reports whether it found any. Tesseract
// reads dark text on a light page (it runs with tessedit_do_invert=0, and
// its layout analysis takes a large dark block for a picture): without
// this, a dark sidebar's contact lines, skills and languages are lost.
//
// The page is cut into cells (darkCellsAcross to the page width); a cell
// is dark when its median grey is under half the paper's. Dark cells that
// touch make a block, kept when it is large (a sidebar or band, not a
// bold letter, a rule or a small photo) and light ink shows in enough of
// its inner cells (text, not a photo's shadow or the desk around a
// photographed sheet, whose cells along the paper's edge hold paper).
func invertDarkBlocks(w, h int, pix []byte) bool {
	c := max(w/darkCellsAcross, 4)
	cw, ch := (w+c-1)/c, (h+c-1)/c
	if cw < 4 || ch < 4 {
		return false
	}
	med, p95 := cellLevels(w, h, pix, c, cw, ch)
	sorted := slices.Clone(med)
	slices.Sort(sorted)
	paper := int(sorted[len(sorted)*9/10])
	dark := make([]bool, len(med))
	for i, m := range med {
		dark[i] = 2*int(m) < paper
	}
	found := false
	seen := make([]bool, len(med))
	for i := range dark {
		if !dark[i] || seen[i] {
			continue
		}
		block := darkBlock(dark, seen, cw, ch, i)
		inked := 0
		for _, j := range block {
			if int(p95[j])-int(med[j]) >= paper*lightInkShare/100 && interiorCell(dark, cw, ch, j) {
				inked++
			}
		}
		if len(block)*darkBlockShare < len(med) || inked*minInkedCells < len(block) {
			continue
		}
		found = true
		for _, j := range fillLightCells(block, dark, cw, ch) {
			x0, y0 := (j%cw)*c, (j/cw)*c
			for y := y0; y < min(y0+c, h); y++ {
				row := pix[y*w : y*w+w]
				for x := x0; x < min(x0+c, w); x++ {
					row[x] = 255 - row[x]
				}
			}
		}
	}
	return found
}

// interiorCell says whether cell j's four neighbours are all dark: light
// ink counts for a block inside it, not along its edge, where the paper
// meets a desk around a photographed sheet as it meets a sidebar.
func interiorCell(dark []bool, cw, ch, j int) bool {
	x, y := j%cw, j/cw
	return x > 0 && y > 0 && x < cw-1 && y < ch-1 && dark[j-1] && dark[j+1] && dark[j-cw] && dark[j+cw]
}

// darkCellsAcross is the number of cells across a page: at any resolution
// a cell is about two thirds of a body-text line high, small enough to
// follow a sidebar's edge, large enough that a letter's stroke never
// fills one.
const darkCellsAcross = 80

// darkBlockShare: a block under 1/darkBlockShare of the page's cells (2 %)
// is a photo, a logo or bold type, not a sidebar or band of text.
const darkBlockShare = 50

// lightInkShare is, in percent of the paper's grey, how much lighter than
// its ground a cell's lightest twentieth must be to hold light ink; the
// desk's or a photo's grain stays well under it.
const lightInkShare = 35

// minInkedCells: a block holds text when at least one cell in
// minInkedCells has light ink in it.
const minInkedCells = 12

// cellLevels returns each cell's median and 95th-percentile grey.
func cellLevels(w, h int, pix []byte, c, cw, ch int) (med, p95 []uint8) {
	med, p95 = make([]uint8, cw*ch), make([]uint8, cw*ch)
	var hist [256]int
	for cy := range ch {
		for cx := range cw {
			clear(hist[:])
			n := 0
			for y := cy * c; y < min(cy*c+c, h); y++ {
				for _, v := range pix[y*w+cx*c : y*w+min(cx*c+c, w)] {
					hist[v]++
					n++
				}
			}
			med[cy*cw+cx], p95[cy*cw+cx] = percentile(&hist, n, 50), percentile(&hist, n, 95)
		}
	}
	return med, p95
}

// percentile is the grey under which pct percent of a histogram's n
// pixels lie.
func percentile(hist *[256]int, n, pct int) uint8 {
	seen := 0
	for v, k := range hist {
		if seen += k; seen*100 >= n*pct {
			return uint8(v)
		}
	}
	return 255
}

// darkBlock collects the dark cells that touch cell i, side by side or
// one above the other, marking them seen.
func darkBlock(dark, seen []bool, cw, ch, i int) []int {
	block := []int{i}
	seen[i] = true
	for k := 0; k < len(block); k++ {
		j := block[k]
		x, y := j%cw, j/cw
		for _, n := range [4][2]int{{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}} {
			if n[0] < 0 || n[1] < 0 || n[0] >= cw || n[1] >= ch {
				continue
			}
			if m := n[1]*cw + n[0]; dark[m] && !seen[m] {
				seen[m] = true
				block = append(block, m)
			}
		}
	}
	return block
}

// fillLightCells adds to a block the cells its light ink fills (a bold
// white letter can cover most of a cell): a cell not dark itself whose
// neighbours on both sides, across or down, belong to the block.
func fillLightCells(block []int, dark []bool, cw, ch int) []int {
	in := make(map[int]bool, len(block))
	for _, j := range block {
		in[j] = true
	}
	out := block
	for _, j := range block {
		x, y := j%cw, j/cw
		for _, n := range [4][2]int{{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}} {
			if n[0] < 1 || n[1] < 1 || n[0] >= cw-1 || n[1] >= ch-1 {
				continue
			}
			m := n[1]*cw + n[0]
			if in[m] || dark[m] {
				continue
			}
			if in[m-1] && in[m+1] || in[m-cw] && in[m+cw] {
				in[m] = true
				out = append(out, m)
			}
		}
	}
	return out
}
