package extract

import "math"

// fullRows marks the rows of a region that run to its right edge: the row
// under it is one segment set at the same x in the same type as the row's
// last cell, one line down, and its first word would not have fitted
// after the row's last.
// That is how a typesetter wraps a line, in a narrow sidebar as in a
// paragraph ("Universidade Federal de Santa" / "Catarina (UFSC)"); a line
// that ends short of the edge was ended on purpose. The region's edge is
// where its furthest line ends.
func fullRows(rows []layoutRow) []bool {
	full := make([]bool, len(rows))
	right := math.Inf(-1)
	for _, r := range rows {
		right = math.Max(right, maxX(r.segs))
	}
	for i := 0; i+1 < len(rows); i++ {
		r, n := rows[i], rows[i+1]
		if len(n.segs) != 1 || !nextLine(r, n) {
			continue
		}
		// A row of cells wraps in its last cell ("2020 – 2021<tab>
		// MicroMasters Program in Supply Chain" / "Management" under it).
		p, s := r.segs[len(r.segs)-1], n.segs[0]
		last, w := p.words[len(p.words)-1], s.words[0]
		h := last.YMax - last.YMin
		if math.Abs(s.xMin-p.xMin) > 2 || math.Abs((w.YMax-w.YMin)-h) > 0.1*h {
			continue
		}
		full[i] = last.XMax+0.25*h+(w.XMax-w.XMin) > right+1
	}
	return full
}
