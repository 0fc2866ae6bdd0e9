package extract

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// segment is a run of words on one row with no wide gap inside: a table
// cell, a column's line, or a right-aligned date.
type segment struct {
	words                  []bbWord
	xMin, xMax, yMin, yMax float64
	h                      float64
}

func (s *segment) add(w bbWord) {
	if len(s.words) == 0 {
		s.xMin, s.yMin, s.xMax, s.yMax = w.XMin, w.YMin, w.XMax, w.YMax
	}
	s.words = append(s.words, w)
	s.xMin, s.xMax = math.Min(s.xMin, w.XMin), math.Max(s.xMax, w.XMax)
	s.yMin, s.yMax = math.Min(s.yMin, w.YMin), math.Max(s.yMax, w.YMax)
	s.h = math.Max(s.h, w.YMax-w.YMin)
}

func (s *segment) text() string {
	join := letterSpacing(s.words)
	var b strings.Builder
	for i, w := range s.words {
		switch {
		case i == 0 || join != nil && join[i-1] || touching(s.words[i-1], w) || cutByOCR(s.words[i-1], w) || wrappedAtHyphen(s.words[i-1], w):
		case join == nil && cellGap(s.words[i-1], w): // a letter-spaced run's word spaces are as wide
			b.WriteByte('\t')
		default:
			b.WriteByte(' ')
		}
		b.WriteString(w.Text)
	}
	return b.String()
}

// cellGap says whether the space between two words of a row is wide
// enough to part two cells rather than two words: skill tags set side by
// side in a sidebar ("Brand strategy   Campaign planning") sit an em or
// more apart, while a word space, even stretched by justification, stays
// well under it.
func cellGap(a, b bbWord) bool {
	if b.tagBefore {
		return true
	}
	if a.Conf > 0 || b.Conf > 0 {
		return false
	}
	return b.XMin-a.XMax >= 1.0*math.Min(a.YMax-a.YMin, b.YMax-b.YMin)
}

// touching says whether b starts where a ends: poppler cuts a word where
// its font or size changes ("P" + "arcours" in synthesised small capitals,
// a bold "Python" + ","), and no space was set between them.
func touching(a, b bbWord) bool {
	if a.Conf > 0 || b.Conf > 0 {
		// OCR words: Tesseract placed the spaces itself, and an ink box
		// ends closer to the next than a font's advance does ("SQL" and
		// the dot after it); readOCR joins the words it cut.
		return false
	}
	return closeBy(a, b, 0.08)
}

