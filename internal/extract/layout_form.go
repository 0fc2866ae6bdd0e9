package extract

import (
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
