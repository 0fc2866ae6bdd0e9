package extract

import (
	"cmp"
	"math"
	"slices"
	"unicode/utf8"
)

// tagGapMin is the narrowest gap, as a share of the text height, that can
// part two tags: a word space is about a fifth of the height, and even
// justified it seldom reaches half.
const tagGapMin = 0.5

// markTagGaps finds the gaps between tags ("chips") set side by side, each
// in its own padded box, narrower than cellGap's em: "Python  PyTorch" in
// 8pt type with 5px of padding and a 1px margin sits 0.97 of a text height
// apart. One such gap could be a stretched word space, so a gap counts
// only when the same width (to a quarter point, in type of the same
// height) parts words on two rows or more, as a stylesheet's padding
// does, and those rows end at different places: justified lines, whose
// stretched spaces may happen to match, all end at the column's right
// edge. Nor is a gap a tag's when it is barely wider than a letter: that
// is a monospaced font's word space.
func markTagGaps(segs []*segment) {
	type gap struct {
		seg  *segment
		i    int
		w, h float64
	}
	var gaps []gap
	for _, s := range segs {
		for i := 1; i < len(s.words); i++ {
			a, b := s.words[i-1], s.words[i]
			if a.Conf > 0 || b.Conf > 0 {
				continue
			}
			h := math.Min(a.YMax-a.YMin, b.YMax-b.YMin)
			if w := b.XMin - a.XMax; w >= tagGapMin*h && w < h && w >= 1.4*math.Max(advance(a), advance(b)) {
				gaps = append(gaps, gap{s, i, w, h})
			}
		}
	}
	slices.SortFunc(gaps, func(a, b gap) int { return cmp.Compare(a.w, b.w) })
	for start := 0; start < len(gaps); {
		end := start + 1
		for end < len(gaps) && gaps[end].w-gaps[start].w <= 0.25 {
			end++
		}
		var rows []*segment
		for _, g := range gaps[start:end] {
			if math.Abs(g.h-gaps[start].h) <= 0.05*g.h && !slices.Contains(rows, g.seg) {
				rows = append(rows, g.seg)
			}
		}
		if len(rows) >= 2 && raggedEnds(rows) {
			for _, g := range gaps[start:end] {
				if slices.Contains(rows, g.seg) {
					g.seg.words[g.i].tagBefore = true
				}
			}
		}
		start = end
	}
}

// advance is a word's mean width per character. In a monospaced font a
// word space is one such advance, half a text height or more, and the same
// on every row: it would pass for a tag gap.
func advance(w bbWord) float64 {
	return (w.XMax - w.XMin) / float64(max(1, utf8.RuneCountInString(w.Text)))
}

// raggedEnds says whether no two of the rows end within a point of each
// other.
func raggedEnds(rows []*segment) bool {
	for i, a := range rows {
		for _, b := range rows[i+1:] {
			if math.Abs(a.xMax-b.xMax) <= 1 {
				return false
			}
		}
	}
	return true
}
