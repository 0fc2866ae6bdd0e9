package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// page builds word boxes for layout tests: each placed text is split into
// words 5pt per character wide, 3pt apart, 10pt high at its x and y.
type page []bbWord

func (p *page) at(x, y float64, text string) *page {
	for _, w := range strings.Fields(text) {
		wd := 5 * float64(len([]rune(w)))
		*p = append(*p, bbWord{XMin: x, YMin: y, XMax: x + wd, YMax: y + 10, Text: w})
		x += wd + 3
	}
	return p
}

// lines lays the page out on an A4-wide page and returns its lines' text.
func (p *page) lines() []string {
	var out []string
	for _, l := range layoutPage(append([]bbWord(nil), *p...), 595, 1) {
		out = append(out, l.Text)
	}
	return out
}

func TestLayoutSidebarUnderHeader(t *testing.T) {
	// A full-width header above a left sidebar (x=20) and a main column
	// (x=220): the header's last word starts 1pt left of the main column's
	// edge and crosses it, so the edge must not be taken from that word.
	p := &page{}
	p.at(40, 30, "Jane Doe")
	p.at(82, 50, "Senior Platform Engineer and Developer")
	side := []string{"CONTACT", "+1 555 0100", "jane@example.com", "SKILLS", "Go", "Kubernetes", "LANGUAGES", "English", "French"}
	main := []string{"EXPERIENCE", "Staff Engineer", "Acme Corp, Berlin | 2020 – Present", "Led the platform team of twelve people",
		"EDUCATION", "MSc Computer Science", "TU Berlin | 2014 – 2016"}
	for i, s := range side {
		p.at(20, 100+float64(i)*14, s)
	}
	for i, s := range main {
		p.at(220, 100+float64(i)*14, s)
	}
	want := append(append([]string{"Jane Doe", "Senior Platform Engineer and Developer"}, side...), main...)
	if diff := cmp.Diff(want, p.lines()); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
}
