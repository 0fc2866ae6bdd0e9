package cvparse

import (
	"math"
	"slices"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// OCR reads a CV whose dates and headings stand in a column of their own
// at the left (the Swiss and German layout: "03.2014 – 08.2019" beside
// "Secrétaire de direction") as two blocks, the whole label column and
// then the whole content column, so every date lands far from its job.
// The content's lines then go back up the page to the rows the labels
// stand on. rejoinLabelColumn sets each label and the content level with
// it on one row, as a text layer gives them ("03.2014 – 08.2019<tab>
// Secrétaire de direction"), and the rest in the page's order.

const (
	// minColumnShift is how far right of the labels, in points, the
	// content column starts.
	minColumnShift = 60
	// minLevelRows is the fewest labels that must stand level with a
	// content line: a sidebar read before the main column has none but
	// by chance.
	minLevelRows = 3
)

func rejoinLabelColumn(lines []extract.Line) []extract.Line {
	out := slices.Clone(lines)
	for i := 1; i < len(out); i++ {
		start, end, ok := labelColumnAt(out, i)
		if !ok {
			continue
		}
		rows, ok := levelRows(out[start:i], out[i:end])
		if !ok {
			continue
		}
		out = slices.Concat(out[:start], rows, out[end:])
		i = start + len(rows) - 1
	}
	return out
}

// labelColumnAt says whether lines[i] goes back up the page and to the
// right of the line before, as a column read after its labels does, and
// gives the labels' run (start to i) and the content's (i to end): each
// runs down the page at its own left edge.
func labelColumnAt(lines []extract.Line, i int) (start, end int, ok bool) {
	prev, l := lines[i-1], lines[i]
	if prev.Column == 1 && l.Column == 2 {
		// The layout found two page columns here (a sidebar beside the
		// main column, whose lines may stand level with the main
		// column's on one baseline grid): no labels to set back.
		return 0, 0, false
	}
	if l.Page != prev.Page || l.Y > prev.Y-3*max(l.Size, prev.Size) || l.X < prev.X+minColumnShift {
		return 0, 0, false
	}
	start = i - 1
	for start > 0 && lines[start-1].Page == prev.Page && lines[start-1].Y < lines[start].Y && math.Abs(lines[start-1].X-prev.X) <= prev.Size {
		start--
	}
	end = i + 1
	for end < len(lines) && lines[end].Page == l.Page && lines[end].Y >= lines[end-1].Y && lines[end].X >= prev.X+minColumnShift {
		end++
	}
	return start, end, l.Y >= lines[start].Y-prev.Size
}

// levelRows joins each label to the content line level with it (within
// half a line) and orders all the lines down the page; it fails when too
// few labels have a line beside them to be a label column.
func levelRows(labels, content []extract.Line) ([]extract.Line, bool) {
	used := make([]bool, len(content))
	var rows []extract.Line
	level := 0
	for _, l := range labels {
		j := slices.IndexFunc(content, func(c extract.Line) bool { return math.Abs(c.Y-l.Y) <= l.Size/2 })
		if j >= 0 && used[j] {
			j = -1
		}
		if j < 0 {
			rows = append(rows, l)
			continue
		}
		used[j], level = true, level+1
		c := content[j]
		l.Text += "\t" + c.Text
		l.GapBefore = l.GapBefore || c.GapBefore
		l.Full = false
		rows = append(rows, l)
	}
	if level < minLevelRows || 2*level < len(labels) {
		return nil, false
	}
	for j, c := range content {
		if !used[j] {
			rows = append(rows, c)
		}
	}
	slices.SortStableFunc(rows, func(a, b extract.Line) int {
		switch {
		case a.Y < b.Y:
			return -1
		case a.Y > b.Y:
			return 1
		}
		return 0
	})
	return rows, true
}
