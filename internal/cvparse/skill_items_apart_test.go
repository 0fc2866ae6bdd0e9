package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/utopiahire/utopiahire/internal/extract"
)

// A sidebar list one skill a line, each over its skill bar and so set
// well apart: a tool's lower-case name ("pandas") is a skill of its own, not
// the wrapped rest of the line above. Set at a wrapped line's pitch, the
// word still goes on the line above ("Problem" / "solving").
func TestSkillItemsApart(t *testing.T) {
	doc := func(pitch float64, items ...string) extract.Document {
		d := extract.Document{Pages: 1}
		y := 100.0
		ls := []extract.Line{
			{Text: "Jane Roe"}, {Text: "jane@example.com"},
			{Text: "Experience", GapBefore: true}, {Text: "Data Engineer, Acme Ltd\t2019 – 2022"},
			{Text: "Skills", GapBefore: true},
		}
		for _, it := range items {
			ls = append(ls, extract.Line{Text: it})
		}
		for _, l := range ls {
			l.Page, l.X, l.Y, l.Size = 1, 30, y, 12
			d.Lines = append(d.Lines, l)
			y += pitch
		}
		return d
	}
	if got, want := allSkills(Parse(doc(22, "Python", "Apache Kafka", "pandas")).Skills), []string{"Apache Kafka", "Python", "pandas"}; !cmp.Equal(got, want) {
		t.Errorf("set apart: skills %q, want %q", got, want)
	}
	if got, want := allSkills(Parse(doc(14, "Python", "Problem", "solving")).Skills), []string{"Problem solving", "Python"}; !cmp.Equal(got, want) {
		t.Errorf("at a line's pitch: skills %q, want %q", got, want)
	}
}