// cutByOCR says whether two OCR words are the halves of one word that
// Tesseract cut where it split a line into blocks ("Englis" "h", "syst"
// "ems" on a phone photo): it sets no space between the halves, which sit
// a pixel or two apart, where a word space it sets is a quarter of the
// line's height or more. Within one of its lines Tesseract placed the
// spaces itself.
func cutByOCR(a, b bbWord) bool {
	if a.Conf <= 0 || b.Conf <= 0 || a.line == b.line {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(a.Text)
	first, _ := utf8.DecodeRuneInString(b.Text)
	if !unicode.IsLetter(last) || !unicode.IsLower(first) {
		return false
	}
	return closeBy(a, b, 0.12)
}

// closeBy says whether b starts no further after a's end than share of
// the smaller word's height (or overlaps it by under half a point).
func closeBy(a, b bbWord, share float64) bool {
	gap := b.XMin - a.XMax
	return gap >= -0.5 && gap <= share*math.Min(a.YMax-a.YMin, b.YMax-b.YMin)
}

// letterSpacing finds the letters of words set with wide tracking
// ("C O N TA C T", "D ATA SCIENTIST", CSS letter-spacing on "Career
// History"): poppler cuts such words into letters and kerned pairs ("TA",
// "st"), which come back one "word" each. join[i] says words i and i+1 are
// one word. A run is letter-spaced when most of its tokens are single
// letters (the gaps between them are the tracking; a gap well above it is
// a word space, and a lone "&" between words keeps its spaces); in capitals
// also when a single letter sits much closer to its neighbour than the
// run's word spaces ("D ATA  SCIENTIST"; not "JOHN F KENNEDY", evenly
// spaced). A run with small letters is letter-spaced only when its tracking
// is well under a word space, so that "a b c d" set in plain type stays
// apart.
func letterSpacing(words []bbWord) []bool {
	n := len(words)
	if n < 2 {
		return nil
	}
	single, lower := 0, false
	for _, w := range words {
		rs := []rune(w.Text)
		letters := 0
		for _, r := range rs {
			switch {
			case unicode.IsUpper(r) || r == '\'' || r == '’':
				letters++
			case unicode.IsLower(r):
				letters++
				lower = true
			case len(rs) == 1 && strings.ContainsRune("&/+-–|·", r):
			case r == '-' && len(rs) > 1: // "F-": the letter before a hyphenated name's second part
			case len(rs) == 1 && strings.ContainsRune(quoteMarks, r):
				// A nickname in quotes ("K E A LO H A " K E A "
				// D A N I E L S"): the quote stands with its word.
			default:
				return nil
			}
		}
		if len(rs) == 1 && letters == 1 {
			single++
		}
	}
	gaps := make([]float64, n-1)
	for i := range gaps {
		gaps[i] = words[i+1].XMin - words[i].XMax
	}
	join := make([]bool, n-1)
	// Light tracking: poppler cuts the words into fragments of one or
	// more letters ("E xp é r ience s", "COORDONN É ES") whose gaps are
	// well under any word space; two such gaps make the run tracked, and
	// only they are closed up.
	tiny := 0
	for i, g := range gaps {
		// A word back at the left of a wrapped cell's next line is no
		// fragment of the word ending the line above.
		join[i] = g >= -0.5 && g < maxTracking*(words[i].YMax-words[i].YMin) && oneWordChar(words[i].Text) && oneWordChar(words[i+1].Text)
		if join[i] {
			tiny++
		}
	}
	if tiny >= 2 {
		return join
	}
	clear(join)
	if single == 0 {
		return nil
	}
	if n >= 4 && single*10 >= 6*n {
		sorted := slices.Clone(gaps)
		slices.Sort(sorted)
		med := sorted[len(sorted)/2]
		if lower && med > maxTracking*(words[0].YMax-words[0].YMin) {
			return nil
		}
		for i, g := range gaps {
			join[i] = g <= 1.8*med && oneWordChar(words[i].Text) && oneWordChar(words[i+1].Text)
		}
		return join
	}
	if lower {
		return nil
	}
	widest := slices.Max(gaps)
	for i, g := range gaps {
		oneLetter := len([]rune(words[i].Text)) == 1 || len([]rune(words[i+1].Text)) == 1
		join[i] = oneLetter && g < 0.4*widest
	}
	return join
}

// maxTracking bounds, as a share of the text height, the gap between the
// letters of a word set with letter-spacing in small letters: a word space
// is about a quarter of it.
const maxTracking = 0.15

// oneWordChar says whether a token can be part of a tracked word: not a
// lone symbol such as "&", which stands between words.
func oneWordChar(t string) bool {
	rs := []rune(t)
	return len(rs) != 1 || unicode.IsLetter(rs[0]) || rs[0] == '\'' || rs[0] == '’' || strings.ContainsRune(quoteMarks, rs[0])
}

// quoteMarks open or close a quoted word; tracked, the mark sits as close
// to its word as the word's letters to each other.
const quoteMarks = "\"“”«»„"

func (s *segment) yMid() float64 { return (s.yMin + s.yMax) / 2 }

// layoutPage rebuilds reading order from word boxes: words → rows →
// segments; if a vertical gutter splits the page into two columns (with only
// header or footer rows crossing it), each column is read top to bottom in
// turn; rows are then rebuilt with segments on the same row joined by tabs.
func layoutPage(words []bbWord, width float64, page int) []Line {
	lines, _ := layoutPageAfter(words, width, page, pageSplit{})
	return lines
}

// pageSplit is where a page's text divides at x: into columns read one
// after the other, or a table's label column from its values. The zero
// value is a page read whole.
type pageSplit struct {
	x    float64
	kind gutterKind
}

// layoutPageAfter is layoutPage for a page that follows one split at prev
// (the zero pageSplit when it was not): a CV keeps its columns and its
// table over its pages, so a page too short to show a gutter by itself (a
// sidebar with one section left, a Europass form's last rows) is split
// where the page before was, if nothing crosses there. It returns where
// this page splits.
func layoutPageAfter(words []bbWord, width float64, page int, prev pageSplit) ([]Line, pageSplit) {
	segs := segmentsOf(words)
	if len(segs) == 0 {
		return nil, pageSplit{}
	}
	var regions [][]*segment
	var columns []int // the column each region is read in, when split
	grid := false     // the page is one column with a grid set in it
	labelX := 0.0
	x, kind := findGutter(segs, width)
	if kind == gutterNone && prev.x > 0 {
		switch {
		case prev.kind == gutterColumns && continuedGutter(segs, prev.x, width):
			x, kind = prev.x, gutterColumns
		case prev.kind == gutterTable && continuedTable(segs, prev.x):
			x, kind = prev.x, gutterTable
		}
	}
	// Where two headed blocks set side by side start and end, if they do.
	blocksTop, blocksBottom := math.NaN(), math.Inf(1)
	if kind == gutterNone {
		if bx, top, bottom, ok := headedBlocks(segs, width); ok {
			x, kind, blocksTop, blocksBottom = bx, gutterColumns, top, bottom
		}
	}
	if kind == gutterTable {
		// A table: read row by row, with its label column's cells cut
		// from the entries' text and wrapped label cells rejoined. A
		// header above it keeps its lines whole.
		hb := headerBottom(splitAt(segs, x), x)
		segs, labelX = wholeAbove(segs, x, hb), x
	}
	if kind == gutterColumns {
		whole := segs
		segs = splitAt(segs, x)
		var head, left, right, foot []*segment
		hb, ft := headerBottom(segs, x), math.Min(footerTop(segs), blocksBottom)
		switch {
		case !math.IsNaN(blocksTop):
			hb = blocksTop
		case gutterBelow(segs, x, width, hb) == gutterNone:
			if late, ok := lateColumns(whole, x, width); ok {
				hb = late
			}
		}
		top, bottom := columnSpan(segs, x)
		segs = wholeAbove(whole, x, hb)
		for _, s := range segs {
			switch {
			case s.yMax <= hb:
				head = append(head, s)
			case s.yMin >= ft:
				foot = append(foot, s)
			case s.xMax <= x:
				left = append(left, s)
			case s.xMin >= x:
				right = append(right, s)
			case s.yMin > top+1 && s.yMax < bottom-1:
				left = append(left, s) // a long word overflowing the left column
			case s.yMid() < (top+bottom)/2:
				head = append(head, s)
			default:
				foot = append(foot, s)
			}
		}
		regions = [][]*segment{head, left, right, foot}
		columns = []int{0, 1, 2, 0}
		if !math.IsNaN(blocksTop) {
			// Headed blocks end a one-column page's text: no page
			// columns, and the next page is read whole.
			columns, grid = nil, true
		}
		// Two blocks set side by side inside a one-column page (a skills
		// grid under full-width entries) are no page columns: the page
		// is read whole, the grid's left block then its right one, then
		// the text below the grid.
		if len(right) > 0 && runsAcross(segs, x, hb, minY(right)) {
			var above, after []*segment
			for _, s := range left {
				if s.yMin > maxY(right) {
					after = append(after, s)
				} else {
					above = append(above, s)
				}
			}
			regions, columns, grid = [][]*segment{head, above, right, after, foot}, nil, true
		}
	} else {
		regions = [][]*segment{segs}
	}
	var out []Line
	for i, reg := range regions {
		lines := rowsToLines(cellEdges(reg), page, labelX)
		if len(lines) > 0 {
			lines[0].GapBefore = true
		}
		if columns != nil {
			for j := range lines {
				lines[j].Column = columns[i]
			}
		}
		out = append(out, lines...)
	}
	switch {
	case grid:
		return out, pageSplit{}
	case kind == gutterColumns, kind == gutterTable:
		return out, pageSplit{x, kind}
	case kind == gutterNone && prev.x > 0 && !crossed(segs, prev.x):
		// A page with nothing across the split (a running footer alone,
		// a blank page with a page number) leaves it as it was.
		return out, prev
	}
	return out, pageSplit{}
}

// wholeAbove cuts at x the segments that straddle it below the height hb
// only: a line of the text above the columns keeps its words together,
// though one of them starts at x ("mise" / "à jour" of a full-width line
// over two blocks set side by side).
func wholeAbove(segs []*segment, x, hb float64) []*segment {
	var above, below []*segment
	for _, s := range segs {
		if s.yMax <= hb {
			above = append(above, s)
		} else {
			below = append(below, s)
		}
	}
	return append(above, splitAt(below, x)...)
}

// runsAcross says whether a line of several words runs across x between
// the heights top and bottom: text set full width there.
func runsAcross(segs []*segment, x, top, bottom float64) bool {
	return slices.ContainsFunc(segs, func(s *segment) bool {
		return s.xMin < x && s.xMax > x && len(s.words) > 1 && s.yMin > top && s.yMax < bottom
	})
}

// continuedTable says whether a page continues the table of the page
// before, whose label column ends at x: labels on the left and values
// starting at x on the right, rows sharing both sides, and no text
// running across x but for one line (a footnote, a footer).
func continuedTable(segs []*segment, x float64) bool {
	segs = splitAt(segs, x)
	var left, right []*segment
	across := 0
	for _, s := range segs {
		switch {
		case s.xMax <= x:
			left = append(left, s)
		case s.xMin >= x:
			right = append(right, s)
		default:
			across++
		}
	}
	if len(left) < 2 || len(right) < 2 || across > 1 {
		return false
	}
	// Each row's first value starts at x; the cells of a grid set in the
	// values (a language table) do not count.
	rows, edge, shared := 0, 0, 0
	for _, r := range right {
		if slices.ContainsFunc(right, func(o *segment) bool { return o.xMin < r.xMin && sameRow(o, r) }) {
			continue
		}
		rows++
		if math.Abs(r.xMin-(x+0.5)) <= 2 {
			edge++
		}
		if slices.ContainsFunc(left, func(l *segment) bool { return sameRow(l, r) }) {
			shared++
		}
	}
	return 2*edge >= rows && shared >= 2
}

// crossed says whether a segment runs across x.
func crossed(segs []*segment, x float64) bool {
	for _, s := range splitAt(segs, x) {
		if s.xMin < x && s.xMax > x {
			return true
		}
	}
	return false
}

// continuedGutter says whether a page can be split at the column edge x of
// the page before: text on both sides, none crossing x but a page header or
// footer, the right side starting at x.
func continuedGutter(segs []*segment, x, width float64) bool {
	segs = splitAt(segs, x)
	var left, right []*segment
	for _, s := range segs {
		switch {
		case s.xMax <= x:
			left = append(left, s)
		case s.xMin >= x:
			right = append(right, s)
		}
	}
	if len(left) == 0 || len(right) == 0 {
		return false
	}
	top := math.Max(minY(left), minY(right))
	bottom := math.Min(maxY(left), maxY(right))
	if bottom <= top {
		return false
	}
	edge := false
	for _, s := range right {
		edge = edge || math.Abs(s.xMin-(x+0.5)) <= 2
	}
	for _, s := range segs {
		if s.xMin < x && s.xMax > x && s.yMax > top+1 && s.yMin < bottom-1 {
			return false
		}
	}
	return edge && (len(left) < 2 || leftAligned(left))
}

// segmentsOf groups words into rows by vertical centre, then splits rows at
// gaps wider than about two ems.
func segmentsOf(words []bbWord) []*segment {
	sort.SliceStable(words, func(i, j int) bool {
		return (words[i].YMin + words[i].YMax) < (words[j].YMin + words[j].YMax)
	})
	var rows [][]bbWord
	var rowMid, rowH float64
	for _, w := range words {
		mid, h := (w.YMin+w.YMax)/2, w.YMax-w.YMin
		if len(rows) > 0 && math.Abs(mid-rowMid) < 0.35*math.Max(h, rowH) {
			rows[len(rows)-1] = append(rows[len(rows)-1], w)
			continue
		}
		rows = append(rows, []bbWord{w})
		rowMid, rowH = mid, h
	}
	var segs []*segment
	for _, row := range rows {
		sort.SliceStable(row, func(i, j int) bool { return row[i].XMin < row[j].XMin })
		cur := &segment{}
		for _, w := range row {
			if len(cur.words) > 0 && w.XMin-cur.xMax > 1.5*math.Max(cur.h, w.YMax-w.YMin) {
				segs = append(segs, cur)
				cur = &segment{}
			}
			cur.add(w)
		}
		segs = append(segs, cur)
	}
	markTagGaps(segs)
	return segs
}

// findGutter looks for the start of a second column: an x where many rows
// have a word starting (the column's left edge) and no word crosses just
// left of it, except in a header above (or footer below) the columns, with
// enough left-aligned text on both sides, overlapping vertically, to be two
// real columns rather than right-aligned dates. A gutter can be a single
// point wide: a sidebar heading may run right up to the main column.
// Columns that read as a table (a sparse label or date column beside the
// entries it labels) are not split: row order keeps each label with its
// entry.
func findGutter(segs []*segment, width float64) (float64, gutterKind) {
	if width <= 0 {
		for _, s := range segs {
			width = math.Max(width, s.xMax)
		}
	}
	var xs []float64
	for _, s := range segs {
		for _, w := range s.words {
			if w.XMin >= 0.2*width && w.XMin <= 0.8*width {
				xs = append(xs, w.XMin)
			}
		}
	}
	slices.Sort(xs)
	// Every distinct start is a candidate edge, supported by the starts
	// within 2pt of it. A stray word starting just left of a column (a
	// header word running over the column's edge) has the same support as
	// the edge itself, so ties go to the start most words share exactly.
	type cand struct {
		x        float64
		n, exact int
	}
	var cands []cand
	for i := 0; i < len(xs); {
		e := i
		for e < len(xs) && xs[e]-xs[i] < 0.1 {
			e++
		}
		lo, hi := i, e
		for lo > 0 && xs[i]-xs[lo-1] <= 2 {
			lo--
		}
		for hi < len(xs) && xs[hi]-xs[i] <= 2 {
			hi++
		}
		if hi-lo >= 5 {
			cands = append(cands, cand{xs[i] - 0.5, hi - lo, e - i})
		}
		i = e
	}
	slices.SortStableFunc(cands, func(a, b cand) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return b.exact - a.exact
	})
	for i, c := range cands {
		if k := gutterAt(segs, c.x, width); k != gutterNone {
			if k == gutterColumns {
				var rest []float64
				for _, o := range cands[i+1:] {
					rest = append(rest, o.x)
				}
				return columnEdge(segs, c.x, width, rest), k
			}
			return c.x, k
		}
	}
	// Columns under most of the page: the edge that leaves them the most
	// height (a row of skill chips can line up an edge of its own lower
	// down).
	best, top := 0.0, math.Inf(1)
	for _, c := range cands {
		if late, ok := lateColumns(segs, c.x, width); ok && late < top {
			best, top = c.x, late
		}
	}
	if best > 0 {
		return best, gutterColumns
	}
	return 0, gutterNone
}

