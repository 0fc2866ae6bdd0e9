package cvparse

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/extract"
)

// Variations on the experience layouts of the sixth blind set
// (testdata/blind6), written with invented text.

// styledDoc builds a word-processor document from lines; a line opening
// with "# " is styled as a heading.
func styledDoc(text string) extract.Document {
	var lines []extract.Line
	for _, t := range strings.Split(text, "\n") {
		l := extract.Line{Text: t}
		if h, ok := strings.CutPrefix(t, "# "); ok {
			l = extract.Line{Text: h, Heading: true, Bold: true, GapBefore: true}
		}
		lines = append(lines, l)
	}
	return extract.Document{Kind: extract.KindDOCX, Lines: lines}
}

// A table's row of column headings styled as a heading under the section
// heading heads the table's columns: the rows under it are the section's
// entries, not another section's text.
func TestVariationStyledColumnHeads(t *testing.T) {
	cases := []struct {
		name, heads, row string
		want             []expWant
	}{
		{"fr", "Période\tEntreprise\tPoste\tLieu", "03/2018 – 06/2021\tBrasserie du Port\tCheffe de rang\tVannes",
			[]expWant{{"Cheffe de rang", "Brasserie du Port", "Vannes", "03/2018", "06/2021"}}},
		{"en", "Dates\tCompany\tRole\tLocation", "2016 – 2019\tHarbour Logistics\tShift Supervisor\tDover",
			[]expWant{{"Shift Supervisor", "Harbour Logistics", "Dover", "2016", "2019"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := styledDoc("Jane Roe\njane@example.com\n# Experience\n# " + tc.heads + "\n" + tc.row + "\n# Skills\nExcel, SQL")
			if diff := cmp.Diff(tc.want, expsOf(Parse(doc))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
