package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A qualification told as a phrase, as Indian CVs write their education
// ("B.E. (Civil) from <school>, <town>, 2014 - 2018 with 71.3%."), its
// bullet wrapped over lines: the degree before "from", the school and
// town after it, the year and the mark; an examining board after the
// town goes to the notes.
func TestDegreeFromSentences(t *testing.T) {
	body := "* B.E. (Civil Engineering) from Kestrel Valley Institute of\nTechnology, Nashik, 2014 - 2018 with 71.3%.\n" +
		"* HSC (Science) from Marigold Junior College, Nashik, Board of\nHigher Secondary Education Maharashtra, in 2014 with 84.6%.\n" +
		"* SSC from Lotus English High School, Ozar, in 2012 with 8.8 CGPA.\n"
	c := parseEducation(body)
	want := []eduWant{
		{"B.E. (Civil Engineering)", "Kestrel Valley Institute of Technology", "Nashik", "2014", "2018"},
		{"HSC (Science)", "Marigold Junior College", "Nashik", "", "2014"},
		{"SSC", "Lotus English High School", "Ozar", "", "2012"},
	}
	if diff := cmp.Diff(want, edusOf(c)); diff != "" {
		t.Errorf("education (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"71.3%", "84.6%", "8.8"}, gpasOf(c)); diff != "" {
		t.Errorf("gpa (-want +got):\n%s", diff)
	}
	if len(c.Education) == 3 && c.Education[1].Description != "Board of Higher Secondary Education Maharashtra" {
		t.Errorf("HSC notes = %q, want the board", c.Education[1].Description)
	}
}