// columnEdge picks, among x and the other candidate edges that also part
// two columns, the one the fewest lines run across. A column whose entries
// are indented (dates, titles and employers one step in) has more lines
// starting at the indent than at its true edge, where only its headings,
// its summary and the name above it start; split at the indent, those
// lines all run across the split and the page reads as one column with a
// grid in it. At the true edge, an indent's width or more to the left,
// nothing crosses. (A header word starting a point left of the edge is no
// edge of its own, unless no line crosses there where several cross at x:
// a column's bullets hang a point or two left of its headings' edge.)
func columnEdge(segs []*segment, x, width float64, others []float64) float64 {
	best, fewest := x, crossings(segs, x)
	for _, o := range others {
		if fewest < 2 {
			break
		}
		if n := crossings(segs, o); (o < x-minIndent || o < x && n == 0) && n < fewest && gutterAt(segs, o, width) == gutterColumns {
			best, fewest = o, n
		}
	}
	return best
}

// minIndent is the narrowest step between a column's edge and the indent
// of its entries, in points.
const minIndent = 4

// crossings counts the lines of several words that run across x.
func crossings(segs []*segment, x float64) int {
	n := 0
	for _, s := range splitAt(segs, x) {
		if s.xMin < x && s.xMax > x && len(s.words) > 1 {
			n++
		}
	}
	return n
}

