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

// headedBlocks finds two blocks set side by side under the text of a
// one-column page that each open with a heading on one row ("SKILLS" beside
// "LANGUAGES", "Education" beside "Strengths"), where no column edge forms:
// the right block's lines start at a few x (its heading, a list indented
// under it, tags padded in their boxes) or are too few. The blocks run
// from the headings' row down to the first line running across them (or
// the footer), with a strip of white between them that no line crosses.
// A label/value table does not open with a heading set larger on each
// side. It returns the right block's left edge and the blocks' top and
// bottom.
func headedBlocks(segs []*segment, width float64) (x, top, bottom float64, ok bool) {
	ft := footerTop(segs)
	rows := slices.Clone(segs)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].yMin < rows[j].yMin })
	for _, l := range rows {
		if l.yMin >= ft {
			break
		}
		r := nextInRow(segs, l)
		if r == nil || r.xMin < 0.3*width || r.xMin > 0.75*width || nextInRow(segs, r) != nil {
			continue // no heading, or a table's row of cells
		}
		top := math.Min(l.yMin, r.yMin) - 0.5
		bottom := blocksBottom(rows, l, r, top, ft)
		if x, ok := blocksFrom(segs, l, r, top, bottom, width); ok {
			return x, top, blocksEnd(segs, x, top, bottom), true
		}
	}
	return 0, 0, 0, false
}

// blocksBottom is where the first line from top on that runs from l's
// block into r's starts: the blocks end there, or at the footer at ft.
func blocksBottom(rows []*segment, l, r *segment, top, ft float64) float64 {
	var region []*segment
	for _, s := range rows {
		if s.yMin < top {
			continue
		}
		if s.yMin >= ft {
			return ft
		}
		region = append(region, s)
		if !slices.Contains(region, l) || !slices.Contains(region, r) {
			continue // the headings' row is not all in yet
		}
		if _, ok := whiteStrip(region, l, r); !ok {
			return s.yMin - 0.5
		}
	}
	return ft
}

// blocksEnd trims the blocks' bottom to the end of the right block when
// the left one's lines below it are set apart by a blank line: those are
// a section across the page, its heading not yet met by a long line.
func blocksEnd(segs []*segment, x, top, bottom float64) float64 {
	var right, after []*segment
	for _, s := range segs {
		if s.yMin >= top && s.yMin < bottom && s.xMin >= x {
			right = append(right, s)
		}
	}
	end := maxY(right)
	prev := math.Inf(-1)
	for _, s := range segs {
		switch {
		case s.yMin < top || s.yMin >= bottom:
		case s.yMin <= end:
			prev = math.Max(prev, s.yMax)
		default:
			after = append(after, s)
		}
	}
	slices.SortFunc(after, func(a, b *segment) int { return cmp.Compare(a.yMin, b.yMin) })
	for _, s := range after {
		if s.yMin-prev > s.h {
			return s.yMin - 0.5
		}
		prev = math.Max(prev, s.yMax)
	}
	return bottom
}

// nextInRow is the segment that follows s on its row, nil when none does.
func nextInRow(segs []*segment, s *segment) *segment {
	var next *segment
	for _, o := range segs {
		if o.xMin > s.xMax && sameRow(o, s) && (next == nil || o.xMin < next.xMin) {
			next = o
		}
	}
	return next
}

// blocksFrom checks that the part of the page from top to bottom
// is two blocks opening with the headings l and r: a strip of white runs
// down between them, each side has rows of its own under its heading, set
// smaller than it, and the right side is a text block (its lines start
// together, not ending together as dates pushed to the margin do). It
// returns where the right block starts.
func blocksFrom(segs []*segment, l, r *segment, top, bottom, width float64) (float64, bool) {
	var region []*segment
	for _, s := range segs {
		if s.yMin >= top && s.yMin < bottom {
			region = append(region, s)
		}
	}
	x, ok := whiteStrip(region, l, r)
	if !ok {
		return 0, false
	}
	var left, right []*segment
	for _, s := range region {
		if s.xMax < x {
			left = append(left, s)
		} else {
			right = append(right, s)
		}
	}
	if !heading(l, left) || !heading(r, right) || len(left) < 3 || len(right) < 3 {
		return 0, false
	}
	if maxX(right)-x < 0.2*width || !leftAligned(right) || rightAligned(right) {
		return 0, false
	}
	return x - 0.5, true
}

// whiteStrip finds a strip of white, an em wide or more, that no
// segment of the region covers, between the block of text holding l and
// the one holding r: it returns the left edge of r's block, false when a
// line runs from one to the other.
func whiteStrip(region []*segment, l, r *segment) (float64, bool) {
	spans := slices.Clone(region)
	slices.SortFunc(spans, func(a, b *segment) int { return cmp.Compare(a.xMin, b.xMin) })
	type block struct{ start, end float64 }
	var blocks []block
	for _, s := range spans {
		if n := len(blocks); n > 0 && s.xMin <= blocks[n-1].end+r.h {
			blocks[n-1].end = math.Max(blocks[n-1].end, s.xMax)
			continue
		}
		blocks = append(blocks, block{s.xMin, s.xMax})
	}
	in := func(s *segment) int {
		return slices.IndexFunc(blocks, func(b block) bool { return b.start <= s.xMin && s.xMax <= b.end })
	}
	if li, ri := in(l), in(r); li >= 0 && ri > li {
		return blocks[ri].start, true
	}
	return 0, false
}

// heading says whether s heads a block of the segments side: a few words
// opening with a capital, set larger than the block's other lines. Words
// read by OCR have ink boxes, as tall as their letters reach: their
// heights tell no type size apart by so little.
func heading(s *segment, side []*segment) bool {
	text := s.text()
	first, _ := utf8.DecodeRuneInString(text)
	if len(strings.Fields(text)) > 6 || !unicode.IsUpper(first) || slices.ContainsFunc(s.words, func(w bbWord) bool { return w.Conf > 0 }) {
		return false
	}
	var hs []float64
	for _, o := range side {
		if o != s && !sameRow(o, s) {
			hs = append(hs, o.h)
		}
	}
	if len(hs) == 0 {
		return false
	}
	slices.Sort(hs)
	return s.h >= 1.05*hs[len(hs)/2]
}
