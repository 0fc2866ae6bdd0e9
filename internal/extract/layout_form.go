package extract

import (
	"math"
	"slices"
	"strings"
)

// colonLabels reports whether the left side is a form's label column
// ("Nom :", "Période :", "Languages:" beside their values): most of its
// cells that share a line with the right side end with a colon, three or
// more do, and they are most of the left side (the rest being the
// section headings set in the label column). A form's page that holds no
// label twice (the last page, with the skills and languages rows) is as
// dense as its values; a sidebar's lines do not end with a colon on the
// line of the main column's text.
func colonLabels(left, right []*segment) bool {
	beside, colon := 0, 0
	for _, l := range left {
		if !slices.ContainsFunc(right, func(r *segment) bool { return sameLine(l, r) }) {
			continue
		}
		beside++
		if t := strings.TrimSpace(l.text()); strings.HasSuffix(t, ":") || strings.HasSuffix(t, "：") {
			colon++
		}
	}
	return colon >= 3 && colon*10 >= beside*7 && beside*10 >= len(left)*6
}

// joinWrappedValues joins a form's value wrapped onto a row of its own
// ("Titre professionnel … – AFPA" / "Auvergne-Rhône-Alpes, Lyon" beside
// "2019 :"): a row holding one segment, in the value column where the row
// above, a label (see formLabel) and its value, starts its value, in the
// same type, one line below, whose first word would not have fitted at
// the end of the value's line before the column's right edge. A value
// that ends short of the edge, or with a sentence's end, ended there: the
// row under it is the next item, as is a row opening with a bullet or set
// in a smaller type (an entry's description under a dates column). A word
// cut at a hyphen is left to the parser, which mends it without a space.
func joinWrappedValues(rows []layoutRow, labelX float64) []layoutRow {
	right := 0.0
	for _, r := range rows {
		right = math.Max(right, maxX(r.segs))
	}
	kept := rows[:0]
	for _, r := range rows {
		n := len(kept)
		if n > 0 && len(r.segs) == 1 && len(kept[n-1].segs) == 2 && formLabel(kept[n-1].segs[0], labelX) {
			p, s := kept[n-1].segs[1], r.segs[0]
			end, w := p.words[len(p.words)-1], s.words[0]
			if math.Abs(s.xMin-p.xMin) <= 2 && math.Abs(s.h-p.h) <= 0.05*p.h && r.y-kept[n-1].y <= 1.6*math.Max(r.h, kept[n-1].h) &&
				!startsWithBullet(s.text()) &&
				end.XMax+0.25*p.h+(w.XMax-w.XMin) > right+1 && !strings.ContainsAny(end.Text[len(end.Text)-1:], ".;:!?-") {
				for _, w := range s.words {
					p.add(w)
				}
				kept[n-1].last = r.y // the paragraph goes on to here
				continue
			}
		}
		kept = append(kept, r)
	}
	return kept
}

// formLabel says whether a row's first segment is a form's label: it lies
// in the label column of a page read as a table (labelX > 0), or it ends
// with a colon ("Période :" on a page read whole).
func formLabel(s *segment, labelX float64) bool {
	if labelX > 0 {
		return s.xMax <= labelX
	}
	t := strings.TrimSpace(s.text())
	return strings.HasSuffix(t, ":") || strings.HasSuffix(t, "：")
}