// gutterKind is what a vertical gutter separates.
type gutterKind int

const (
	gutterNone    gutterKind = iota
	gutterColumns            // two text columns, read one after the other
	gutterTable              // a label or date column beside the entries, read row by row
)

// splitAt cuts segments that straddle x without any word crossing it: a
// narrow gutter can be narrower than the segment gap threshold.
func splitAt(segs []*segment, x float64) []*segment {
	out := make([]*segment, 0, len(segs))
	for _, s := range segs {
		if !(s.xMin < x && s.xMax > x) {
			out = append(out, s)
			continue
		}
		l, r := &segment{}, &segment{}
		crossed := false
		for _, w := range s.words {
			switch {
			case w.XMax <= x:
				l.add(w)
			case w.XMin >= x:
				r.add(w)
			default:
				crossed = true
			}
		}
		if crossed || len(l.words) == 0 || len(r.words) == 0 {
			out = append(out, s)
			continue
		}
		out = append(out, l, r)
	}
	return out
}

// headerBottom is where a page header spanning the gutter at x ends: the
// lowest segment crossing x within the top fifth of the page's text (a
// name, a headline or a contact line set full width above the columns).
// Everything down to it is header, whichever side of x it lies: a header
// often puts the name on the left and the address on the right. -Inf
// when nothing crosses there.
func headerBottom(segs []*segment, x float64) float64 {
	top, bottom := minY(segs), maxY(segs)
	band := top + 0.2*(bottom-top)
	hb := math.Inf(-1)
	for _, s := range segs {
		if s.xMin < x && s.xMax > x && s.yMax <= band {
			hb = math.Max(hb, s.yMax+1)
		}
	}
	return hb
}

