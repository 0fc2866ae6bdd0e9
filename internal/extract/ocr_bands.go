package extract

// Light text on a dark band (a heading printed white on a coloured bar)
// is lost on a page read with Sauvola's local threshold: inside a band
// wider than its window the bar's own grey is split into specks, and
// Tesseract reads the heading and often the line under it as noise
// ("EDUCATIONAL mele) eatery", "LL EEE"). Otsu's one threshold keeps such
// a band whole, so only pages thresholded with Sauvola need it: each band
// is turned negative before Tesseract reads the page, its text dark on a
// light bar, as every other line is. Nothing is read twice.

// darkShare is the share of a band's pixels under darkLevel: a bar's
// row through white capitals stays over two thirds dark, a row of dark
// text on paper, even bold, well under that.
const darkShare = 0.65

// darkLevel is how dark, against the brightest paper of the page, a
// band's grey is: a coloured or grey bar under half the paper's
// brightness; body text's antialiased edges are not counted as bar
// because a band needs its share of such pixels across a whole run.
const darkLevel = 0.5

// invertDarkBands turns negative, in place, every dark band of a grey
// page w×h: a run of rows, at least minBandRows high, each with a run of
// dark pixels (gaps under maxBandGap, darkShare of it dark) at least
// minBandRun long that touches neither side of the image (the table or
// desk around a photographed page does). It reports whether it turned
// any.
func invertDarkBands(w, h int, pix []byte) bool {
	if w < 100 || h < 100 {
		return false
	}
	paper := paperLevel(pix)
	dark := byte(darkLevel * float64(paper))
	minRun, maxGap, minRows, rim := w/8, w/60, max(w/150, 4), max(w/500, 2)
	runs := make([][][2]int, h)
	for y := range h {
		runs[y] = darkRuns(pix[y*w:(y+1)*w], dark, minRun, maxGap)
	}
	changed := false
	for y := 0; y < h; {
		if len(runs[y]) == 0 {
			y++
			continue
		}
		end := y
		for end < h && len(runs[end]) > 0 {
			end++
		}
		if end-y >= minRows {
			negateBand(pix[y*w:end*w], w, runs[y:end], dark, paper, rim)
			changed = true
		}
		y = end
	}
	return changed
}

// negateBand turns one band's runs negative so that its bar becomes
// paper and its light text as dark as the bar was; the blurred rim just
// outside a run, lighter than dark but no paper, becomes paper rather
// than a border read as "|".
func negateBand(pix []byte, w int, runs [][][2]int, dark byte, paper, rim int) {
	var hist [256]int
	n := 0
	for r, rr := range runs {
		for _, run := range rr {
			for _, p := range pix[r*w+run[0] : r*w+run[1]] {
				if p < dark {
					hist[p]++
					n++
				}
			}
		}
	}
	bar := int(percentile(&hist, n, 50))
	for r, rr := range runs {
		row := pix[r*w : (r+1)*w]
		for _, run := range rr {
			for x := run[0]; x < run[1]; x++ {
				row[x] = byte(min(max(paper+bar-int(row[x]), 0), 255))
			}
			for x := max(run[0]-rim, 0); x < run[0]; x++ {
				row[x] = max(row[x], byte(paper))
			}
			for x := run[1]; x < min(run[1]+rim, w); x++ {
				row[x] = max(row[x], byte(paper))
			}
		}
	}
}

// paperLevel is the grey of the page's paper: its 95th percentile.
func paperLevel(pix []byte) int {
	var hist [256]int
	for _, p := range pix {
		hist[p]++
	}
	return int(percentile(&hist, len(pix), 95))
}

// darkRuns are the runs [start, end) of one row of pixels that are dark
// bands: dark pixels joined across light gaps under maxGap (a white
// letter's stroke inside the bar), at least minRun long, darkShare of
// them dark, touching neither end of the row.
func darkRuns(row []byte, dark byte, minRun, maxGap int) [][2]int {
	var out [][2]int
	start, last, n := -1, -1, 0
	flush := func() {
		if start > 0 && last < len(row)-1 && last+1-start >= minRun && float64(n) >= darkShare*float64(last+1-start) {
			out = append(out, [2]int{start, last + 1})
		}
	}
	for x, p := range row {
		if p >= dark {
			continue
		}
		if start < 0 || x-last > maxGap {
			flush()
			start, n = x, 0
		}
		last = x
		n++
	}
	flush()
	return out
}
