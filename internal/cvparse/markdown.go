package cvparse

import (
	"regexp"
	"strings"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// reMDTableSep is the row under a Markdown table's header ("|---|:--:|").
var reMDTableSep = regexp.MustCompile(`^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?$`)

// mdTables reads the tables of a CV typed in Markdown ("| English | Native
// |"): a row becomes its tab-separated cells, as a word processor's table
// row does; the separator row becomes a rule, and the header row above it
// is dropped (it names the columns: "| Language | Level |").
func mdTables(in []extract.Line) []extract.Line {
	out := make([]extract.Line, 0, len(in))
	for i, l := range in {
		t := strings.TrimSpace(l.Text)
		if reMDTableSep.MatchString(t) {
			l.Text = "---"
			out = append(out, l)
			continue
		}
		if row, ok := mdTableRow(t); ok {
			if i+1 < len(in) && reMDTableSep.MatchString(strings.TrimSpace(in[i+1].Text)) {
				continue
			}
			l.Text = row
		}
		out = append(out, l)
	}
	return out
}

// mdTableRow reads "| a | b |" as the cells "a<tab>b".
func mdTableRow(t string) (string, bool) {
	if len(t) < 3 || t[0] != '|' || t[len(t)-1] != '|' || strings.Count(t, "|") < 3 {
		return "", false
	}
	cells := strings.Split(t[1:len(t)-1], "|")
	for i, c := range cells {
		cells[i] = strings.TrimSpace(c)
	}
	return strings.Join(cells, "\t"), true
}