// footerTop is where a page footer starts: the last row or two of the
// page, set well apart from the text above them near the bottom (a page
// number, a browser's footer with the file's address). +Inf when the
// page ends without one. A footer belongs to no column.
func footerTop(segs []*segment) float64 {
	if len(segs) < 4 {
		return math.Inf(1)
	}
	hs := make([]float64, len(segs))
	for i, s := range segs {
		hs[i] = s.h
	}
	slices.Sort(hs)
	h := hs[len(hs)/2]
	top, bottom := minY(segs), maxY(segs)
	var foot []*segment
	above := math.Inf(-1)
	for _, s := range segs {
		if s.yMin >= bottom-2.5*h {
			foot = append(foot, s)
		}
	}
	start := minY(foot)
	for _, s := range segs {
		if s.yMin < start {
			above = math.Max(above, s.yMax)
		}
	}
	if start-above > 2.5*h && start-top > 0.85*(bottom-top) {
		return start - 0.5
	}
	return math.Inf(1)
}

func gutterAt(segs []*segment, x, width float64) gutterKind {
	segs = splitAt(segs, x)
	return gutterBelow(segs, x, width, headerBottom(segs, x))
}

// lateColumns finds two blocks set side by side at x under the text of a
// one-column page ("Skills" beside "Certifications" at the end of the
// CV): they start on the first row below the last line running across x
// that has text on the left and text starting at x, their headings. It
// returns where they start.
func lateColumns(whole []*segment, x, width float64) (float64, bool) {
	ft := footerTop(whole)
	cross := math.Inf(-1)
	for _, s := range whole {
		if s.xMin < x && s.xMax > x && len(s.words) > 1 && s.yMin < ft {
			cross = math.Max(cross, s.yMax)
		}
	}
	segs := splitAt(whole, x)
	late := math.Inf(1)
	for _, r := range segs {
		if r.yMin > cross && r.yMid() < late && math.Abs(r.xMin-(x+0.5)) <= 2 &&
			slices.ContainsFunc(segs, func(l *segment) bool { return l.xMax <= x && sameRow(l, r) }) {
			late = r.yMid()
		}
	}
	if math.IsInf(late, 1) || math.IsInf(cross, -1) {
		return 0, false
	}
	late = math.Max(cross+0.5, late-0.5*ySpan(segs, late))
	// A row of skill chips on the left starts where the column does only
	// with its first chip.
	var starts []*segment
	for _, s := range segs {
		if s.xMax > x || !slices.ContainsFunc(segs, func(o *segment) bool {
			return o.xMax <= x && o.xMin < s.xMin && sameRow(o, s)
		}) {
			starts = append(starts, s)
		}
	}
	if gutterBelow(starts, x, width, late) != gutterColumns {
		return 0, false
	}
	// Two blocks run on independently below their headings; when most
	// rows of either side pair a left cell with a right one, the sides are
	// a label/value table ("Software<tab>AutoCAD, Revit", a date column
	// with headings in it), read row by row.
	var left, right []*segment
	for _, s := range starts {
		switch {
		case s.yMax <= late || s.yMin >= ft:
		case s.xMax <= x:
			left = append(left, s)
		case s.xMin >= x:
			right = append(right, s)
		}
	}
	if rowsMeet(starts, x, late, ft) {
		return 0, false // a table's last column, its rows met by the others
	}
	if tagRows(segs, x, late, ft) {
		return late, true
	}
	pairedShare := func(a, b []*segment) float64 {
		n := 0
		for _, s := range a {
			if slices.ContainsFunc(b, func(o *segment) bool { return sameRow(s, o) }) {
				n++
			}
		}
		return float64(n) / float64(max(len(a), 1))
	}
	if pairedShare(left, right) >= 0.6 || pairedShare(right, left) >= 0.6 {
		return 0, false
	}
	return late, true
}

// tagRows says whether most rows left of x between the heights top and
// bottom hold several cells (skill tags set side by side, "Sourcing
// Negotiation   Tendering"): a block of its own, whatever rows of the
// other side they meet, where a table's label column holds one label a
// row.
func tagRows(segs []*segment, x, top, bottom float64) bool {
	var left []*segment
	for _, s := range segs {
		if s.xMax <= x && s.yMax > top && s.yMin < bottom {
			left = append(left, s)
		}
	}
	rows, tags := 0, 0
	for _, s := range left {
		if slices.ContainsFunc(left, func(o *segment) bool { return o.xMin < s.xMin && sameRow(o, s) }) {
			continue // a row counts once, by its first cell
		}
		rows++
		if strings.Contains(s.text(), "\t") || slices.ContainsFunc(left, func(o *segment) bool { return o != s && sameRow(o, s) }) {
			tags++
		}
	}
	return tags >= 2 && tags*2 >= rows
}

// ySpan is the height of the tallest segment whose middle is at y.
func ySpan(segs []*segment, y float64) float64 {
	h := 0.0
	for _, s := range segs {
		if math.Abs(s.yMid()-y) < 0.5 {
			h = math.Max(h, s.yMax-s.yMin)
		}
	}
	return h
}

// gutterBelow is gutterAt for the part of the page below hb.
func gutterBelow(segs []*segment, x, width, hb float64) gutterKind {
	ft := footerTop(segs)
	var left, right []*segment
	for _, s := range segs {
		switch {
		case s.yMax <= hb, s.yMin >= ft:
			continue
		case s.xMax <= x:
			left = append(left, s)
		case s.xMin >= x:
			right = append(right, s)
		}
	}
	if len(left) < 5 || len(right) < 5 {
		return gutterNone
	}
	top := math.Max(minY(left), minY(right))
	bottom := math.Min(maxY(left), maxY(right))
	if bottom-top < 0.5*math.Min(maxY(left)-minY(left), maxY(right)-minY(right)) {
		return gutterNone
	}
	// A single long word (a URL in a narrow sidebar) may overflow into the
	// gutter; anything more crossing it is text spanning both sides.
	overflow := 0
	for _, s := range segs {
		crosses := s.xMin < x && s.xMax > x
		if crosses && s.yMax > hb && s.yMin < ft && s.yMax > top+1 && s.yMin < bottom-1 {
			if len(s.words) > 1 || s.xMin > x-0.2*width {
				return gutterNone
			}
			if overflow++; overflow > 2 {
				return gutterNone
			}
		}
	}
	// A column is at least a fifth of the page wide: narrower text on the
	// right is a date or place pushed to the margin.
	if maxX(right)-x < 0.2*width || !leftAligned(right) || rightAligned(right) {
		return gutterNone
	}
	// Labels set flush against the gutter (Europass) or a column much
	// sparser than the text beside it are a table's label column.
	if rightAligned(left) || labelColumn(left, right) || repeatedLabels(left, right) || entryLabels(left, right) || dateColumn(left, right) || gridBeside(left, right) ||
		colonLabels(left, right) {
		return gutterTable
	}
	if !leftAligned(left) && !indentLevels(left) {
		return gutterNone
	}
	return gutterColumns
}

