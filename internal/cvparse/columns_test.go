package cvparse

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/utopiahire/utopiahire/internal/extract"
)

// columnDoc builds a document read as two columns: rows are
// "page:column:text", with size 24 for the rows marked by a leading "#".
func columnDoc(rows ...string) extract.Document {
	var d extract.Document
	for i, r := range rows {
		pg, col := int(r[0]-'0'), int(r[2]-'0')
		text, size := r[4:], 10.0
		if text[0] == '#' {
			text, size = text[1:], 24
		}
		x := map[int]float64{0: 40, 1: 20, 2: 220}[col]
		gap := i == 0 || rows[i-1][:3] != r[:3]
		d.Lines = append(d.Lines, extract.Line{Text: text, Page: pg, Column: col, X: x, Y: 40 + 14*float64(i%40), Size: size, GapBefore: gap})
	}
	return d
}

func TestColumnsSections(t *testing.T) {
	doc := columnDoc(
		// Page 1: the sidebar, read first, opens with contact data under
		// no heading; the main column opens with the name and headline.
		"1:1:✉ siobhan@example.ie",
		"1:1:☎ +353 87 123 4567",
		"1:1:SKILLS",
		"1:1:Figma",
		"1:1:Prototyping",
		"1:1:LANGUAGES",
		"1:1:English",
		"1:2:#Siobhán O'Connor-Nakamura",
		"1:2:UX / PRODUCT DESIGNER",
		"1:2:EXPERIENCE",
		"1:2:Lead Product Designer",
		"1:2:Revolut, Dublin\t09/2021 – present",
		"1:2:• Led a team of five designers.",
		"1:2:Junior Web Designer",
		"1:2:Granite Digital, Dublin\t06/2013 – 03/2015",
		// The page's footer, spanning the page below the columns.
		"1:0:file:///home/siobhan/cv.html\t1/2",
		// Page 2: each column goes on with its own last section.
		"2:1:German",
		"2:1:Japanese",
		"2:2:• Websites for Irish SMEs in WordPress.",
		"2:2:EDUCATION",
		"2:2:MSc Interaction Design",
		"2:2:Trinity College Dublin\t2012 – 2013",
	)
	got := Parse(doc)
	if got.Contact.Name != "Siobhán O'Connor-Nakamura" || got.Contact.Email != "siobhan@example.ie" {
		t.Errorf("contact = %+v", got.Contact)
	}
	want := []expKey{
		{"Lead Product Designer", "Revolut", "Dublin", "09/2021", "Present"},
		{"Junior Web Designer", "Granite Digital", "Dublin", "06/2013", "03/2015"},
	}
	if diff := cmp.Diff(want, expKeys(got.Experience)); diff != "" {
		t.Errorf("experience (-want +got):\n%s", diff)
	}
	if n := len(got.Experience); n == 2 && !slices.Contains(got.Experience[1].Bullets, "Websites for Irish SMEs in WordPress.") {
		t.Errorf("bullets of the job continued on page 2 = %q", got.Experience[1].Bullets)
	}
	if diff := cmp.Diff([]eduKey{{"MSc Interaction Design", "Trinity College Dublin", "2012", "2013"}}, eduKeys(got.Education)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
	if s := fmt.Sprint(got.Experience); strings.Contains(s, "cv.html") {
		t.Errorf("footer read as part of a job: %s", s)
	}
	if diff := cmp.Diff([]string{"English", "Figma", "German", "Japanese", "Prototyping"}, allSkills(got.Skills)); diff != "" {
		t.Errorf("skills (-want +got):\n%s", diff)
	}
}
