package cvparse

import (
	"slices"
	"testing"
)

// Letters a PDF kept as one ligature glyph ("Oﬀice", "Proﬁciency") read
// as the plain letters they stand for.
func TestLigaturesSpelledOut(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Ada Obi\nada@example.com\n\nSKILLS\nMS Oﬀice, AutoCAD\n", "MS Office"},
		{"Léa Roy\nlea@exemple.fr\n\nCOMPÉTENCES\nLogiciels de modélisation ﬁnancière, Excel\n", "Logiciels de modélisation financière"},
		{"Tom Hale\ntom@example.com\n\nSKILLS\nWorkﬂow automation, Python\n", "Workflow automation"},
	} {
		c := ParseText(tc.text)
		all := slices.Concat(c.Skills.Technical, c.Skills.Tools, c.Skills.Other)
		if !slices.Contains(all, tc.want) {
			t.Errorf("skills %+v, want %q among them", c.Skills, tc.want)
		}
	}
}