// labelColumn reports whether the left side is a table's label column:
// its rows are much sparser than the right side's (one date or label per
// entry of several lines) and nearly all of them share a row with text on
// the right. A sidebar is as dense as the main column.
func labelColumn(left, right []*segment) bool {
	dl, dr := density(left), density(right)
	if dl > 0.5*dr {
		return false
	}
	aligned := 0
	for _, l := range left {
		for _, r := range right {
			if math.Abs(l.yMin-r.yMin) < 0.5*math.Max(l.h, r.h) {
				aligned++
				break
			}
		}
	}
	return aligned*10 >= len(left)*8
}

// entryLabels reports whether the left side labels entries of several
// lines on the right (a date beside each job, under headings and a
// header that fill the left side as densely as the text beside it): most
// of its rows share a row with the right side, and between many pairs of
// such rows the right side has rows of its own (the entry's other lines),
// where a sidebar set on the same baseline grid as the main column has its
// rows side by side with the main column's, one for one. The labels share
// their entries' baselines: a sidebar at a pitch of its own beside the
// main column is no label column.
func entryLabels(left, right []*segment) bool {
	rows := slices.Clone(left)
	slices.SortFunc(rows, func(a, b *segment) int { return cmp.Compare(a.yMid(), b.yMid()) })
	beside := func(l *segment) bool {
		return slices.ContainsFunc(right, func(r *segment) bool { return sameLine(l, r) })
	}
	aligned, pairs, stepped := 0, 0, 0
	for i, l := range rows {
		if !beside(l) {
			continue
		}
		aligned++
		if i+1 >= len(rows) || !beside(rows[i+1]) || sameRow(l, rows[i+1]) {
			continue
		}
		pairs++
		next := rows[i+1]
		if slices.ContainsFunc(right, func(r *segment) bool {
			return r.yMid() > l.yMid() && r.yMid() < next.yMid() && !sameRow(r, l) && !sameRow(r, next)
		}) {
			stepped++
		}
	}
	return aligned*10 >= len(left)*7 && stepped >= 3 && stepped*3 >= pairs && sharedBaselines(left, right)
}

// sameLine says whether two segments share their top or bottom edge to
// within a fifth of their height: set on one baseline, as a table's cells
// are, where a sidebar's lines only come near the main column's.
func sameLine(a, b *segment) bool {
	tol := 0.2 * math.Max(a.h, b.h)
	return math.Abs(a.yMin-b.yMin) < tol || math.Abs(a.yMax-b.yMax) < tol
}

// repeatedLabels reports whether the left side is the label column of a
// label/value table as dense as its values ("Employer", "Job title",
// "Dates" beside each job): short cells that share their row with text on
// the right, most of them recurring. A sidebar's lines do not recur.
func repeatedLabels(left, right []*segment) bool {
	seen := map[string]int{}
	aligned := 0
	for _, l := range left {
		if len(l.words) > 4 {
			return false
		}
		for _, r := range right {
			if math.Abs(l.yMin-r.yMin) < 0.5*math.Max(l.h, r.h) {
				aligned++
				seen[strings.ToLower(strings.TrimRight(l.text(), ": "))]++
				break
			}
		}
	}
	recurring, kinds := 0, 0
	for _, n := range seen {
		if n >= 2 {
			recurring += n
			kinds++
		}
	}
	// Headings above the rows stand in the label column too, alone. A
	// job's set of three or more labels recurring holds its own beside
	// the one-off labels of the contact, skills and languages rows.
	return aligned*10 >= len(left)*7 && (recurring*2 >= aligned || kinds >= 3 && recurring*3 >= aligned)
}

// density is rows per point of vertical extent.
func density(segs []*segment) float64 {
	var ys []float64
	for _, s := range segs {
		ys = append(ys, s.yMid())
	}
	slices.Sort(ys)
	rows := 0
	last := math.Inf(-1)
	for _, y := range ys {
		if y-last > 2 {
			rows++
			last = y
		}
	}
	ext := maxY(segs) - minY(segs)
	if ext <= 0 {
		return 0
	}
	return float64(rows) / ext
}

func maxX(segs []*segment) float64 {
	m := math.Inf(-1)
	for _, s := range segs {
		m = math.Max(m, s.xMax)
	}
	return m
}

// rightAligned reports whether most segments end at the same x: dates and
// places pushed to the right margin, not a column of text.
func rightAligned(segs []*segment) bool {
	ends := make([]float64, len(segs))
	starts := make([]float64, len(segs))
	for i, s := range segs {
		ends[i], starts[i] = s.xMax, s.xMin
	}
	return sharedShare(ends) > sharedShare(starts)
}

// sharedShare is the largest fraction of values within 4pt of each other.
func sharedShare(xs []float64) float64 {
	slices.Sort(xs)
	best := 0
	for i := range xs {
		j := i
		for j < len(xs) && xs[j]-xs[i] <= 4 {
			j++
		}
		best = max(best, j-i)
	}
	return float64(best) / float64(len(xs))
}

// leftAligned reports whether at least 40% of the segments, or of the
// lines, start at the same x (±2pt): the mark of a text column, unlike
// right-aligned dates. Lines count apart from segments because the cells
// of a small grid in a sidebar ("Français<tab>C2<tab>C2") can outnumber
// its lines, while a main column with its dates in a column of their own
// (a title beside each date, the rest under the title) has its segments
// aligned and its lines not.
func leftAligned(segs []*segment) bool {
	var xs, starts []float64
	for _, s := range segs {
		xs = append(xs, s.xMin)
		if !slices.ContainsFunc(segs, func(o *segment) bool { return o.xMax <= s.xMin && sameRow(o, s) }) {
			starts = append(starts, s.xMin)
		}
	}
	return len(xs) > 0 && (sharedShare(xs) >= 0.4 || sharedShare(starts) >= 0.4)
}

// indentLevels reports whether the lines of a side start at a few set
// indents: a main column whose dates stand in a column of their own, the
// title and employer beside them one step in and the bullets a step
// further, its headings on a band a few points in, has no one edge that
// two lines in five share, but every line starts at one of its levels.
// Ragged text (centred lines, dates pushed right) starts anywhere.
func indentLevels(segs []*segment) bool {
	var starts []float64
	for _, s := range segs {
		if !slices.ContainsFunc(segs, func(o *segment) bool { return o.xMax <= s.xMin && sameRow(o, s) }) {
			starts = append(starts, s.xMin)
		}
	}
	if len(starts) < minIndentedLines {
		return false
	}
	slices.Sort(starts)
	var sizes []int
	for i := 0; i < len(starts); {
		j := i
		for j < len(starts) && starts[j]-starts[i] <= 2 {
			j++
		}
		sizes = append(sizes, j-i)
		i = j
	}
	slices.SortFunc(sizes, func(a, b int) int { return b - a })
	held := 0
	for _, n := range sizes[:min(len(sizes), maxIndentLevels)] {
		held += n
	}
	return held*10 >= len(starts)*9
}

// maxIndentLevels is how many indents a column's lines start at: its edge,
// a heading's inset, the entries' text and their bullets.
const maxIndentLevels = 4

// minIndentedLines is the fewest lines that show a column's indents.
const minIndentedLines = 12

// sameRow says whether two segments sit on one row.
func sameRow(a, b *segment) bool { return math.Abs(a.yMid()-b.yMid()) < 0.35*math.Max(a.h, b.h) }

func columnSpan(segs []*segment, x float64) (top, bottom float64) {
	var left, right []*segment
	for _, s := range segs {
		switch {
		case s.xMax <= x:
			left = append(left, s)
		case s.xMin >= x:
			right = append(right, s)
		}
	}
	return math.Min(minY(left), minY(right)), math.Max(maxY(left), maxY(right))
}

func allLeftOf(segs []*segment, x float64) bool {
	for _, s := range segs {
		if s.xMax > x {
			return false
		}
	}
	return true
}

func minY(segs []*segment) float64 {
	m := math.Inf(1)
	for _, s := range segs {
		m = math.Min(m, s.yMin)
	}
	return m
}

func maxY(segs []*segment) float64 {
	m := math.Inf(-1)
	for _, s := range segs {
		m = math.Max(m, s.yMax)
	}
	return m
}

// textHeight is the height of a row's words that hold letters or digits:
// icon glyphs and rating dots ("●●○○○", Font Awesome) have taller boxes
// than the text beside them and would make a line look set in larger type.
// h when the row holds no such word.
func textHeight(segs []*segment, h float64) float64 {
	th := 0.0
	for _, s := range segs {
		for _, w := range s.words {
			if strings.IndexFunc(w.Text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
				th = math.Max(th, w.YMax-w.YMin)
			}
		}
	}
	if th == 0 {
		return h
	}
	return th
}

// cellEdges cuts a table row's cell where the text of the cell before it
// ran up to the next column with no wide gap ("Kuehne + Nagel Ltd.,
// Chattogram Senior Executive"): a word of a row already cut into cells
// (by a gap or another segment beside it), set more than a word space
// after the word before it, that starts exactly where three segments or more start on the rows
// around it (the column's other cells, its wrapped lines) starts a cell.
func cellEdges(segs []*segment) []*segment {
	starts := func(x float64, s *segment) int {
		n := 0
		for _, o := range segs {
			if o != s && math.Abs(o.xMin-x) <= 1 && math.Abs(o.yMid()-s.yMid()) < 12*math.Max(o.h, s.h) && !sameRow(o, s) {
				n++
			}
		}
		return n
	}
	var out []*segment
	for _, s := range segs {
		celled := slices.ContainsFunc(segs, func(o *segment) bool { return o != s && sameRow(o, s) })
		for i := 1; i < len(s.words) && !celled; i++ {
			celled = cellGap(s.words[i-1], s.words[i])
		}
		if !celled {
			out = append(out, s)
			continue
		}
		cur := &segment{}
		for i, w := range s.words {
			if i > 0 && w.XMin-s.words[i-1].XMax >= 0.5*s.h && !separatorWord(w.Text) && !separatorWord(s.words[i-1].Text) &&
				starts(w.XMin, s) >= 3 {
				out = append(out, cur)
				cur = &segment{}
			}
			cur.add(w)
		}
		out = append(out, cur)
	}
	return out
}

// joinOffsetCells joins a table row whose label and value cells sit at
// different heights (the value cell padded at its top, as a new entry's
// first row is): the label alone on one row and the value alone on the
// next overlap by a third of their height, where two rows of a table never
// overlap.
func joinOffsetCells(rows []layoutRow, labelX float64) []layoutRow {
	out := rows[:0]
	for i := 0; i < len(rows); i++ {
		r := rows[i]
		if i+1 < len(rows) {
			n := rows[i+1]
			overlap := math.Min(r.y+r.h/2, n.y+n.h/2) - math.Max(r.y-r.h/2, n.y-n.h/2)
			if allLeftOf(r.segs, labelX) && allRightOf(n.segs, labelX) && overlap >= 0.3*math.Max(r.h, n.h) {
				r = layoutRow{segs: append(slices.Clone(r.segs), n.segs...), y: r.y, h: math.Max(r.h, n.h)}
				i++
			}
		}
		out = append(out, r)
	}
	return out
}

// separatorWord: a dash, bar or dot set between the parts of a line
// ("3.71/4.00 – University Honors"), not a cell's first or last word.
func separatorWord(t string) bool {
	switch t {
	case "–", "—", "-", "|", "·", "•", "/":
		return true
	}
	return false
}

// layoutRow is a row of segments at y (their middle), h high; last is
// the middle of its last line when wrapped cells were joined to it.
type layoutRow struct {
	segs       []*segment
	y, h, last float64
}

func allRightOf(segs []*segment, x float64) bool {
	for _, s := range segs {
		if s.xMin < x {
			return false
		}
	}
	return true
}

// rowsToLines orders a region's segments top to bottom and joins segments
// sharing a row with tabs. A vertical gap well above the usual line pitch
// starts a new block.
func rowsToLines(segs []*segment, page int, labelX float64) []Line {
	if len(segs) == 0 {
		return nil
	}
	sort.SliceStable(segs, func(i, j int) bool {
		if math.Abs(segs[i].yMid()-segs[j].yMid()) < 0.35*math.Max(segs[i].h, segs[j].h) {
			return segs[i].xMin < segs[j].xMin
		}
		return segs[i].yMid() < segs[j].yMid()
	})
	type row = layoutRow
	var rows []row
	for _, s := range segs {
		if n := len(rows); n > 0 && math.Abs(rows[n-1].y-s.yMid()) < 0.35*math.Max(rows[n-1].h, s.h) {
			rows[n-1].segs = append(rows[n-1].segs, s)
			rows[n-1].h = math.Max(rows[n-1].h, s.h)
			continue
		}
		rows = append(rows, row{segs: []*segment{s}, y: s.yMid(), h: s.h})
	}
	if labelX > 0 {
		rows = joinOffsetCells(rows, labelX)
		// A label cell wrapped onto a row of its own ("février 2023 —" /
		// "Aujourd'hui") joins the cell above it, unless that row has
		// nothing in the label column.
		kept := rows[:0]
		for _, r := range rows {
			if n := len(kept); n > 0 && allLeftOf(r.segs, labelX) && r.y-kept[n-1].y < 1.6*math.Max(r.h, kept[n-1].h) {
				// A wrapped cell goes on in the same type; a heading
				// set larger under a label ("Permis de conduire" /
				// "INFORMATIONS" / "COMPLÉMENTAIRES") starts a row of
				// its own.
				cell := kept[n-1].segs[0]
				last := cell.words[len(cell.words)-1]
				wraps := math.Abs(r.h-(last.YMax-last.YMin)) <= 0.15*math.Max(r.h, last.YMax-last.YMin) &&
					labelWraps(cell, r.segs)
				if cell.xMax <= labelX && !allLeftOf(kept[n-1].segs, labelX) && wraps {
					for _, s := range r.segs {
						for _, w := range s.words {
							cell.add(w)
						}
					}
					continue
				}
			}
			kept = append(kept, r)
		}
		rows = kept
	}
	rows = joinWrappedValues(rows, labelX)
	// A title set in large type and wrapped in a narrow column (a name
	// over two rows: "Fatima-Zahra" / "Benali") is one line: the next row
	// starts at the same x, in the same size, and its first word would not
	// have fitted after the first row. Body text is not this large.
	var hs []float64
	right := 0.0
	for _, r := range rows {
		hs = append(hs, r.h)
		right = math.Max(right, maxX(r.segs))
	}
	slices.Sort(hs)
	body := hs[len(hs)/2]
	kept := rows[:0]
	for _, r := range rows {
		if n := len(kept); n > 0 && len(r.segs) == 1 && len(kept[n-1].segs) == 1 {
			p, s := kept[n-1].segs[0], r.segs[0]
			w := s.words[0]
			if p.h >= 1.4*body && math.Abs(s.h-p.h) <= 0.05*p.h && math.Abs(s.xMin-p.xMin) <= 2 &&
				r.y-kept[n-1].y <= 1.7*p.h && p.xMax+0.25*p.h+(w.XMax-w.XMin) > right+1 {
				for _, w := range s.words {
					p.add(w)
				}
				continue
			}
		}
		kept = append(kept, r)
	}
	rows = kept
	var pitches []float64
	for i := 1; i < len(rows); i++ {
		pitches = append(pitches, rows[i].y-rows[i-1].y)
	}
	slices.Sort(pitches)
	pitch := 0.0
	if len(pitches) > 0 {
		pitch = pitches[len(pitches)/2]
	}
	rows = joinWrappedCells(rows)
	full := fullRows(rows)
	lines := make([]Line, 0, len(rows))
	for i, r := range rows {
		parts := make([]string, len(r.segs))
		for j, s := range r.segs {
			parts[j] = s.text()
		}
		text := cleanLine(strings.Join(parts, "\t"))
		if text == "" {
			continue
		}
		gap := i > 0 && pitch > 0 && r.y-math.Max(rows[i-1].y, rows[i-1].last) > 1.45*pitch
		lines = append(lines, Line{
			Text: text, Page: page, X: r.segs[0].xMin, Y: r.segs[0].yMin, Size: textHeight(r.segs, r.h),
			Bullet: startsWithBullet(text), GapBefore: gap, Full: full[i],
		})
	}
	return lines
}
